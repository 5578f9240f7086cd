import { decodeData, type Catalog } from "../events/catalog.js";
import { GENESIS_HASH, type StoredEvent } from "../events/envelope.js";
import { EventRetracted } from "../corrections/correction-events.js";
import type { EventSource } from "../projection/source.js";
import { RuleBook, typesRulesLearnFrom, type AppendCore, type AppendState } from "./append-state.js";
import { ContentLog } from "./content-log.js";
import { IdIndexBuilder } from "./id-index.js";
import { lineOf } from "./chain.js";
import { contentOf } from "./prepare-append.js";
import type { LogHead } from "./store.js";

/**
 * The append state of a log taken while its events pass by once, in order, from seq 0: what an
 * import or an export learns as it copies, so the copy's first append starts from a saved state
 * instead of reading the whole log again. It is the state `learnLog` would rebuild from the copy,
 * byte for byte once saved: the same ids, fingerprints and corrections, and the rules taught the
 * same facts in the same order.
 *
 * `learnLog` reads corrections first, so the rules never learn a fact corrected later in the log.
 * One pass cannot know that ahead, so the rules learn every fact as it comes; when a later event
 * corrects a fact they learned, that pass's rules are wrong, and `finish` teaches a fresh book the
 * facts that still count, read again from the copy (by type where the source can): a second read
 * only for a log that corrects such a fact, never a second read of a log that does not.
 */
export class AppendStateLearner {
  private readonly removed = new Set<string>();
  private rules: RuleBook;
  /** Ids of the facts the rules learned in this pass: a correction of one of them makes the pass's rules wrong. */
  private readonly learned = new Set<string>();
  private rulesWrong = false;
  private readonly ids: IdIndexBuilder | undefined;
  private readonly contents: ContentLog | undefined;
  /** A file copy's learned facts by id, at their lines' positions (see `AppendState.facts`); undecodable ones are dropped. */
  private readonly positions: Map<string, string> | undefined;
  /** Where the next line of the copy starts. */
  private offset = 0;
  private head: LogHead = { seq: -1, hash: GENESIS_HASH };
  /** False once the events were not one chain from seq 0: nothing learnt is then kept. */
  private whole = true;

  /** `ids`: also the ids and content fingerprints, which a file's state keeps and a database answers from its table. */
  constructor(
    private readonly catalog: Catalog,
    options: { readonly ids: boolean },
  ) {
    this.rules = new RuleBook(catalog.rules);
    this.ids = options.ids ? new IdIndexBuilder() : undefined;
    this.contents = options.ids ? new ContentLog() : undefined;
    this.positions = options.ids ? new Map() : undefined;
  }

  /**
   * The next event of the log; hashes are the caller's to check (an import and an export verify
   * what they copy). `line`, when the caller has it, is the event's line (`lineOf`), as the copy holds it.
   */
  add(stored: StoredEvent, line?: string): void {
    if (stored.seq !== this.head.seq + 1 || stored.prevHash !== this.head.hash) this.whole = false;
    this.head = { seq: stored.seq, hash: stored.hash, recordedAt: stored.recordedAt };
    for (const corrected of [stored.supersedes, stored.retracts]) {
      if (corrected === undefined) continue;
      this.removed.add(corrected);
      if (this.learned.has(corrected)) this.rulesWrong = true;
    }
    const learnsFrom = this.rules.learnsFrom(stored.type);
    if (this.ids !== undefined && this.contents !== undefined) {
      const content = contentOf(stored);
      const retraction = stored.type === EventRetracted.type;
      this.ids.add(stored.id, content, retraction, !retraction && learnsFrom);
      this.contents.push(content);
    }
    const text = line ?? lineOf(stored);
    if (this.positions !== undefined) {
      // A file copy holds one line per event from its first byte, as the file store reads positions.
      // The line as handed over may carry its newline (an export's does) or not.
      const end = this.offset + Buffer.byteLength(text, "utf8") + (text.endsWith("\n") ? 0 : 1);
      if (learnsFrom && stored.retracts === undefined) this.positions.set(stored.id, `${this.offset}:${end}:${stored.seq + 1}`);
      this.offset = end;
    }
    if (this.rulesWrong || !learnsFrom || stored.retracts !== undefined || this.removed.has(stored.id)) return;
    // Learnt from the event as the copy gives it back (its line parsed), not as it was handed over:
    // the rules keep data objects whole, and one built in code may hold its keys in another order.
    const decoded = decodeData(this.catalog, JSON.parse(text) as StoredEvent);
    if (!decoded.ok) {
      this.positions?.delete(stored.id);
      return;
    }
    this.rules.learn(decoded.event);
    this.learned.add(stored.id);
  }

  /**
   * The state at the last event added; undefined when the events were not one whole chain from
   * seq 0 (a resumed copy). `copy` is the log the events were copied into, read again only when
   * a correction made the pass's rules wrong.
   */
  async finish(copy: EventSource): Promise<(AppendCore & { readonly ids?: AppendState["ids"] }) | undefined> {
    if (!this.whole) return undefined;
    if (this.rulesWrong) this.rules = await this.rulesFrom(copy);
    return {
      head: this.head,
      removed: this.removed,
      rules: this.rules,
      ...(this.ids === undefined ? {} : { ids: this.ids.build() }),
      ...(this.contents === undefined ? {} : { contents: this.contents }),
      ...(this.positions === undefined ? {} : { facts: new Map([...this.positions].filter(([id]) => !this.removed.has(id))) }),
    };
  }

  /** A fresh book taught every fact that still counts, in log order, as `learnLog` teaches it. */
  private async rulesFrom(copy: EventSource): Promise<RuleBook> {
    const rules = new RuleBook(this.catalog.rules);
    const types = typesRulesLearnFrom(this.catalog.rules);
    const events = types !== undefined && copy.readTypes !== undefined ? copy.readTypes(types) : copy.read();
    for await (const stored of events) {
      if (stored.seq > this.head.seq) break;
      if (stored.retracts !== undefined || this.removed.has(stored.id) || !rules.learnsFrom(stored.type)) continue;
      const decoded = decodeData(this.catalog, stored);
      if (decoded.ok) rules.learn(decoded.event);
      else this.positions?.delete(stored.id);
    }
    return rules;
  }
}
