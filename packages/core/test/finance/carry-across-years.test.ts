/**
 * A second, fictional organisation (Älvsbygdens museiråd) over two years, 2025 and 2026: the
 * books of 2025 carry into 2026 with no opening balance recorded, a recorded one that differs
 * from them is two fact bases disagreeing, a plan for 2026–2027 whose comparison year or opening
 * balances differ from the books is caught by the audit once those books are closed, and the
 * annual report of a closed year prints no forecast columns.
 */
import { describe, expect, it } from "vitest";
import {
  auditLog,
  auditStatedFigures,
  budgetFollowUpProjection,
  countingEvents,
  defaultCatalog,
  generateReport,
  memoryStore,
  parsePeriod,
  type DomainEvent,
  type EventDraft,
  type Period,
} from "../../src/index.js";
import { financeAccumulatedSurplus, financeOpening, financeRemaining } from "../../src/domains/finance/budget-follow-up-figures.js";
import { cellText, documentOf, headOf, labelsOf, tableWithId } from "../report/document-reading.js";
import { fold } from "./support.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>, id?: string): EventDraft => {
  counter += 1;
  return { id: id ?? `alvsbygd-${counter}`, type, effectiveAt, data } as EventDraft;
};

const flow = (type: "finance.funds-received" | "finance.cost-booked", areaId: string, from: string, to: string, amount: string, id?: string): EventDraft =>
  draft(type, to, { areaId, from, to, amount, source: "kommunerna" }, id);

/**
 * 2025: Samlingar opens with a recorded 100 000 and leaves 200 000; Visningar records no opening
 * and leaves 30 000; Arkiv's books record a balance of 70 000 at the year's end (which beats its
 * flows' 60 000); the organisation carries a surplus of 10 000 from before 2025.
 */
const year2025 = (): EventDraft[] => [
  draft("publication.organisation-profiled", "2025-01-01", { name: "Älvsbygdens museiråd", county: "Älvsbygdens län", responsibleBody: "Museirådets styrelse" }),
  draft("reference.area-established", "2025-01-01", { areaId: "samlingar", name: "Samlingar", kind: "operation" }),
  draft("reference.area-established", "2025-01-01", { areaId: "visningar", name: "Visningar", kind: "operation" }),
  draft("reference.area-established", "2025-01-01", { areaId: "arkiv", name: "Arkiv", kind: "operation" }),
  draft("finance.opening-balance-recorded", "2024-12-31", { areaId: "samlingar", asOf: "2024-12-31", amount: "100000" }, "open-samlingar-2025"),
  draft("finance.opening-balance-recorded", "2024-12-31", { asOf: "2024-12-31", amount: "10000" }, "surplus-2025"),
  flow("finance.funds-received", "samlingar", "2025-01-01", "2025-12-31", "400000", "in-samlingar-2025"),
  flow("finance.cost-booked", "samlingar", "2025-01-01", "2025-12-31", "300000", "out-samlingar-2025"),
  flow("finance.funds-received", "visningar", "2025-01-01", "2025-12-31", "50000"),
  flow("finance.cost-booked", "visningar", "2025-01-01", "2025-12-31", "20000"),
  flow("finance.funds-received", "arkiv", "2025-01-01", "2025-12-31", "90000"),
  flow("finance.cost-booked", "arkiv", "2025-01-01", "2025-12-31", "30000"),
  draft("finance.balance-recorded", "2025-12-31", { areaIds: ["arkiv"], asOf: "2025-12-31", bySource: { kommunerna: "70000" } }, "balance-arkiv-2025"),
  draft("finance.budget-adopted", "2025-01-01", { areaId: "samlingar", year: 2025, amount: "320000" }),
  draft("finance.forecast-made", "2025-08-31", { areaId: "samlingar", horizon: "2025-12-31", amount: "150000" }),
];

/** The first tertial of 2026: no opening balance recorded for any area. */
const t1of2026 = (): EventDraft[] => [
  flow("finance.funds-received", "samlingar", "2026-01-01", "2026-04-30", "100000", "in-samlingar-2026"),
  flow("finance.cost-booked", "samlingar", "2026-01-01", "2026-04-30", "50000", "out-samlingar-2026"),
  draft("finance.forecast-made", "2026-04-30", { areaId: "samlingar", horizon: "2026-12-31", amount: "120000" }),
];

const period = (name: string): Period => parsePeriod(name) as Period;

const eventsOf = async (drafts: readonly EventDraft[]): Promise<DomainEvent[]> => {
  counter = 0;
  let tick = Date.UTC(2026, 4, 10, 8);
  const store = memoryStore({ catalog: defaultCatalog, clock: () => (tick += 1000) });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  const events: DomainEvent[] = [];
  for await (const event of countingEvents(store, defaultCatalog, undefined)) events.push(event);
  return events;
};

const budgetOf = async (drafts: readonly EventDraft[], name: string) => fold(budgetFollowUpProjection, await eventsOf(drafts), name);

describe("opening balances carried from the books of the year before", () => {
  it("open each area of 2026 with what 2025's books leave it, and kvarvarande follows, with no opening balance recorded", async () => {
    const result = await budgetOf([...year2025(), ...t1of2026()], "2026-T1");
    const opening = (row: string) => financeOpening.compute(result, { row })?.exact.toFixed();
    expect([opening("samlingar"), opening("visningar"), opening("arkiv"), opening("total")]).toEqual(["200000", "30000", "70000", "300000"]);
    expect(financeRemaining.compute(result, { row: "samlingar" })?.exact.toFixed()).toBe("250000");
    expect(financeRemaining.compute(result, { row: "total" })?.exact.toFixed()).toBe("350000");
    const carried = financeOpening.compute(result, { row: "samlingar" });
    expect(carried?.derivation).toContain("carried from the books of 2025");
    expect(carried?.evidence).toEqual(expect.arrayContaining(["open-samlingar-2025", "in-samlingar-2025", "out-samlingar-2025"]));
    expect(financeOpening.compute(result, { row: "arkiv" })?.derivation).toContain("the balance recorded at 2025-12-31");
  });

  it("print the carried balances in Tabell 1 of the 2026 report, areas with no 2026 books included", async () => {
    const table = tableWithId(await documentOf([...year2025(), ...t1of2026()], "tertialrapport", period("2026-T1")), "tabell-1-budgetuppfoljning");
    // The surplus from before 2025 is not carried (the books do not say how a year's result is disposed of): the accumulated surplus is the forecast's.
    expect(labelsOf(table)).toEqual(["Samlingar", "Visningar", "Arkiv", "Summa", "Ackumulerat överskott 2026-12-31"]);
    expect(table.body.map((entry) => cellText(entry.cells[1] ?? { kind: "blank", marks: [] }))).toEqual(["200", "30", "70"]);
    expect(cellText(table.foot[0]?.cells[6] ?? { kind: "blank", marks: [] })).toBe("350");
  });

  it("roll on through a year with no facts for an area, and stop at a recorded opening balance, which always wins", async () => {
    const recorded = draft("finance.opening-balance-recorded", "2025-12-31", { areaId: "samlingar", asOf: "2025-12-31", amount: "180000" }, "open-samlingar-2026");
    const result = await budgetOf([...year2025(), recorded], "2027");
    // 2026 has only the recorded 180 000 for Samlingar: it closes 2026 at 180 000, which opens 2027.
    expect(financeOpening.compute(result, { row: "samlingar" })?.exact.toFixed()).toBe("180000");
    expect(financeOpening.compute(result, { row: "visningar" })?.exact.toFixed()).toBe("30000");
    const wins = await budgetOf([...year2025(), recorded], "2026");
    expect(financeOpening.compute(wins, { row: "samlingar" })?.exact.toFixed()).toBe("180000");
  });

  it("carry nothing into a period that does not start on 1 January", async () => {
    const result = await budgetOf([...year2025(), ...t1of2026()], "2026-T2");
    expect(financeOpening.compute(result, { row: "visningar" })).toBeUndefined();
  });
});

const stated = (id: string, figureKey: string, periodName: string, params: Record<string, string>, printed: string): EventDraft =>
  draft("reconciliation.figure-stated", "2026-05-10", { document: "Tertialrapport 1 2026", figureKey, period: periodName, printed, unit: "tkr", section: "Ekonomi", label: id, params }, id);

describe("the audit across years", () => {
  it("finds a recorded opening balance that is not what the books of the year before leave, naming both and the events behind each", async () => {
    const recorded = draft("finance.opening-balance-recorded", "2025-12-31", { areaId: "samlingar", asOf: "2025-12-31", amount: "180000" }, "open-samlingar-2026");
    const events = await eventsOf([...year2025(), recorded, ...t1of2026(), stated("st-open", "finance.opening", "2026-T1", { row: "samlingar" }, "180"), stated("st-open-v", "finance.opening", "2026-T1", { row: "visningar" }, "30")]);
    const report = auditStatedFigures(events, defaultCatalog);
    expect(report.findings.map((found) => [found.kind, found.statedEventId])).toEqual([["facts-disagree", "st-open"]]);
    const [found] = report.findings;
    expect(found?.computed).toMatch(/^180\stkr$/);
    expect(found?.explanation.replace(/\s/g, " ")).toBe("the recorded opening balance is not what the books of 2025 leave at its end (samlingar: ingående + erhållna − utfall at 2025-12-31): 200 tkr against 180 tkr");
    expect(found?.evidence).toEqual(expect.arrayContaining(["open-samlingar-2026", "open-samlingar-2025", "in-samlingar-2025", "out-samlingar-2025"]));
  });

  const plan = (): EventDraft[] => [
    draft("plan.adopted", "2025-12-15", { planId: "vp-2026", kind: "verksamhetsplan", title: "Verksamhetsplan 2026–2027", fromYear: 2026, toYear: 2027, detailedYear: 2026, comparisonYear: 2025 }),
    // The comparison year as printed: Samlingar's 2025 cost 350 000 (the books: 300 000), Visningar's 20 000 as booked.
    draft("plan.cost-planned", "2025-12-15", { planId: "vp-2026", areaId: "samlingar", year: 2025, amount: "350000", basis: "net" }, "plan-cost-samlingar-2025"),
    draft("plan.cost-planned", "2025-12-15", { planId: "vp-2026", areaId: "visningar", year: 2025, amount: "20000", basis: "net" }),
    draft("plan.cost-planned", "2025-12-15", { planId: "vp-2026", areaId: "samlingar", year: 2026, amount: "300000", basis: "net" }),
    // The funds carried into 2026: Samlingar 210 000 (the books: 200 000), Visningar 30 000 as the books leave it.
    draft("plan.opening-balance-forecast", "2025-12-15", { planId: "vp-2026", areaId: "samlingar", year: 2026, amount: "210000" }, "plan-open-samlingar"),
    draft("plan.opening-balance-forecast", "2025-12-15", { planId: "vp-2026", areaId: "visningar", year: 2026, amount: "30000" }),
    // The comparison year's closing balance from the municipalities: 90 000, where the books record 70 000.
    draft("plan.closing-balance-forecast", "2025-12-15", { planId: "vp-2026", year: 2025, source: "kommunerna", amount: "90000" }, "plan-close-2025"),
  ];
  const planStated = (id: string, figureKey: string, params: Record<string, string>, printed: string): EventDraft =>
    draft("reconciliation.figure-stated", "2025-12-15", { document: "Verksamhetsplan 2026–2027", figureKey, period: "2026", printed, unit: "tkr", section: "Budget", label: id, params: { plan: "vp-2026", ...params } }, id);
  const planFigures = (): EventDraft[] => [
    planStated("st-cost-samlingar", "plan.net-cost", { year: "2025", area: "samlingar" }, "350"),
    planStated("st-cost-visningar", "plan.net-cost", { year: "2025", area: "visningar" }, "20"),
    planStated("st-cost-2026", "plan.net-cost", { year: "2026", area: "samlingar" }, "300"),
    planStated("st-open-samlingar", "plan.opening-balance", { year: "2026", row: "samlingar" }, "210"),
    planStated("st-open-visningar", "plan.opening-balance", { year: "2026", row: "visningar" }, "30"),
    planStated("st-close-2025", "plan.closing-balance", { year: "2025", source: "kommunerna" }, "90"),
  ];

  it("finds a plan's comparison-year cost, comparison-year closing balance and first-year opening balance that the books do not give", async () => {
    const report = auditStatedFigures(await eventsOf([...year2025(), ...plan(), ...planFigures()]), defaultCatalog);
    expect(report.findings.map((found) => [found.kind, found.statedEventId])).toEqual([
      ["facts-disagree", "st-cost-samlingar"],
      ["facts-disagree", "st-open-samlingar"],
      ["facts-disagree", "st-close-2025"],
    ]);
    const byId = (id: string) => report.findings.find((found) => found.statedEventId === id);
    expect(byId("st-cost-samlingar")?.explanation).toMatch(/comparison year of vp-2026.*the figure gives 350\stkr \(plan-cost-samlingar-2025\), finance\.outcome row=samlingar for 2025 gives 300\stkr \(out-samlingar-2025\)/);
    expect(byId("st-open-samlingar")?.explanation).toMatch(/the figure gives 210\stkr \(plan-open-samlingar\), finance\.remaining row=samlingar for 2025 gives 200\stkr/);
    expect(byId("st-close-2025")?.explanation).toMatch(/gives 70\stkr \(balance-arkiv-2025\)/);
  });

  it("finds the same when the audit streams the log (the books of 2025 are folded in a second round, once the plan's figures ask for them)", async () => {
    counter = 0;
    let tick = Date.UTC(2026, 4, 10, 8);
    const store = memoryStore({ catalog: defaultCatalog, clock: () => (tick += 1000) });
    const outcome = await store.append([...year2025(), ...plan(), ...planFigures()]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const stream = await auditLog(store, defaultCatalog);
    const found: string[] = [];
    for await (const each of stream.findings()) found.push(`${each.kind} ${each.statedEventId}`);
    expect(found).toEqual(["facts-disagree st-cost-samlingar", "facts-disagree st-open-samlingar", "facts-disagree st-close-2025"]);
    expect(stream.summary.disagreements).toBe(3);
  });

  const openingTotal = (printed: string): EventDraft => planStated("st-open-total", "plan.opening-balance", { year: "2026" }, printed);

  it("finds an area the books leave funds that the plan's first-year opening balances leave out, naming the area, its balance and the events behind it", async () => {
    const report = auditStatedFigures(await eventsOf([...year2025(), ...plan(), ...planFigures(), openingTotal("240")]), defaultCatalog);
    const missing = report.findings.filter((found) => found.statedEventId === "st-open-total");
    expect(missing.map((found) => [found.kind, found.cause])).toEqual([["facts-disagree", "a row the other table has is left out: arkiv"]]);
    const [found] = missing;
    expect(found?.explanation).toMatch(/first year should name every area the books leave funds at the end of 2025: finance\.remaining row=arkiv for 2025 gives 70\stkr \(balance-arkiv-2025\), and the figure's table has no row for arkiv$/);
    expect(found?.evidence).toEqual(expect.arrayContaining(["plan-open-samlingar", "balance-arkiv-2025"]));
    expect(found?.difference).toBe("-70");
    // The total as printed is the plan's own sum: only the row left out is found.
    expect(report.findings.filter((each) => each.statedEventId === "st-open-total")).toHaveLength(1);
  });

  it("finds no area left out when the plan gives every area the books leave funds a row, a sub-area's funds in its parent's row", async () => {
    const arkiv = draft("plan.opening-balance-forecast", "2025-12-15", { planId: "vp-2026", areaId: "arkiv", year: 2026, amount: "70000" });
    const report = auditStatedFigures(await eventsOf([...year2025(), ...plan(), arkiv, ...planFigures(), openingTotal("310")]), defaultCatalog);
    expect(report.findings.filter((found) => found.statedEventId === "st-open-total")).toEqual([]);
    // Arkiv's books under a parent area the plan has a row for: covered by the parent's row.
    const underSamlingar = year2025().map((each) => (each.type === "reference.area-established" && (each.data as { areaId: string }).areaId === "arkiv" ? { ...each, data: { ...(each.data as Record<string, unknown>), parentId: "samlingar" } } : each));
    const parented = auditStatedFigures(await eventsOf([...underSamlingar, ...plan(), ...planFigures(), openingTotal("240")]), defaultCatalog);
    expect(parented.findings.filter((found) => found.statedEventId === "st-open-total")).toEqual([]);
  });

  it("finds the area left out when the audit streams the log too, and not before the books are closed", async () => {
    counter = 0;
    let tick = Date.UTC(2026, 4, 10, 8);
    const store = memoryStore({ catalog: defaultCatalog, clock: () => (tick += 1000) });
    const outcome = await store.append([...year2025(), ...plan(), ...planFigures(), openingTotal("240")]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const stream = await auditLog(store, defaultCatalog);
    const found: string[] = [];
    for await (const each of stream.findings()) if (each.statedEventId === "st-open-total") found.push(`${each.kind} ${each.cause ?? ""}`);
    expect(found).toEqual(["facts-disagree a row the other table has is left out: arkiv"]);
    const early = auditStatedFigures(await eventsOf([...year2025(), ...plan(), ...planFigures(), openingTotal("240")]), defaultCatalog, { knownAt: "2025-12-20" });
    expect(early.findings).toEqual([]);
  });

  it("leaves them alone while the audit's known-at lies before the year's books are closed", async () => {
    const report = auditStatedFigures(await eventsOf([...year2025(), ...plan(), ...planFigures()]), defaultCatalog, { knownAt: "2025-12-20" });
    expect(report.findings).toEqual([]);
  });
});

/** Text with every kind of space one plain space, as the tests read the audit's words. */
const plain = (text: string | undefined): string => (text ?? "").replace(/\s/g, " ");

describe("the audit of what the carry into 2026 cannot do by itself", () => {
  const accumulated = (printed: string) => stated("st-accumulated", "finance.accumulated-surplus", "2026-T1", {}, printed);

  it("says that 2025 closed with a surplus not split onto areas that 2026's openings do not account for, with its evidence, and invents no split", async () => {
    const events = await eventsOf([...year2025(), ...t1of2026(), accumulated("120")]);
    const report = auditStatedFigures(events, defaultCatalog);
    expect(report.findings.map((found) => [found.kind, found.statedEventId])).toEqual([["facts-disagree", "st-accumulated"]]);
    const [found] = report.findings;
    expect(plain(found?.explanation)).toBe(
      "2025 closed with a surplus of 10 000 kr not split onto areas (its surplus from earlier years: surplus-2025), which the opening balances of 2026 do not account for: they come to 300 000 kr (areas and surplus from earlier years), the books of 2025 leave 310 000 kr; how the surplus is split onto areas is a decision the log does not hold (record it as opening balances at 2025-12-31): 130 tkr against 120 tkr",
    );
    expect(found?.evidence).toContain("surplus-2025");
    expect(found?.difference).toBe("-10");
    // The figure itself is unchanged: the report prints what the facts give, the split is not made up.
    expect(found?.computedExact).toBe("120000");
  });

  it("says so beside the 2026 report too (a note, as `tertial report` prints on stderr), and not once the openings account for it", async () => {
    const reportOf = async (drafts: readonly EventDraft[]) => {
      const store = memoryStore({ catalog: defaultCatalog });
      const outcome = await store.append(drafts);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
      return generateReport(store, defaultCatalog, { kind: "tertialrapport", period: period("2026-T1"), generatedBy: "test" });
    };
    counter = 0;
    const built = await reportOf([...year2025(), ...t1of2026()]);
    expect((built.notes ?? []).map(plain)).toEqual([expect.stringMatching(/^2025 closed with a surplus of 10 000 kr not split onto areas \(its surplus from earlier years: surplus-2025\), which the opening balances of 2026 do not account for/)]);
    counter = 0;
    const kept = draft("finance.opening-balance-recorded", "2025-12-31", { asOf: "2025-12-31", amount: "10000" }, "surplus-2026");
    expect((await reportOf([...year2025(), kept, ...t1of2026()])).notes ?? []).toEqual([]);
  });

  it("finds 2026's own surplus from earlier years that accounts for part of it only", async () => {
    const part = draft("finance.opening-balance-recorded", "2025-12-31", { asOf: "2025-12-31", amount: "4000" }, "surplus-2026");
    const prior = stated("st-prior", "finance.prior-surplus", "2026-T1", {}, "4");
    const report = auditStatedFigures(await eventsOf([...year2025(), part, ...t1of2026(), prior, accumulated("124")]), defaultCatalog);
    expect(report.findings.map((found) => [found.statedEventId, plain(found.explanation).replace(/.*\): /, ""), found.evidence])).toEqual([
      ["st-prior", "10 tkr against 4 tkr", expect.arrayContaining(["surplus-2025", "surplus-2026"])],
      ["st-accumulated", "130 tkr against 124 tkr", expect.arrayContaining(["surplus-2025", "surplus-2026"])],
    ]);
  });

  it("finds nothing once 2026's openings account for the surplus: recorded as 2026's own surplus from earlier years, or split onto an area", async () => {
    const kept = draft("finance.opening-balance-recorded", "2025-12-31", { asOf: "2025-12-31", amount: "10000" }, "surplus-2026");
    const asSurplus = auditStatedFigures(await eventsOf([...year2025(), kept, ...t1of2026(), accumulated("130")]), defaultCatalog);
    expect(asSurplus.findings).toEqual([]);
    const split = draft("finance.opening-balance-recorded", "2025-12-31", { areaId: "samlingar", asOf: "2025-12-31", amount: "210000" }, "open-samlingar-2026");
    const ontoArea = auditStatedFigures(await eventsOf([...year2025(), split, ...t1of2026(), accumulated("120")]), defaultCatalog);
    expect(ontoArea.findings).toEqual([]);
  });

  /** Tabell 2a of 2025: Samlingar and Visningar together, where their own books leave 200 000 + 30 000. */
  const together = (amount: string): EventDraft =>
    draft("finance.balance-recorded", "2025-12-31", { areaIds: ["visningar", "samlingar"], asOf: "2025-12-31", bySource: { kommunerna: amount } }, "balance-samlingar-visningar-2025");
  const openings = (): EventDraft[] => [
    stated("st-open-pair", "finance.opening", "2026-T1", { row: "samlingar+visningar" }, "230"),
    stated("st-open-total", "finance.opening", "2026-T1", { row: "total" }, "300"),
    stated("st-open-one", "finance.opening", "2026-T1", { row: "samlingar" }, "200"),
  ];

  it("finds 2026's Tabell 1 openings that do not come to the balance 2025's Tabell 2a recorded for several areas together, where a row holds them all", async () => {
    const report = auditStatedFigures(await eventsOf([...year2025(), together("240000"), ...t1of2026(), ...openings()]), defaultCatalog);
    expect(report.findings.map((found) => [found.kind, found.statedEventId])).toEqual([
      ["facts-disagree", "st-open-pair"],
      ["facts-disagree", "st-open-total"],
    ]);
    const byId = (id: string) => report.findings.find((found) => found.statedEventId === id);
    expect(plain(byId("st-open-pair")?.explanation)).toBe(
      "the balance recorded at 2025-12-31 for samlingar + visningar together (Tabell 2a of 2025) is not what those areas' opening balances come to; the carry opens each area from its own books, which cannot split a balance recorded for several: 240 tkr against 230 tkr",
    );
    expect(byId("st-open-pair")?.evidence).toEqual(expect.arrayContaining(["balance-samlingar-visningar-2025", "open-samlingar-2025"]));
    // The total: 240 recorded together and Arkiv's own 70, against the 300 the carry opens with.
    expect(plain(byId("st-open-total")?.explanation)).toMatch(/: 310 tkr against 300 tkr$/);
    // What the reports print is unchanged: Samlingar still opens with what its own books leave it.
    expect(report.findings.some((found) => found.statedEventId === "st-open-one")).toBe(false);
  });

  it("sets the totals against a balance recorded together with an area that opens 2026 with no line of its own", async () => {
    const utstallningar = draft("reference.area-established", "2025-01-01", { areaId: "utstallningar", name: "Utställningar", kind: "operation" });
    const three = draft("finance.balance-recorded", "2025-12-31", { areaIds: ["samlingar", "visningar", "utstallningar"], asOf: "2025-12-31", bySource: { kommunerna: "240000" } }, "balance-three-2025");
    const report = auditStatedFigures(await eventsOf([utstallningar, ...year2025(), three, ...t1of2026(), ...openings()]), defaultCatalog);
    // No 2026 row holds Utställningar but the total, which is set against the balance: 240 together and Arkiv's 70.
    expect(report.findings.map((found) => [found.statedEventId, plain(found.explanation).replace(/.*: /, "")])).toEqual([["st-open-total", "310 tkr against 300 tkr"]]);
  });

  it("finds nothing where the balance recorded for several areas together is what their books leave", async () => {
    const report = auditStatedFigures(await eventsOf([...year2025(), together("230000"), ...t1of2026(), ...openings()]), defaultCatalog);
    expect(report.findings).toEqual([]);
  });
});

describe("a plan's comparison-year revenue against the books", () => {
  const revenuePlan = (municipal: string): EventDraft[] => [
    draft("plan.adopted", "2025-12-15", { planId: "vp-2026", kind: "verksamhetsplan", title: "Verksamhetsplan 2026–2027", fromYear: 2026, toYear: 2027, detailedYear: 2026, comparisonYear: 2025 }),
    // The museum council's own revenue line, which is the municipalities' money received in the year; and a built-in one that maps onto no source.
    draft("plan.revenue-category-defined", "2025-12-01", { categoryId: "kommunernas-bidrag", label: "Kommunernas bidrag", covers: ["kommunerna"] }, "cat-kommunernas-bidrag"),
    draft("plan.revenue-planned", "2025-12-15", { planId: "vp-2026", year: 2025, category: "kommunernas-bidrag", amount: municipal }, "plan-rev-kommunerna-2025"),
    draft("plan.revenue-planned", "2025-12-15", { planId: "vp-2026", year: 2025, category: "fees", amount: "5000" }, "plan-rev-fees-2025"),
  ];
  const revenueStated = (id: string, category: string, printed: string): EventDraft =>
    draft("reconciliation.figure-stated", "2025-12-15", { document: "Verksamhetsplan 2026–2027", figureKey: "plan.revenue", period: "2026", printed, unit: "tkr", section: "Budget", label: id, params: { plan: "vp-2026", year: "2025", category } }, id);
  const statedRevenue = (municipal: string): EventDraft[] => [revenueStated("st-rev-kommunerna", "kommunernas-bidrag", municipal), revenueStated("st-rev-fees", "fees", "5")];

  it("sets a category that declares the financing sources it covers against what the books record received from them, and says the others are not checked", async () => {
    const report = auditStatedFigures(await eventsOf([...year2025(), ...revenuePlan("560000"), ...statedRevenue("560")]), defaultCatalog);
    expect(report.findings.map((found) => [found.kind, found.statedEventId])).toEqual([
      ["facts-disagree", "st-rev-kommunerna"],
      ["not-checked", "st-rev-fees"],
    ]);
    const [covered, other] = report.findings;
    // 400 000 + 50 000 + 90 000 received from the municipalities in 2025.
    expect(plain(covered?.explanation)).toMatch(/its revenue in kommunernas-bidrag is what the books record received from kommunerna in 2025: the figure gives 560 tkr \(plan-rev-kommunerna-2025\), finance\.received-from source=kommunerna for 2025 gives 540 tkr \(in-samlingar-2025, /);
    expect(covered?.difference).toBe("20");
    expect(plain(other?.explanation)).toBe(
      "2025 is the comparison year of vp-2026, printed as its outcome: its revenue in fees: not checked against the books, fees is a built-in category, which names no financing sources, so nothing in the books' erhållna is known to be it; to have such revenue checked, plan it under a category of the log's own whose definition declares the sources it covers (covers on plan.revenue-category-defined)",
    );
    // A note, as a footing note is: the summary counts it there, not among the disagreements, and the figure neither agrees nor disagrees.
    expect([report.disagreements, report.notes]).toEqual([1, 1]);
    expect([report.stated, report.agreeing, report.unchecked]).toEqual([2, 0, 1]);
  });

  it("finds nothing for a category whose revenue is what the books received, and nothing at all before the year's books are closed", async () => {
    const agreeing = auditStatedFigures(await eventsOf([...year2025(), ...revenuePlan("540000"), ...statedRevenue("540")]), defaultCatalog);
    expect(agreeing.findings.map((found) => [found.kind, found.statedEventId])).toEqual([["not-checked", "st-rev-fees"]]);
    expect([agreeing.stated, agreeing.agreeing, agreeing.unchecked]).toEqual([2, 1, 1]);
    const early = auditStatedFigures(await eventsOf([...year2025(), ...revenuePlan("560000"), ...statedRevenue("560")]), defaultCatalog, { knownAt: "2025-12-20" });
    expect(early.findings).toEqual([]);
  });

  it("says a category that spends funds carried over is not checked: the books record no such money as received", async () => {
    const carried = draft("plan.revenue-planned", "2025-12-15", { planId: "vp-2026", year: 2025, category: "carried-over-municipal", amount: "15000" });
    const report = auditStatedFigures(await eventsOf([...year2025(), ...revenuePlan("540000"), carried, revenueStated("st-rev-carried", "carried-over-municipal", "15")]), defaultCatalog);
    expect(report.findings.map((found) => [found.kind, plain(found.explanation).replace(/.*not checked against the books, /, "")])).toEqual([
      ["not-checked", "the category spends funds carried over from earlier years (drawsOn kommunerna), which the books do not record as received"],
    ]);
  });

  it("reads a category defined before `covers` existed (version 1) as covering nothing, and refuses a source no one defined", async () => {
    const version1 = { ...draft("plan.revenue-category-defined", "2025-12-01", { categoryId: "kommunernas-bidrag", label: "Kommunernas bidrag" }, "cat-kommunernas-bidrag"), schemaVersion: 1 } as EventDraft;
    const drafts = revenuePlan("560000").map((each) => (each.id === "cat-kommunernas-bidrag" ? version1 : each));
    const report = auditStatedFigures(await eventsOf([...year2025(), ...drafts, ...statedRevenue("560")]), defaultCatalog);
    expect(report.findings.map((found) => [found.kind, found.statedEventId])).toEqual([
      ["not-checked", "st-rev-kommunerna"],
      ["not-checked", "st-rev-fees"],
    ]);
    // A category of the log's own is told how to be checked: by a definition with `covers` that supersedes it.
    expect(plain(report.findings[0]?.explanation)).toMatch(/the category declares no financing sources it covers, so nothing in the books' erhållna is known to be it; give its plan\.revenue-category-defined a `covers` \(by a definition that supersedes it\) to have it checked$/);
    const store = memoryStore({ catalog: defaultCatalog });
    const refused = await store.append([draft("plan.revenue-category-defined", "2025-12-01", { categoryId: "stiftelsen", label: "Stiftelsens bidrag", covers: ["kommunerna", "stiftelsen"] })]);
    expect(refused.ok ? [] : refused.issues.map((found) => [found.code, found.path])).toEqual([["unknown-reference", "data.covers[1]"]]);
    // `covers` is version 2's: a line claiming version 1 may not carry it.
    const early = await memoryStore({ catalog: defaultCatalog }).append([{ ...draft("plan.revenue-category-defined", "2025-12-01", { categoryId: "x", label: "X", covers: ["kommunerna"] }), schemaVersion: 1 } as EventDraft]);
    expect(early.ok).toBe(false);
  });
});

describe("the annual report's Tabell 1", () => {
  it("prints no forecast column once the year is closed, and the accumulated surplus from the actual kvarvarande", async () => {
    const table = tableWithId(await documentOf(year2025(), "verksamhetsberattelse", period("2025")), "tabell-1-budgetuppfoljning");
    expect(headOf(table).some((label) => label.startsWith("Prognos"))).toBe(false);
    // The label column and six of money: no forecast, and no earmarked column (this organisation records no earmarked funds).
    expect(headOf(table)).toHaveLength(7);
    expect(labelsOf(table)).toEqual(["Samlingar", "Visningar", "Arkiv", "Summa", "Överskott från tidigare år", "Ackumulerat överskott 2025-12-31"]);
    // Kvarvarande 200 + 30 + 70 = 300, and 10 carried from earlier years: 310 in the kvarvarande column, not the forecast's 160.
    const accumulated = table.foot[2]?.cells.map((cell) => cellText(cell)) ?? [];
    expect(accumulated).toEqual(["Ackumulerat överskott 2025-12-31", "", "", "", "", "", "310"]);
    const result = await budgetOf(year2025(), "2025");
    expect(financeAccumulatedSurplus.compute(result, {})?.exact.toFixed()).toBe("310000");
  });

  it("keeps the forecast columns in a report of part of the year", async () => {
    const table = tableWithId(await documentOf([...year2025(), ...t1of2026()], "tertialrapport", period("2026-T1")), "tabell-1-budgetuppfoljning");
    expect(headOf(table).at(-1)).toBe("Prognos kvarvarande medel 2026-12-31");
  });
});
