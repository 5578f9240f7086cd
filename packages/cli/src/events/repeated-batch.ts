import { createHash } from "node:crypto";
import { canonicalJson, contentOf, storedVersionOf, type Catalog, type EventDraft, type EventSource, type LockedLog, type StoredEvent } from "@tertial/core";

/** Where a batch of drafts already stands in the log. */
export interface AppendedRun {
  readonly first: StoredEvent;
  readonly last: StoredEvent;
}

type Fields = Pick<EventDraft, "type" | "effectiveAt" | "data" | "supersedes" | "retracts" | "source" | "recordedAt" | "id"> & { readonly schemaVersion: number };

/** The facts a draft states; the id and recordedAt count only when the draft gives them. */
const keyOf = (event: Fields, withId: boolean, withRecordedAt: boolean): string =>
  createHash("sha256")
    .update(
      canonicalJson({
        type: event.type,
        schemaVersion: event.schemaVersion,
        effectiveAt: event.effectiveAt,
        data: event.data,
        supersedes: event.supersedes,
        retracts: event.retracts,
        source: event.source,
        ...(withId ? { id: event.id } : {}),
        ...(withRecordedAt ? { recordedAt: event.recordedAt } : {}),
      }),
    )
    .digest("hex");

const versioned = (draft: EventDraft, catalog: Catalog): EventDraft & { readonly schemaVersion: number } => ({ ...draft, schemaVersion: storedVersionOf(draft, catalog) });

/**
 * The same answer from the store's content log (the append state beside a file), without
 * reading the log: for drafts that give neither ids nor recorded times, whose key is then their
 * content fingerprint. A run it names is confirmed against its events; "unknown" sends the
 * caller to read the log (no content log, another kind of draft, or a fingerprint that collided).
 */
const runFromContents = async (source: EventSource & Pick<Partial<LockedLog>, "findContentRun" | "batchContents">, catalog: Catalog, drafts: readonly EventDraft[]): Promise<AppendedRun | undefined | "unknown"> => {
  if (source.findContentRun === undefined || drafts.some((draft) => draft.id !== undefined || draft.recordedAt !== undefined)) return "unknown";
  const found = await source.findContentRun(source.batchContents?.() ?? drafts.map((draft) => contentOf(versioned(draft, catalog))));
  if (found === undefined || found === "unknown") return found;
  const run: StoredEvent[] = [];
  for await (const stored of source.read({ fromSeq: found.firstSeq })) {
    run.push(stored);
    if (run.length === drafts.length) break;
  }
  const same = run.length === drafts.length && run.every((stored, index) => keyOf(stored, false, false) === keyOf(versioned(drafts[index] as EventDraft, catalog), false, false));
  const [first, last] = [run[0], run[run.length - 1]];
  return same && first !== undefined && last !== undefined ? { first, last } : "unknown";
};

/**
 * The run of consecutive events in the log that states exactly these drafts, in order, or
 * undefined. Drafts without ids get fresh ids on append, so appending the same file twice would
 * record every fact twice (or trip a rule with a misleading message); this finds that batch so
 * append can refuse by naming it. Streams the log, keeping only the partial matches in play.
 */
export const findAppendedRun = async (source: EventSource & Pick<Partial<LockedLog>, "findContentRun" | "batchContents">, catalog: Catalog, drafts: readonly EventDraft[]): Promise<AppendedRun | undefined> => {
  if (drafts.length === 0 || drafts.every((draft) => draft.id !== undefined)) return undefined;
  const fromContents = await runFromContents(source, catalog, drafts);
  if (fromContents !== "unknown") return fromContents;
  const wanted = drafts.map((draft) => ({
    key: keyOf(versioned(draft, catalog), draft.id !== undefined, draft.recordedAt !== undefined),
    withId: draft.id !== undefined,
    withRecordedAt: draft.recordedAt !== undefined,
  }));
  let partial: { readonly first: StoredEvent; readonly matched: number }[] = [];
  let found: AppendedRun | undefined;
  for await (const stored of source.read()) {
    const next: typeof partial = [];
    for (const candidate of [...partial, { first: stored, matched: 0 }]) {
      const draft = wanted[candidate.matched];
      if (draft === undefined || keyOf(stored, draft.withId, draft.withRecordedAt) !== draft.key) continue;
      if (candidate.matched + 1 === wanted.length) found = { first: candidate.first, last: stored };
      else next.push({ first: candidate.first, matched: candidate.matched + 1 });
    }
    partial = next;
  }
  return found;
};

/** The refusal, naming the batch already appended. */
export const repeatedBatchMessage = (count: number, run: AppendedRun): string =>
  `these ${count} draft(s) were already appended, as seq ${run.first.seq}–${run.last.seq} (recorded ${run.first.recordedAt}, ids ${run.first.id}…${run.last.id}); nothing appended. Give each draft an "id" and appending it again is a no-op`;
