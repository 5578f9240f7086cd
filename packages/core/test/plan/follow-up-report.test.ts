import { describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, jsonRenderer, memoryStore, period, type EventDraft, type ReportActivityTable, type ReportBlock, type ReportDocument, type ReportMetricTable, type ReportSection, type ReportTable } from "@tertial/core";
import { PLAN, planPreamble } from "./support.js";

const ADOPTED = "2021-12-31T08:00:00.000Z";
const BOOKED = "2022-05-02T00:00:00.000Z";
const REVISED = "2022-06-01T00:00:00.000Z";

/** A metric of goal 1 whose own target is 70 % (a share, as percent metrics are kept), with the plan's target for 2022. */
function metric(id: string, planned: string, extra: Partial<EventDraft>): EventDraft {
  return {
    id,
    type: "strategy.metric-defined",
    effectiveAt: "2022-01-01",
    data: { metricId: "m1", goalId: "mal-1", name: "Nöjda deltagare", unit: "percent", dataSource: "enkät", frequency: "tertial", direction: "higher-is-better", target: { kind: "fixed", value: "0.7" }, result: { from: "recorded" }, targets: [{ year: 2022, target: { kind: "fixed", value: planned } }] },
    ...extra,
  };
}

/** A plan for 2022 (Social 1 000 000 kr, Stab 500 000 kr) and the books of the first tertial of Social. */
const drafts: EventDraft[] = [
  ...planPreamble().map((draft, index) => ({ ...draft, recordedAt: new Date(Date.parse(ADOPTED) + index * 1000).toISOString() })),
  { id: "cost-social", type: "plan.cost-planned", effectiveAt: "2021-12-31", recordedAt: "2021-12-31T09:00:00.000Z", data: { planId: PLAN, areaId: "social", year: 2022, amount: "1000000", basis: "net" } },
  { id: "cost-stab", type: "plan.cost-planned", effectiveAt: "2021-12-31", recordedAt: "2021-12-31T09:00:01.000Z", data: { planId: PLAN, areaId: "stab", year: 2022, amount: "500000", basis: "net" } },
  metric("metric-m1", "0.8", { recordedAt: "2021-12-31T09:00:02.000Z" }),
  { type: "finance.opening-balance-recorded", effectiveAt: "2021-12-31", recordedAt: BOOKED, data: { areaId: "social", asOf: "2021-12-31", amount: "200000" } },
  { type: "finance.funds-received", effectiveAt: "2022-04-30", recordedAt: BOOKED, data: { areaId: "social", from: "2022-01-01", to: "2022-04-30", amount: "1000000", source: "kommunerna" } },
  { type: "finance.cost-booked", effectiveAt: "2022-04-30", recordedAt: BOOKED, data: { areaId: "social", from: "2022-01-01", to: "2022-04-30", amount: "400000" } },
  { type: "finance.forecast-made", effectiveAt: "2022-04-30", recordedAt: BOOKED, data: { areaId: "social", horizon: "2022-12-31", amount: "300000" } },
  { type: "strategy.metric-result-recorded", effectiveAt: "2022-04-30", recordedAt: BOOKED, data: { metricId: "m1", from: "2022-01-01", to: "2022-04-30", value: "0.75" } },
  { id: "a1", type: "activities.activity-planned", effectiveAt: "2022-01-01", recordedAt: BOOKED, data: { activityId: "a1", title: "Nätverksträffar", goalId: "mal-1", year: 2022, planId: PLAN, areaId: "social" } },
  { id: "a2", type: "activities.activity-planned", effectiveAt: "2022-01-01", recordedAt: BOOKED, data: { activityId: "a2", title: "Förstudie", goalId: "mal-1", year: 2022, planId: PLAN, areaId: "social" } },
  { id: "a3", type: "activities.activity-planned", effectiveAt: "2022-01-01", recordedAt: BOOKED, data: { activityId: "a3", title: "Kartläggning", goalId: "mal-1", year: 2022, planId: PLAN, areaId: "stab" } },
  { type: "activities.status-changed", effectiveAt: "2022-03-15", recordedAt: BOOKED, data: { activityId: "a1", status: "done" } },
  { type: "activities.moved-to-next-year", effectiveAt: "2022-04-01", recordedAt: BOOKED, data: { activityId: "a2", toYear: 2023 } },
  // Recorded after the report's cut-off: the budget and the target the tertial report compares against stay the adopted ones.
  { type: "plan.cost-planned", effectiveAt: "2021-12-31", supersedes: "cost-social", recordedAt: REVISED, data: { planId: PLAN, areaId: "social", year: 2022, amount: "1200000", basis: "net" } },
  metric("metric-m1-revised", "0.9", { supersedes: "metric-m1", recordedAt: "2022-06-01T00:00:01.000Z" }),
];

const tertialReport = async (knownAt?: string, log: readonly EventDraft[] = drafts): Promise<ReportDocument> => {
  const store = memoryStore({ catalog: defaultCatalog, clock: () => Date.UTC(2030, 0, 1) });
  const outcome = await store.append([...log]);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return (await generateReport(store, defaultCatalog, { kind: "tertialrapport", period: period("2022-T1"), generatedBy: "test", ...(knownAt === undefined ? {} : { knownAt }) })).document;
};

const findTable = (sections: readonly ReportSection[], id: string): ReportTable | undefined => {
  for (const section of sections) {
    const found = section.blocks.find((block): block is ReportTable => block.kind === "table" && block.id === id) ?? findTable(section.sections, id);
    if (found !== undefined) return found;
  }
  return undefined;
};

const printed = (table: ReportTable | undefined): string[][] =>
  [...(table?.body ?? []), ...(table?.foot ?? [])].map((row) => row.cells.map((cell) => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text.replace(/\s/g, " ") : "")));

describe("a follow-up report's plan columns (block plan-budget-outcome)", () => {
  it("set each area's budget as adopted against the outcome and the forecast, with the avvikelse in kr and %", async () => {
    const table = findTable((await tertialReport("2022-05-15")).sections, "plan-budget-utfall");
    // A tertial's outcome against the whole year's budget: what is left of it, not a deviation.
    expect(table?.head[0]?.cells.map((cell) => (cell.kind === "text" ? cell.text : ""))).toEqual(["Område", "Budget helår", "Kvar av budgeten", "Kvar av budgeten, %", "Prognos kostnad", "Avvikelse mot prognos", "Avvikelse mot prognos, %"]);
    // Social: 1 000 − 400 = 600 tkr (60 %); forecast cost 1 200 − 300 = 900, 100 tkr (10 %) below the budget. Stab has no books: blank, never its whole budget.
    // Summa's budget is every budgeted area's (1 500); its deviations count only the areas with books (Social), so they foot to the rows
    // printed and Stab's unbooked 500 is never reported as money left unspent (1 100, 73 % before this was decided). A footnote says so.
    expect(printed(table)).toEqual([
      ["Social", "1 000", "600", "60", "900", "100", "10"],
      ["Stab", "500", "", "", "", "", ""],
      ["Summa", "1 500", "600", "60", "900", "100", "10"],
    ]);
    expect(table?.foot[0]?.cells[0]).toEqual({ kind: "text", text: "Summa", marks: ["*"] });
    expect(table?.footnotes.map((note) => note.mark)).toEqual(["*"]);
  });

  it("stand under a heading in the report's language where no outline places them, never the block's name", async () => {
    const holding = (sections: readonly ReportSection[]): ReportSection | undefined =>
      sections.find((section) => section.blocks.some((block) => block.kind === "table" && block.id === "plan-budget-utfall")) ?? sections.map((section) => holding(section.sections)).find((found) => found !== undefined);
    // The organisation's own outline of the tertial report names its goal's metrics only.
    const outline: EventDraft = {
      type: "publication.outline-adopted",
      effectiveAt: "2022-01-01",
      recordedAt: "2022-06-02T00:00:00.000Z",
      data: { outlineId: "tr-2022", documentKind: "tertialrapport", fromYear: 2022, chapters: [{ goalId: "mal-1", sections: [{ heading: "Mätetal", blocks: [{ block: "metric-table", goalId: "mal-1" }] }] }] },
    };
    expect(holding((await tertialReport(undefined, [...drafts, outline])).sections)?.title).toBe("Budget och utfall mot planen");
  });

  it("call budget less outcome a deviation in the year's own report, where the outcome is the whole year's", async () => {
    const store = memoryStore({ catalog: defaultCatalog, clock: () => Date.UTC(2030, 0, 1) });
    expect((await store.append([...drafts])).ok).toBe(true);
    const annual = (await generateReport(store, defaultCatalog, { kind: "verksamhetsberattelse", period: period("2022"), generatedBy: "test" })).document;
    const table = findTable(annual.sections, "plan-budget-utfall");
    expect(table?.head[0]?.cells.slice(1, 4).map((cell) => (cell.kind === "text" ? cell.text : ""))).toEqual(["Budget", "Avvikelse mot utfall", "Avvikelse mot utfall, %"]);
    // The year's outcome is known: no forecast of it made during the year stands beside it.
    expect(table?.head[0]?.cells).toHaveLength(4);
    expect(table?.caption).toBe("Budget enligt VP 2022-2024 mot utfall");
  });

  it("compare against the plan as known at the report's cut-off: a revision recorded later shows only once known", async () => {
    const later = findTable((await tertialReport()).sections, "plan-budget-utfall");
    expect(printed(later)[0]?.slice(0, 3)).toEqual(["Social", "1 200", "800"]);
  });
});

describe("a follow-up report's metrics against the plan (block plan-metric-targets)", () => {
  const planned = async (knownAt?: string): Promise<string[][]> => printed(findTable((await tertialReport(knownAt)).sections, "plan-malvarden-mal-1"));

  it("set the target the plan set for the year beside the metric's target and result: in a year the plan sets one for, that is the metric's target too", async () => {
    expect(await planned("2022-05-15")).toEqual([["Nöjda deltagare", "80 %", "75 %", "80 %"]]);
  });

  it("show the target as the plan was known at the cut-off: before the revision the earlier one, after it the revised one", async () => {
    expect((await planned("2022-05-15"))[0]?.[3]).toBe("80 %");
    expect((await planned())[0]?.[3]).toBe("90 %");
  });
});

describe("a follow-up report's planned activities (block plan-activities)", () => {
  it("count the year's activities by status, list them with their status, and name those moved to a later year", async () => {
    const { sections } = await tertialReport("2022-05-15");
    expect(printed(findTable(sections, "plan-aktiviteter-status"))).toEqual([
      ["◌ Ej påbörjad", "1"],
      ["✓ Klar", "1"],
      ["Summa", "2"],
    ]);
    expect(printed(findTable(sections, "plan-aktiviteter"))).toEqual([
      ["Nätverksträffar", "Social", "Klar"],
      ["Kartläggning", "Stab", "Ej påbörjad"],
    ]);
    expect(printed(findTable(sections, "plan-aktiviteter-flyttade"))).toEqual([
      ["Förstudie", "2023"],
      ["Antal", "1"],
    ]);
  });

  it("print nothing when the log has no plan", async () => {
    // The same activities and books, planned outside any plan: a plain follow-up, with its own activity tables only.
    const withoutPlan = drafts
      .filter((draft) => !draft.type.startsWith("plan."))
      .map((draft) => (draft.type === "activities.activity-planned" ? { ...draft, data: Object.fromEntries(Object.entries(draft.data as object).filter(([field]) => field !== "planId")) } : draft));
    const { sections } = await tertialReport("2022-05-15", withoutPlan);
    expect(["plan-aktiviteter-status", "plan-aktiviteter", "plan-aktiviteter-flyttade"].map((id) => findTable(sections, id))).toEqual([undefined, undefined, undefined]);
  });
});

describe("Summa of a follow-up's plan columns counts only the areas with books", () => {
  it("takes an area into Summa's deviations once its books arrive, so Summa always foots to the rows printed", async () => {
    const stabBooks: EventDraft[] = [
      { type: "finance.funds-received", effectiveAt: "2022-04-30", recordedAt: BOOKED, data: { areaId: "stab", from: "2022-01-01", to: "2022-04-30", amount: "500000", source: "kommunerna" } },
      { type: "finance.cost-booked", effectiveAt: "2022-04-30", recordedAt: BOOKED, data: { areaId: "stab", from: "2022-01-01", to: "2022-04-30", amount: "100000" } },
    ];
    // Booked with the rest, before the revisions recorded later (the log's recorded time only moves forward).
    const table = findTable((await tertialReport("2022-05-15", [...drafts.slice(0, -2), ...stabBooks, ...drafts.slice(-2)])).sections, "plan-budget-utfall");
    const rows = printed(table);
    // Stab: 500 − 100 = 400 (80 %); Summa 600 + 400 = 1 000 of 1 500 (67 %). Stab has no forecast: the forecast columns still count Social only.
    expect(rows.map((cells) => cells.slice(0, 4))).toEqual([
      ["Social", "1 000", "600", "60"],
      ["Stab", "500", "400", "80"],
      ["Summa", "1 500", "1 000", "67"],
    ]);
    expect(rows[2]?.slice(4)).toEqual(["900", "100", "10"]);
    expect(table?.footnotes.map((note) => note.mark)).toEqual(["*"]);
  });
});

/** The organisation's outline for tertial reports: goal 1's metric table with the plan's target as a column, and its activities. */
const outlineAsking = (columns: boolean): EventDraft => ({
  type: "publication.outline-adopted",
  effectiveAt: "2022-01-01",
  recordedAt: "2021-12-31T09:00:03.000Z",
  data: {
    outlineId: "tertial-2022",
    documentKind: "tertialrapport",
    fromYear: 2022,
    chapters: [{ goalId: "mal-1", sections: [{ heading: "Mätetal", blocks: [{ block: "metric-table", goalId: "mal-1", ...(columns ? { columns: ["plan-target"] } : {}) }] }, { heading: "Aktiviteter", blocks: [{ block: "activity-table", goalId: "mal-1" }] }] }],
  },
});

/** The log with the outline recorded right after the plan's metric, in recorded order. */
const withOutline = (log: readonly EventDraft[], outline: EventDraft): EventDraft[] => [...log.slice(0, 9), outline, ...log.slice(9)];

const blocksOf = (sections: readonly ReportSection[]): ReportBlock[] => sections.flatMap((section) => [...section.blocks, ...blocksOf(section.sections)]);

describe("the plan's target as a column of the metric table, where the outline asks for it", () => {
  const metricTable = async (columns: boolean, knownAt?: string): Promise<ReportMetricTable | undefined> =>
    blocksOf((await tertialReport(knownAt, withOutline(drafts, outlineAsking(columns)))).sections).find((block): block is ReportMetricTable => block.kind === "metric-table");

  it("puts the year's target from the plan as adopted into the metric's row, under its own heading", async () => {
    const table = await metricTable(true, "2022-05-15");
    expect(table?.planTargetHeading).toBe("Målvärde 2022 enligt planen");
    const plain = (text: string | undefined): string | undefined => text?.replace(/\s/g, " ");
    expect(table?.rows.map((metric) => [metric.name, plain(metric.target?.text), plain(metric.planTarget?.text), plain(metric.result?.text)])).toEqual([["Nöjda deltagare", "80 %", "80 %", "75 %"]]);
    expect(table?.rows[0]?.planTarget?.figure?.definition?.key).toBe("plan.metric-target");
    expect(plain((await metricTable(true))?.rows[0]?.planTarget?.text)).toBe("90 %");
  });

  it("leaves the table as it was where the outline does not ask", async () => {
    const table = await metricTable(false, "2022-05-15");
    expect(table).toBeDefined();
    expect(table && "planTargetHeading" in table).toBe(false);
    expect(table?.rows.every((metric) => !("planTarget" in metric))).toBe(true);
  });

  it("refuses the column on a block other than a metric table", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const wrong = outlineAsking(false);
    const data = wrong.data as { chapters: { sections: { blocks: object[] }[] }[] };
    const outcome = await store.append([...drafts.slice(0, 9), { ...wrong, data: { ...data, chapters: [{ heading: "Aktiviteter", sections: [{ blocks: [{ block: "activity-table", goalId: "mal-1", columns: ["plan-target"] }] }] }] } }]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((found) => found.path)).toEqual(["data.chapters[0].sections[0].blocks[0].columns"]);
  });
});

describe("activity rows name the planned activity: the plan and the activity's id there", () => {
  it("in the goal's activity table and in the list of planned activities, visible in the JSON", async () => {
    const document = await tertialReport("2022-05-15", withOutline(drafts, outlineAsking(false)));
    const activityTable = blocksOf(document.sections).find((block): block is ReportActivityTable => block.kind === "activity-table");
    expect(activityTable?.rows.map((activity) => [activity.activity, activity.plannedActivity])).toEqual([
      ["Nätverksträffar", { planId: PLAN, activityId: "a1" }],
      ["Kartläggning", { planId: PLAN, activityId: "a3" }],
    ]);
    const listed = findTable((await tertialReport("2022-05-15")).sections, "plan-aktiviteter");
    expect(listed?.body.map((row) => row.plannedActivity)).toEqual([
      { planId: PLAN, activityId: "a1" },
      { planId: PLAN, activityId: "a3" },
    ]);
    const json = JSON.parse(jsonRenderer.render(document)) as { version: number };
    expect(json.version).toBe(2);
    expect(JSON.stringify(json)).toContain(`"plannedActivity":{"planId":"${PLAN}","activityId":"a1"}`);
  });

  it("carry no plan reference for an activity planned outside any plan", async () => {
    const withoutPlan = drafts.map((draft) => (draft.type === "activities.activity-planned" ? { ...draft, data: Object.fromEntries(Object.entries(draft.data as object).filter(([field]) => field !== "planId")) } : draft));
    const document = await tertialReport("2022-05-15", withOutline(withoutPlan, outlineAsking(false)));
    const activityTable = blocksOf(document.sections).find((block): block is ReportActivityTable => block.kind === "activity-table");
    expect(activityTable?.rows.length).toBe(2);
    expect(activityTable?.rows.every((activity) => !("plannedActivity" in activity))).toBe(true);
  });
});

describe("a plan's target that is a share of a base, in a follow-up", () => {
  const shareMetric: EventDraft = {
    type: "strategy.metric-defined",
    effectiveAt: "2022-01-01",
    recordedAt: "2021-12-31T09:00:04.000Z",
    data: { metricId: "m2", goalId: "mal-1", name: "Beviljade ansökningar", unit: "count", dataSource: "diariet", frequency: "tertial", direction: "higher-is-better", target: { kind: "fixed", value: "3" }, result: { from: "recorded" }, targets: [{ year: 2022, target: { kind: "share-of-base", share: "0.5" } }] },
  };
  const log = [...drafts.slice(0, 9), shareMetric, ...drafts.slice(9)];
  const plain = (text: string | undefined): string | undefined => text?.replace(/\s/g, " ");

  it("is printed in the plan's Swedish words, as the plan document prints it, in the plan-metric-targets block", async () => {
    const rows = printed(findTable((await tertialReport("2022-05-15", log)).sections, "plan-malvarden-mal-1"));
    expect(plain(rows.find((cells) => cells[0] === "Beviljade ansökningar")?.[3])).toBe("andel 50 %");
  });

  it("and in the metric table's plan-target column", async () => {
    const table = blocksOf((await tertialReport("2022-05-15", withOutline(log, outlineAsking(true)))).sections).find((block): block is ReportMetricTable => block.kind === "metric-table");
    expect(plain(table?.rows.find((metric) => metric.name === "Beviljade ansökningar")?.planTarget?.text)).toBe("andel 50 %");
  });
});
