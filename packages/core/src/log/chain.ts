import { createHash } from "node:crypto";
import type { StoredEvent } from "../events/envelope.js";
import { canonicalJson } from "./canonical-json.js";

/**
 * The chain: each event's hash is SHA-256 over the canonical JSON of the event without its
 * own hash (so over its prevHash too). The stored line is the canonical JSON of the whole
 * event, so any changed byte, dropped line or reordering breaks a hash or a link.
 */
export const hashOf = (event: Omit<StoredEvent, "hash">): string => {
  const { hash: _ignored, ...rest } = event as StoredEvent;
  return createHash("sha256").update(canonicalJson(rest), "utf8").digest("hex");
};

export const lineOf = (event: StoredEvent): string => canonicalJson(event);

export const sealed = (event: Omit<StoredEvent, "hash">): StoredEvent => ({ ...event, hash: hashOf(event) });

/**
 * Whether a stored line's event hashes to its own `hash`: the check every read makes. A
 * canonical line is the hashed text with `,"hash":"…"` inserted before `,"id":` (keys sort
 * data, effectiveAt, hash, id…), so taking that out and hashing the rest checks the exact
 * bytes without canonicalising again; if the hash matches, the text is the canonical form of
 * what was sealed. Any other line (not canonical) is judged by recomputing from its content.
 */
export const lineHashMatches = (text: string, event: StoredEvent): boolean => {
  const field = `,"hash":"${event.hash}"`;
  const at = text.indexOf(`${field},"id":`);
  if (at !== -1 && createHash("sha256").update(text.slice(0, at) + text.slice(at + field.length), "utf8").digest("hex") === event.hash) return true;
  return hashOf(event) === event.hash;
};
