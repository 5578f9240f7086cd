import * as fc from "fast-check";
import { Decimal } from "../../numbers/decimal.js";
import { fromArray } from "../../projection/source.js";
import type { Projection } from "../../projection/projection.js";
import { period as periodNamed, type Period } from "../../time/period.js";
import { buildLog, type LogScript } from "../log.js";
import { arbSplitPeriod } from "../time.js";
import { assertSame, LawViolation, periodsOf, replayerOf, type LawSubject } from "./common.js";

export interface AdditivitySubject extends LawSubject {
  /** Adjacent periods and their union; default `arbSplitPeriod()`. */
  readonly split?: fc.Arbitrary<{ readonly first: Period; readonly second: Period; readonly whole: Period }>;
}

type Figure = string | number | Decimal | undefined | null;

const asDecimal = (value: Figure): Decimal => (value === undefined || value === null ? new Decimal(0) : new Decimal(value));

/**
 * Period additivity for a flow: the figure for [a, b] plus the figure for [b + 1, c] equals the
 * figure for [a, c] (costs of T1 + costs of T2 = costs of T1..T2). `figure` picks the flow out of
 * the result; absent counts as zero.
 */
export const periodAdditivityLaw = <S, R>(
  projection: Projection<S, R>,
  figure: (result: R) => Figure,
  subject: AdditivitySubject,
): fc.IAsyncPropertyWithHooks<[LogScript, { readonly first: Period; readonly second: Period; readonly whole: Period }]> =>
  fc.asyncProperty(subject.log, subject.split ?? arbSplitPeriod(), async (script, { first, second, whole }) => {
    const { events } = await buildLog(subject.catalog, script);
    const run = replayerOf(subject);
    const of = async (period: Period): Promise<Decimal> => asDecimal(figure(await run(fromArray(events), subject.catalog, projection, { period })));
    const [a, b, total] = [await of(first), await of(second), await of(whole)];
    if (!a.plus(b).equals(total)) throw new LawViolation(`period additivity: ${projection.name} ${first.name} (${a.toFixed()}) + ${second.name} (${b.toFixed()}) ≠ ${whole.name} (${total.toFixed()})`);
  });

/**
 * Stock at end: a stock for a period is the stock on its last day. `stock` picks the stock out of
 * the result; it must equal the one computed for the one-day period of the last day, compared as
 * `assertSame` compares (undefined equals undefined, Maps and Sets by their contents; what no law
 * can compare, such as a class instance, fails, naming its path).
 */
export const stockAtEndLaw = <S, R>(projection: Projection<S, R>, stock: (result: R) => unknown, subject: LawSubject): fc.IAsyncPropertyWithHooks<[LogScript, Period]> =>
  fc.asyncProperty(subject.log, periodsOf(subject), async (script, period) => {
    const { events } = await buildLog(subject.catalog, script);
    const run = replayerOf(subject);
    const lastDay = periodNamed(period.end);
    const forPeriod = stock(await run(fromArray(events), subject.catalog, projection, { period }));
    const forLastDay = stock(await run(fromArray(events), subject.catalog, projection, { period: lastDay }));
    assertSame(`stock at end: ${projection.name} for ${period.name} must equal its stock on ${period.end}`, forLastDay, forPeriod, { root: "stock" });
  });
