import { describe, expect, it } from "vitest";
import {
  decodeData,
  defaultCatalog,
  generateReport,
  memoryStore,
  period,
  planBaselineProjection,
  planClosingBalance,
  planRevenue,
  planStaff,
  replay,
  RevenuePlanned,
  StaffPlanned,
  type EventDraft,
  type PlanBaselineResult,
  type ReportBlock,
  type ReportDocument,
  type ReportSection,
  type StoredEvent,
} from "@tertial/core";
import { CARD_PLAN, cardPlanDrafts } from "../fixtures/card-plan.js";

/**
 * Sjöbygdens samordningsförbund (fictional, test/fixtures/card-plan.ts) is financed by its member
 * fees and its region, not by the state: it defines the region as a financing source, its own
 * revenue lines (one spending the region's funds carried over) and its own staff classes, and its
 * plan's tables print exactly those, nothing of the first organisation's.
 */
const ofPlan = { planId: CARD_PLAN };

const VOCABULARY: EventDraft[] = [
  { id: "src-regionen", type: "finance.funding-source-defined", effectiveAt: "2022-01-01", data: { sourceId: "regionen", name: "region Sjöbygden", label: "Tillförda medel region Sjöbygden" } },
  { id: "cat-medlem", type: "plan.revenue-category-defined", effectiveAt: "2022-01-01", data: { categoryId: "medlemsavgifter", label: "Medlemsavgifter" } },
  { id: "cat-region", type: "plan.revenue-category-defined", effectiveAt: "2022-01-01", data: { categoryId: "regionbidrag", label: "Regionens bidrag" } },
  { id: "cat-overfort", type: "plan.revenue-category-defined", effectiveAt: "2022-01-01", data: { categoryId: "overforda-regionala", label: "Överförda regionala medel", drawsOn: "regionen" } },
  { id: "klass-samordning", type: "plan.staff-class-defined", effectiveAt: "2022-01-01", data: { classId: "samordning", label: "Samordnare" } },
  { id: "klass-kansli", type: "plan.staff-class-defined", effectiveAt: "2022-01-01", data: { classId: "kansliet", label: "Kansli" } },
];

const revenue = (year: number, category: string, amount: string): EventDraft => ({ type: "plan.revenue-planned", effectiveAt: "2022-12-15", data: { ...ofPlan, year, category, amount } });
const closing = (year: number, amount: string): EventDraft => ({ type: "plan.closing-balance-forecast", effectiveAt: "2022-12-15", data: { ...ofPlan, year, source: "regionen", amount } });

/** The card plan in the organisation's own words: its staff lines in its own classes, its revenue in its own lines; `closing2024` the region's balance at the end of 2024. */
const sjobygden = (closing2024 = "500000"): EventDraft[] => {
  const plan = cardPlanDrafts(true).flatMap((draft): EventDraft[] => {
    if (draft.type === "plan.revenue-planned") return [];
    if (draft.type !== "plan.staff-planned") return [draft];
    const data = draft.data as { readonly lineId: string };
    return [{ ...draft, data: { ...(draft.data as object), staffClass: data.lineId === "kansli" ? "kansliet" : "samordning" } }];
  });
  return [
    ...VOCABULARY,
    ...plan,
    revenue(2023, "medlemsavgifter", "4500000"),
    revenue(2023, "regionbidrag", "1500000"),
    revenue(2023, "overforda-regionala", "500000"),
    revenue(2024, "medlemsavgifter", "4600000"),
    revenue(2024, "regionbidrag", "1500000"),
    revenue(2024, "overforda-regionala", "400000"),
    closing(2023, "900000"),
    closing(2024, closing2024),
  ];
};

const storeOf = async (events: readonly EventDraft[]) => {
  let tick = Date.UTC(2022, 11, 20, 8);
  const store = memoryStore({ catalog: defaultCatalog, clock: () => (tick += 1000) });
  const outcome = await store.append(events);
  return { store, outcome };
};

const blocksOf = (document: ReportDocument): ReportBlock[] => {
  const of = (section: ReportSection): ReportBlock[] => [...section.blocks, ...section.sections.flatMap(of)];
  return [...document.sections, ...document.appendices].flatMap(of);
};

const rowsOf = (blocks: readonly ReportBlock[], id: string): string[][] => {
  const table = blocks.find((block) => block.kind === "table" && block.id === id);
  if (table?.kind !== "table") throw new Error(`no table ${id}`);
  // Thousands are grouped with a no-break space; the expectations below write a plain one.
  return [...table.body, ...table.foot].map((entry) => entry.cells.map((cell) => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text.replace(/\u00a0/g, " ") : "")));
};

const planBlocks = async (events: readonly EventDraft[]): Promise<ReportBlock[]> => {
  const { store, outcome } = await storeOf(events);
  expect(outcome.ok ? [] : outcome.issues).toEqual([]);
  return blocksOf((await generateReport(store, defaultCatalog, { kind: "verksamhetsplan", period: period("2023"), generatedBy: "test" })).document);
};

const baselineOf = async (events: readonly EventDraft[]): Promise<PlanBaselineResult> => {
  const { store } = await storeOf(events);
  return replay(store, defaultCatalog, planBaselineProjection, { period: period("2023") });
};

describe("a plan's revenue categories and staff classes, defined by the log", () => {
  it("are the rows of its Intäkter and staff tables, in the order defined, and foot to the totals", async () => {
    const blocks = await planBlocks(sjobygden());
    expect(rowsOf(blocks, "plan-intakter")).toEqual([
      ["Medlemsavgifter", "4 500", "4 600"],
      ["Regionens bidrag", "1 500", "1 500"],
      ["Överförda regionala medel", "500", "400"],
      ["Summa intäkter", "6 500", "6 500"],
    ]);
    expect(rowsOf(blocks, "plan-medarbetare")).toEqual([
      ["Samordnare", "6,00"],
      ["Kansli", "1,00"],
      ["Summa", "7,00"],
    ]);
    expect(rowsOf(blocks, "plan-utgaende-balans")).toEqual([
      ["Region Sjöbygden", "900", "500"],
      ["Summa", "900", "500"],
    ]);
  });

  it("print nothing of the first organisation's words", async () => {
    const blocks = await planBlocks(sjobygden());
    const labels = ["plan-intakter", "plan-medarbetare", "plan-utgaende-balans"].flatMap((id) => rowsOf(blocks, id).map((cells) => cells[0]));
    for (const word of ["Kommunerna", "Överförda kommunala medel", "Överförda statliga medel", "Statsbidrag", "FoU", "Ledning och stab", "Övrig", "Länets kommuner"]) expect(labels).not.toContain(word);
  });

  it("are figures by their ids: plan.revenue per category, plan.staff per class, each footing to its total", async () => {
    const result = await baselineOf(sjobygden());
    const amount = (figure: { readonly exact: { toString(): string } } | undefined) => figure?.exact.toString();
    expect(amount(planRevenue.compute(result, { plan: CARD_PLAN, category: "overforda-regionala" }))).toBe("500000");
    expect(amount(planRevenue.compute(result, { plan: CARD_PLAN }))).toBe("6500000");
    expect(amount(planStaff.compute(result, { plan: CARD_PLAN, class: "samordning" }))).toBe("6");
    expect(amount(planStaff.compute(result, { plan: CARD_PLAN, class: "kansliet" }))).toBe("1");
    expect(planStaff.compute(result, { plan: CARD_PLAN, class: "fou" })).toBeUndefined();
    expect(result.plans[0]?.staff[0]?.byClass).toEqual({ samordning: "6", kansliet: "1" });
  });

  it("roll a defined source's closing balance forward by the defined line that spends it", async () => {
    const year2024 = { plan: CARD_PLAN, source: "regionen", year: "2024" };
    const agrees = await baselineOf(sjobygden("500000"));
    expect(planClosingBalance.compute(agrees, year2024)?.conflicts ?? []).toEqual([]);
    const disagrees = await baselineOf(sjobygden("700000"));
    const conflicts = planClosingBalance.compute(disagrees, year2024)?.conflicts ?? [];
    expect(conflicts.map((conflict) => conflict.exact.toString())).toEqual(["500000"]);
    expect(conflicts[0]?.cause).toContain("the closing balance of regionen at the end of 2023");
  });

  it("refuse a term neither built in nor defined, at its field, and store nothing", async () => {
    const { store } = await storeOf(VOCABULARY.slice(0, 1));
    const [plan] = cardPlanDrafts(false).filter((draft) => draft.type === "plan.adopted");
    expect((await store.append([plan as EventDraft, { type: "reference.area-established", effectiveAt: "2022-01-01", data: { areaId: "kansli", name: "Kansli" } }])).ok).toBe(true);
    const stored = store.events().length;
    const refused: [EventDraft, string, string, string][] = [
      [revenue(2023, "medlemsavgifter", "100"), "data.category", "medlemsavgifter", "a built-in revenue category (carried-over-municipal, carried-over-state, municipalities, state-grants, fees, other) or one defined earlier by plan.revenue-category-defined (none is)"],
      [{ type: "plan.staff-planned", effectiveAt: "2022-12-15", data: { ...ofPlan, lineId: "k", year: 2023, areaIds: ["kansli"], fte: "1", staffClass: "kansliet" } }, "data.staffClass", "kansliet", "a built-in staff class (fou, management, other) or one defined earlier by plan.staff-class-defined (none is)"],
      [{ type: "plan.area-described", effectiveAt: "2022-12-15", data: { ...ofPlan, areaId: "kansli", staffClass: "kansliet" } }, "data.staffClass", "kansliet", "a built-in staff class (fou, management, other) or one defined earlier by plan.staff-class-defined (none is)"],
    ];
    for (const [draft, path, actual, expected] of refused) {
      const outcome = await store.append([draft]);
      expect(outcome.ok ? [] : outcome.issues).toEqual([expect.objectContaining({ code: "unknown-reference", path, actual, expected })]);
    }
    expect(store.events()).toHaveLength(stored);
  });

  it("are defined once, never over a built-in term, and may draw only on a known source", async () => {
    const { store } = await storeOf(VOCABULARY);
    const define = (draft: Partial<EventDraft> & { readonly data: unknown }, type = "plan.revenue-category-defined"): EventDraft => ({ type, effectiveAt: "2022-02-01", ...draft });
    const refusal = async (draft: EventDraft) => {
      const outcome = await store.append([draft]);
      return outcome.ok ? undefined : outcome.issues.map((each) => [each.code, each.path]);
    };
    expect(await refusal(define({ data: { categoryId: "fees", label: "Avgifter" } }))).toEqual([["conflict", "data.categoryId"]]);
    expect(await refusal(define({ data: { classId: "fou", label: "Forskning" } }, "plan.staff-class-defined"))).toEqual([["conflict", "data.classId"]]);
    expect(await refusal(define({ data: { categoryId: "medlemsavgifter", label: "Avgifter" } }))).toEqual([["conflict", "data.categoryId"]]);
    expect(await refusal(define({ data: { categoryId: "stiftelsen", label: "Stiftelsens bidrag", drawsOn: "stiftelsen" } }))).toEqual([["unknown-reference", "data.drawsOn"]]);
    expect(store.events()).toHaveLength(VOCABULARY.length);
    expect(await refusal(define({ id: "relabel", supersedes: "klass-kansli", data: { classId: "kansliet", label: "Förbundets kansli" } }, "plan.staff-class-defined"))).toBeUndefined();
    const result = await replay(store, defaultCatalog, planBaselineProjection, { period: period("2023") });
    expect(result.staffClasses.map((term) => term.label)).toEqual(["FoU", "Ledning och stab", "Övrig", "Samordnare", "Förbundets kansli"]);
  });

  it("are taken by name from version 2 on, and version 1 lines are lifted unchanged", () => {
    const stored = (type: string, schemaVersion: number, data: unknown) => ({ id: "x", type, schemaVersion, effectiveAt: "2022-12-15", recordedAt: "2022-12-20T08:00:00.000Z", seq: 1, data, prevHash: "0".repeat(64), hash: "0".repeat(64) }) as StoredEvent;
    const line = { ...ofPlan, lineId: "k", year: 2023, areaIds: ["kansli"], fte: "1", staffClass: "kansliet" };
    const income = { ...ofPlan, year: 2023, category: "medlemsavgifter", amount: "100" };
    expect([RevenuePlanned.latest.version, StaffPlanned.latest.version]).toEqual([2, 2]);
    expect(decodeData(defaultCatalog, stored(StaffPlanned.type, 2, line)).ok).toBe(true);
    expect(decodeData(defaultCatalog, stored(StaffPlanned.type, 1, line)).ok).toBe(false);
    expect(decodeData(defaultCatalog, stored(RevenuePlanned.type, 2, income)).ok).toBe(true);
    expect(decodeData(defaultCatalog, stored(RevenuePlanned.type, 1, income)).ok).toBe(false);
    for (const [type, old] of [
      [StaffPlanned.type, { ...line, staffClass: "management" }],
      [RevenuePlanned.type, { ...income, category: "carried-over-state" }],
      ["plan.area-described", { ...ofPlan, areaId: "kansli", staffClass: "fou" }],
    ] as const) {
      const lifted = decodeData(defaultCatalog, stored(type, 1, old));
      expect(lifted.ok && JSON.stringify(lifted.event.data)).toBe(JSON.stringify(old));
    }
  });
});
