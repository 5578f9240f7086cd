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
