import { describe, expect, it } from "vitest";
import { auditStatedFigures, defaultCatalog, defineFigure, defineProjection, Decimal, type DomainModule } from "@tertial/core";
import { fact } from "../finance/support.js";

/** A figure another domain might register: a status symbol, compared as text. */
const statusProjection = defineProjection<{ symbol: string }, { symbol: string }>({
  name: "test-status",
  description: "the last symbol recorded",
  init: () => ({ symbol: "" }),
  evolve: (state, event) => (event.type === "finance.budget-adopted" ? { symbol: "◆" } : state),
  result: (state) => state,
});

const statusFigure = defineFigure(statusProjection, {
  key: "test.status",
  description: "a status symbol",
  params: {},
  unit: "plain",
  example: {},
  compute: ({ symbol }) => (symbol === "" ? undefined : { exact: new Decimal(0), text: symbol, evidence: ["b"] }),
});

const catalog = defaultCatalog.with({ name: "test-status", events: [], projections: [statusProjection], figures: [statusFigure] } satisfies DomainModule);

const statedSymbol = (printed: string) => fact("reconciliation.figure-stated", "2020-09-21", { document: "Rapport", figureKey: "test.status", period: "2020-T1..T2", printed, unit: "text" }, `stated-${printed}`);
const budget = fact("finance.budget-adopted", "2020-01-01", { areaId: "a", year: 2020, amount: "100" }, "b");

describe("categorical figures", () => {
  it("compares status symbols and trend arrows as text", () => {
    expect(auditStatedFigures([budget, statedSymbol("◆")], catalog).findings).toEqual([]);
    const wrong = auditStatedFigures([budget, statedSymbol("●")], catalog);
    expect(wrong.findings).toEqual([expect.objectContaining({ kind: "disagreement", figureKey: "test.status", printed: "●", computed: "◆" })]);
  });

  it("reports a figure key no domain computes", () => {
    const report = auditStatedFigures([fact("reconciliation.figure-stated", "2020-09-21", { document: "Rapport", figureKey: "nobody.knows", period: "2020", printed: "1", unit: "count" }, "s")], catalog);
    expect(report.findings.map((found) => found.kind)).toEqual(["unknown-figure"]);
  });

  it("reports a parameter the figure does not take, rather than reading the figure without it", () => {
    const stated = fact("reconciliation.figure-stated", "2020-09-21", { document: "Rapport", figureKey: "finance.outcome", params: { area: "a" }, period: "2020-T1..T2", printed: "100", unit: "kr" }, "s-param");
    const report = auditStatedFigures([budget, stated], catalog);
    expect(report.findings).toEqual([expect.objectContaining({ kind: "unknown-figure", explanation: expect.stringContaining('the figure "finance.outcome" takes no parameter "area" (it takes row') as unknown })]);
  });
});
