import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { auditStatedFigures, countingEvents, dec, defaultCatalog, jsonlStore, period, planBaselineProjection, replay, FigureStated, type AuditFinding, type AuditReport, type DomainEvent, type PlanBaseline } from "@tertial/core";

const LOG = resolve(import.meta.dirname, "../../../../examples/kommunal-utveckling-2022-plan/events.jsonl");
const store = () => jsonlStore({ path: LOG, catalog: defaultCatalog });
/** The plan as adopted: as known at the end of its adoption day, before the illustrative revision of March 2022. */
const adopted = async (): Promise<PlanBaseline> => {
  const result = await replay(store(), defaultCatalog, planBaselineProjection, { period: period("2022"), knownAt: "2021-12-31" });
  const plan = result.plans[0];
  if (plan === undefined) throw new Error("the example has no plan covering 2022");
  return plan;
};
const tkr = (kronor: string | null): string | null => (kronor === null ? null : dec(kronor).dividedBy(1000).toString());

describe("the 2022–2024 plan as adopted reproduces its printed tables", () => {
  it("spans 2022–2024, plans 2022 in detail and compares with 2021", async () => {
    const plan = await adopted();
    expect([plan.fromYear, plan.toYear, plan.detailedYear, plan.comparisonYear, plan.registrationNumber]).toEqual([2022, 2024, 2022, 2021, "Rjl 2021/2477"]);
    expect(plan.budget.map((year) => [year.year, year.role])).toEqual([
      [2021, "comparison"],
      [2022, "detailed"],
      [2023, "multi-year"],
      [2024, "multi-year"],
    ]);
  });

  it("BUDGET 2022: each column foots to the printed total, Ledning och stab nets 7 650 − 3 911 = 3 739", async () => {
    const funds = (await adopted()).funds.find((year) => year.year === 2022);
    expect(funds === undefined ? undefined : Object.values(funds.totals).map(tkr)).toEqual(["142964", "36319", "179283", "56350"]);
    const stab = (await adopted()).budget.find((year) => year.year === 2022)?.costs.find((row) => row.areaId === "ledning-och-stab");
    expect([stab?.amount, stab?.overheadAllocated, stab?.net].map((value) => tkr(value ?? null))).toEqual(["7650", "3911", "3739"]);
  });

  it("Intäkter equal Nettokostnader in 2021 and 2022; in 2023 and 2024 the printed Summa is 1 tkr below the rows", async () => {
    const budget = (await adopted()).budget;
    expect(budget.map((year) => [year.year, tkr(year.revenueTotal), tkr(year.netTotal)])).toEqual([
      [2021, "56724", "56724"],
      [2022, "56350", "56350"],
      // The plan prints Summa 55 060 and 55 310 under both tables: its net-cost rows add to 55 061 and 55 311.
      [2023, "55060", "55061"],
      [2024, "55310", "55311"],
    ]);
  });

  it("Disponibla medel 2022–2024 foots per year", async () => {
    expect((await adopted()).closingBalances.map((year) => [year.year, tkr(year.total)])).toEqual([
      [2022, "72444"],
      [2023, "39963"],
      [2024, "10640"],
    ]);
  });

  it("staff 2022: 47,40 = FoU 29,0 + stab och ledning 4,40 + övrig 14,0, and FoUrum social's lines sum to 35,35", async () => {
    const staff = (await adopted()).staff.find((year) => year.year === 2022);
    expect([staff?.total, staff?.byClass.fou, staff?.byClass.management, staff?.byClass.other]).toEqual(["47.4", "29", "4.4", "14"]);
    const underSocial = new Set(["missbruk", "barn-och-unga", "psykiatri", "aldre", "arbete-och-delaktighet", "funktionshinder", "myndighetsnatverket", "dis", "vfu", "vard-och-omsorgscollege", "barnahus", "familjehemsresursen"]);
    const social = (staff?.lines ?? []).filter((line) => line.areaIds.every((areaId) => underSocial.has(areaId)));
    expect(social.reduce((total, line) => total.plus(line.fte), dec(0)).toString()).toBe("35.35");
    // One post serves Funktionshinder and Myndighetsnätverket: one line, counted once.
    expect(social.filter((line) => line.areaIds.includes("myndighetsnatverket")).map((line) => [line.areaIds, line.fte])).toEqual([[["funktionshinder", "myndighetsnatverket"], "1.0"]]);
  });

  it("holds 6 strategic goals, 17 area goals, 29 metrics without targets, 42 chapter-3 activity entries and 3 focus areas for 2021–2023", async () => {
    const { strategy } = await adopted();
    expect(strategy.goals.filter((goal) => goal.kind === "strategic").length).toBe(6);
    expect(strategy.goals.filter((goal) => goal.kind === "area").length).toBe(17);
    expect(strategy.metrics.length).toBe(29);
    expect(strategy.metrics.every((metric) => metric.targets.map((entry) => [entry.year, entry.target.kind]).join() === "2022,none,2023,none,2024,none")).toBe(true);
    expect(strategy.activities.filter((activity) => activity.metricIds.length > 0).length).toBe(42);
    expect(strategy.activities.filter((activity) => activity.timing?.kind === "tertial").map((activity) => activity.activityId)).toEqual(["vp22-forstudie-yrkesresa", "vp22-lika", "vp22-voc-atercertifiering"]);
    expect(strategy.focusAreas.map((area) => [area.number, area.fromYear, area.toYear, area.decidedBy])).toEqual([
      [1, 2021, 2023, "PKS"],
      [2, 2021, 2023, "PKS"],
      [3, 2021, 2023, "PKS"],
    ]);
  });

  it("each area's own financing total agrees with its budget row within the precision printed, except FoUrum utbildning's 3,2 M against 3 129 tkr", async () => {
    const plan = await adopted();
    const rows = plan.budget.find((year) => year.year === 2022)?.costs ?? [];
    const compared = plan.financing.flatMap((statement) => {
      const row = rows.find((cost) => cost.areaId === statement.areaId);
      if (row === undefined || statement.total === undefined) return [];
      const tolerance = dec(statement.knownTo ?? "1").dividedBy(2);
      return [[statement.areaId, dec(statement.total).minus(row.net).abs().lte(tolerance)]];
    });
    expect(compared).toEqual([
      ["fourum-fritid", true],
      ["fourum-social", true],
      ["fourum-utbildning", false],
      ["kurs-och-konferens", true],
      ["miljosamverkan", true],
    ]);
  });

  it("the illustrative revision of March 2022 changes the plan as known now, not the plan as adopted", async () => {
    const now = (await replay(store(), defaultCatalog, planBaselineProjection, { period: period("2022") })).plans[0];
    const cost = (plan: PlanBaseline | undefined) => plan?.budget.find((year) => year.year === 2022)?.costs.find((row) => row.areaId === "fourum-utbildning")?.amount;
    expect(tkr(cost(await adopted()) ?? null)).toBe("3129");
    expect(tkr(cost(now) ?? null)).toBe("3200");
  });
});

/** The example's events that count as known at a cut-off (corrections applied), as the audit command reads them. */
const eventsKnownAt = async (knownAt: string | undefined): Promise<DomainEvent[]> => {
  const events: DomainEvent[] = [];
  for await (const event of countingEvents(store(), defaultCatalog, knownAt)) events.push(event);
  return events;
};

/**
 * Each stated figure is identical (the audit has nothing to say about it), explained (every finding
 * on it names its cause: a footing note, two fact bases that disagree, another place's value) or
 * unexplained (a finding without a cause).
 */
const walk = (report: AuditReport, events: readonly DomainEvent[]) => {
  const stated = events.filter((event) => event.type === FigureStated.type);
  const findings = new Map<string, AuditFinding[]>();
  for (const found of report.findings) findings.set(found.statedEventId, [...(findings.get(found.statedEventId) ?? []), found]);
  const counts = { stated: stated.length, identical: 0, explained: 0, unexplained: [] as string[], unknown: 0 };
  for (const event of stated) {
    const own = findings.get(event.id) ?? [];
    if (own.some((found) => found.kind === "unknown-figure")) counts.unknown += 1;
    if (own.some((found) => found.cause === null)) counts.unexplained.push(event.id);
    else if (own.length === 0) counts.identical += 1;
    else counts.explained += 1;
  }
  return counts;
};

describe("the plan's stated figures, walked by the audit", () => {
  it("as adopted: no unknown figure, each reproduced or explained; the plan's own inconsistencies are found with their causes", async () => {
    const events = await eventsKnownAt("2021-12-31");
    const report = auditStatedFigures(events, defaultCatalog, { knownAt: "2021-12-31" });
    const counts = walk(report, events);
    expect(counts.unknown).toBe(0);
    expect(counts.unexplained).toEqual([]);
    // 116 in the tables and the sections' own statements, 14 in chapter 3's prose.
    expect(counts.stated).toBe(130);
    expect(counts.identical + counts.explained).toBe(counts.stated);
    expect([counts.identical, counts.explained]).toEqual([119, 11]);
    const byKind = (kind: string) => report.findings.filter((found) => found.kind === kind).map((found) => found.statedEventId).sort();
    // Notes §6 A1–A2: Nettokostnader 2023 and 2024 print Summa 55 060 and 55 310 where their rows add to 55 061 and 55 311.
    expect(byKind("footing")).toEqual(["stated-netcost-total-2023", "stated-netcost-total-2024"]);
    expect(report.findings.filter((found) => found.kind === "footing").map((found) => [found.printed, found.computed?.replace(/\s/g, " "), found.difference])).toEqual([
      ["55 060", "55 061 tkr", "-1"],
      ["55 310", "55 311 tkr", "-1"],
    ]);
    // Notes §6 A3: the state funds' closing balance does not roll forward (6 000 and 3 000 tkr leave outside the budget).
    // The prose's "1,2 milj kr" of state funds left in 2024 is the same closing balance, explained the same way.
    expect(byKind("facts-disagree")).toEqual(["stated-closing-staten-2023", "stated-closing-staten-2024", "stated-prose-state-funds-remaining-2024"]);
    // Notes §6 B8: FoUrum utbildning's own section says 3,2 miljoner kronor against the table's 3 129 tkr.
    const disagreements = report.findings.filter((found) => found.kind === "disagreement");
    expect(disagreements.filter((found) => found.figureKey === "plan.net-cost").map((found) => [found.statedEventId, found.printed, found.computed?.replace(/\s/g, " ")])).toEqual([["stated-fourum-utbildning-budget-text", "3,2", "3,1 miljoner kronor"]]);
    // Notes §6 C15–C17: the sections print staff the 4.1 list and 1.6 contradict; the 4.1 list is what the facts follow.
    const contradicted = disagreements.filter((found) => found.cause?.startsWith("the document contradicts itself") === true).map((found) => [found.statedEventId, found.printed]);
    expect(contradicted).toEqual([
      ["stated-staff-16-barnahus-familjehemsresursen", "9"],
      ["stated-staff-barn-och-unga-section", "cirka 5,9"],
      ["stated-staff-vfu-section", "1,15"],
    ]);
    // Barnahus 4,0 and Familjehemsresursen 6,0 apart: the plan's list gives them only together (8,0), so no fact gives either alone.
    expect(disagreements.filter((found) => found.computed === null).map((found) => found.statedEventId)).toEqual(["stated-staff-barnahus-section", "stated-staff-familjehemsresursen-section"]);
    // Every other table, row by row and column by column, foots to its printed total.
    expect(report.findings.length).toBe(11);
  });

  it("as known now, the illustrative revision of March 2022 shows: the table's 3 129 tkr and its totals no longer agree with the facts", async () => {
    const events = await eventsKnownAt(undefined);
    const report = auditStatedFigures(events, defaultCatalog);
    const disagreeing = report.findings.filter((found) => found.kind === "disagreement").map((found) => found.statedEventId);
    expect(disagreeing).toContain("stated-netcost-fourum-utbildning-2022");
    expect(disagreeing).toContain("stated-budget2022-budget-total");
    expect(report.findings.some((found) => found.kind === "unknown-figure")).toBe(false);
  });
});
