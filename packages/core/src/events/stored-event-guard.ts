import * as t from "io-ts";
import { strictObject, strictPartsOf } from "./codecs.js";
import { StoredEventCodec } from "./envelope.js";
import { compileGuard } from "./guard.js";
import { rememberDigest } from "./sha256-hex.js";

const parts = strictPartsOf(StoredEventCodec) as { readonly required: t.Props; readonly optional: t.Props };

/**
 * StoredEventCodec for an event whose `hash` this process just recomputed from its own line and
 * found equal: such a hash is a SHA-256 hex digest already, so only that one check is left out
 * (every read makes this check of every line). Not part of the package's interface.
 */
const isStoredEventOfComputedHash = compileGuard(strictObject("StoredEvent", { ...parts.required, hash: t.string }, parts.optional));

/**
 * Whether `value` is a stored event, given that `digest`, its hash, is a digest this process
 * computed; the digest is then remembered as the last hash seen, so the next line's prevHash is
 * answered by one comparison.
 */
export const isStoredEventWithComputedHash = (value: unknown, digest: string): boolean => {
  if ((value as { hash?: unknown } | null)?.hash !== digest || !isStoredEventOfComputedHash(value)) return false;
  rememberDigest(digest);
  return true;
};
