/**
 * The small set of ids generated drafts refer to. Small on purpose: drafts that share a few
 * positions and areas meet each other (change after open, close, restate), which is where
 * projections and rules go wrong.
 */
export interface DraftWorld {
  readonly municipalities: readonly string[];
  /** The first is the root; each later area hangs under an earlier one. */
  readonly areas: readonly string[];
  readonly networks: readonly string[];
  readonly funders: readonly string[];
  readonly positions: readonly string[];
}

export const defaultWorld: DraftWorld = {
  municipalities: ["aneby", "eksjo", "habo"],
  areas: ["fou", "ovrig", "fou-barn", "fou-aldre"],
  networks: ["net-1", "net-2"],
  funders: ["forte", "staten"],
  positions: ["p1", "p2", "p3", "p4"],
};
