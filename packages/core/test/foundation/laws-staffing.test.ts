import * as fc from "fast-check";
import { describe, it } from "vitest";
import { defaultCatalog, staffingProjection, type StaffingResult } from "@tertial/core";
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

const RUNS = { numRuns: 200 };
const subject = { catalog: defaultCatalog, log: arbFoundationLog(), restate: restateStaff };

describe("the laws of design §10 hold for staffing", () => {
  it("determinism: same log, same bytes", async () => {
    await fc.assert(determinismLaw(staffingProjection, { ...subject, log: arbFoundationLog({ maxEvents: 8 }) }), RUNS);
  });

  it("known-at prefix: results as known at t = a plain replay of the lines recorded by t", async () => {
    await fc.assert(knownAtPrefixLaw(staffingProjection, subject), RUNS);
  });

  it("correction invariance: a retracted event has no effect; supersede = retract + new = the replacement recorded in its place", async () => {
    await fc.assert(correctionInvarianceLaw(staffingProjection, subject), RUNS);
  });

  it("checkpoint equivalence: resume = full replay, or a refusal when stale", async () => {
    await fc.assert(checkpointEquivalenceLaw(staffingProjection, subject), RUNS);
  });

  it("period additivity: position changes of [a, b] + [b+1, c] = changes of [a, c]", async () => {
    await fc.assert(periodAdditivityLaw(staffingProjection, (result: StaffingResult) => result.changes.length, subject), RUNS);
  });

  it("stock at end: FTE for a period is the FTE on its last day", async () => {
    await fc.assert(stockAtEndLaw(staffingProjection, (result: StaffingResult) => ({ atEnd: result.atEnd, tertials: result.tertials }), subject), RUNS);
  });
});

