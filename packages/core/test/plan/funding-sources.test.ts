import { describe, expect, it } from "vitest";
import { BUILT_IN_SOURCES, balanceLabelOf, ClosingBalanceForecast, decodeData, defaultCatalog, FundingExpected, generateReport, memoryStore, period, type EventDraft, type ReportBlock, type ReportDocument, type ReportSection, type StoredEvent } from "@tertial/core";

/**
 * A plan of a fictional organisation (Nordvik kulturråd, 2021) funded by its region, a source it
 * defines in its own log: its plan names that source, and its closing-balance table names it.
 */
const PLAN = "vp-2021";
const ofPlan = { planId: PLAN };

const closing = (source: string, amount: string): EventDraft => ({ type: "plan.closing-balance-forecast", effectiveAt: "2020-12-15", data: { ...ofPlan, year: 2021, source, amount } });

const drafts = (): EventDraft[] => [
  { type: "reference.area-established", effectiveAt: "2021-01-01", data: { areaId: "scen", name: "Scenkonst" } },
  { type: "finance.funding-source-defined", effectiveAt: "2020-01-01", data: { sourceId: "regionen", name: "region Nordvik", label: "Tillförda medel region Nordvik" } },
  { type: "plan.adopted", effectiveAt: "2020-12-15", data: { ...ofPlan, kind: "verksamhetsplan", title: "Verksamhetsplan 2021", fromYear: 2021, toYear: 2021, detailedYear: 2021 } },
  { type: "plan.cost-planned", effectiveAt: "2020-12-15", data: { ...ofPlan, areaId: "scen", year: 2021, amount: "2400000", basis: "net" } },
  { type: "plan.funding-expected", effectiveAt: "2020-12-15", data: { ...ofPlan, areaId: "scen", year: 2021, amount: "2000000", source: "regionen" } },
  closing("staten", "100000"),
  closing("regionen", "300000"),
];

const storeOf = async (events: readonly EventDraft[]) => {
  let tick = Date.UTC(2020, 11, 20, 8);
  const store = memoryStore({ catalog: defaultCatalog, clock: () => (tick += 1000) });
  const outcome = await store.append(events);
  return { store, outcome };
};

const blocksOf = (document: ReportDocument): ReportBlock[] => {
  const of = (section: ReportSection): ReportBlock[] => [...section.blocks, ...section.sections.flatMap(of)];
  return [...document.sections, ...document.appendices].flatMap(of);
};

describe("a plan's financing sources", () => {
  it("may be a source the log defines: the closing-balance table names it by its name, after the built-in ones", async () => {
    const { store, outcome } = await storeOf(drafts());
    expect(outcome.ok).toBe(true);
    const document = (await generateReport(store, defaultCatalog, { kind: "verksamhetsplan", period: period("2021"), generatedBy: "test" })).document;
    const table = blocksOf(document).find((block) => block.kind === "table" && block.id === "plan-utgaende-balans");
    const rows = table?.kind === "table" ? [...table.body, ...table.foot].map((entry) => entry.cells.map((cell) => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text : ""))) : [];
    expect(rows).toEqual([
      ["Statsbidrag", "100"],
      ["Region Nordvik", "300"],
      ["Summa", "400"],
    ]);
  });

  it("names the built-in sources by their balance labels in the financing-source vocabulary: one place holds a source's wording", async () => {
    const builtIn = ["ovriga", "staten", "kommunerna"].map((source, index) => closing(source, `${index + 1}00000`));
    const [area, , adopted, cost] = drafts();
    const { store, outcome } = await storeOf([area, adopted, cost, ...builtIn] as EventDraft[]);
    expect(outcome.ok).toBe(true);
    const document = (await generateReport(store, defaultCatalog, { kind: "verksamhetsplan", period: period("2021"), generatedBy: "test" })).document;
    const table = blocksOf(document).find((block) => block.kind === "table" && block.id === "plan-utgaende-balans");
    const labels = table?.kind === "table" ? table.body.map((entry) => (entry.cells[0]?.kind === "text" ? entry.cells[0].text : "")) : [];
    expect(BUILT_IN_SOURCES.map(balanceLabelOf)).toEqual(["Länets kommuner", "Statsbidrag", "Övriga"]);
    expect(labels).toEqual(BUILT_IN_SOURCES.map(balanceLabelOf));
  });

  it("refuses a source neither built in nor defined, at data.source", async () => {
    const [, , ...withoutDefinition] = drafts();
    const { outcome } = await storeOf([drafts()[0] as EventDraft, ...withoutDefinition]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([
      expect.objectContaining({ code: "unknown-reference", path: "data.source", actual: "regionen" }),
      expect.objectContaining({ code: "unknown-reference", path: "data.source", actual: "regionen" }),
    ]);
  });

  it("takes a defined source from version 2 on, and lifts version 1 unchanged", () => {
    const stored = (type: string, schemaVersion: number, data: unknown) => ({ id: "x", type, schemaVersion, effectiveAt: "2020-12-15", recordedAt: "2020-12-20T08:00:00.000Z", seq: 1, data, prevHash: "0".repeat(64), hash: "0".repeat(64) }) as StoredEvent;
    const data = { ...ofPlan, year: 2021, source: "regionen", amount: "300000" };
    expect(ClosingBalanceForecast.latest.version).toBe(2);
    expect(FundingExpected.latest.version).toBe(2);
    expect(decodeData(defaultCatalog, stored(ClosingBalanceForecast.type, 2, data)).ok).toBe(true);
    expect(decodeData(defaultCatalog, stored(ClosingBalanceForecast.type, 1, data)).ok).toBe(false);
    const old = { ...ofPlan, areaId: "scen", year: 2021, amount: "2000000", status: "granted", source: "staten" };
    const lifted = decodeData(defaultCatalog, stored(FundingExpected.type, 1, old));
    expect(lifted.ok && JSON.stringify(lifted.event.data)).toBe(JSON.stringify(old));
  });
});
