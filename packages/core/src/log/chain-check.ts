import { decodeData, type Catalog } from "../events/catalog.js";
import { GENESIS_HASH, type StoredEvent } from "../events/envelope.js";
import { issue, type Issue } from "../events/issues.js";
import { parseInstant } from "../time/stockholm.js";
import { hashOf, lineOf } from "./chain.js";

/** How a store names what it keeps: "line" in a file, "event" in a table; messages follow it. */
export type StoredUnit = "line" | "event";

const WORDS: Readonly<Record<StoredUnit, { readonly changed: string; readonly moved: string; readonly previous: string }>> = {
  line: { changed: "the stored bytes were changed", moved: "a line was dropped, inserted or moved", previous: "the previous line's hash" },
  event: { changed: "the stored text was changed", moved: "an event was deleted, inserted or moved", previous: "the previous event's hash" },
};

/**
 * The checks `verify` makes of each stored event in order, whatever the store: canonical text,
 * each prevHash the previous hash, each hash recomputed, ids unique, transaction time never going
 * back, and (with a catalog) data valid for its type and version. Seq is the caller's: a file and
 * a table lose events differently. Keeps going after a problem so one run lists them all.
 */
export class ChainCheck {
  private readonly ids = new Set<string>();
  private previousHash = GENESIS_HASH;
  private previousRecorded = "";
  private previousRecordedMs = -Infinity;

  constructor(
    private readonly unit: StoredUnit,
    private readonly catalog?: Catalog,
  ) {}

  /** The hash of the last event checked: the head the log verified to. */
  get head(): string {
    return this.previousHash;
  }

  /** The problems of `event`, stored as `text` at `place`; the event then becomes the previous one. */
  check(event: StoredEvent, text: string, place: { readonly file: string; readonly line: number }): Issue[] {
    const words = WORDS[this.unit];
    const found: Issue[] = [];
    if (lineOf(event) !== text) found.push(issue("not-canonical", "", `is not the canonical JSON of its event: ${words.changed}`, place));
    if (event.prevHash !== this.previousHash) found.push(issue("chain-broken", "prevHash", `does not match ${words.previous}: ${words.moved}`, place));
    if (hashOf(event) !== event.hash) found.push(issue("chain-broken", "hash", `does not match the event's content: the ${this.unit} was changed`, place));
    if (this.ids.has(event.id)) found.push(issue("duplicate-id", "id", `id "${event.id}" appears twice`, place));
    // Compared as instants, not as text: "09:00+02:00" is before "08:00Z".
    const recordedMs = parseInstant(event.recordedAt) ?? Number.NaN;
    if (recordedMs < this.previousRecordedMs) found.push(issue("out-of-order", "recordedAt", "goes back in time", { ...place, actual: event.recordedAt, expected: `${this.previousRecorded} or later` }));
    if (this.catalog !== undefined) {
      const decoded = decodeData(this.catalog, event);
      if (!decoded.ok) found.push(...decoded.issues.map((each) => ({ ...each, ...place })));
    }
    this.ids.add(event.id);
    this.previousHash = event.hash;
    this.previousRecorded = event.recordedAt;
    this.previousRecordedMs = recordedMs;
    return found;
  }
}
