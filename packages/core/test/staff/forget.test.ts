import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, defineRule, staffIntegrity, type DomainEvent } from "@tertial/core";
import { arbFoundationLog, forgetLaw } from "@tertial/core/testing";

const subject = { catalog: defaultCatalog, log: arbFoundationLog() };

/** A position opening as the staff rules learn it. */
const opening = (id: string, positionId: string, effectiveAt = "2020-01-01"): DomainEvent =>
  ({ id, type: "staff.position-opened", schemaVersion: 1, effectiveAt, recordedAt: "2020-01-01T00:00:00.000Z", seq: 0, prevHash: "", hash: "", data: { positionId, areaId: "fou", employmentForm: "visstid", fte: "1.00", financing: "grund" } }) as DomainEvent;
const closing = (id: string, positionId: string): DomainEvent =>
  ({ id, type: "staff.position-closed", schemaVersion: 1, effectiveAt: "2020-06-30", recordedAt: "2020-01-01T00:00:00.000Z", seq: 0, prevHash: "", hash: "", data: { positionId, reason: "slut" } }) as DomainEvent;

describe("the staff rules forget a restated position", () => {
  it("exactly: forgetting any fact they learnt from a generated log leaves what learning the others makes, or says it cannot (law)", async () => {
    let forgotten = 0;
    const counted = defineRule({ ...staffIntegrity, forget: (state, event) => (staffIntegrity.forget?.(state, event) === true ? ((forgotten += 1), true) : false) });
    // 1 000 runs: about one run in twenty picks a fact the rules can forget exactly (a definition, a snapshot or a position
    // opened twice cannot be), so 300 runs gave 9–22 of them, too close to the floor below; 1 000 give about 50.
    await fc.assert(forgetLaw(counted, subject), { numRuns: 1000 });
    // The law compared states, not only heard "cannot".
    expect(forgotten).toBeGreaterThan(10);
  });

  it("when its opening is the only one learnt, with or without a closing after it", () => {
    const state = staffIntegrity.init();
    for (const fact of [opening("a", "p1"), opening("b", "p2"), closing("c", "p2")]) staffIntegrity.learn(state, fact);
    expect(staffIntegrity.forget?.(state, opening("a", "p1"))).toBe(true);
    expect(staffIntegrity.forget?.(state, opening("b", "p2"))).toBe(true);
    expect(staffIntegrity.check(state, closing("d", "p2")).map((found) => found.code)).toEqual(["unknown-reference"]);
  });

  it("and cannot when the position was opened twice, or for a fact it keeps otherwise (an area, a closing)", () => {
    const state = staffIntegrity.init();
    for (const fact of [opening("a", "p1"), opening("b", "p1"), closing("c", "p1")]) staffIntegrity.learn(state, fact);
    expect(staffIntegrity.forget?.(state, opening("b", "p1"))).toBe(false);
    expect(staffIntegrity.forget?.(state, opening("a", "p1"))).toBe(false);
    expect(staffIntegrity.forget?.(state, closing("c", "p1"))).toBe(false);
  });
});

describe("the forget law", () => {
  it("fails for a rule that says it forgot but did not", async () => {
    const careless = defineRule({ ...staffIntegrity, name: "careless", forget: () => true });
    const details = await fc.check(forgetLaw(careless, subject), { numRuns: 100 });
    expect(details.failed).toBe(true);
    expect(String(details.errorInstance)).toMatch(/forget: rule "careless" forgot .* inexactly/);
  });

  it("fails for a rule without forget", async () => {
    const { forget: _none, ...rest } = staffIntegrity;
    const details = await fc.check(forgetLaw(defineRule({ ...rest, name: "unforgetting" }), subject), { numRuns: 5 });
    expect(String(details.errorInstance)).toMatch(/has no forget/);
  });
});
