import * as fc from "fast-check";
import type { Catalog } from "../../events/catalog.js";
import type { Projection } from "../../projection/projection.js";
import { replay, type ReplayOptions } from "../../projection/replay.js";
import type { EventSource } from "../../projection/source.js";
import type { Period } from "../../time/period.js";
import type { LogScript } from "../log.js";
import { arbPeriod } from "../time.js";
import { comparableText, Unfaithful } from "./compare.js";

/** How a law replays: Tertial's `replay` by default; pass your own to hold another runner to the same law. */
export type Replayer = <S, R>(source: EventSource, catalog: Catalog, projection: Projection<S, R>, options: ReplayOptions) => Promise<R>;

/** What every log law needs: the catalog, generated logs, and the periods to ask about. */
export interface LawSubject {
  readonly catalog: Catalog;
  readonly log: fc.Arbitrary<LogScript>;
  /** Default: `arbPeriod()` over 2019–2021. */
  readonly period?: fc.Arbitrary<Period>;
  readonly replay?: Replayer;
}

export const periodsOf = (subject: LawSubject): fc.Arbitrary<Period> => subject.period ?? arbPeriod();

export const replayerOf = (subject: LawSubject): Replayer => subject.replay ?? replay;

/** A law was broken: says which, and shows both sides. */
export class LawViolation extends Error {}

const clip = (text: string): string => (text.length > 1500 ? `${text.slice(0, 1500)}…` : text);

/** How a value compares, or a LawViolation naming the law and where in the value stands what no law can compare. */
const textOf = (law: string, value: unknown, side: string, root: string, keyOrder: boolean): string => {
  try {
    return comparableText(value, root, keyOrder);
  } catch (error) {
    if (!(error instanceof Unfaithful)) throw error;
    throw new LawViolation(
      `${law}\n  cannot compare: ${error.path} (${side}) is ${error.what}.\n  A law compares results as data: plain objects, arrays, strings, finite numbers, booleans, null, undefined, Decimals by value, Maps and Sets by their contents. Make the ${root} such data (a class instance's fields in a plain object, decimal strings), so that two results that differ cannot compare equal.`,
    );
  }
};

/** How `assertSame` names what it compares (`result` unless told) and whether key order counts (not unless told). */
export interface SameOptions {
  readonly root?: string;
  readonly keyOrder?: boolean;
}

/**
 * Equal as data, else a LawViolation naming the law and both values: plain objects, arrays,
 * strings, finite numbers, booleans and null as JSON has them, undefined equal to itself (a field
 * holding undefined is no field), Decimals by value, Maps by their entries and Sets by their
 * members (the order of keys, entries and members aside unless `keyOrder`). What a law cannot
 * know how to compare (another class's instance, a function, a non-finite number, a cycle) is
 * refused with a LawViolation naming its path, never compared as what JSON makes of it (`{}`).
 */
export const assertSame = (law: string, expected: unknown, actual: unknown, options: SameOptions = {}): void => {
  const root = options.root ?? "result";
  const keyOrder = options.keyOrder === true;
  const a = textOf(law, expected, "expected", root, keyOrder);
  const b = textOf(law, actual, "actual", root, keyOrder);
  if (a !== b) throw new LawViolation(`${law}\n  expected: ${clip(a)}\n  actual:   ${clip(b)}`);
};

/** Equal byte for byte, as `JSON.stringify` prints them (key order included). */
export const assertSameBytes = (law: string, expected: string, actual: string): void => {
  if (expected !== actual) throw new LawViolation(`${law}\n  expected: ${expected.slice(0, 1500)}\n  actual:   ${actual.slice(0, 1500)}`);
};
