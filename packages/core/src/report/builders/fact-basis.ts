import { basisOfSource, type FactBasis } from "../../events/fact-basis.js";
import { defineProjection } from "../../projection/projection.js";

export type { FactBasis } from "../../events/fact-basis.js";

export interface FactBasisResult {
  /** Only the events that are not plainly recorded: a log of recorded facts keeps this empty. */
  readonly marked: Readonly<Record<string, Exclude<FactBasis, "recorded">>>;
}

/**
 * The events whose facts are reconstructed or illustrative, so a figure computed from any of
 * them is marked in the report. Local to the report (read only); holds the marked events only.
 */
export const factBasisProjection = defineProjection<{ marked: Record<string, Exclude<FactBasis, "recorded">> }, FactBasisResult>({
  name: "report-fact-basis",
  description: "Events whose facts are reconstructed or illustrative, for provenance marks on the figures computed from them.",
  init: () => ({ marked: {} }),
  evolve: (state, event) => {
    const basis = basisOfSource(event.source);
    if (basis !== "recorded") state.marked[event.id] = basis;
    return state;
  },
  result: (state) => ({ marked: state.marked }),
});

/** The weakest basis among a figure's evidence: illustrative over reconstructed over recorded. */
export const basisOfEvidence = (result: FactBasisResult | undefined, evidence: readonly string[]): FactBasis => (result === undefined ? "recorded" : basisReader(result)(evidence));

/**
 * `basisOfEvidence` for one build: the marked events looked up in a Map made once (the result's
 * record comes from a snapshot's JSON, a slow dictionary for thousands of ids), and each
 * evidence list judged once, as one fold's sum is printed in several places.
 */
export const basisReader = (result: FactBasisResult): ((evidence: readonly string[]) => FactBasis) => {
  const marked = new Map(Object.entries(result.marked));
  if (marked.size === 0) return () => "recorded";
  // Held for one build only, as the document holds the lists anyway: a Map, which the collector treats as a plain object (a WeakMap's entries cost it work at every collection).
  const judged = new Map<readonly string[], FactBasis>();
  const judge = (evidence: readonly string[]): FactBasis => {
    let basis: FactBasis = "recorded";
    for (const id of evidence) {
      const found = marked.get(id);
      if (found === "illustrative") return "illustrative";
      if (found === "reconstructed") basis = "reconstructed";
    }
    return basis;
  };
  return (evidence) => {
    let basis = judged.get(evidence);
    if (basis === undefined) judged.set(evidence, (basis = judge(evidence)));
    return basis;
  };
};
