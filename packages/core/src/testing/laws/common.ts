import * as fc from "fast-check";
import type { Catalog } from "../../events/catalog.js";
import { canonicalJson } from "../../log/canonical-json.js";
import type { Projection } from "../../projection/projection.js";
import { replay, type ReplayOptions } from "../../projection/replay.js";
import type { EventSource } from "../../projection/source.js";
import type { Period } from "../../time/period.js";
import type { LogScript } from "../log.js";
import { arbPeriod } from "../time.js";

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

const show = (value: unknown): string => {
  const text = canonicalJson(value);
  return text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
};

/** Equal as canonical JSON (key order aside), else a LawViolation naming the law and both values. */
export const assertSame = (law: string, expected: unknown, actual: unknown): void => {
  if (canonicalJson(expected) !== canonicalJson(actual)) throw new LawViolation(`${law}\n  expected: ${show(expected)}\n  actual:   ${show(actual)}`);
};

/** Equal byte for byte, as `JSON.stringify` prints them (key order included). */
export const assertSameBytes = (law: string, expected: string, actual: string): void => {
  if (expected !== actual) throw new LawViolation(`${law}\n  expected: ${expected.slice(0, 1500)}\n  actual:   ${actual.slice(0, 1500)}`);
};
