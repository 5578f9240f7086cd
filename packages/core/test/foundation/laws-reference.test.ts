import * as fc from "fast-check";
import { describe, it } from "vitest";
import { defaultCatalog, referenceProjection, type ReferenceResult } from "@tertial/core";
import {
  arbFoundationLog,
  checkpointEquivalenceLaw,
  correctionInvarianceLaw,
  knownAtPrefixLaw,
  restateStaff,
  stockAtEndLaw,
} from "@tertial/core/testing";

const RUNS = { numRuns: 200 };
const subject = { catalog: defaultCatalog, log: arbFoundationLog(), restate: restateStaff };

describe("the laws hold for the reference projection", () => {
  it("known-at prefix", async () => {
    await fc.assert(knownAtPrefixLaw(referenceProjection, subject), RUNS);
  });

  it("correction invariance", async () => {
    await fc.assert(correctionInvarianceLaw(referenceProjection, subject), RUNS);
  });

  it("checkpoint equivalence", async () => {
    await fc.assert(checkpointEquivalenceLaw(referenceProjection, subject), RUNS);
  });

  it("stock at end: the directory for a period is the directory on its last day", async () => {
    await fc.assert(stockAtEndLaw(referenceProjection, (result: ReferenceResult) => result, subject), RUNS);
  });
});
