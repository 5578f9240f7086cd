import { dataIssues, type Catalog } from "../events/catalog.js";
import { GENESIS_HASH, type StoredEvent } from "../events/envelope.js";
import { issue, type Issue } from "../events/issues.js";
import { columnOf, valueColumns } from "../events/json-positions.js";
import { parseInstant } from "../time/stockholm.js";
import { IdSet } from "./id-set.js";
import { RepeatedIds } from "./repeated-ids.js";
import { canonicalLineHashMatches, hashOf, lineOf } from "./chain.js";
import { canonicalDifference } from "./canonical-difference.js";

/** Where a stored event is: its file (or table) and line (or row). */
export interface StoredPlace {
  readonly file: string;
  readonly line: number;
}

/** The issues found so far with one more: the list is made at the first. */
const withIssue = (found: Issue[] | undefined, each: Issue): Issue[] => {
  if (found === undefined) return [each];
  found.push(each);
  return found;
};

const duplicateId = (id: string, file: string, line: number): Issue => issue("duplicate-id", "id", `id "${id}" appears twice`, { file, line });

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
 *
 * A check that reads a whole log can have its repeated ids found at the end (`idsAtEnd`): each
 * event's problems then leave the id out, and `withRepeatedIds` places them where they would have
 * stood, last among their line's issues. One sorted pass at the end costs far less than a hash
 * set's probes at a million events (see `RepeatedIds`).
 */
export class ChainCheck {
  private readonly ids: IdSet | undefined;
  private readonly repeated: RepeatedIds | undefined;
  private file = "";
  private previousHash = GENESIS_HASH;
  private previousRecorded = "";
  private previousRecordedMs = -Infinity;
  private linkUnknown = false;

  constructor(
    private readonly unit: StoredUnit,
    private readonly catalog?: Catalog,
    options: { readonly idsAtEnd?: boolean } = {},
  ) {
    if (options.idsAtEnd === true) this.repeated = new RepeatedIds();
    else this.ids = new IdSet();
  }

  /**
   * The next event follows a line that could not be read as an event and took a seq: its prevHash
   * is that line's hash, which nobody knows, so the next `problems` does not compare it.
   */
  forgetLink(): void {
    this.linkUnknown = true;
  }

  /** The hash of the last event checked: the head the log verified to. */
  get head(): string {
    return this.previousHash;
  }

  /**
   * The problems of `event`, stored as `text` at `place`; the event then becomes the previous one.
   * `intact` is whether the text's exact bytes hash to its hash, when the caller knows already
   * (`parseStoredLine` says); otherwise it is computed here.
   */
  check(event: StoredEvent, text: string, place: StoredPlace, intact?: boolean): Issue[] {
    return this.problems(event, text, place.file, place.line, intact) ?? [];
  }

  /**
   * `check` for a caller that reads many events: undefined when nothing is wrong, and the place
   * is made only for an issue, so an intact event costs no allocation here.
   */
  problems(event: StoredEvent, text: string, file: string, line: number, intact = canonicalLineHashMatches(text, event.hash)): Issue[] | undefined {
    let found: Issue[] | undefined;
    // Text whose exact bytes hash to its hash is canonical and unchanged: only other text is canonicalised to say what is wrong.
    if (!intact) found = this.canonicalProblem(found, event, text, file, line);
    if (this.linkUnknown) this.linkUnknown = false;
    else if (event.prevHash !== this.previousHash) found = withIssue(found, issue("chain-broken", "prevHash", `does not match ${WORDS[this.unit].previous}: ${WORDS[this.unit].moved}`, { file, line }));
    if (!intact && hashOf(event) !== event.hash) found = withIssue(found, issue("chain-broken", "hash", `does not match the event's content: the ${this.unit} was changed`, { file, line }));
    // Compared as instants, not as text: "09:00+02:00" is before "08:00Z".
    const recordedMs = parseInstant(event.recordedAt) ?? Number.NaN;
    if (recordedMs < this.previousRecordedMs) found = withIssue(found, issue("out-of-order", "recordedAt", "goes back in time", { file, line, actual: event.recordedAt, expected: `${this.previousRecorded} or later` }));
    if (this.catalog !== undefined) {
      const wrong = dataIssues(this.catalog, event);
      if (wrong !== undefined) {
        const columns = valueColumns(text);
        for (const each of wrong) found = withIssue(found, { ...each, file, line, column: columnOf(columns, each.path) ?? 1 });
      }
    }
    if (this.repeated !== undefined) this.repeated.add(event.id, line);
    else if (this.ids?.add(event.id) === false) found = withIssue(found, duplicateId(event.id, file, line));
    this.file = file;
    this.previousHash = event.hash;
    this.previousRecorded = event.recordedAt;
    this.previousRecordedMs = recordedMs;
    return found;
  }

  /**
   * With `idsAtEnd`, after the last event: `issues`, in line order as the checks made them, with
   * an issue for each id read before placed after the other issues of its line, where `problems`
   * places it when it checks ids as it goes. An issue with no line is taken to follow every line
   * (as a log's end does): the repeats come before it. Without this call, `idsAtEnd` finds none.
   */
  withRepeatedIds(issues: readonly Issue[]): Issue[] {
    const repeats = this.repeated?.repeats() ?? [];
    if (repeats.length === 0) return [...issues];
    const merged: Issue[] = [];
    let next = 0;
    const placeRepeatsBefore = (line: number): void => {
      for (let repeat = repeats[next]; repeat !== undefined && repeat.line < line; repeat = repeats[next]) {
        merged.push(duplicateId(repeat.id, this.file, repeat.line));
        next += 1;
      }
    };
    for (const each of issues) {
      placeRepeatsBefore(each.line ?? Number.POSITIVE_INFINITY);
      merged.push(each);
    }
    placeRepeatsBefore(Number.POSITIVE_INFINITY);
    return merged;
  }

  /** The issues with a not-canonical text added, placed at the column where it first differs from its canonical form. */
  private canonicalProblem(found: Issue[] | undefined, event: StoredEvent, text: string, file: string, line: number): Issue[] | undefined {
    const canonical = lineOf(event);
    if (canonical === text) return found;
    const { column, said } = canonicalDifference(text, canonical);
    return withIssue(found, issue("not-canonical", "", `is not the canonical JSON of its event (${said}): ${WORDS[this.unit].changed}`, { file, line, column }));
  }
}
