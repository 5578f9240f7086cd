import { describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, memoryStore, period, type EventDraft, type ReportBlock, type ReportDocument, type ReportSection } from "@tertial/core";

/**
 * A one-year plan of a fictional organisation (Nordvik kulturråd, 2021): what the plan document
 * prints of its metrics' targets, its activities' timing and its one-year captions, and what the
 * report says for years no plan covers.
 */
const PLAN = "vp-2021";
const ofPlan = { planId: PLAN };

const metric = (metricId: string, unit: string, target: Record<string, string>, targets?: readonly unknown[]): EventDraft => ({
  type: "strategy.metric-defined",
  effectiveAt: "2021-01-01",
  data: { metricId, goalId: "mal-1", name: `Mätetal ${metricId}`, unit, dataSource: "egen registrering", frequency: "year", direction: "higher-is-better", target, result: { from: "recorded" }, ...(targets === undefined ? {} : { targets }) },
});

const activity = (activityId: string, timing: Record<string, unknown>): EventDraft => ({
  type: "activities.activity-planned",
  effectiveAt: "2021-01-01",
  data: { activityId, title: `Aktivitet ${activityId}`, goalId: "mal-1", year: 2021, areaId: "scen", timing, ...ofPlan },
});

const drafts = (): EventDraft[] => [
  { type: "reference.area-established", effectiveAt: "2021-01-01", data: { areaId: "scen", name: "Scenkonst" } },
  { type: "strategy.goal-established", effectiveAt: "2021-01-01", data: { goalId: "mal-1", kind: "strategic", number: "1", title: "Kultur för alla" } },
  { type: "plan.adopted", effectiveAt: "2020-12-15", data: { ...ofPlan, kind: "verksamhetsplan", title: "Verksamhetsplan 2021", fromYear: 2021, toYear: 2021, detailedYear: 2021 } },
  { type: "plan.area-described", effectiveAt: "2020-12-15", data: { ...ofPlan, areaId: "scen", purpose: "Scenkonst i hela länet." } },
  { type: "plan.cost-planned", effectiveAt: "2020-12-15", data: { ...ofPlan, areaId: "scen", year: 2021, amount: "2400000", basis: "net" } },
  { type: "plan.revenue-planned", effectiveAt: "2020-12-15", data: { ...ofPlan, year: 2021, category: "municipalities", amount: "2400000" } },
  // A percent metric's targets are fractions: the plan's own year says 0.75, other years 0.5.
  metric("narvaro", "percent", { kind: "fixed", value: "0.5" }, [{ year: 2021, target: { kind: "fixed", value: "0.75" } }]),
  metric("cirklar", "st", { kind: "fixed", value: "10" }),
  metric("bidrag", "kr", { kind: "fixed", value: "1250000" }),
  metric("beviljade", "count", { kind: "share-of-base", share: "0.5" }),
  activity("a-ar", { kind: "year" }),
  activity("a-mars", { kind: "month", month: 3 }),
  activity("a-t2", { kind: "tertial", tertial: 2 }),
];

const store = async () => {
  let tick = Date.UTC(2020, 11, 20, 8);
  const events = memoryStore({ catalog: defaultCatalog, clock: () => (tick += 1000) });
  const outcome = await events.append(drafts());
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return events;
};

const build = async (span: string) => generateReport(await store(), defaultCatalog, { kind: "verksamhetsplan", period: period(span), generatedBy: "test" });

const blocksOf = (document: ReportDocument): ReportBlock[] => {
  const of = (section: ReportSection): ReportBlock[] => [...section.blocks, ...section.sections.flatMap(of)];
  return [...document.sections, ...document.appendices].flatMap(of);
};

const tableText = (block: ReportBlock): string[][] =>
  block.kind !== "table" ? [] : [...block.head, ...block.body, ...block.foot].map((row) => row.cells.map((cell) => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text : "")));

const tableById = (document: ReportDocument, id: string): string[][] => {
  const found = blocksOf(document).find((block) => block.kind === "table" && block.id === id);
  if (found === undefined) throw new Error(`no table ${id}`);
  return tableText(found);
};

const NBSP = "\u00a0";

describe("the plan document prints a metric's target as the follow-ups do, in the metric's unit", () => {
  it("a percent target as a per cent, counts and amounts with the house formatter, a share as a per cent", async () => {
    const { document } = await build("2021");
    const metrics = tableById(document, "plan-mal-mal-1")
      .slice(1)
      .map((cells) => cells[1])
      .join("; ");
    expect(metrics).toContain(`Mätetal narvaro (mål 2021: 75${NBSP}%)`);
    expect(metrics).toContain(`Mätetal cirklar (mål 2021: 10${NBSP}st.)`);
    expect(metrics).toContain(`Mätetal bidrag (mål 2021: 1${NBSP}250${NBSP}000${NBSP}kr)`);
    expect(metrics).toContain(`Mätetal beviljade (mål 2021: andel 50${NBSP}%)`);
    expect(metrics).not.toMatch(/0\.75|0\.5\b/);
  });
});

describe("the plan document prints an activity's timing in Swedish", () => {
  it("the whole year as 'hela året', a month by its name, a tertial by its number", async () => {
    const { document } = await build("2021");
    const rows = tableById(document, "plan-aktiviteter-scen").slice(1);
    expect(rows.map((cells) => [cells[0], cells[1]])).toEqual([
      ["Aktivitet a-ar", "hela året"],
      ["Aktivitet a-mars", "mars"],
      ["Aktivitet a-t2", "tertial 2"],
    ]);
  });
});

describe("a one-year plan's captions name its one year", () => {
  it("'Intäkter 2021' and 'Nettokostnader 2021', not '2021-2021'", async () => {
    const { document } = await build("2021");
    const captions = blocksOf(document).flatMap((block) => (block.kind === "table" ? [block.caption] : []));
    expect(captions).toContain("Intäkter 2021");
    expect(captions).toContain("Nettokostnader 2021");
    expect(captions.filter((caption) => caption.includes("2021-2021"))).toEqual([]);
  });
});

describe("a plan document for years no plan covers", () => {
  it("has nothing to report, and says why, naming the plans the log has for those years", async () => {
    const covered = await build("2021");
    expect(covered.nothingToReport).toBeUndefined();
    const later = await build("2021..2022");
    expect(later.nothingToReport).toBe("no adopted plan for 2021-2022: a verksamhetsplan is printed for a plan's years or the year it details, and no plan in the log covers 2022");
    expect(later.document.sections).toEqual([]);
  });

  it("names a plan that covers the year without detailing it", async () => {
    const events = await store();
    const outcome = await events.append([{ type: "plan.adopted", effectiveAt: "2021-12-15", data: { planId: "vp-2022-2024", kind: "verksamhetsplan", title: "Verksamhetsplan 2022–2024", fromYear: 2022, toYear: 2024, detailedYear: 2022 } }]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const built = await generateReport(events, defaultCatalog, { kind: "verksamhetsplan", period: period("2023"), generatedBy: "test" });
    expect(built.nothingToReport).toBe("no adopted plan for 2023: a verksamhetsplan is printed for a plan's years or the year it details (vp-2022-2024 covers 2022-2024 and details 2022)");
  });
});
