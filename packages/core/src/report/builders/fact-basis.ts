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
export const basisOfEvidence = (result: FactBasisResult | undefined, evidence: readonly string[]): FactBasis => {
  let basis: FactBasis = "recorded";
  for (const id of evidence) {
    const marked = result?.marked[id];
    if (marked === "illustrative") return "illustrative";
    if (marked === "reconstructed") basis = "reconstructed";
  }
  return basis;
};
