import * as fc from "fast-check";
import { fromArray } from "../../projection/source.js";
import type { AnyProjection } from "../../projection/projection.js";
import { knownAtCutoff } from "../../time/effective.js";
import type { Period } from "../../time/period.js";
import { arbKnownAtPick, buildLog, knownAtFor, type KnownAtPick, type LogScript } from "../log.js";
import { assertSame, LawViolation, periodsOf, replayerOf, type LawSubject } from "./common.js";

/**
 * Known-at prefix: a result as known at t is the result "as known now" of a log that holds only
 * the lines recorded at or before t. The whole log replayed with `knownAt: t` must equal a plain
 * replay (no known-at at all) of just that prefix, so nothing recorded later (facts or
 * corrections) leaks into the past, and the projection does nothing of its own with the known-at:
 * the runner's cut-off is the only one. Both sides hand the projection the same events, so what
 * differs is only what the projection makes of `context.knownAt` and of the events' `recordedAt`;
 * a projection that filters by them itself (and misreads a date, say) or lets the known-at
 * change its result (even as a label: labels belong to the report, not the result) fails.
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
    const asKnownThen = await run(fromArray(events), subject.catalog, projection, { period, knownAt });
    const knownNowOfPrefix = await run(fromArray(prefix), subject.catalog, projection, { period });
    assertSame(
      `known-at prefix: ${projection.name} for ${period.name} as known at ${knownAt} must equal a plain replay (no known-at) of the ${prefix.length} of ${events.length} lines recorded by then`,
      knownNowOfPrefix,
      asKnownThen,
    );
  });
