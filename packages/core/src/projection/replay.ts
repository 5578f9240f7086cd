import { decodeData, type Catalog } from "../events/catalog.js";
import type { DomainEvent, StoredEvent } from "../events/envelope.js";
import { formatIssue, issue, showValue, type Issue } from "../events/issues.js";
import { CorrectionIndex, recordedBy, type CorrectionView } from "../corrections/resolve.js";
import { knownAtCutoff } from "../time/effective.js";
import { parseCalendarDate } from "../time/calendar.js";
import { isPeriodParseError, parsePeriod, periodName, PERIOD_SYNTAX, type Period } from "../time/period.js";
import { canonicalJson, CANONICAL_MAX_DEPTH } from "../log/canonical-json.js";
import { sha256Hex } from "../log/chain.js";
import { notPlainJson } from "./plain-json.js";
import { foldIdentity, loadState, saveState, type AnyProjection, type Projection, type ProjectionContext } from "./projection.js";
import type { EventSource } from "./source.js";

export interface ReplayOptions {
  readonly period: Period;
  /** A date ("2020-10-15", the whole day counts) or an instant; absent means as known now. */
  readonly knownAt?: string;
}

/** A replay that cannot go on; `issues`, where it has them, say which event and field, placed by the event's line (seq + 1). */
export class ReplayError extends Error {
  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

/** A mistake in an option a caller gave: the field (`path`) and a sentence saying what was given and what was expected. */
export interface OptionProblem {
  readonly path: string;
  readonly text: string;
}

const PERIOD_EXPECTED = 'expected a Period, made by period("2020-T1..T2")';
const KNOWN_AT_EXPECTED = 'expected a date "YYYY-MM-DD" or an instant with offset ("2020-10-15T12:00:00+02:00"), as a string, or no knownAt for as known now';

/** What a value is, for a message that names what was given where something else was expected. */
const describeGiven = (value: unknown): string => {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (value instanceof Date) return `a Date (${Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()})`;
  if (typeof value === "string") return `the text ${showValue(value)}`;
  if (typeof value === "function") return "a function";
  if (typeof value === "object") return Array.isArray(value) ? `a list ${showValue(value)}` : `an object ${showValue(value)}`;
  return `a ${typeof value} (${String(value)})`;
};

/**
 * What is wrong with a value given as a replay's or a report's `period`; undefined when it is a
 * Period as `period()` makes it (a canonical name for real calendar dates, start not after end).
 * Plain JavaScript may give anything, so nothing here trusts the type.
 */
export const periodOptionProblem = (value: unknown): OptionProblem | undefined => {
  const problem = (text: string): OptionProblem => ({ path: "period", text });
  if (value === undefined) return problem(`period is missing; ${PERIOD_EXPECTED}`);
  if (typeof value === "string") {
    // Text is refused, not parsed: the option is typed Period, and period() is the one place a period's text is read.
    const parsed = parsePeriod(value);
    return problem(
      isPeriodParseError(parsed)
        ? `period is ${describeGiven(value)}, not a Period, and no period's text either; expected a Period, made by period("…") from one of: ${PERIOD_SYNTAX}`
        : `period is ${describeGiven(value)}, not a Period; expected period(${JSON.stringify(value)})`,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return problem(`period is ${describeGiven(value)}, not a Period; ${PERIOD_EXPECTED}`);
  const { start, end, name } = value as Partial<Record<keyof Period, unknown>>;
  const notPeriod = (why: string): OptionProblem => problem(`period ${showValue(value)} is not a Period: ${why}; ${PERIOD_EXPECTED}`);
  const first = typeof start === "string" ? parseCalendarDate(start) : undefined;
  if (first === undefined) return notPeriod(`its start is ${describeGiven(start)}, not a date YYYY-MM-DD`);
  const last = typeof end === "string" ? parseCalendarDate(end) : undefined;
  if (last === undefined) return notPeriod(`its end is ${describeGiven(end)}, not a date YYYY-MM-DD`);
  if (first > last) return notPeriod("it ends before it starts");
  const canonical = periodName(first, last);
  if (name !== canonical) return notPeriod(`its name is ${describeGiven(name)}, and period() names it "${canonical}"`);
  return undefined;
};

/** What is wrong with a value given as `knownAt`; undefined when it is absent or a date or instant Tertial reads. */
export const knownAtOptionProblem = (value: unknown): OptionProblem | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== "string") return { path: "knownAt", text: `knownAt is ${describeGiven(value)}, not text; ${KNOWN_AT_EXPECTED}${value instanceof Date ? " (a Date's toISOString() is one)" : ""}` };
  if (knownAtCutoff(value) === undefined) return { path: "knownAt", text: `knownAt ${showValue(value)} is neither a date YYYY-MM-DD nor an instant with offset; ${KNOWN_AT_EXPECTED}` };
  return undefined;
};

/** Throws ReplayError, naming the entry point and the field, unless the options are a replay's: checked where they enter, so no mistake of a caller's reaches the folds. */
const checkOptions = (entry: string, options: unknown): void => {
  const problem =
    typeof options !== "object" || options === null
      ? { path: "", text: `options are ${options === undefined ? "missing" : `${describeGiven(options)}, not an object`}; expected { period: period("2020-T1..T2"), knownAt?: "2020-10-15" }` }
      : (periodOptionProblem((options as Partial<ReplayOptions>).period) ?? knownAtOptionProblem((options as Partial<ReplayOptions>).knownAt));
  if (problem !== undefined) throw new ReplayError(`${entry}: ${problem.text}`, [issue("invalid-field", problem.path, problem.text)]);
};

export const cutoffOf = (knownAt: string | undefined): number | undefined => {
  if (knownAt === undefined) return undefined;
  // Typed string, but plain JavaScript may hand anything: say so here rather than fail inside the date parser.
  if (typeof knownAt !== "string") throw new ReplayError(knownAtOptionProblem(knownAt)?.text ?? `knownAt is ${describeGiven(knownAt)}`);
  const cutoff = knownAtCutoff(knownAt);
  if (cutoff === undefined) throw new ReplayError(`known-at "${knownAt}" is neither a date YYYY-MM-DD nor an instant with offset`);
  return cutoff;
};

/**
 * Pass one: which events are taken back, as known at the cut-off. Reads envelopes only, through
 * the source's unverified `scanCorrections` when it has one: pass two reads and verifies every
 * line up to the cut-off before any result exists, so a changed line still stops the replay.
 */
export const indexCorrections = async (source: EventSource, cutoff: number | undefined, reads: (event: CorrectionView) => boolean = (event) => recordedBy(event, cutoff)): Promise<CorrectionIndex> => {
  const index = new CorrectionIndex();
  for await (const event of source.scanCorrections?.(cutoff !== undefined) ?? source.read()) {
    if (!reads(event)) break;
    index.learn(event, cutoff);
  }
  return index;
};

export const decodeOrThrow = (catalog: Catalog, stored: StoredEvent): DomainEvent => {
  const decoded = decodeData(catalog, stored);
  if (!decoded.ok) {
    const issues = decoded.issues.map((found) => ({ ...found, line: stored.seq + 1, eventId: stored.id }));
    throw new ReplayError(`event ${stored.id} (seq ${stored.seq}) does not decode: ${decoded.issues.map(formatIssue).join("; ")}`, issues);
  }
  return decoded.event;
};

/**
 * The events that count as known at the cut-off, decoded and upcast, in log order. Two passes
 * over the source, so memory holds only the set of corrected ids, never the log. `onRecorded`
 * sees every line recorded by the cut-off (counting or not): where the chain head is, without a third read.
 */
export async function* countingEvents(source: EventSource, catalog: Catalog, knownAt?: string, fromSeq = 0, onRecorded?: (stored: StoredEvent) => void): AsyncGenerator<DomainEvent> {
  const cutoff = cutoffOf(knownAt);
  const corrections = await indexCorrections(source, cutoff);
  for await (const stored of source.read({ fromSeq })) {
    if (!recordedBy(stored, cutoff)) break;
    onRecorded?.(stored);
    if (corrections.counts(stored)) yield decodeOrThrow(catalog, stored);
  }
}

const contextOf = (options: ReplayOptions): ProjectionContext =>
  options.knownAt === undefined ? { period: options.period } : { period: options.period, knownAt: options.knownAt };

/** Replays a projection over a log for a period, as known at a date. */
export const replay = async <S, R>(source: EventSource, catalog: Catalog, projection: Projection<S, R>, options: ReplayOptions): Promise<R> => {
  checkOptions("replay", options);
  const context = contextOf(options);
  let state = projection.init(context);
  for await (const event of countingEvents(source, catalog, options.knownAt)) state = projection.evolve(state, event, context);
  return projection.result(state, context);
};

/** A projection's state after a prefix of the log, to resume from instead of replaying it all. */
export interface Checkpoint {
  readonly projection: string;
  readonly period: string;
  readonly knownAt: string | null;
  /** The last event folded into `state`; resuming starts after it. */
  readonly seq: number;
  readonly hash: string;
  readonly state: unknown;
  /**
   * SHA-256 of the state's canonical JSON, so a state changed after it was written (by hand, or
   * damaged) is refused instead of resumed from. `resume` refuses a checkpoint without one: one
   * written before checkpoints carried it cannot be told from one whose digest was taken out.
   */
  readonly stateDigest: string;
  /** The revision of the fold whose state this is (see `DomainFold.revision`); absent: 1. */
  readonly revision?: number;
}

/**
 * A checkpoint that cannot be resumed from. Each issue names the field (`path`: "stateDigest",
 * "state", "seq", …) and says what was expected, so a caller that read the checkpoint from a file
 * can place it there (file, line, column); the message says them all.
 */
export class CheckpointError extends ReplayError {
  constructor(issues: readonly Issue[]) {
    super(`checkpoint: ${issues.map(formatIssue).join("; ")}`, issues);
  }
}

const CHECKPOINT_FIELDS: readonly string[] = ["projection", "period", "knownAt", "seq", "hash", "state", "stateDigest", "revision"];
const SHA256_HEX = /^[0-9a-f]{64}$/;
const AGAIN = "write it again with --checkpoint-out";

/** A JSON value's kind, as a message names what was expected or found. */
const kindOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : typeof value === "boolean" ? "true or false" : `a ${typeof value}`;

/**
 * What is wrong with a value read as a checkpoint, field by field (none: it has a checkpoint's
 * shape). Only the fields a checkpoint has, each of its type; a state digest is required. What the
 * state holds is vouched for by its digest, which `resume` checks.
 */
export const checkpointIssues = (value: unknown): Issue[] => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [issue("not-an-object", "", "is not a checkpoint", { expected: `an object with the fields ${CHECKPOINT_FIELDS.slice(0, -1).join(", ")}, as --checkpoint-out writes it`, actual: showValue(value) })];
  }
  const fields = value as Readonly<Record<string, unknown>>;
  const has = (name: string): boolean => Object.hasOwn(fields, name);
  const found: Issue[] = [];
  const check = (name: string, ok: (field: unknown) => boolean, expected: string, missing = "is missing"): void => {
    if (!has(name)) found.push(issue("invalid-field", name, missing, { expected }));
    else if (!ok(fields[name])) found.push(issue("invalid-field", name, `is not a checkpoint's ${name}`, { expected, actual: showValue(fields[name]) }));
  };
  const isText = (field: unknown): boolean => typeof field === "string" && field !== "";
  check("projection", isText, "a projection's name");
  check("period", isText, "a period's name, e.g. 2020");
  check("knownAt", (field) => field === null || isText(field), "a known-at date or instant, or null for as known now");
  check("seq", (field) => Number.isSafeInteger(field) && (field as number) >= -1, "a whole number, -1 or more: the seq of the last event folded");
  const seq = fields.seq;
  if (seq === -1) check("hash", (field) => field === "", '"", as at seq -1, before the first event');
  else check("hash", (field) => typeof field === "string" && SHA256_HEX.test(field), "the hash of the event at seq: 64 lowercase hex digits");
  if (!has("state")) found.push(issue("invalid-field", "state", "is missing", { expected: "the projection's state" }));
  check(
    "stateDigest",
    (field) => typeof field === "string" && SHA256_HEX.test(field),
    "the SHA-256 of the state's canonical JSON: 64 lowercase hex digits",
    `is missing, so a state changed since it was written could not be told from the one written (a checkpoint written before checkpoints carried a digest has none); ${AGAIN}`,
  );
  if (has("revision")) check("revision", (field) => Number.isSafeInteger(field) && (field as number) >= 1, "a whole number, 1 or more: the revision of the fold");
  for (const name of Object.keys(fields)) {
    if (!CHECKPOINT_FIELDS.includes(name)) found.push(issue("unknown-field", name, "is not a field of a checkpoint", { expected: `only ${CHECKPOINT_FIELDS.join(", ")}` }));
  }
  return found;
};

/** The revision of what a projection's state means: its domain fold's, or its own. */
const stateRevision = (projection: AnyProjection): number => foldIdentity(projection).revision ?? 1;

const stateDigestOf = (state: unknown): string => sha256Hex(canonicalJson(state));

/**
 * Refuses a state a checkpoint could not keep: with no `save`, the state itself must be plain
 * JSON (a JSON round trip would quietly turn a Set into {}); with one, what it returns must be.
 */
const refuseUnlessJson = (entry: string, projection: AnyProjection, saved: unknown): void => {
  const problem = notPlainJson(saved);
  if (problem === undefined) return;
  const where = `${problem.path === "state" ? "is" : "has"} ${problem.found} at ${problem.path}`;
  const text =
    projection.save === undefined
      ? `state of ${projection.name} ${where}, which JSON does not keep: declare save and load`
      : `save of ${projection.name} returned a state that ${where}, which JSON does not keep: save must return plain JSON (objects, lists, text, finite numbers, true, false, null)`;
  throw new ReplayError(`${entry}: ${text}`, [issue("invalid-field", problem.path, text)]);
};

/** Folds the whole log and keeps the state as a checkpoint. */
export const checkpoint = async <S>(source: EventSource, catalog: Catalog, projection: Projection<S, unknown>, options: ReplayOptions): Promise<Checkpoint> => {
  checkOptions("checkpoint", options);
  const context = contextOf(options);
  const cutoff = cutoffOf(options.knownAt);
  const corrections = await indexCorrections(source, cutoff);
  let state = projection.init(context);
  let last: { seq: number; hash: string } = { seq: -1, hash: "" };
  for await (const stored of source.read()) {
    if (!recordedBy(stored, cutoff)) break;
    last = { seq: stored.seq, hash: stored.hash };
    if (corrections.counts(stored)) state = projection.evolve(state, decodeOrThrow(catalog, stored), context);
  }
  const written = projection.save === undefined ? state : projection.save(state);
  refuseUnlessJson("checkpoint", projection, written);
  const saved = projection.save === undefined ? saveState(projection, state) : written;
  const revision = stateRevision(projection);
  return { projection: projection.name, period: options.period.name, knownAt: options.knownAt ?? null, seq: last.seq, hash: last.hash, state: saved, stateDigest: stateDigestOf(saved), ...(revision === 1 ? {} : { revision }) };
};

/**
 * Resumes from a checkpoint: the same result as a full replay, folding only the events after
 * it, unless a later event corrects one the checkpoint already folded; then the checkpoint is
 * stale and this throws, so the caller replays in full. It reads the log up to the checkpoint
 * too (without folding it), to check that the log still holds the event it was taken at and
 * that no later event corrects an earlier one. A checkpoint of another shape, without its state
 * digest, or whose state was changed since it was written is refused: every refusal is a
 * CheckpointError naming the field.
 */
export const resume = async <S, R>(source: EventSource, catalog: Catalog, projection: Projection<S, R>, options: ReplayOptions, saved: Checkpoint): Promise<R> => {
  checkOptions("resume", options);
  const context = contextOf(options);
  const initial = projection.init(context);
  // A state JSON cannot keep was never checkpointed here (checkpoint refuses it); one taken before that refusal would resume wrongly.
  if (projection.save === undefined) refuseUnlessJson("resume", projection, initial);
  const refuse = (path: string, message: string, extra: Partial<Issue> = {}): never => {
    throw new CheckpointError([issue("invalid-field", path, message, extra)]);
  };
  const shape = checkpointIssues(saved);
  // The kind of state this projection saves (an object, mostly): null or a number is not one, whatever its digest says.
  const kind = kindOf(saveState(projection, initial));
  const savedState: unknown = typeof saved === "object" && saved !== null && Object.hasOwn(saved, "state") ? saved.state : undefined;
  if (savedState !== undefined && kindOf(savedState) !== kind) {
    shape.push(issue("invalid-field", "state", `is not a state of ${projection.name}`, { expected: kind, actual: showValue(savedState) }));
  }
  if (shape.length > 0) throw new CheckpointError(shape);
  const wanted = { projection: projection.name, period: options.period.name, knownAt: options.knownAt ?? null };
  const differs = (["projection", "period", "knownAt"] as const).find((field) => saved[field] !== wanted[field]);
  if (differs !== undefined) {
    refuse(differs, `was taken for ${saved.projection} ${saved.period} known at ${saved.knownAt ?? "now"}, not for this replay (${wanted.projection} ${wanted.period} known at ${wanted.knownAt ?? "now"})`);
  }
  if ((saved.revision ?? 1) !== stateRevision(projection)) {
    refuse("revision", `holds a state of revision ${saved.revision ?? 1} of ${projection.name}, and this code folds revision ${stateRevision(projection)}; ${AGAIN}`);
  }
  let digest: string;
  try {
    digest = stateDigestOf(saved.state);
  } catch (error) {
    // A number beyond a double's range, or nesting past CANONICAL_MAX_DEPTH: no state ever written.
    return refuse("state", `has no canonical JSON (${(error as Error).message})`, { expected: `a state as written: finite numbers, at most ${CANONICAL_MAX_DEPTH} levels deep` });
  }
  if (digest !== saved.stateDigest) refuse("stateDigest", `does not match the state: the state was changed after the checkpoint was written; ${AGAIN}`);
  const cutoff = cutoffOf(options.knownAt);
  const lateTargets = new Set<string>();
  for await (const stored of source.read({ fromSeq: saved.seq + 1 })) {
    if (!recordedBy(stored, cutoff)) break;
    if (stored.supersedes !== undefined) lateTargets.add(stored.supersedes);
    if (stored.retracts !== undefined) lateTargets.add(stored.retracts);
  }
  let anchored = saved.seq < 0;
  for await (const stored of source.read()) {
    if (stored.seq > saved.seq) break;
    if (stored.seq === saved.seq && stored.hash !== saved.hash) refuse("hash", `is for another log: event ${saved.seq} has a different hash`);
    if (stored.seq === saved.seq) anchored = true;
    if (lateTargets.has(stored.id)) refuse("seq", `is stale: event ${stored.id} (seq ${stored.seq}) was corrected after it; ${AGAIN}`);
  }
  if (!anchored) refuse("seq", `is for another log: it has no event ${saved.seq}`);
  let state = loadState(projection, saved.state);
  for await (const event of countingEvents(source, catalog, options.knownAt, saved.seq + 1)) state = projection.evolve(state, event, context);
  return projection.result(state, context);
};
