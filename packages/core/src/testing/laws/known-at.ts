import * as fc from "fast-check";
import { fromArray } from "../../projection/source.js";
import type { AnyProjection } from "../../projection/projection.js";
import { knownAtCutoff } from "../../time/effective.js";
import type { Period } from "../../time/period.js";
import { arbKnownAtPick, buildLog, knownAtFor, type KnownAtPick, type LogScript } from "../log.js";
import { assertSame, LawViolation, periodsOf, replayerOf, type LawSubject } from "./common.js";

/**
 * Known-at prefix: a result as known at t depends only on the lines recorded at or before t.
 * Replaying the whole log as known at t equals replaying only that prefix, so nothing recorded
 * later (facts or corrections) leaks into the past.
 */
export const knownAtPrefixLaw = (projection: AnyProjection, subject: LawSubject): fc.IAsyncPropertyWithHooks<[LogScript, Period, KnownAtPick]> =>
  fc.asyncProperty(subject.log, periodsOf(subject), arbKnownAtPick, async (script, period, pick) => {
    const { events } = await buildLog(subject.catalog, script);
    const knownAt = knownAtFor(events, pick);
    // An empty log has no cut-off to ask about: discard the run rather than count it as a pass.
    fc.pre(knownAt !== undefined);
    const cutoff = knownAtCutoff(knownAt);
    if (cutoff === undefined) throw new LawViolation(`known-at "${knownAt}" does not parse`);
    const prefix = events.filter((event) => Date.parse(event.recordedAt) <= cutoff);
    if (prefix.some((event, index) => events[index] !== event)) throw new LawViolation("known-at prefix: the events recorded by the cut-off are not a prefix of the log");
    const run = replayerOf(subject);
    const whole = await run(fromArray(events), subject.catalog, projection, { period, knownAt });
    const onlyPrefix = await run(fromArray(prefix), subject.catalog, projection, { period, knownAt });
    assertSame(`known-at prefix: ${projection.name} for ${period.name} as known at ${knownAt} read lines recorded later`, onlyPrefix, whole);
  });
