import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, defineProjection, effectiveDateOf, staffingProjection, type StaffingResult } from "@tertial/core";
import {
  arbFoundationLog,
  checkpointEquivalenceLaw,
  correctionInvarianceLaw,
  determinismLaw,
  knownAtPrefixLaw,
  periodAdditivityLaw,
  restateStaff,
  stockAtEndLaw,
} from "@tertial/core/testing";

// Your own projection: how many positions were opened in the period (a flow).
const openings = defineProjection({
  name: "openings",
  description: "positions opened in the period",
  init: () => ({ count: 0 }),
  evolve: (state, event, { period }) => {
    const date = effectiveDateOf(event.effectiveAt);
    if (event.type === "staff.position-opened" && date !== undefined && period.start <= date && date <= period.end) state.count += 1;
    return state;
  },
  result: (state) => state.count,
});

// Generated logs: reference data, staff facts, supersedes and retractions, all valid.
const subject = { catalog: defaultCatalog, log: arbFoundationLog(), restate: restateStaff };

describe("my projections obey Tertial's laws", () => {
  it("openings is a flow: T1 + T2 = T1..T2", async () => {
    await fc.assert(periodAdditivityLaw(openings, (count) => count, subject), { numRuns: 200 });
  });

  it("openings ignores what was recorded after the known-at date", async () => {
    await fc.assert(knownAtPrefixLaw(openings, subject), { numRuns: 200 });
  });

  it("openings takes corrections into account", async () => {
    await fc.assert(correctionInvarianceLaw(openings, subject), { numRuns: 200 });
  });

  it("openings resumes from checkpoints and is deterministic", async () => {
    await fc.assert(checkpointEquivalenceLaw(openings, subject), { numRuns: 200 });
    await fc.assert(determinismLaw(openings, { ...subject, log: arbFoundationLog({ maxEvents: 6 }) }), { numRuns: 30 });
  });

  it("staffing's FTE is a stock: the period's figure is its last day's", async () => {
    await fc.assert(stockAtEndLaw(staffingProjection, (result: StaffingResult) => result.atEnd, subject), { numRuns: 100 });
    expect(staffingProjection.name).toBe("staffing");
  });
});
