import { describe, expect, it } from "vitest";
import { auditStatedFigures, countingEvents, defaultCatalog, type DomainEvent, type EventDraft } from "@tertial/core";
import { PLAN, planStore } from "./support.js";

const stated = (id: string, printed: string, section: string, params: Record<string, string>, table?: string, decimals?: number): EventDraft => ({
  id,
  type: "reconciliation.figure-stated",
  effectiveAt: "2022-01-01",
  data: { document: "VP", figureKey: "plan.staff", period: "2022", printed, unit: "fte", ...(decimals === undefined ? {} : { rounding: { decimals, mode: "half-up" } }), section, ...(table === undefined ? {} : { table }), label: id, params: { plan: PLAN, ...params } },
});

const auditOf = async (drafts: EventDraft[]) => {
  const store = await planStore([
    { type: "plan.staff-planned", effectiveAt: "2021-12-31", data: { planId: PLAN, lineId: "social", year: 2022, areaIds: ["social"], fte: "1.35", staffClass: "fou" } },
    { type: "plan.staff-planned", effectiveAt: "2021-12-31", data: { planId: PLAN, lineId: "stab", year: 2022, areaIds: ["stab"], fte: "2.35", staffClass: "management" } },
    ...drafts,
  ]);
  const events: DomainEvent[] = [];
  for await (const event of countingEvents(store, defaultCatalog, undefined)) events.push(event);
  return auditStatedFigures(events, defaultCatalog);
};

describe("the audit of a plan's staff", () => {
  it("explains a section that contradicts the plan's own list, and leaves a lone wrong figure without that cause", async () => {
    const report = await auditOf([stated("list", "1,35", "4.1", { area: "social" }), stated("section", "1,15", "4.1.8", { area: "social" }), stated("lone", "3", "1.6", { area: "stab" })]);
    const causeOf = (id: string) => report.findings.find((found) => found.statedEventId === id)?.cause;
    expect(report.findings.map((found) => found.statedEventId).sort()).toEqual(["lone", "section"]);
    expect(causeOf("section")).toBe("the document contradicts itself: 4.1 › list prints 1,35 for the same figure, which the facts give");
    expect(causeOf("lone")).toBeNull();
  });

  it("foots staff classes against the total from plan.staff's footing, with no hand ties", async () => {
    const report = await auditOf([
      stated("fou", "1,4", "1.6", { class: "fou" }, "Medarbetare", 1),
      stated("management", "2,4", "1.6", { class: "management" }, "Medarbetare", 1),
      stated("total", "3,7", "1.6", {}, "Medarbetare", 1),
    ]);
    // 1,35 and 2,35 print as 1,4 and 2,4 at one decimal, and 3,70 as 3,7: each agrees, but the printed parts add to 3,8.
    expect(report.findings.map((found) => [found.kind, found.statedEventId, found.difference])).toEqual([["footing", "total", "-0.1"]]);
  });
});
