import { decodeData, type Catalog } from "../events/catalog.js";
import { GENESIS_HASH, type DomainEvent, type EventDraft, type StoredEvent } from "../events/envelope.js";
import { issue, showValue, withPlace, type Issue } from "../events/issues.js";
import { EventRetracted } from "../corrections/correction-events.js";
import { formatInstant, parseInstant } from "../time/stockholm.js";
import type { EventSource } from "../projection/source.js";
import { decodeOrThrow } from "../projection/replay.js";
import { canonicalJson, canonicallyOrdered, nestsDeeperThan } from "./canonical-json.js";
import { JSON_LIMITS } from "../events/strict-json.js";
import { sealed, sha256Hex } from "./chain.js";
import { RuleBook, type AppendState } from "./append-state.js";
import { BatchRules } from "./batch-rules.js";
import { ContentLog } from "./content-log.js";
import { draftEnvelopeIssues } from "./draft-check.js";
import { CONTENT_HEX, IdIndexBuilder, type KnownId } from "./id-index.js";
import type { DraftPlace, LogHead } from "./store.js";
import type { BatchContents } from "./batch-contents.js";


export interface AppendContext {
  readonly catalog: Catalog;
  /** The current time in epoch ms: the store's clock, injected so tests can fix it. */
  readonly now: number;
  readonly newId: () => string;
  readonly places?: readonly DraftPlace[];
  /**
   * Earlier events the batch names, as stored, where the store has them at hand (a database looks
   * the batch's ids up anyway): a correction of a fact some rule learned from is then forgotten
   * from it (`ConsistencyRule.forget`) without reading the log for the fact.
   */
  readonly earlierEvents?: ReadonlyMap<string, StoredEvent>;
  /** The batch's content fingerprints, when the store made them for a precondition too: computed once. */
  readonly contents?: BatchContents;
}

export type Prepared =
  | { readonly ok: true; readonly events: readonly StoredEvent[]; readonly alreadyPresent: readonly string[]; readonly state: AppendState }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** What makes two events "the same fact": everything but the store's own fields (a fingerprint of it). */
export const contentOf = (event: Pick<StoredEvent, "type" | "schemaVersion" | "effectiveAt" | "data"> & Partial<Pick<StoredEvent, "supersedes" | "retracts" | "source">>): string =>
  // Keys in canonical order, so an event read from a line (its data already in that order) is written by JSON.stringify.
  sha256Hex(canonicalJson({ data: event.data, effectiveAt: event.effectiveAt, retracts: event.retracts, schemaVersion: event.schemaVersion, source: event.source, supersedes: event.supersedes, type: event.type })).slice(0, CONTENT_HEX);

/** The schema version a draft is stored under: its own, or its type's latest. */
export const storedVersionOf = (draft: Pick<EventDraft, "type" | "schemaVersion">, catalog: Catalog): number => draft.schemaVersion ?? catalog.definition(draft.type)?.latest.version ?? 1;

/** Corrections as known now: superseded and retracted ids (the CorrectionIndex rule, with no cut-off). */
const learnCorrection = (removed: Set<string>, event: Pick<StoredEvent, "supersedes" | "retracts">): void => {
  if (event.supersedes !== undefined) removed.add(event.supersedes);
  if (event.retracts !== undefined) removed.add(event.retracts);
};
const counts = (removed: ReadonlySet<string>, event: Pick<StoredEvent, "id" | "retracts">): boolean => event.retracts === undefined && !removed.has(event.id);

/** What the id index keeps of an event: a retraction is never learned from, so correcting one (refused anyway) never rebuilds. */
const knownIdOf = (event: Pick<StoredEvent, "type">, content: string, rules: Pick<RuleBook, "learnsFrom">): KnownId => {
  const retraction = isRetraction(event);
  return { content, retraction, learnedFrom: !retraction && rules.learnsFrom(event.type) };
};

const isRetraction = (event: Pick<StoredEvent, "type">): boolean => event.type === EventRetracted.type;

/**
 * Reads the whole log once for corrections and once to learn ids, content and the rules' state.
 * Throws ReplayError, at the event's line, when a fact the rules learn from does not decode.
 */
export const learnLog = async (source: EventSource, catalog: Catalog): Promise<AppendState> => {
  const removed = new Set<string>();
  // Pass one needs only the corrections: a source's light scan when it has one (the second pass reads and verifies every line before the state is used).
  for await (const stored of source.scanCorrections?.(false) ?? source.read()) learnCorrection(removed, stored);
  const ids = new IdIndexBuilder();
  const contents = new ContentLog();
  const rules = new RuleBook(catalog.rules);
  let head: LogHead = { seq: -1, hash: GENESIS_HASH };
  let scanMissed = false;
  // Where the source gives its lines' positions, each learned fact's is kept (see AppendState.facts).
  const facts = source.readAfter === undefined ? undefined : new Map<string, string>();
  const learn = (stored: StoredEvent, position: () => string): void => {
    // The light scan finds corrections by their canonical key text; a line verified by its content but written otherwise can hide one from it.
    const corrected = stored.supersedes ?? stored.retracts;
    if (corrected !== undefined && !removed.has(corrected)) scanMissed = true;
    const content = contentOf(stored);
    const retraction = isRetraction(stored);
    ids.add(stored.id, content, retraction, !retraction && rules.learnsFrom(stored.type));
    contents.push(content);
    head = { seq: stored.seq, hash: stored.hash, recordedAt: stored.recordedAt };
    if (!counts(removed, stored) || !rules.learnsFrom(stored.type)) return;
    // A fact the rules learn from whose data its type refuses: checked against rules without it, a
    // batch would be blamed for the log's fault (an area "unknown" because its line is invalid).
    rules.learn(decodeOrThrow(catalog, stored));
    facts?.set(stored.id, position());
  };
  if (source.readAfter === undefined) for await (const stored of source.read()) learn(stored, () => "");
  else for await (const { events, positionAt } of source.readAfter(undefined)) events.forEach((stored, index) => learn(stored, () => positionAt(index)));
  if (scanMissed) return learnLog({ read: (options) => source.read(options) }, catalog);
  return { head, ids: ids.build(), removed, rules, contents, ...(facts === undefined ? {} : { facts }) };
};


const correctionIssues = (draft: EventDraft, known: AppendState, batch: ReadonlyMap<string, KnownId>): Issue[] => {
  const found: Issue[] = [];
  if (draft.supersedes !== undefined && draft.retracts !== undefined) found.push(issue("invalid-field", "retracts", "an event either supersedes or retracts, not both"));
  if (draft.retracts !== undefined && draft.type !== EventRetracted.type) found.push(issue("invalid-field", "type", "only a retraction may carry `retracts`", { expected: EventRetracted.type, actual: draft.type }));
  if (draft.type === EventRetracted.type && draft.retracts === undefined) found.push(issue("invalid-field", "retracts", "a retraction must name the event it takes back", { expected: "an event id" }));
  for (const [field, target] of [["supersedes", draft.supersedes], ["retracts", draft.retracts]] as const) {
    if (target === undefined) continue;
    const targetEvent = known.ids.lookup(target) ?? batch.get(target);
    if (targetEvent === undefined) found.push(issue("unknown-reference", field, `no earlier event has id "${target}"`));
    else if (targetEvent.retraction) found.push(issue("invalid-field", field, "a retraction cannot be corrected; record the fact again instead", { actual: target }));
    else if (known.removed.has(target)) found.push(issue("conflict", field, `event "${target}" was already superseded or retracted`, { actual: target }));
  }
  return found;
};

/**
 * Validates a batch against the log and turns it into chained events, or returns every issue
 * found. Nothing here writes: the store writes the result whole, or nothing.
 *
 * From a saved state this costs O(batch), with one exception: correcting an event some rule
 * learned from (an area's definition, a position) makes the rules' state stale. The rules that
 * learn from its type are rebuilt lazily, once before the next event the rules check, or once at
 * the end, so each later event is still checked against rules that have forgotten every fact
 * corrected before it (see `BatchRules`). The first rebuild reads the log once and keeps the facts
 * the rules learn from for the later ones: a batch restating many kept facts reads the log once.
 */
export const prepareAppend = async (source: EventSource, drafts: readonly EventDraft[], context: AppendContext, saved?: AppendState): Promise<Prepared> => {
  // A caller in plain JavaScript may hand over one draft, or anything: say so rather than fail inside.
  if (!Array.isArray(drafts)) return { ok: false, issues: [issue("not-an-object", "", "append takes a list of drafts (an array), not a single value", { actual: showValue(drafts) })] };
  const known = saved ?? (await learnLog(source, context.catalog));
  const issues: Issue[] = [];
  const events: StoredEvent[] = [];
  const alreadyPresent: string[] = [];
  const batch = new Map<string, KnownId>();
  let previous = known.head;
  let lastRecorded = known.head.recordedAt === undefined ? -Infinity : Date.parse(known.head.recordedAt);
  const rules = new BatchRules(source, context.catalog, known.removed, known.rules, context.earlierEvents);
  // Once past this draft (which may itself correct), no draft corrects anything: a rebuild of the rules then is the last.
  const lastCorrecting = drafts.findLastIndex((draft: EventDraft | null) => draft?.supersedes !== undefined || draft?.retracts !== undefined);

  for (const [index, draft] of drafts.entries()) {
    // Drafts read from a file are placed at their lines; drafts built in code by their place in the batch.
    const place = context.places?.[index] ?? { draft: index + 1 };
    const found: Issue[] = [];
    // Any other value that is no object is named by the envelope's check below; null cannot be read that far.
    if ((draft as EventDraft | null) === null) {
      issues.push(withPlace(issue("invalid-field", "", "is null, not an object", { expected: "an object", actual: "null" }), place));
      continue;
    }
    const schemaVersion = storedVersionOf(draft, context.catalog);
    const id = draft.id ?? context.newId();
    // Input read from text is held to this depth by the reader; a draft built in code is held to it here, before anything walks it recursively.
    if (nestsDeeperThan(draft.data, JSON_LIMITS.depth) || nestsDeeperThan(draft.source, JSON_LIMITS.depth)) {
      issues.push(withPlace({ ...issue("invalid-field", "data", `nests deeper than ${JSON_LIMITS.depth} levels`, { expected: `at most ${JSON_LIMITS.depth} levels of objects and lists` }), eventId: id }, place));
      continue;
    }
    const malformed = draftEnvelopeIssues(draft);
    if (malformed.length > 0) {
      issues.push(...malformed.map((found) => withPlace({ ...found, eventId: id }, place)));
      continue;
    }
    const content = context.contents?.of(index) ?? contentOf({ ...draft, schemaVersion });
    const existing = (known.ids.lookup(id) ?? batch.get(id))?.content;
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
    found.push(...correctionIssues(draft, known, batch));
    const unsealed = {
      id,
      type: draft.type,
      schemaVersion,
      effectiveAt: draft.effectiveAt,
      recordedAt: formatInstant(recordedMs),
      seq: previous.seq + 1,
      ...(draft.supersedes === undefined ? {} : { supersedes: draft.supersedes }),
      ...(draft.retracts === undefined ? {} : { retracts: draft.retracts }),
      // In canonical key order once, so hashing and writing the event need not sort them again.
      ...(draft.source === undefined ? {} : { source: canonicallyOrdered(draft.source) }),
      data: canonicallyOrdered(draft.data),
      prevHash: previous.hash,
    };
    const decoded = decodeData(context.catalog, { ...unsealed, hash: GENESIS_HASH });
    const checked = decoded.ok && found.length === 0 && draft.retracts === undefined ? await rules.fresh(index <= lastCorrecting) : undefined;
    if (!decoded.ok) found.push(...decoded.issues);
    else if (checked !== undefined) found.push(...checked.check(decoded.event as DomainEvent));
    if (found.length > 0) {
      issues.push(...found.map((f) => withPlace({ ...f, eventId: id }, place)));
      continue;
    }
    const event = sealed(unsealed);
    events.push(event);
    const corrected = draft.supersedes ?? draft.retracts;
    if (corrected !== undefined) {
      learnCorrection(known.removed, event);
      known.facts?.delete(corrected);
      // Checked above: the corrected event is known. Only a fact some rule keeps must be forgotten, before the rules learn the event that corrects it.
      if ((known.ids.lookup(corrected) ?? batch.get(corrected))?.learnedFrom !== false) rules.forget(corrected);
    }
    if (decoded.ok) {
      checked?.learn(decoded.event as DomainEvent);
      rules.accepted(event, decoded.event as DomainEvent);
    }
    batch.set(id, knownIdOf(draft, content, rules));
    previous = { seq: event.seq, hash: event.hash, recordedAt: event.recordedAt };
    lastRecorded = recordedMs;
  }
  if (issues.length > 0) return { ok: false, issues };
  const freshRules = await rules.fresh(false);
  for (const [id, entry] of batch) known.ids.add(id, entry);
  for (const event of events) known.contents?.push((batch.get(event.id) as KnownId).content);
  return {
    ok: true,
    events,
    alreadyPresent,
    state: { head: previous, ids: known.ids, removed: known.removed, rules: freshRules, ...(known.contents === undefined ? {} : { contents: known.contents }), ...(known.facts === undefined ? {} : { facts: known.facts }) },
  };
};
