import type { EventDraft, StoredEvent } from "../events/envelope.js";
import type { Issue } from "../events/issues.js";
import type { EventSource } from "../projection/source.js";

export interface LogHead {
  /** Seq of the last event, -1 for an empty log. */
  readonly seq: number;
  /** Hash of the last event, or the genesis hash for an empty log. */
  readonly hash: string;
  readonly recordedAt?: string;
}

/** Where a draft came from, so its issues can name file and line. */
export interface DraftPlace {
  readonly file?: string;
  readonly line?: number;
}

export interface AppendOptions {
  /** One place per draft, in order: issues then carry file and line. */
  readonly places?: readonly DraftPlace[];
  /**
   * Optimistic concurrency: the seq the caller believes is last (-1 for empty). When another
   * writer got there first, the append fails with a conflict and writes nothing.
   */
  readonly expectedSeq?: number;
  /**
   * The caller's own condition on the log, checked under the log's lock against the log as it
   * stands, after `expectedSeq` and before the batch is validated: issues it returns refuse the
   * batch and nothing is written. What a check made before calling `append` cannot be, since
   * another writer may append between the two (the command refuses a batch of drafts without ids
   * appended before this way, so two processes appending the same file at once record it once).
   */
  readonly precondition?: (log: LockedLog) => Promise<readonly Issue[]>;
}

/** The log as an append sees it under its lock: what a precondition may read. */
export interface LockedLog extends EventSource {
  readonly head: LogHead;
  /** As `EventStore.findContentRun`, answered from what the append holds (its state, or the database) under the same lock. */
  readonly findContentRun?: NonNullable<EventStore["findContentRun"]>;
  /**
   * The content fingerprints (`contentOf`) of the drafts being appended, in order: made once, for
   * the precondition and the append's own check alike.
   */
  readonly batchContents?: () => readonly string[];
}

export type AppendOutcome =
  | { readonly ok: true; readonly appended: readonly StoredEvent[]; readonly alreadyPresent: readonly string[]; readonly head: LogHead }
  /** `logBroken`: the issues are the log's own (a broken chain, an unreadable line), not the batch's. */
  | { readonly ok: false; readonly issues: readonly Issue[]; readonly logBroken?: boolean };

/**
 * The one interface every store implements: the JSONL file, memory, and later PostgreSQL.
 * A batch is validated whole and appended whole, or not at all. Appending an event whose id
 * is already in the log with the same content is a no-op; with other content, an error.
 */
export interface EventStore extends EventSource {
  readonly append: (drafts: readonly EventDraft[], options?: AppendOptions) => Promise<AppendOutcome>;
  readonly head: () => Promise<LogHead>;
  /** Only the events recorded at or before a known-at date or instant. */
  readonly readKnownAt: (knownAt: string) => AsyncIterable<StoredEvent>;
  /**
   * Where the last run of consecutive events with these content fingerprints (`contentOf`, in
   * order) starts, from what the store keeps beside the log without reading it; "unknown" when
   * it keeps nothing current (then only reading the log can tell). Fingerprints are truncated
   * hashes: confirm a run found against its events.
   */
  readonly findContentRun?: (contents: readonly string[]) => Promise<{ readonly firstSeq: number } | undefined | "unknown">;
}
