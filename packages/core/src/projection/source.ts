import type { StoredEvent } from "../events/envelope.js";

/** Anything that can stream the log in order: every store is one. */
export interface EventSource {
  /** Events in log order, from `fromSeq` (inclusive) on. */
  readonly read: (options?: { readonly fromSeq?: number }) => AsyncIterable<StoredEvent>;
}

export const fromArray = (events: readonly StoredEvent[]): EventSource => ({
  read: (options) => {
    const fromSeq = options?.fromSeq ?? 0;
    return (async function* () {
      for (const event of events) if (event.seq >= fromSeq) yield event;
    })();
  },
});
