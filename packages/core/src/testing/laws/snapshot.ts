import * as fc from "fast-check";
import type { StoredEvent } from "../../events/envelope.js";
import { fromArray } from "../../projection/source.js";
import { replayMany, type ReportProjectionNeed } from "../../report/replay-many.js";
import { memorySnapshots } from "../../snapshots/snapshot.js";
import type { Period } from "../../time/period.js";
import { arbKnownAtPick, buildLog, knownAtFor, type KnownAtPick, type LogScript } from "../log.js";
import { assertSame, periodsOf, type LawSubject } from "./common.js";

/** How often the snapshot law actually resumed from a snapshot: a law that never resumes proves nothing. */
export interface SnapshotLawTally {
  runs: number;
  resumed: number;
  stale: number;
}

const resultsOf = (needs: readonly ReportProjectionNeed[], outcome: Awaited<ReturnType<typeof replayMany>>): unknown[] => [
  ...needs.map((need) => outcome.results.get(need.projection, need.period) ?? null),
  outcome.events,
  outcome.head,
];

/**
 * Snapshot equivalence: snapshots taken every few events (and at each day's end, or not) while replaying a log (as known now,
 * or as known at an earlier cut-off), written as JSON and read back, then used for a replay as
 * known at any date, give exactly what a replay from the beginning gives: the same results, the
 * same number of events folded and the same head. A snapshot that a later correction made stale
 * is skipped (and said so), never used. `tally` counts how often a snapshot was resumed from.
 */
export const snapshotEquivalenceLaw = (needs: readonly ReportProjectionNeed[], subject: LawSubject, tally?: SnapshotLawTally): fc.IAsyncPropertyWithHooks<[LogScript, Period, number, boolean, KnownAtPick | null, KnownAtPick | null]> =>
  fc.asyncProperty(subject.log, periodsOf(subject), fc.integer({ min: 1, max: 8 }), fc.boolean(), fc.option(arbKnownAtPick, { nil: null }), fc.option(arbKnownAtPick, { nil: null }), async (script, period, every, daily, takenAt, askedAt) => {
    const { events } = await buildLog(subject.catalog, script);
    const source = fromArray(events as StoredEvent[]);
    const store = memorySnapshots();
    const takenKnownAt = takenAt === null ? undefined : knownAtFor(events, takenAt);
    await replayMany(source, subject.catalog, needs, { period, ...(takenKnownAt === undefined ? {} : { knownAt: takenKnownAt }), snapshots: { store, code: "law", every, daily, resume: false } });
    const knownAt = askedAt === null ? undefined : knownAtFor(events, askedAt);
    const options = { period, ...(knownAt === undefined ? {} : { knownAt }) };
    const full = await replayMany(source, subject.catalog, needs, options);
    let stale = false;
    const resumed = await replayMany(source, subject.catalog, needs, { ...options, snapshots: { store, code: "law", onStale: () => (stale = true) } });
    if (tally !== undefined) {
      tally.runs += 1;
      if (resumed.resumedAt !== undefined) tally.resumed += 1;
      if (stale) tally.stale += 1;
    }
    assertSame(`snapshot equivalence: a replay resumed from a snapshot (every ${every} events) must equal the replay from the beginning`, resultsOf(needs, full), resultsOf(needs, resumed), {
      root: "results",
    });
  });
