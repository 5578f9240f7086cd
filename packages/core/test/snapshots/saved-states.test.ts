import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, defineProjection, effectiveDateOf, type Projection } from "@tertial/core";
import { arbFoundationLog, snapshotEquivalenceLaw, type SnapshotLawTally } from "@tertial/core/testing";

/** A projection whose state is not plain JSON (a Set and a Map), with the save and load a checkpoint or snapshot needs. */
interface Seen {
  readonly types: Set<string>;
  readonly byMonth: Map<string, number>;
}
const seen: Projection<Seen, { types: string[]; byMonth: [string, number][] }> = defineProjection({
  name: "seen-types-and-months",
  description: "the event types seen, and events per month of their effective date",
  init: () => ({ types: new Set(), byMonth: new Map() }),
  evolve: (state, event) => {
    state.types.add(event.type);
    const month = (effectiveDateOf(event.effectiveAt) ?? "").slice(0, 7);
    state.byMonth.set(month, (state.byMonth.get(month) ?? 0) + 1);
    return state;
  },
  result: (state) => ({ types: [...state.types].sort(), byMonth: [...state.byMonth].sort(([a], [b]) => (a < b ? -1 : 1)) }),
  save: (state) => ({ types: [...state.types], byMonth: [...state.byMonth] }),
  load: (saved) => {
    const { types, byMonth } = saved as { types: string[]; byMonth: [string, number][] };
    return { types: new Set(types), byMonth: new Map(byMonth) };
  },
});

describe("snapshots of a projection whose state is not plain JSON", () => {
  it("keep its state as its own save writes it and give it back through its load: resuming equals the full replay (law)", async () => {
    const tally: SnapshotLawTally = { runs: 0, resumed: 0, stale: 0 };
    await fc.assert(snapshotEquivalenceLaw([{ projection: seen, period: "report" }], { catalog: defaultCatalog, log: arbFoundationLog({ maxEvents: 12 }) }, tally), { numRuns: 200 });
    expect(tally.resumed).toBeGreaterThan(50);
  }, 120_000);
});
