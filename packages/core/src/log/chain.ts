import * as crypto from "node:crypto";
import type { StoredEvent } from "../events/envelope.js";
import { canonicalJson, canonicallyOrdered } from "./canonical-json.js";

// Node 20.12+ hashes a string in one call, without a Hash object per line: most of a read's hashing cost.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

/** SHA-256 of a text's UTF-8 bytes, as 64 hex digits. */
export const sha256Hex = (text: string): string => (oneShot === undefined ? crypto.createHash("sha256").update(text, "utf8").digest("hex") : oneShot("sha256", text, "hex"));

/**
 * The chain: each event's hash is SHA-256 over the canonical JSON of the event without its
 * own hash (so over its prevHash too). The stored line is the canonical JSON of the whole
 * event, so any changed byte, dropped line or reordering breaks a hash or a link.
 */
export const hashOf = (event: Omit<StoredEvent, "hash">): string => {
  const { hash: _ignored, ...rest } = event as StoredEvent;
  return sha256Hex(canonicalJson(rest));
};


export const lineOf = (event: StoredEvent): string => canonicalJson(event);

/** The event with its hash, its fields in canonical order: writing it as a line is then JSON.stringify's work. */
export const sealed = (event: Omit<StoredEvent, "hash">): StoredEvent => canonicallyOrdered({ ...event, hash: hashOf(event) });

/**
 * Whether a stored line's event hashes to its own `hash`, by its exact bytes or else by its
 * content (reads require the exact bytes: see `changedLineIssue`). A
 * canonical line is the hashed text with `,"hash":"…"` inserted before `,"id":` (keys sort
 * data, effectiveAt, hash, id…), so taking that out and hashing the rest checks the exact
 * bytes without canonicalising again; if the hash matches, the text is the canonical form of
 * what was sealed. Any other line (not canonical) is judged by recomputing from its content.
 */
export const lineHashMatches = (text: string, event: StoredEvent): boolean => canonicalLineHashMatches(text, event.hash) || hashOf(event) === event.hash;

const HASH_KEY = ',"hash":"';
const ID_AFTER_HASH = '","id":';

/**
 * The exact-bytes half of `lineHashMatches`: true only when the line, without its hash field,
 * hashes to that hash. Then the line is canonical too (the sealed text was canonical JSON and
 * SHA-256 does not collide), so `verify` needs no second canonicalisation for such a line.
 */
export const canonicalLineHashMatches = (text: string, hash: string): boolean => {
  if (hash.length !== 64) return false;
  // The field is found by its value, so no search text is built per line: the first place where
  // the hash stands between `,"hash":"` and `","id":` is where that field starts.
  for (let at = text.indexOf(hash); at !== -1; at = text.indexOf(hash, at + 1)) {
    if (at < HASH_KEY.length || !text.startsWith(HASH_KEY, at - HASH_KEY.length) || !text.startsWith(ID_AFTER_HASH, at + 64)) continue;
    // What is hashed keeps the `,"id":` that follows the hash field.
    return sha256Hex(text.slice(0, at - HASH_KEY.length) + text.slice(at + 65)) === hash;
  }
  return false;
};
