import { decodeData, type Catalog } from "../events/catalog.js";
import type { DomainEvent, StoredEvent } from "../events/envelope.js";
import type { EventSource } from "../projection/source.js";
import { RuleBook, typesRulesLearnFrom } from "./append-state.js";

/**
 * The consistency rules' state through one batch that may correct facts they learned from.
 *
 * Rules cannot unlearn: once a batch event supersedes or retracts a fact some rule learned from
 * (an area's definition, a position), the rules that learn from that fact's type start over and
 * fold every fact that still counts, the log's and then the batch's; the others keep their state.
 * That happens lazily, when the rules are next asked for (before the next event they check, or
 * at the end), so several corrections in a row cost one rebuild. Once the log's facts are read,
 * rules that can unlearn a fact exactly (`ConsistencyRule.forget`) do so instead of starting over.
 *
 * The log is read for it at most once per batch: the first rebuild keeps the facts some rule
 * learns from (decoded and upcast, in log order, by id) for every later rebuild of the same batch,
 * and a correction drops its target from them. A batch restating N kept facts, each checked in
 * turn, so reads the log once and folds the kept facts N times, instead of reading it N times.
 * When no later draft can correct anything (one restated area, say), or when some rule declares
 * no `learnsFrom` (it learns from every event, so the kept facts would be the whole log), nothing
 * is kept: the read folds the log's facts into every rule as it goes, holding no more in memory
 * than a replay, and a later rebuild reads again.
 */
export class BatchRules {
  private rules: RuleBook;
  /** The log's facts that still count, read at the first rebuild. */
  private logFacts: Map<string, DomainEvent> | undefined;
  /** The batch's accepted facts that some rule learned from, in order. */
  private readonly batchFacts = new Map<string, DomainEvent>();
  /** Types of the facts corrected since the rules were last rebuilt. */
  private readonly staleTypes = new Set<string>();
  /** Log events corrected before the log was read: their types are learnt at the read. */
  private readonly unread = new Set<string>();

  constructor(
    private readonly source: EventSource,
    private readonly catalog: Catalog,
    /** Every id superseded or retracted so far, this batch's corrections included as they are accepted. */
    private readonly removed: ReadonlySet<string>,
    rules: RuleBook,
    /** Earlier events at hand, by id: a fact among them is forgotten without reading the log for it. */
    private readonly earlier: ReadonlyMap<string, StoredEvent> = new Map(),
  ) {
    this.rules = rules;
  }

  /** Whether some rule keeps facts of an event of this type. */
  learnsFrom(type: string): boolean {
    return this.rules.learnsFrom(type);
  }

  /**
   * The rules' state as it counts now: rebuilt first when a correction made it stale. `more` says
   * whether a later draft of the batch may correct something yet: if not, nothing will need the
   * log's facts again, so a first read folds them as it goes, into every rule, and keeps none.
   */
  async fresh(more: boolean): Promise<RuleBook> {
    if (this.staleTypes.size === 0 && this.unread.size === 0) return this.rules;
    // Nothing is kept either when some rule learns from every type: the facts would be the whole log.
    if (this.logFacts === undefined && (!more || typesRulesLearnFrom(this.catalog.rules) === undefined)) {
      const rules = new RuleBook(this.catalog.rules);
      await this.readFacts((fact) => rules.learn(fact));
      this.rebuilt(rules, rules);
    } else {
      if (this.logFacts === undefined) {
        const facts = new Map<string, DomainEvent>();
        await this.readFacts((fact) => facts.set(fact.id, fact));
        this.logFacts = facts;
      }
      const { book, restarted } = this.rules.restarting(this.staleTypes);
      for (const fact of this.logFacts.values()) if (restarted.learnsFrom(fact.type)) restarted.learn(fact);
      this.rebuilt(book, restarted);
    }
    return this.rules;
  }

  /** The batch's facts so far learnt by the rules that started over: `book` is the rules' state as it counts now. */
  private rebuilt(book: RuleBook, restarted: RuleBook): void {
    for (const fact of this.batchFacts.values()) if (restarted.learnsFrom(fact.type)) restarted.learn(fact);
    this.staleTypes.clear();
    this.unread.clear();
    this.rules = book;
  }

  /** A batch event the rules accepted (and learned from when they check it): kept for a later rebuild. */
  accepted(event: StoredEvent, decoded: DomainEvent): void {
    // A retraction is never learned from.
    if (event.retracts === undefined && this.rules.learnsFrom(event.type)) this.batchFacts.set(event.id, { ...event, data: decoded.data });
  }

  /**
   * A batch event supersedes or retracts this one, some rule having learned from it: the rules must
   * forget it. Called before they learn the correcting event. Where the fact is known and the state
   * is current, rules that can unlearn it do (`ConsistencyRule.forget`); otherwise its type's rules
   * start over at the next `fresh`.
   */
  forget(id: string): void {
    const fact = this.batchFacts.get(id) ?? this.logFacts?.get(id) ?? this.earlierFact(id);
    if (fact !== undefined) {
      this.batchFacts.delete(id);
      this.logFacts?.delete(id);
      const current = this.staleTypes.size === 0 && this.unread.size === 0;
      if (!current || !this.rules.forget(fact)) this.staleTypes.add(fact.type);
    } else if (this.logFacts === undefined && !this.earlier.has(id)) this.unread.add(id);
    // Otherwise the log was read, or the event is at hand, and it is no such fact: its data did not decode, so no rule learned from it.
  }

  /**
   * An earlier event at hand as the fact the rules learned from it, decoded and upcast as a read of
   * the log decodes it; undefined when it is not at hand, or is no fact a rule learned from.
   */
  private earlierFact(id: string): DomainEvent | undefined {
    const stored = this.earlier.get(id);
    if (stored === undefined || stored.retracts !== undefined || !this.rules.learnsFrom(stored.type)) return undefined;
    const decoded = decodeData(this.catalog, stored);
    return decoded.ok ? decoded.event : undefined;
  }

  /**
   * Each of the whole log's facts some rule learns from that still counts, in log order; the types
   * of those corrected before now. Read by type where the source can (only those lines parsed).
   */
  private async readFacts(each: (fact: DomainEvent) => void): Promise<void> {
    const types = typesRulesLearnFrom(this.catalog.rules);
    const events = types !== undefined && this.source.readTypes !== undefined ? this.source.readTypes(types) : this.source.read();
    for await (const stored of events) {
      if (stored.retracts !== undefined || !this.rules.learnsFrom(stored.type)) continue;
      if (this.removed.has(stored.id)) {
        if (this.unread.has(stored.id)) this.staleTypes.add(stored.type);
        continue;
      }
      const decoded = decodeData(this.catalog, stored);
      if (decoded.ok) each(decoded.event);
    }
  }
}
