import * as t from "io-ts";
import { EffectiveAt, Id, Instant, NonEmptyString, NonNegativeInteger, PositiveInteger, describe, strictObject } from "./codecs.js";
import { isSha256Hex } from "./sha256-hex.js";

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

export const Sha256Hex = describe(t.refinement(t.string, isSha256Hex, "Sha256Hex"), "64 lowercase hex digits", {
  type: "string",
  pattern: HASH_PATTERN.source,
});

/** The hash the first event's prevHash points to. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * An event as the store keeps it: the envelope of design §4, with `data` still raw. Its bytes
 * on disk are the canonical JSON of exactly these fields.
 */
export const StoredEventCodec = strictObject(
  "StoredEvent",
  {
    id: Id,
    type: NonEmptyString,
    schemaVersion: PositiveInteger,
    effectiveAt: EffectiveAt,
    recordedAt: Instant,
    seq: NonNegativeInteger,
    data: t.unknown,
    prevHash: Sha256Hex,
    hash: Sha256Hex,
  },
  { supersedes: Id, retracts: Id, source: Provenance },
);
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

/**
 * A stored event whose data has been decoded, and upcast to the latest version of its type.
 * The envelope stays as stored: `schemaVersion` is the version the line was written at (the
 * data is the latest version's), because the hash chain and content key cover the stored
 * version, and append hands back exactly the envelope it wrote.
 */
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
