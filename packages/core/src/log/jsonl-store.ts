import { randomUUID } from "node:crypto";
import { open, realpath, stat, writeFile } from "node:fs/promises";
import { GENESIS_HASH, StoredEventCodec, type EventDraft, type StoredEvent } from "../events/envelope.js";
import { isStoredEventWithComputedHash } from "../events/stored-event-guard.js";
import { decodeWith } from "../events/catalog.js";
import { compileGuard } from "../events/guard.js";
import { formatIssue, issue, type Issue } from "../events/issues.js";
import { columnOf, valueColumns } from "../events/json-positions.js";
import { parseStrictJson } from "../events/strict-json.js";
import { knownAtCutoff } from "../time/effective.js";
import type { CorrectionView } from "../corrections/resolve.js";
import { forgetAppendState, loadAppendState, saveAppendState as saveState, type AppendState } from "./append-state.js";
import { canonicalLineHashMatches, hashOf, lineOf } from "./chain.js";
import { canonicalDifference } from "./canonical-difference.js";
import { CANONICAL_MAX_DEPTH, nestsDeeperThan } from "./canonical-json.js";
import { fieldsOfLine, readLineBatches, readLines, type RawLine } from "./lines.js";
import { readTypesFromFile } from "./type-scan.js";
import { StaleSnapshotError } from "../snapshots/snapshot.js";
import type { EventBatch, SourceAnchor } from "../projection/source.js";
import { ReplayError } from "../projection/replay.js";
import { withLogLock, type LockWait } from "./lock.js";
import { clearPendingBatch, committedSize, recordPendingBatch } from "./pending-batch.js";
import { learnLog, prepareAppend } from "./prepare-append.js";
import { appendArgumentIssues, preconditionIssues } from "./append-arguments.js";
import { checkStoreOptions } from "./store-options.js";
import { BatchContents } from "./batch-contents.js";
import { linePositions, readFactLines } from "./fact-lines.js";
import { inspectLogEnd, repairLogEnd, type LogEnd } from "./recovery.js";
import type { AppendOptions, AppendOutcome, EventStore, LogHead } from "./store.js";
import type { StoreOptions } from "./memory-store.js";

/** Where a verified read starts: a line's byte offset and number, and the seq and previous hash expected there. */
interface ReadStart {
  readonly offset: number;
  readonly number: number;
  readonly seq: number;
  readonly hash: string;
}

const SUB_BATCH = 256;
const FIRST_SUB_BATCH = 8;

const LOG_START: ReadStart = { offset: 0, number: 0, seq: 0, hash: GENESIS_HASH };

/** A snapshot anchor's line in a log file: "<line start>:<line end>:<line number>", in bytes; the next line starts at its end. */
const positionAfter = (anchor: SourceAnchor): { start: number; offset: number; number: number } => {
  const parts = /^(\d+):(\d+):(\d+)$/.exec(anchor.position);
  if (parts === null) throw new StaleSnapshotError(`the snapshot's position "${anchor.position}" is not a position in a log file`);
  return { start: Number(parts[1]), offset: Number(parts[2]), number: Number(parts[3]) };
};

/** A log line that cannot be read as a stored event; carries the place and what is wrong. */
export class LogReadError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map(formatIssue).join("\n"));
  }
}

const isStoredEvent = compileGuard(StoredEventCodec);

/**
 * Parses one stored line into an event, or the issues that say why not (with columns). `intact`
 * says the line's exact bytes, without its hash field, hash to that hash (so the line is the
 * canonical text that was sealed): readers and verify need not hash it again. It is computed
 * before the envelope is checked, because a hash that matched needs no check of its digits.
 */
/** Where a text that JSON.parse refused goes wrong, for V8's messages that give no position ("Unexpected end of JSON input"). */
const syntaxErrorColumn = (text: string): number => {
  const strict = parseStrictJson(text, CANONICAL_MAX_DEPTH);
  return strict.ok ? 1 : strict.index + 1;
};

export const parseStoredLine = (file: string, text: string, number: number, terminated: boolean, before?: LogHead): { ok: true; event: StoredEvent; intact: boolean } | { ok: false; issues: Issue[] } => {
  const place = { file, line: number };
  if (!terminated) return { ok: false, issues: [unterminatedIssue(file, text, number, before)] };
  if (text.charCodeAt(0) === 0xfeff) {
    return { ok: false, issues: [issue("not-json", "", "starts with a byte order mark (U+FEFF), which no line of a log has: the file was saved by an editor that adds one", { ...place, column: 1 })] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    return { ok: false, issues: [issue("not-json", "", `is not JSON: ${(error as Error).message}`, { ...place, column: position === null ? syntaxErrorColumn(text) : Number(position[1]) + 1 })] };
  }
  const claimed = typeof raw === "object" && raw !== null ? (raw as { hash?: unknown }).hash : undefined;
  const intact = typeof claimed === "string" && canonicalLineHashMatches(text, claimed);
  // A changed line is canonicalised to say what changed, and canonical JSON stops at this depth: no stored line comes near it.
  if (!intact && nestsDeeperThan(raw, CANONICAL_MAX_DEPTH)) {
    return { ok: false, issues: [issue("not-json", "", `nests deeper than ${CANONICAL_MAX_DEPTH} levels of objects and lists, which no stored line does: the line was changed`, { ...place, column: 1 })] };
  }
  if (intact ? isStoredEventWithComputedHash(raw, claimed as string) : isStoredEvent(raw)) return { ok: true, event: raw as StoredEvent, intact };
  const decoded = decodeWith(StoredEventCodec, raw);
  if (!decoded.ok) {
    const columns = valueColumns(text);
    const invalid = decoded.issues.map((found) => ({ ...found, ...place, column: columnOf(columns, found.path) ?? 1 }));
    // Every line is written with a hash of its bytes: one without it, or whose bytes no longer give it, was changed since (exit 4, not 3).
    if (intact) return { ok: false, issues: invalid };
    // A hash that is no hash is said once, as the change it is.
    const hashIssue = invalid.find((found) => found.path === "hash");
    if (hashIssue !== undefined) return { ok: false, issues: invalid.map((found) => (found === hashIssue ? { ...found, code: "chain-broken", message: `${found.message}: the line was changed` } : found)) };
    return { ok: false, issues: [...invalid, issue("chain-broken", "hash", "does not match the line's bytes: the line was changed", { ...place, column: columnOf(columns, "hash") ?? 1 })] };
  }
  return { ok: true, event: decoded.value, intact };
};

/**
 * The issue for a last line with no newline. Given the head before it (a reader that checked the
 * lines before), a line that is a whole event chaining onto that head is named as what it is (a
 * committed line whose newline was lost: see `LogEnd` "missing-newline"), for repair to mend;
 * any other is a line cut off by an interrupted append.
 */
const unterminatedIssue = (file: string, text: string, number: number, before: LogHead | undefined): Issue => {
  const place = { file, line: number, column: text.length + 1 };
  const parsed = before === undefined ? undefined : parseStoredLine(file, text, number, true);
  const whole = parsed?.ok === true && parsed.intact && parsed.event.seq === (before?.seq ?? 0) + 1 && parsed.event.prevHash === before?.hash;
  if (whole) return issue("torn-line", "", "the last line lacks its final newline (its event is whole and was committed); run tertial repair to add it", place);
  return issue("torn-line", "", "the last line is cut off (no newline): an append was interrupted and this line was never committed; run tertial repair to remove it", place);
};

/**
 * The issue for a stored line whose exact bytes do not hash to its hash (`parseStoredLine` said
 * not `intact`). The stored form of a line is the canonical JSON of its event: a line that is not
 * (reformatted, CRLF line endings, keys reordered) was changed even when its content still hashes
 * to its hash, so every reader refuses it as verify does. Only such lines pay for canonicalising.
 * A database store's body is the same text, kept in a row.
 */
export const changedLineIssue = (file: string, text: string, number: number, event: StoredEvent, unit: "line" | "row" = "line"): Issue => {
  const place = { file, line: number };
  if (hashOf(event) !== event.hash) return issue("chain-broken", "hash", `does not match the event's content: the ${unit} was changed; run tertial verify`, place);
  const { column, said } = canonicalDifference(text, lineOf(event));
  return issue("not-canonical", "", `is not the canonical JSON of its event (${said}): the stored bytes were changed; run tertial verify`, { ...place, column });
};

const optionalText = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** A line's correction fields, or undefined when it is no JSON object with an id and a recorded time. */
const correctionViewOf = (text: string): CorrectionView | undefined => {
  const fields = fieldsOfLine(text);
  if (fields === undefined) return undefined;
  const id = optionalText(fields.id);
  const recordedAt = optionalText(fields.recordedAt);
  if (id === undefined || recordedAt === undefined) return undefined;
  const supersedes = optionalText(fields.supersedes);
  const retracts = optionalText(fields.retracts);
  const seq = Number.isSafeInteger(fields.seq) ? (fields.seq as number) : undefined;
  return { id, recordedAt, ...(supersedes === undefined ? {} : { supersedes }), ...(retracts === undefined ? {} : { retracts }), ...(seq === undefined ? {} : { seq }) };
};

export interface JsonlStoreOptions extends StoreOptions {
  readonly path: string;
  /** Give up waiting for the lock after this long; by default an append waits while the writers ahead are alive. */
  readonly lockTimeoutMs?: number;
  /** Told when an append waits for other writers: for a progress line on a terminal. */
  readonly onLockWait?: (wait: LockWait) => void;
  /** Told when an append first rolls back what an interrupted append left (see `repairLogEnd`). */
  readonly onRepair?: (end: LogEnd) => void;
  /** How many ids the append state's journal holds before a save writes a new base run (`SaveStateOptions`). */
  readonly journalLimit?: number;
  /** From how many bytes of records a rule's Map or Set is kept in a rules file of its own (`SaveStateOptions`). */
  readonly rulesFiledFrom?: number;
  /** How many changes a filed Map or Set's journal holds before a save writes it anew (`SaveStateOptions`). */
  readonly rulesJournalLimit?: number;
}

/** A log line whose chain is broken (hash, seq or prevHash): the log was changed. */
export class LogBrokenError extends LogReadError {}

/**
 * The embedded default store: one canonical-JSON event per line, chained by SHA-256.
 *
 * Reads stream and check every line they read: its hash against its content, its seq and its
 * prevHash against the line before, so a changed, dropped, moved or forged line stops every
 * read (and every append) at that line. They read only committed batches.
 *
 * Appends wait their turn in the log's lock queue, roll back a batch an earlier writer left
 * incomplete, validate the whole batch against the log (from the saved append state when it
 * matches the log, otherwise by reading the log), then record the batch as pending, write it with
 * one write and fsync, and clear the record: a batch lands whole or, after any crash, not at all.
 */
export const jsonlStore = (options: JsonlStoreOptions): EventStore & { readonly path: string } => {
  checkStoreOptions("jsonlStore", options, ["path", "catalog"]);
  const limits = {
    ...(options.journalLimit === undefined ? {} : { journalLimit: options.journalLimit }),
    ...(options.rulesFiledFrom === undefined ? {} : { rulesFiledFrom: options.rulesFiledFrom }),
    ...(options.rulesJournalLimit === undefined ? {} : { rulesJournalLimit: options.rulesJournalLimit }),
  };
  const saveAppendState = (real: string, catalog: JsonlStoreOptions["catalog"], state: AppendState) => saveState(real, catalog, state, limits);
  const { path } = options;
  const clock = options.clock ?? Date.now;
  const newId = options.newId ?? randomUUID;

  /** The committed lines from `from` on, a chunk at a time, each checked against the one before it (seq, prevHash) and against its own hash. */
  async function* verifiedBatches(file: string, from: ReadStart, committed?: number): AsyncGenerator<{ events: StoredEvent[]; lines: RawLine[] }> {
    const until = committed ?? (await committedSize(file));
    let expectedSeq = from.seq;
    let previousHash = from.hash;
    const check = (line: RawLine): StoredEvent => {
      const parsed = parseStoredLine(path, line.text, line.number, line.terminated, { seq: expectedSeq - 1, hash: previousHash });
      if (!parsed.ok) throw new LogReadError(parsed.issues);
      const place = { file: path, line: line.number };
      if (parsed.event.seq !== expectedSeq) {
        throw new LogBrokenError([issue("chain-broken", "seq", `expected seq ${expectedSeq}; run tertial verify`, { ...place, actual: String(parsed.event.seq) })]);
      }
      if (parsed.event.prevHash !== previousHash) {
        throw new LogBrokenError([issue("chain-broken", "prevHash", "does not match the previous line's hash; run tertial verify", place)]);
      }
      if (!parsed.intact) throw new LogBrokenError([changedLineIssue(path, line.text, line.number, parsed.event)]);
      expectedSeq += 1;
      previousHash = parsed.event.hash;
      return parsed.event;
    };
    // Lines are checked a sub-batch ahead of what the reader takes, growing to SUB_BATCH: a read that
    // stops soon (a known-at date just after its snapshot) checks few lines it does not use, a long one yields seldom.
    let ahead = FIRST_SUB_BATCH;
    for await (const chunk of readLineBatches(file, from, until)) {
      for (let first = 0; first < chunk.length; first += ahead, ahead = Math.min(ahead * 2, SUB_BATCH)) {
        const lines = chunk.slice(first, first + ahead);
        yield { events: lines.map(check), lines };
      }
    }
  }

  async function* readFrom(fromSeq: number, real?: string): AsyncGenerator<StoredEvent> {
    const file = real ?? (await realpath(path));
    for await (const { events } of verifiedBatches(file, LOG_START)) {
      for (const event of events) if (event.seq >= fromSeq) yield event;
    }
  }

  /**
   * Resumes after a snapshot's anchor: its line is read again and must still be the event the
   * snapshot was taken after (same seq, same hash, intact), then the lines after it are read as
   * `read` reads them. A position is "<line start>:<line end>:<line number>" in bytes.
   */
  async function* readAfterAnchor(anchor: SourceAnchor | undefined): AsyncGenerator<EventBatch> {
    const file = await realpath(path);
    // One look at the committed size for the anchor's line and the lines after it: a known-at report from a snapshot reads little else.
    const committed = await committedSize(file);
    const from = anchor === undefined ? LOG_START : await anchoredStart(file, anchor, committed);
    for await (const { events, lines } of verifiedBatches(file, from, committed)) {
      yield { events, positionAt: (index) => `${lines[index]?.start}:${lines[index]?.end}:${lines[index]?.number}` };
    }
  }

  const anchoredStart = async (file: string, anchor: SourceAnchor, committed: number): Promise<ReadStart> => {
    const { start, offset: end, number } = positionAfter(anchor);
    for await (const line of readLines(file, { offset: start, number: number - 1 }, Math.min(end, committed))) {
      const parsed = line.terminated ? parseStoredLine(path, line.text, line.number, true) : undefined;
      if (parsed?.ok !== true || parsed.event.seq !== anchor.seq || parsed.event.hash !== anchor.hash || !parsed.intact) break;
      return { offset: end, number, seq: anchor.seq + 1, hash: anchor.hash };
    }
    throw new StaleSnapshotError(`line ${number} of ${path} is no longer event ${anchor.seq} as the snapshot knew it`);
  };

  /**
   * The corrections pass's cheap read: only lines that mention a correction are parsed (every
   * line when recorded times are wanted), with no hash or envelope check; see `EventSource`.
   */
  async function* scanCorrections(withTimes: boolean, after?: SourceAnchor): AsyncGenerator<CorrectionView> {
    const file = await realpath(path);
    const start = after === undefined ? undefined : positionAfter(after);
    for await (const line of readLines(file, start, await committedSize(file))) {
      if (!withTimes && !line.text.includes('"supersedes":') && !line.text.includes('"retracts":')) continue;
      const view = correctionViewOf(line.text);
      if (view === undefined) return;
      yield view;
    }
  }

  async function* readTypes(types: ReadonlySet<string>, real?: string): AsyncGenerator<StoredEvent> {
    const file = real ?? (await realpath(path));
    yield* readTypesFromFile(path, file, types, await committedSize(file));
  }

  /** The verified head: the last committed event, every line up to it checked. */
  const head = async (): Promise<LogHead> => {
    let last: StoredEvent | undefined;
    for await (const event of readFrom(0)) last = event;
    return last === undefined ? { seq: -1, hash: GENESIS_HASH } : { seq: last.seq, hash: last.hash, recordedAt: last.recordedAt };
  };

  const read = (readOptions?: { readonly fromSeq?: number }): AsyncIterable<StoredEvent> => readFrom(readOptions?.fromSeq ?? 0);
  const readAfter = (anchor: SourceAnchor | undefined): AsyncIterable<EventBatch> => readAfterAnchor(anchor);

  /** Writes a batch at the log's end; returns the size the log had before it. */
  const writeBatch = async (real: string, events: readonly StoredEvent[], before: LogHead): Promise<number> => {
    const bytes = Buffer.from(events.map((event) => `${lineOf(event)}\n`).join(""), "utf8");
    const handle = await open(real, "a");
    const sizeBefore = (await handle.stat()).size;
    const last = events[events.length - 1] as StoredEvent;
    try {
      await recordPendingBatch(real, { sizeBefore, headBefore: before, events: events.length, sizeAfter: sizeBefore + bytes.length, headAfter: { seq: last.seq, hash: last.hash } });
      await handle.write(bytes, 0, bytes.length);
      await handle.sync();
    } catch (error) {
      await handle.truncate(sizeBefore).catch(() => undefined);
      throw error;
    } finally {
      await handle.close();
    }
    await clearPendingBatch(real);
    return sizeBefore;
  };

  /** Rolls back what an interrupted append left; an issue when the log's end cannot be made sense of. */
  const recover = async (real: string): Promise<Issue[]> => {
    const end = await inspectLogEnd(real);
    if (end.kind === "inconsistent") return [issue("chain-broken", "", `${end.message}; run tertial verify`, { file: path })];
    // A record of another file (a log deleted since) says nothing about this one: it goes, quietly.
    if ("staleRecord" in end && end.staleRecord === true) await clearPendingBatch(real);
    if (end.kind !== "incomplete" && end.kind !== "committed") return [];
    options.onRepair?.(await repairLogEnd(real));
    return [];
  };

  /** The saved append state if it matches the log, else one learnt by reading the log (then worth saving). */
  const stateOf = async (real: string): Promise<{ state: AppendState; saved: boolean }> => {
    const saved = await loadAppendState(real, options.catalog);
    if (saved !== undefined) return { state: saved, saved: true };
    return { state: await learnLog({ read: (o) => readFrom(o?.fromSeq ?? 0, real), readAfter: readAfterAnchor, scanCorrections }, options.catalog), saved: false };
  };

  const appendLocked = async (real: string, drafts: readonly EventDraft[], appendOptions?: AppendOptions): Promise<AppendOutcome> => {
    const recovered = await recover(real);
    if (recovered.length > 0) return { ok: false, issues: recovered, logBroken: true };
    let known: { state: AppendState; saved: boolean };
    try {
      known = await stateOf(real);
    } catch (error) {
      if (error instanceof LogReadError) return { ok: false, issues: error.issues, logBroken: true };
      // A fact the rules learn from that does not decode (learnLog): the log's fault, at its line, not the batch's.
      if (error instanceof ReplayError) return { ok: false, issues: error.issues.map((found) => ({ ...found, file: path })), logBroken: true };
      throw error;
    }
    const { state } = known;
    const current = state.head;
    if (appendOptions?.expectedSeq !== undefined && appendOptions.expectedSeq !== current.seq) {
      return { ok: false, issues: [issue("conflict", "", `the log moved on: expected last seq ${appendOptions.expectedSeq}, found ${current.seq}`, { file: path })] };
    }
    const source = { read: (o?: { readonly fromSeq?: number }) => readFrom(o?.fromSeq ?? 0, real), readTypes: (types: ReadonlySet<string>) => readTypes(types, real) };
    const contents = new BatchContents(drafts, options.catalog);
    const refused = appendOptions?.precondition === undefined ? [] : preconditionIssues(await appendOptions.precondition({ ...source, head: current, findContentRun: async (found) => contentRunIn(state, found), batchContents: () => contents.all() }));
    if (refused.length > 0) {
      // A state this append had to learn is kept all the same: it describes the unchanged log.
      if (!known.saved) await saveAppendState(real, options.catalog, state);
      return { ok: false, issues: refused };
    }
    // The facts the batch corrects, read at their lines where the state knows them: a rule that can forget one exactly then reads no more of the log.
    const earlierEvents = await readFactLines(real, state.facts, Array.isArray(drafts) ? drafts : [], (text, number) => {
      const parsed = parseStoredLine(path, text, number, true);
      return parsed.ok && parsed.intact ? parsed.event : undefined;
    });
    const context = { catalog: options.catalog, now: clock(), newId, earlierEvents, contents, ...(appendOptions?.places === undefined ? {} : { places: appendOptions.places }) };
    const prepared = await prepareAppend(source, drafts, context, state);
    if (!prepared.ok) return prepared;
    if (prepared.events.length > 0) {
      await forgetAppendState(real);
      const positions = linePositions(prepared.events, await writeBatch(real, prepared.events, current));
      const { facts, rules, removed } = prepared.state;
      prepared.events.forEach((event, index) => {
        if (event.retracts === undefined && !removed.has(event.id) && rules.learnsFrom(event.type)) facts?.set(event.id, positions[index] as string);
      });
    }
    if (prepared.events.length > 0 || !known.saved) await saveAppendState(real, options.catalog, prepared.state);
    return { ok: true, appended: prepared.events, alreadyPresent: prepared.alreadyPresent, head: prepared.state.head };
  };

  const append = async (drafts: readonly EventDraft[], appendOptions?: AppendOptions): Promise<AppendOutcome> => {
    const wrong = appendArgumentIssues(drafts, appendOptions);
    if (wrong.length > 0) return { ok: false, issues: wrong };
    // An append never creates the log: a mistyped path must not start a new, empty history.
    if (!(await logExists(path))) return { ok: false, issues: [issue("io", "", `there is no log at ${path}: create it first with initLog (or tertial init)`, { file: path })] };
    return withLogLock(path, (real) => appendLocked(real, drafts, appendOptions), {
      ...(options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs }),
      ...(options.onLockWait === undefined ? {} : { onWait: options.onLockWait }),
    });
  };

  return {
    path,
    read,
    scanCorrections,
    readTypes,
    findContentRun: async (contents) => {
      const saved = await loadAppendState(await realpath(path), options.catalog);
      return saved === undefined ? "unknown" : contentRunIn(saved, contents);
    },
    readAfter,
    head,
    append,
    readKnownAt: (knownAt) => {
      const cutoff = knownAtCutoff(knownAt);
      if (cutoff === undefined) throw new RangeError(`known-at "${knownAt}" is neither a date nor an instant`);
      return (async function* () {
        for await (const event of readFrom(0)) {
          if (Date.parse(event.recordedAt) > cutoff) return;
          yield event;
        }
      })();
    },
  };
};

/** Where the last run of these content fingerprints starts, by the state's content log; "unknown" when it keeps none. */
const contentRunIn = (state: AppendState, contents: readonly string[]): { readonly firstSeq: number } | undefined | "unknown" => {
  if (state.contents === undefined) return "unknown";
  const firstSeq = state.contents.lastRun(contents);
  return firstSeq === undefined ? undefined : { firstSeq };
};

/** Creates an empty log; refuses to touch an existing file. */
export const initLog = async (path: string): Promise<void> => {
  await writeFile(path, "", { flag: "wx" });
};

export const logExists = async (path: string): Promise<boolean> => stat(path).then(() => true, () => false);
