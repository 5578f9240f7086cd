import type { DomainEvent } from "./envelope.js";
import type { Issue } from "./issues.js";
import type { FigureLookup } from "../reconciliation/figure-source.js";

/**
 * A rule a new event must satisfy against what the log already holds (a cost needs a known
 * area; a grant decision needs a submitted application; a course once cancelled takes no
 * participants). Rules learn from accepted events in log order, mutating state they own.
 */
export interface ConsistencyRule<S> {
  readonly name: string;
  readonly init: () => S;
  readonly check: (state: S, event: DomainEvent) => readonly Issue[];
  readonly learn: (state: S, event: DomainEvent) => void;
  /**
   * The event types whose facts `learn` keeps; events of any other type leave the state as it
   * was. Absent means every type (the safe default). Append uses it to know when correcting an
   * event makes the rules forget something, and so must rebuild their state.
   */
  readonly learnsFrom?: readonly string[];
  /**
   * Undoes what `learn` kept of `event`, a fact it learned that has since been superseded or
   * retracted, so the state is what learning every other fact, in the same order, would have
   * made. Returns false where it cannot be sure of that: the rule is then started over and the
   * facts that still count are learned again (so it may leave the state half-changed). Absent, a
   * rule is always started over. It lets a batch restating many facts a rule keeps (positions)
   * skip a fold of every kept fact per restatement; the law `forgetLaw` in `@tertial/core/testing`
   * holds an implementation to it.
   */
  readonly forget?: (state: S, event: DomainEvent) => boolean;
  /**
   * Bump it when `init` or `learn` change what the state holds: a state saved by an earlier
   * revision is then rebuilt from the log, never read as this one's (default 1). A new version of
   * `@tertial/core` rebuilds every saved state anyway.
   */
  readonly revision?: number;
  /**
   * The rule as a catalog checks it, for a rule whose check names figures (a text's placeholder, a
   * stated figure's key): the same name, revision, state and learning, its check against the
   * catalog's figures. `createCatalog` calls it with its own, so a module's figures count as the
   * built-in ones do. The figures may change what the check says, never what the state holds: a
   * saved state is bound to the rules' names, revisions and `learnsFrom`, not to the figures.
   */
  readonly withFigures?: (figures: FigureLookup) => ConsistencyRule<S>;
}

export const defineRule = <S>(rule: ConsistencyRule<S>): ConsistencyRule<unknown> => rule as ConsistencyRule<unknown>;

/**
 * A rule whose check names figures: `make` builds it for a set of figures, `initial` gives the ones
 * it checks against until a catalog binds it to its own (`withFigures`). `initial` is called when
 * first checked, not now, so a domain's rule may default to figures of modules not loaded yet.
 */
export const defineFigureRule = <S>(initial: () => FigureLookup, make: (figures: () => FigureLookup) => Omit<ConsistencyRule<S>, "withFigures">): ConsistencyRule<unknown> => {
  const bound = (figures: () => FigureLookup): ConsistencyRule<S> => ({ ...make(figures), withFigures: (catalog) => bound(() => catalog) });
  return defineRule(bound(initial));
};

/** Runs every rule over a sequence of events, learning as it goes; returns the issues per event. */
export class ConsistencyChecker {
  private readonly states: unknown[];

  constructor(private readonly rules: readonly ConsistencyRule<unknown>[]) {
    this.states = rules.map((rule) => rule.init());
  }

  /** Issues this event would cause; when there are none, the rules learn from it. */
  accept(event: DomainEvent): readonly Issue[] {
    const found = this.rules.flatMap((rule, index) => rule.check(this.states[index], event));
    if (found.length === 0) this.learn(event);
    return found;
  }

  /** Learns from an event already in the log, without checking it again. */
  learn(event: DomainEvent): void {
    this.rules.forEach((rule, index) => rule.learn(this.states[index], event));
  }
}
