import type { StoredEvent } from "../events/envelope.js";
import type { CorrectionView } from "../corrections/resolve.js";

/** Anything that can stream the log in order: every store is one. */
export interface EventSource {
  /** Events in log order, from `fromSeq` (inclusive) on. */
  readonly read: (options?: { readonly fromSeq?: number }) => AsyncIterable<StoredEvent>;
  /**
   * Optional, for the corrections pass: in log order, at least every event that supersedes or
   * retracts another (and, when `withTimes`, every event, for its recorded time), read without
   * checking hashes or envelopes. Only for a first pass whose every line a verified read reads
   * again before anything is shown; it stops quietly at a line it cannot read, which that read reports.
   */
  readonly scanCorrections?: (withTimes: boolean) => AsyncIterable<CorrectionView>;
}

export const fromArray = (events: readonly StoredEvent[]): EventSource => ({
  read: (options) => {
    const fromSeq = options?.fromSeq ?? 0;
    return (async function* () {
      for (const event of events) if (event.seq >= fromSeq) yield event;
    })();
  },
});
