import * as fc from "fast-check";
import { Decimal } from "../../numbers/decimal.js";
import { fromArray } from "../../projection/source.js";
import type { Projection } from "../../projection/projection.js";
import { period as periodNamed, type Period } from "../../time/period.js";
import { buildLog, type LogScript } from "../log.js";
import { arbSplitPeriod } from "../time.js";
import { assertSame, LawViolation, periodsOf, replayerOf, type LawSubject } from "./common.js";
import { describeReading, UNDEFINED_READINGS_LIMIT, undefinedReadingsWatch } from "./compare.js";

export interface AdditivitySubject extends LawSubject {
  /** Adjacent periods and their union; default `arbSplitPeriod()`. */
  readonly split?: fc.Arbitrary<{ readonly first: Period; readonly second: Period; readonly whole: Period }>;
}

type Figure = string | number | Decimal | undefined | null;

/** A number as results may carry one: decimal notation, optionally signed, optionally with an exponent. */
const NUMERIC = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * The figure read for a period as a Decimal (null: zero), or undefined when the accessor read
 * undefined; a LawViolation for anything that is not a number, a numeric string or a Decimal.
 */
const asDecimal = (law: string, value: unknown, where: string): Decimal | undefined => {
  if (value === undefined) return undefined;
  if (value === null) return new Decimal(0);
  if (typeof value === "number" && Number.isFinite(value)) return new Decimal(value);
  if (typeof value === "string" && NUMERIC.test(value)) return new Decimal(value);
  if (Decimal.isDecimal(value) && value.isFinite()) return new Decimal(value);
  throw new LawViolation(`${law}: the figure read by your accessor for ${where} is ${describeReading(value)}, not a finite number, numeric string or Decimal: check the accessor (it must pick the flow's figure out of the result)`);
};
/** The message of a law whose accessor read undefined in every run so far. */
const readsNothing = (law: string, what: string, count: number): LawViolation =>
  new LawViolation(
    `${law}: the ${what} read by your accessor is undefined in every run: check the accessor (not one of the ${count} runs so far found a value; runs where it is undefined are discarded, as they check nothing, and after ${UNDEFINED_READINGS_LIMIT} with nothing else the law fails; where it is rightly absent, return null or 0 instead)`,
  );

/**
 * Period additivity for a flow: the figure for [a, b] plus the figure for [b + 1, c] equals the
 * figure for [a, c] (costs of T1 + costs of T2 = costs of T1..T2). `figure` picks the flow out of
 * the result: a finite number, a numeric string or a Decimal; null counts as zero, and so does
 * undefined in a run where another of the three periods has a figure. Anything else fails the
 * law. A run where all three are undefined checks nothing and is discarded; when the first
 * `UNDEFINED_READINGS_LIMIT` runs all read undefined (a typo'd accessor), the law fails and says so.
 */
export const periodAdditivityLaw = <S, R>(
  projection: Projection<S, R>,
  figure: (result: R) => Figure,
  subject: AdditivitySubject,
): fc.IAsyncPropertyWithHooks<[LogScript, { readonly first: Period; readonly second: Period; readonly whole: Period }]> => {
  const law = `period additivity (${projection.name})`;
  const watch = undefinedReadingsWatch((count) => readsNothing(law, "figure", count));
  return fc.asyncProperty(subject.log, subject.split ?? arbSplitPeriod(), async (script, { first, second, whole }) => {
    const { events } = await buildLog(subject.catalog, script);
    const run = replayerOf(subject);
    const of = async (period: Period): Promise<Decimal | undefined> => asDecimal(law, figure(await run(fromArray(events), subject.catalog, projection, { period })), period.name);
    const read = [await of(first), await of(second), await of(whole)];
    const defined = read.some((value) => value !== undefined);
    watch.saw(defined);
    fc.pre(defined);
    const [a, b, total] = read.map((value) => value ?? new Decimal(0)) as [Decimal, Decimal, Decimal];
    if (!a.plus(b).equals(total)) throw new LawViolation(`period additivity: ${projection.name} ${first.name} (${a.toFixed()}) + ${second.name} (${b.toFixed()}) ≠ ${whole.name} (${total.toFixed()})`);
  });
};

/**
 * Stock at end: a stock for a period is the stock on its last day. `stock` picks the stock out of
 * the result; it must equal the one computed for the one-day period of the last day, compared as
 * `assertSame` compares (undefined equals undefined, Maps and Sets by their contents; what no law
 * can compare, such as a class instance, fails, naming its path). A run where both are undefined
 * checks nothing and is discarded; when the first `UNDEFINED_READINGS_LIMIT` runs all read
 * undefined (a typo'd accessor), the law fails and says so.
 */
export const stockAtEndLaw = <S, R>(projection: Projection<S, R>, stock: (result: R) => unknown, subject: LawSubject): fc.IAsyncPropertyWithHooks<[LogScript, Period]> => {
  const watch = undefinedReadingsWatch((count) => readsNothing(`stock at end (${projection.name})`, "stock", count));
  return fc.asyncProperty(subject.log, periodsOf(subject), async (script, period) => {
    const { events } = await buildLog(subject.catalog, script);
    const run = replayerOf(subject);
    const lastDay = periodNamed(period.end);
    const forPeriod = stock(await run(fromArray(events), subject.catalog, projection, { period }));
    const forLastDay = stock(await run(fromArray(events), subject.catalog, projection, { period: lastDay }));
    const defined = forPeriod !== undefined || forLastDay !== undefined;
    watch.saw(defined);
    fc.pre(defined);
    assertSame(`stock at end: ${projection.name} for ${period.name} must equal its stock on ${period.end}`, forLastDay, forPeriod, { root: "stock" });
  });
};
