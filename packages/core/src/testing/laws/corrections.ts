import * as fc from "fast-check";
import type { EventDraft, StoredEvent } from "../../events/envelope.js";
import { countingEvents } from "../../projection/replay.js";
import { fromArray } from "../../projection/source.js";
import { foldEvents, type AnyProjection } from "../../projection/projection.js";
import type { Period } from "../../time/period.js";
import { appendAll, buildLog, draftOf, retractionOf, type LogScript } from "../log.js";
import { assertSame, LawViolation, periodsOf, replayerOf, type LawSubject } from "./common.js";

export interface CorrectionLawSubject extends LawSubject {
  /** How to restate an event for the supersede half of the law; without it only retraction is checked. */
  readonly restate?: (draft: EventDraft, variant: number) => EventDraft | undefined;
}

const afterLast = (events: readonly StoredEvent[]): number => Date.parse(events[events.length - 1]?.recordedAt ?? "2020-01-01T00:00:00.000Z") + 1000;

const countingIds = async (subject: LawSubject, events: readonly StoredEvent[]): Promise<StoredEvent[]> => {
  const out: StoredEvent[] = [];
  for await (const event of countingEvents(fromArray(events), subject.catalog)) out.push(event as StoredEvent);
  return out;
};

/** A retracted event has no effect: the result is the fold of what counted, without it. */
const retractionHasNoEffect = async (projection: AnyProjection, subject: LawSubject, events: readonly StoredEvent[], target: StoredEvent, period: Period): Promise<void> => {
  const retracted = await appendAll(subject.catalog, events, [retractionOf(target, "law-retraction")], afterLast(events));
  if (retracted === undefined) throw new LawViolation(`correction invariance: the store refused to retract counting event ${target.id}`);
  const withoutTarget = (await countingIds(subject, events)).filter((event) => event.id !== target.id);
  const expected = foldEvents(projection, withoutTarget, { period });
  const actual = await replayerOf(subject)(fromArray(retracted), subject.catalog, projection, { period });
  assertSame(`correction invariance: retracting ${target.id} must equal never counting it (${projection.name}, ${period.name})`, expected, actual);
};

/** Superseding = retracting, then recording the new fact. */
const supersedeIsRetractPlusNew = async (projection: AnyProjection, subject: LawSubject, events: readonly StoredEvent[], target: StoredEvent, replacement: EventDraft, period: Period): Promise<void> => {
  const at = afterLast(events);
  const superseded = await appendAll(subject.catalog, events, [{ ...replacement, id: "law-new", supersedes: target.id }], at);
  const retractedThenNew = await appendAll(subject.catalog, events, [retractionOf(target, "law-retraction"), { ...replacement, id: "law-new" }], at);
  // When the log's rules refuse one of the two (a restatement of a position closed since, say), the
  // two logs cannot be compared; the retraction half of this run was still checked.
  if (superseded === undefined || retractedThenNew === undefined) return;
  const run = replayerOf(subject);
  const a = await run(fromArray(superseded), subject.catalog, projection, { period });
  const b = await run(fromArray(retractedThenNew), subject.catalog, projection, { period });
  assertSame(`correction invariance: superseding ${target.id} must equal retracting it and recording the new fact (${projection.name}, ${period.name})`, b, a);
};

/**
 * Correction invariance, both halves: a retracted event has no effect on any result, and
 * superseding an event is the same as retracting it and recording the replacement.
 */
export const correctionInvarianceLaw = (projection: AnyProjection, subject: CorrectionLawSubject): fc.IAsyncPropertyWithHooks<[LogScript, Period, number, number]> =>
  fc.asyncProperty(subject.log, periodsOf(subject), fc.nat(), fc.nat(), async (script, period, pick, variant) => {
    const { events } = await buildLog(subject.catalog, script);
    const candidates = (await countingIds(subject, events)).filter((event) => event.retracts === undefined);
    const target = candidates[pick % Math.max(candidates.length, 1)];
    // A log with nothing to correct checks nothing: discard the run rather than count it as a pass.
    fc.pre(target !== undefined);
    await retractionHasNoEffect(projection, subject, events, target, period);
    const replacement = subject.restate?.(draftOf(target), variant);
    if (replacement !== undefined) await supersedeIsRetractPlusNew(projection, subject, events, target, replacement, period);
  });
