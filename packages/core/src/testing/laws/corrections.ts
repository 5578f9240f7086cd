import * as fc from "fast-check";
import type { EventDraft, StoredEvent } from "../../events/envelope.js";
import { canonicalJson } from "../../log/canonical-json.js";
import { countingEvents } from "../../projection/replay.js";
import { fromArray } from "../../projection/source.js";
import { foldEvents, type AnyProjection } from "../../projection/projection.js";
import { effectiveDateOf } from "../../time/effective.js";
import type { Period } from "../../time/period.js";
import { appendAll, buildLog, draftOf, retractionOf, type BuiltLog, type LogScript } from "../log.js";
import { assertSame, LawViolation, periodsOf, replayerOf, type LawSubject } from "./common.js";
import { undefinedReadingsWatch } from "./compare.js";

export interface CorrectionLawSubject extends LawSubject {
  /** How to restate an event for the supersede half of the law; without it only retraction is checked. */
  readonly restate?: (draft: EventDraft, variant: number) => EventDraft | undefined;
  /**
   * What of a result must not depend on where in the log a fact was recorded, for the
   * written-right half (default: the whole result). Leave out what lists events in log order,
   * such as the ids a sum cites as its evidence: a replacement is cited where it was recorded.
   */
  readonly factsOf?: (result: unknown) => unknown;
}

/** The replacement's id, the same in every log a run compares, so a result that names event ids compares too. */
const NEW_ID = "law-new";

const afterLast = (events: readonly StoredEvent[]): number => Date.parse(events[events.length - 1]?.recordedAt ?? "2020-01-01T00:00:00.000Z") + 1000;

const countingIds = async (subject: LawSubject, events: readonly StoredEvent[]): Promise<StoredEvent[]> => {
  const out: StoredEvent[] = [];
  for await (const event of countingEvents(fromArray(events), subject.catalog)) out.push(event as StoredEvent);
  return out;
};

/** A retracted event has no effect: the result is the fold of what counted, without it. */
const retractionHasNoEffect = async (projection: AnyProjection, subject: LawSubject, events: readonly StoredEvent[], target: StoredEvent, period: Period): Promise<unknown> => {
  const retracted = await appendAll(subject.catalog, events, [retractionOf(target, "law-retraction")], afterLast(events));
  if (retracted === undefined) throw new LawViolation(`correction invariance: the store refused to retract counting event ${target.id}`);
  const withoutTarget = (await countingIds(subject, events)).filter((event) => event.id !== target.id);
  const expected = foldEvents(projection, withoutTarget, { period });
  const actual = await replayerOf(subject)(fromArray(retracted), subject.catalog, projection, { period });
  assertSame(`correction invariance: retracting ${target.id} must equal never counting it (${projection.name}, ${period.name})`, expected, actual);
  return actual;
};

/** Superseding = retracting, then recording the new fact: the projection sees the same facts whether or not the new one says what it replaces. */
const supersedeIsRetractPlusNew = async (projection: AnyProjection, subject: LawSubject, events: readonly StoredEvent[], superseded: readonly StoredEvent[], target: StoredEvent, replacement: EventDraft, period: Period): Promise<void> => {
  const retractedThenNew = await appendAll(subject.catalog, events, [retractionOf(target, "law-retraction"), { ...replacement, id: NEW_ID }], afterLast(events));
  if (retractedThenNew === undefined) return;
  const run = replayerOf(subject);
  const a = await run(fromArray(superseded), subject.catalog, projection, { period });
  const b = await run(fromArray(retractedThenNew), subject.catalog, projection, { period });
  assertSame(`correction invariance: superseding ${target.id} must equal retracting it and recording the new fact (${projection.name}, ${period.name})`, b, a);
};

/** The script with the target's draft written as the replacement in its place, as if it had been right from the start (what the target itself superseded stays superseded). */
const writtenRight = (script: LogScript, target: StoredEvent, replacement: EventDraft): LogScript => ({
  entries: script.entries.map((entry) => (entry.draft.id === target.id ? { ...entry, draft: { ...entry.draft, ...replacement, id: NEW_ID } } : entry)),
});

/** Whether a counting event after the fact's place falls on its effective date: then log order may rightly break the tie, and a late replacement differs from an early one. */
const tiedLater = (events: readonly StoredEvent[], id: string): boolean => {
  const place = events.findIndex((event) => event.id === id);
  const date = effectiveDateOf(events[place]?.effectiveAt ?? "");
  return events.slice(place + 1).some((event) => effectiveDateOf(event.effectiveAt) === date);
};

/**
 * A corrected fact counts as if it had been recorded right the first time: the log that
 * supersedes it (the replacement recorded last) gives what the log holding the replacement in
 * its place gives. A projection that lets the newest recording win where the latest effective
 * fact should (a restated opening overriding a later change) fails here. Skipped when the two
 * logs cannot be compared: the rules refuse a different set of drafts, or another fact on the
 * replacement's effective date stands between its two places.
 */
const supersedeIsWrittenRight = async (projection: AnyProjection, subject: CorrectionLawSubject, built: BuiltLog, script: LogScript, superseded: readonly StoredEvent[], target: StoredEvent, replacement: EventDraft, period: Period): Promise<void> => {
  const right = await buildLog(subject.catalog, writtenRight(script, target, replacement));
  if (canonicalJson(right.refused) !== canonicalJson(built.refused)) return;
  const counting = await countingIds(subject, right.events);
  if (tiedLater(counting, NEW_ID)) return;
  const run = replayerOf(subject);
  const corrected = await run(fromArray(superseded), subject.catalog, projection, { period });
  const rightFirstTime = await run(fromArray(right.events), subject.catalog, projection, { period });
  const facts = subject.factsOf ?? ((result: unknown) => result);
  assertSame(`correction invariance: superseding ${target.id} must equal having recorded the replacement in its place (${projection.name}, ${period.name})`, facts(rightFirstTime), facts(corrected), {
    root: subject.factsOf === undefined ? "result" : "facts",
  });
};

/**
 * Correction invariance: a retracted event has no effect on any result; superseding an event is
 * the same as retracting it and recording the replacement; and a superseded fact counts as if the
 * replacement had been recorded in its place the first time (needs `subject.restate`). The
 * runner keeps retracted and superseded events from the projection, so the first part holds the
 * runner to that; the other two hold the projection to treating a replacement, which reaches it
 * last in log order and names what it `supersedes`, as the fact it is.
 */
export const correctionInvarianceLaw = (projection: AnyProjection, subject: CorrectionLawSubject): fc.IAsyncPropertyWithHooks<[LogScript, Period, number, number]> => {
  const factsOf = subject.factsOf;
  // A factsOf that reads undefined from every result makes the written-right half compare undefined with undefined.
  const watch = undefinedReadingsWatch(
    (count) =>
      new LawViolation(
        `correction invariance (${projection.name}): the facts read by your accessor (subject.factsOf) are undefined in every run: check the accessor (not one of the ${count} runs so far found a value in a result; return null where a result rightly has no facts)`,
      ),
  );
  return fc.asyncProperty(subject.log, periodsOf(subject), fc.nat(), fc.nat(), async (script, period, pick, variant) => {
    const built = await buildLog(subject.catalog, script);
    const { events } = built;
    const candidates = (await countingIds(subject, events)).filter((event) => event.retracts === undefined);
    const target = candidates[pick % Math.max(candidates.length, 1)];
    // A log with nothing to correct checks nothing: discard the run rather than count it as a pass.
    fc.pre(target !== undefined);
    const retracted = await retractionHasNoEffect(projection, subject, events, target, period);
    if (factsOf !== undefined) watch.saw(factsOf(retracted) !== undefined);
    // Supersede among the events the subject can restate (most logs start with a preamble it cannot).
    const restated = candidates.flatMap((event) => {
      const replacement = subject.restate?.(draftOf(event), variant);
      return replacement === undefined ? [] : [{ event, replacement }];
    });
    const chosen = restated[pick % Math.max(restated.length, 1)];
    if (chosen === undefined) return;
    const { event: corrected, replacement } = chosen;
    const superseded = await appendAll(subject.catalog, events, [{ ...replacement, id: NEW_ID, supersedes: corrected.id }], afterLast(events));
    // When the log's rules refuse the restatement (of a position closed since, say), there is
    // nothing to compare; the retraction half of this run was still checked.
    if (superseded === undefined) return;
    await supersedeIsRetractPlusNew(projection, subject, events, superseded, corrected, replacement, period);
    await supersedeIsWrittenRight(projection, subject, built, script, superseded, corrected, replacement, period);
  });
};
