import { createHash } from "node:crypto";
import { canonicalJson, type Catalog, type EventDraft, type EventSource, type StoredEvent } from "@tertial/core";

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

/**
 * The run of consecutive events in the log that states exactly these drafts, in order, or
 * undefined. Drafts without ids get fresh ids on append, so appending the same file twice would
 * record every fact twice (or trip a rule with a misleading message); this finds that batch so
 * append can refuse by naming it. Streams the log, keeping only the partial matches in play.
 */
export const findAppendedRun = async (source: EventSource, catalog: Catalog, drafts: readonly EventDraft[]): Promise<AppendedRun | undefined> => {
  if (drafts.length === 0 || drafts.every((draft) => draft.id !== undefined)) return undefined;
  const wanted = drafts.map((draft) => ({
    key: keyOf({ ...draft, schemaVersion: draft.schemaVersion ?? catalog.definition(draft.type)?.latest.version ?? 1 }, draft.id !== undefined, draft.recordedAt !== undefined),
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
