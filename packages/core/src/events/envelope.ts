import * as t from "io-ts";
import { EffectiveAt, Id, Instant, NonEmptyString, NonNegativeInteger, PositiveInteger, describe, strictObject } from "./codecs.js";
import { compileGuard } from "./guard.js";

/** Where a fact comes from: a published document (and where in it), or a system. */
export const Provenance = strictObject(
  "Provenance",
  {},
  {
    document: NonEmptyString,
    section: NonEmptyString,
    table: NonEmptyString,
    page: PositiveInteger,
    system: NonEmptyString,
    note: NonEmptyString,
    /** Marks facts made up to demonstrate a feature (e.g. a late correction), never real ones. */
    illustrative: t.boolean,
  },
);
export type Provenance = t.TypeOf<typeof Provenance>;

const HASH_PATTERN = /^[0-9a-f]{64}$/;
/** 1 at the character codes of 0–9 and a–f. */
const HEX_DIGIT = new Uint8Array(128);
for (const digit of "0123456789abcdef") HEX_DIGIT[digit.charCodeAt(0)] = 1;
let lastHash = "";

/**
 * The same test as HASH_PATTERN, in a form that costs less: every read checks two hashes a line,
 * and a table looked up without branching costs a fraction of the expression's call. A line's
 * prevHash is the hash the line before had, the last one this accepted: that one is answered by
 * comparing it with that text.
 */
const isSha256Hex = (text: string): boolean => {
  if (text === lastHash) return true;
  if (text.length !== 64) return false;
  let hex = 1;
  for (let index = 0; index < 64; index += 1) {
    const code = text.charCodeAt(index);
    hex &= code < 128 ? (HEX_DIGIT[code] as number) : 0;
  }
  if (hex === 0) return false;
  lastHash = text;
  return true;
};

export const Sha256Hex = describe(t.refinement(t.string, isSha256Hex, "Sha256Hex"), "64 lowercase hex digits", {
  type: "string",
  pattern: HASH_PATTERN.source,
});

/** The hash the first event's prevHash points to. */
export const GENESIS_HASH = "0".repeat(64);

const storedFields = {
  id: Id,
  type: NonEmptyString,
  schemaVersion: PositiveInteger,
  effectiveAt: EffectiveAt,
  recordedAt: Instant,
  seq: NonNegativeInteger,
  data: t.unknown,
  prevHash: Sha256Hex,
};
const storedOptionalFields = { supersedes: Id, retracts: Id, source: Provenance };

/**
 * An event as the store keeps it: the envelope of design §4, with `data` still raw. Its bytes
 * on disk are the canonical JSON of exactly these fields.
 */
export const StoredEventCodec = strictObject("StoredEvent", { ...storedFields, hash: Sha256Hex }, storedOptionalFields);

/**
 * StoredEventCodec for an event whose `hash` was just recomputed from its own line and matched:
 * such a hash is a SHA-256 hex digest already, so only that one check is left out (every read
 * makes this check of every line). The digest is then remembered as the last hash seen, so the
 * next line's prevHash is answered by one comparison.
 */
const StoredEventOfVerifiedHash = strictObject("StoredEvent", { ...storedFields, hash: t.string }, storedOptionalFields);
const isStoredEventOfVerifiedHashOnly = compileGuard(StoredEventOfVerifiedHash);
export const isStoredEventWithVerifiedHash = (value: unknown, verifiedHash: string): boolean => {
  if (!isStoredEventOfVerifiedHashOnly(value)) return false;
  lastHash = verifiedHash;
  return true;
};
/** The stored envelope with plain strings: what the codec above validates. */
export interface StoredEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly effectiveAt: string;
  readonly recordedAt: string;
  readonly seq: number;
  readonly supersedes?: string;
  readonly retracts?: string;
  readonly source?: Provenance;
  readonly data: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * What a caller hands to `append`: the store assigns `recordedAt` (unless an import supplies
 * it), `seq` and the chain. `schemaVersion` defaults to the type's latest version and `id`
 * to a generated one.
 */
export const EventDraftCodec = strictObject(
  "EventDraft",
  { type: NonEmptyString, effectiveAt: EffectiveAt, data: t.unknown },
  { id: Id, schemaVersion: PositiveInteger, supersedes: Id, retracts: Id, source: Provenance, recordedAt: Instant },
);
export interface EventDraft {
  readonly type: string;
  readonly effectiveAt: string;
  readonly data: unknown;
  readonly id?: string;
  readonly schemaVersion?: number;
  readonly supersedes?: string;
  readonly retracts?: string;
  readonly source?: Provenance;
  readonly recordedAt?: string;
}

/** A stored event whose data has been decoded, and upcast to the latest version of its type. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly id: string;
  readonly type: T;
  readonly schemaVersion: number;
  readonly effectiveAt: string;
  readonly recordedAt: string;
  readonly seq: number;
  readonly supersedes?: string;
  readonly retracts?: string;
  readonly source?: Provenance;
  readonly data: D;
  readonly prevHash: string;
  readonly hash: string;
}
