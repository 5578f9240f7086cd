import type { Provenance } from "./envelope.js";

/** How a fact rests on the record: recorded, reconstructed from other documents, or made up to illustrate. */
export type FactBasis = "recorded" | "reconstructed" | "illustrative";

/** A fact's source says it was reconstructed ("Rekonstruerat: …") or made up to illustrate (`illustrative`). */
export const basisOfSource = (source: Provenance | undefined): FactBasis => {
  if (source?.illustrative === true) return "illustrative";
  return source?.note !== undefined && /rekonstruer/i.test(source.note) ? "reconstructed" : "recorded";
};

/** Whether a figure computed from this event must carry a provenance mark. */
export const isMarked = (event: { readonly source?: Provenance }): boolean => event.source !== undefined && basisOfSource(event.source) !== "recorded";
