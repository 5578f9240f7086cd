import { createHash } from "node:crypto";
import { decodeData, type Catalog } from "../events/catalog.js";
import { ConsistencyChecker } from "../events/consistency.js";
import { GENESIS_HASH, type DomainEvent, type EventDraft, type StoredEvent } from "../events/envelope.js";
import { issue, withPlace, type Issue } from "../events/issues.js";
import { CorrectionIndex } from "../corrections/resolve.js";
import { EventRetracted } from "../corrections/correction-events.js";
import { formatInstant, parseInstant } from "../time/stockholm.js";
import type { EventSource } from "../projection/source.js";
import { canonicalJson } from "./canonical-json.js";
import { sealed } from "./chain.js";
import type { DraftPlace, LogHead } from "./store.js";


export interface AppendContext {
  readonly catalog: Catalog;
  /** The current time in epoch ms: the store's clock, injected so tests can fix it. */
  readonly now: number;
  readonly newId: () => string;
  readonly places?: readonly DraftPlace[];
}

export type Prepared =
  | { readonly ok: true; readonly events: readonly StoredEvent[]; readonly alreadyPresent: readonly string[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** What makes two events "the same fact": everything but the store's own fields. */
const contentOf = (event: Pick<StoredEvent, "type" | "schemaVersion" | "effectiveAt" | "data"> & Partial<Pick<StoredEvent, "supersedes" | "retracts" | "source">>): string =>
  createHash("sha256")
    .update(canonicalJson({ type: event.type, schemaVersion: event.schemaVersion, effectiveAt: event.effectiveAt, data: event.data, supersedes: event.supersedes, retracts: event.retracts, source: event.source }))
    .digest("hex");

interface KnownLog {
  readonly head: LogHead;
  readonly contentById: Map<string, string>;
  readonly typeById: Map<string, string>;
  readonly corrections: CorrectionIndex;
  readonly checker: ConsistencyChecker;
}

/**
 * The rules' state rebuilt from what counts now: after a batch event corrects another, the rules
 * must forget the corrected fact, exactly as a later append (which skips it) would.
 */
const relearn = async (source: EventSource, catalog: Catalog, corrections: CorrectionIndex, batch: readonly StoredEvent[]): Promise<ConsistencyChecker> => {
  const checker = new ConsistencyChecker(catalog.rules);
  const learnIfCounting = (stored: StoredEvent): void => {
    if (!corrections.counts(stored)) return;
    const decoded = decodeData(catalog, stored);
    if (decoded.ok) checker.learn(decoded.event);
  };
  for await (const stored of source.read()) learnIfCounting(stored);
  batch.forEach(learnIfCounting);
  return checker;
};

/** Reads the existing log once for corrections and once to learn ids, content and the rules' state. */
const learnLog = async (source: EventSource, catalog: Catalog): Promise<KnownLog> => {
  const corrections = new CorrectionIndex();
  for await (const stored of source.read()) corrections.learn(stored, undefined);
  const contentById = new Map<string, string>();
  const typeById = new Map<string, string>();
  const checker = new ConsistencyChecker(catalog.rules);
  let head: LogHead = { seq: -1, hash: GENESIS_HASH };
  for await (const stored of source.read()) {
    contentById.set(stored.id, contentOf(stored));
    typeById.set(stored.id, stored.type);
    head = { seq: stored.seq, hash: stored.hash, recordedAt: stored.recordedAt };
    if (!corrections.counts(stored)) continue;
    const decoded = decodeData(catalog, stored);
    if (decoded.ok) checker.learn(decoded.event);
  }
  return { head, contentById, typeById, corrections, checker };
};

const correctionIssues = (draft: EventDraft, known: KnownLog, batchTypes: Map<string, string>): Issue[] => {
  const found: Issue[] = [];
  if (draft.supersedes !== undefined && draft.retracts !== undefined) found.push(issue("invalid-field", "retracts", "an event either supersedes or retracts, not both"));
  if (draft.retracts !== undefined && draft.type !== EventRetracted.type) found.push(issue("invalid-field", "type", "only a retraction may carry `retracts`", { expected: EventRetracted.type, actual: draft.type }));
  if (draft.type === EventRetracted.type && draft.retracts === undefined) found.push(issue("invalid-field", "retracts", "a retraction must name the event it takes back", { expected: "an event id" }));
  for (const [field, target] of [["supersedes", draft.supersedes], ["retracts", draft.retracts]] as const) {
    if (target === undefined) continue;
    const targetType = known.typeById.get(target) ?? batchTypes.get(target);
    if (targetType === undefined) found.push(issue("unknown-reference", field, `no earlier event has id "${target}"`));
    else if (targetType === EventRetracted.type) found.push(issue("invalid-field", field, "a retraction cannot be corrected; record the fact again instead", { actual: target }));
    else if (known.corrections.isRemoved(target)) found.push(issue("conflict", field, `event "${target}" was already superseded or retracted`, { actual: target }));
  }
  return found;
};

/**
 * Validates a batch against the log and turns it into chained events, or returns every issue
 * found. Nothing here writes: the store writes the result whole, or nothing.
 */
export const prepareAppend = async (source: EventSource, drafts: readonly EventDraft[], context: AppendContext): Promise<Prepared> => {
  const known = await learnLog(source, context.catalog);
  const issues: Issue[] = [];
  const events: StoredEvent[] = [];
  const alreadyPresent: string[] = [];
  const batchContent = new Map<string, string>();
  const batchTypes = new Map<string, string>();
  let previous = known.head;
  let lastRecorded = known.head.recordedAt === undefined ? -Infinity : Date.parse(known.head.recordedAt);
  let checker = known.checker;

  for (const [index, draft] of drafts.entries()) {
    const place = context.places?.[index] ?? {};
    const found: Issue[] = [];
    const definition = context.catalog.definition(draft.type);
    const schemaVersion = draft.schemaVersion ?? definition?.latest.version ?? 1;
    const id = draft.id ?? context.newId();
    const content = contentOf({ ...draft, schemaVersion });
    const existing = known.contentById.get(id) ?? batchContent.get(id);
    if (existing !== undefined) {
      if (existing === content) alreadyPresent.push(id);
      else found.push(issue("duplicate-id", "id", `id "${id}" is already used by an event with other content`, { actual: id }));
      issues.push(...found.map((f) => withPlace({ ...f, eventId: id }, place)));
      continue;
    }
    let recordedMs = Math.max(context.now, lastRecorded);
    if (draft.recordedAt !== undefined) {
      const given = parseInstant(draft.recordedAt) ?? NaN;
      if (given < lastRecorded) found.push(issue("out-of-order", "recordedAt", "is earlier than the last recorded event; the log's transaction time only moves forward", { actual: draft.recordedAt, expected: `${formatInstant(lastRecorded)} or later` }));
      if (given > context.now) found.push(issue("invalid-field", "recordedAt", "is in the future", { actual: draft.recordedAt }));
      recordedMs = given;
    }
    found.push(...correctionIssues(draft, known, batchTypes));
    const unsealed = {
      id,
      type: draft.type,
      schemaVersion,
      effectiveAt: draft.effectiveAt,
      recordedAt: formatInstant(recordedMs),
      seq: previous.seq + 1,
      ...(draft.supersedes === undefined ? {} : { supersedes: draft.supersedes }),
      ...(draft.retracts === undefined ? {} : { retracts: draft.retracts }),
      ...(draft.source === undefined ? {} : { source: draft.source }),
      data: draft.data,
      prevHash: previous.hash,
    };
    const decoded = decodeData(context.catalog, { ...unsealed, hash: GENESIS_HASH });
    if (!decoded.ok) found.push(...decoded.issues);
    else if (found.length === 0 && draft.retracts === undefined) found.push(...checker.accept(decoded.event as DomainEvent));
    if (found.length > 0) {
      issues.push(...found.map((f) => withPlace({ ...f, eventId: id }, place)));
      continue;
    }
    const event = sealed(unsealed);
    events.push(event);
    batchContent.set(id, content);
    batchTypes.set(id, draft.type);
    previous = { seq: event.seq, hash: event.hash, recordedAt: event.recordedAt };
    lastRecorded = recordedMs;
    if (draft.supersedes !== undefined || draft.retracts !== undefined) {
      known.corrections.learn(event, undefined);
      checker = await relearn(source, context.catalog, known.corrections, events);
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, events, alreadyPresent };
};
