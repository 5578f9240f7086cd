import { fieldsOfLine, type ConsistencyRule, type DomainEvent, type Issue } from "@tertial/core";

/** Rules whose problems could not be checked soundly from a line on, and why. */
export interface UncheckedRules {
  /** The first line the rules could not learn from: problems they would find from here on are not shown. */
  readonly fromLine: number;
  readonly rules: readonly string[];
}

/** Whether a rule may keep a fact from an event of this type (undefined: any type, or a correction); a rule that learns from no type never does. */
const mayLearnFrom = (rule: ConsistencyRule<unknown>, type: string | undefined): boolean => {
  if (rule.learnsFrom === undefined) return true;
  return type === undefined ? rule.learnsFrom.length > 0 : rule.learnsFrom.includes(type);
};

/**
 * The consistency rules run over a log some of whose lines cannot be read or decoded. A rule
 * learns facts in log order, so after a line it could not learn from, what it says of later
 * lines may be wrong both ways (an area never learned makes a cost on it look unknown; a
 * cancellation never learned lets a participant in). Each rule that may learn from such a line
 * (its `learnsFrom` names the line's type, or it learns from every type, or the type cannot be
 * read) is set aside from that line on; the other rules go on checking, so the problems shown are
 * the ones the rules can stand behind, and `unchecked` says which were set aside and where.
 */
export class SoundRules {
  private readonly states: unknown[];
  private readonly blindFrom: (number | undefined)[];
  /** Whether an event came after the line that set a rule aside: only then did the rule miss a check. */
  private readonly passedAfter: boolean[];
  /** The rules still checked, with their places: made again only when a line sets one aside. */
  private sound: { rule: ConsistencyRule<unknown>; index: number }[];
  /**
   * Every fact learned so far, in order, while some fact may have to be forgotten (`keepFacts`):
   * what a rule that cannot unlearn one exactly learns again when it starts over.
   */
  private readonly learned: Map<string, DomainEvent> | undefined;

  constructor(
    private readonly rules: readonly ConsistencyRule<unknown>[],
    keepFacts = false,
  ) {
    this.learned = keepFacts ? new Map() : undefined;
    this.states = rules.map((rule) => rule.init());
    this.blindFrom = rules.map(() => undefined);
    this.passedAfter = rules.map(() => false);
    this.sound = this.soundRules();
  }

  /** A line the rules cannot take, of this type (undefined when the line does not say, or may correct another). */
  missed(line: number, type: string | undefined): void {
    this.rules.forEach((rule, index) => {
      if (this.blindFrom[index] !== undefined) return;
      if (mayLearnFrom(rule, type)) this.blindFrom[index] = line;
    });
    this.sound = this.soundRules();
  }

  private soundRules(): { rule: ConsistencyRule<unknown>; index: number }[] {
    return this.rules.flatMap((rule, index) => (this.blindFrom[index] === undefined ? [{ rule, index }] : []));
  }

  /** The problems the rules still checked find with this event; when there are none, they learn from it (as `ConsistencyChecker`). */
  accept(event: DomainEvent): Issue[] {
    if (this.sound.length < this.rules.length) {
      this.blindFrom.forEach((line, index) => {
        if (line !== undefined) this.passedAfter[index] = true;
      });
    }
    const found = this.sound.flatMap(({ rule, index }) => rule.check(this.states[index], event));
    if (found.length === 0) this.learn(event);
    return found;
  }

  /** Learns a fact without checking it: a correction standing in the place of the fact it restates (see validate). */
  learn(event: DomainEvent): void {
    for (const { rule, index } of this.sound) rule.learn(this.states[index], event);
    this.learned?.set(event.id, event);
  }

  /**
   * Forgets a fact learned before: each rule unlearns it exactly where it can (`forget`), and
   * otherwise starts over and learns again every other fact learned so far, in order. Needs
   * `keepFacts`; a fact never learned (refused, or on a line the rules could not read) is no-op.
   */
  forget(event: DomainEvent): void {
    if (this.learned?.delete(event.id) !== true) return;
    for (const { rule, index } of this.sound) {
      if (rule.learnsFrom !== undefined && !rule.learnsFrom.includes(event.type)) continue;
      if (rule.forget?.(this.states[index], event) === true) continue;
      const state = rule.init();
      for (const fact of this.learned.values()) rule.learn(state, fact);
      this.states[index] = state;
    }
  }

  /** The rules set aside, grouped by the line from which they were; none when no event came after the line that set them aside. */
  get unchecked(): UncheckedRules[] {
    const byLine = new Map<number, string[]>();
    this.rules.forEach((rule, index) => {
      const line = this.blindFrom[index];
      if (line !== undefined && (this.passedAfter[index] ?? false)) byLine.set(line, [...(byLine.get(line) ?? []), rule.name]);
    });
    return [...byLine].sort(([a], [b]) => a - b).map(([fromLine, rules]) => ({ fromLine, rules }));
  }
}

/**
 * The type a stored line that cannot be read as an event names, for `SoundRules.missed`; undefined
 * when it names none, or names a correction (what it corrects is then uncertain too).
 */
export const typeOfUnreadLine = (text: string): string | undefined => {
  const fields = fieldsOfLine(text);
  if (fields === undefined) return undefined;
  if (fields.supersedes !== undefined || fields.retracts !== undefined) return undefined;
  return typeof fields.type === "string" ? fields.type : undefined;
};
