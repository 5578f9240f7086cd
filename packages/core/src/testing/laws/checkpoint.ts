import * as fc from "fast-check";
import type { StoredEvent } from "../../events/envelope.js";
import { checkpoint, ReplayError, resume, type Checkpoint } from "../../projection/replay.js";
import { fromArray } from "../../projection/source.js";
import type { AnyProjection } from "../../projection/projection.js";
import { knownAtCutoff } from "../../time/effective.js";
import type { Period } from "../../time/period.js";
import { arbKnownAtPick, buildLog, knownAtFor, type KnownAtPick, type LogScript } from "../log.js";
import { assertSame, LawViolation, periodsOf, replayerOf, type LawSubject } from "./common.js";

/** Whether an event after the first `count` corrects one of them: then a checkpoint there is stale. */
const correctedLater = (events: readonly StoredEvent[], count: number, cutoff: (event: StoredEvent) => boolean): boolean => {
  const early = new Set(events.slice(0, count).map((event) => event.id));
  return events.slice(count).some((event) => cutoff(event) && [event.supersedes, event.retracts].some((target) => target !== undefined && early.has(target)));
};

/**
 * Checkpoint equivalence: a checkpoint taken after any prefix, written out as JSON and read back,
 * then resumed over the whole log, gives exactly the full replay; or, when a later event corrects
 * one the checkpoint already folded, resume refuses (ReplayError) instead of answering wrongly.
 */
export const checkpointEquivalenceLaw = (projection: AnyProjection, subject: LawSubject): fc.IAsyncPropertyWithHooks<[LogScript, Period, number, KnownAtPick | null]> =>
  fc.asyncProperty(subject.log, periodsOf(subject), fc.nat(), fc.option(arbKnownAtPick, { nil: null }), async (script, period, split, pick) => {
    const { events } = await buildLog(subject.catalog, script);
    const count = split % (events.length + 1);
    const knownAt = pick === null ? undefined : knownAtFor(events, pick);
    const options = knownAt === undefined ? { period } : { period, knownAt };
    const saved = JSON.parse(JSON.stringify(await checkpoint(fromArray(events.slice(0, count)), subject.catalog, projection, options))) as Checkpoint;
    const full = await replayerOf(subject)(fromArray(events), subject.catalog, projection, options);
    const cutoff = knownAt === undefined ? undefined : knownAtCutoff(knownAt);
    const stale = correctedLater(events, count, (event) => cutoff === undefined || Date.parse(event.recordedAt) <= cutoff);
    let resumed: unknown;
    try {
      resumed = await resume(fromArray(events), subject.catalog, projection, options, saved);
    } catch (error) {
      if (error instanceof ReplayError && stale) return;
      throw error;
    }
    if (stale) throw new LawViolation(`checkpoint equivalence: resume after ${count} events answered although a later event corrects one of them`);
    assertSame(`checkpoint equivalence: resuming ${projection.name} after ${count} of ${events.length} events must equal the full replay`, full, resumed);
  });
