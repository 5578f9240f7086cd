import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { auditStatedFigures, countingEvents, dec, defaultCatalog, FigureStated, generateReport, jsonlStore, period, type DomainEvent, type ReportDocument, type ReportSection } from "@tertial/core";

const LOG = resolve(import.meta.dirname, "../../../../examples/kommunal-utveckling-2022-plan/events.jsonl");
const ADOPTED = "2021-12-31";
const store = () => jsonlStore({ path: LOG, catalog: defaultCatalog });

const plan = async (): Promise<ReportDocument> => (await generateReport(store(), defaultCatalog, { kind: "verksamhetsplan", period: period("2022..2024"), knownAt: ADOPTED, generatedBy: "test" })).document;

interface Printed {
  readonly table: string;
  readonly key: string;
  readonly params: Readonly<Record<string, string>>;
  readonly period: string;
  readonly text: string;
}

/** Every figure printed in a table of the document, with the figure definition it was computed through. */
const printedFigures = (document: ReportDocument): Printed[] => {
  const ofSection = (section: ReportSection): Printed[] => [
    ...section.blocks.flatMap((block) =>
      block.kind !== "table"
        ? []
        : [...block.head, ...block.body, ...block.foot].flatMap((row) =>
            row.cells.flatMap((cell) => (cell.kind === "figure" && cell.figure.definition !== undefined ? [{ table: block.id, key: cell.figure.definition.key, params: cell.figure.definition.params, period: cell.figure.definition.period, text: cell.figure.text }] : [])),
          ),
    ),
    ...section.sections.flatMap(ofSection),
  ];
  return [...document.sections, ...document.appendices].flatMap(ofSection);
};

const eventsKnownAt = async (knownAt: string): Promise<DomainEvent[]> => {
  const events: DomainEvent[] = [];
  for await (const event of countingEvents(store(), defaultCatalog, knownAt)) events.push(event);
  return events;
};

const sameParams = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
/** A printed number as a number: "−3 911" is -3911, "29,00" and "29,0" are both 29 (the plan prints staff to one or two decimals). */
const printedNumber = (text: string): string => dec(text.replace(/[^0-9,−-]/g, "").replace(/−/g, "-").replace(",", ".")).toString();

/** The plan's own budget tables (not the per-area planning, whose rows the plan prints in prose or not at all). */
const BUDGET_TABLES = ["plan-budget", "plan-intakter", "plan-nettokostnader", "plan-disponibla-medel", "plan-utgaende-balans", "plan-flerarsplan", "plan-budgetbilaga", "plan-medarbetare"];

interface ProseFigure {
  readonly key: string;
  readonly params: Readonly<Record<string, string>>;
  readonly text: string;
}

/** Every figure written into the document's paragraphs, with the definition it was computed through. */
const proseFigures = (document: ReportDocument): ProseFigure[] => {
  const ofSection = (section: ReportSection): ProseFigure[] => [
    ...section.blocks.flatMap((block) => (block.kind !== "paragraph" ? [] : (block.figures ?? []).flatMap((figure) => (figure.definition === undefined ? [] : [{ key: figure.definition.key, params: figure.definition.params, text: figure.text }])))),
    ...section.sections.flatMap(ofSection),
  ];
  return document.sections.flatMap(ofSection);
};

describe("the regenerated Verksamhetsplan 2022–2024", () => {
  it("every figure its budget tables print equals the plan's stated figure by figure key, or the audit explains the difference", async () => {
    const events = await eventsKnownAt(ADOPTED);
    const stated = events.filter((event) => FigureStated.is(event));
    const audit = auditStatedFigures(events, defaultCatalog, { knownAt: ADOPTED });
    const printed = printedFigures(await plan()).filter((figure) => BUDGET_TABLES.includes(figure.table));
    const outcome = { identical: 0, explained: [] as string[], unstated: [] as string[], unexplained: [] as string[] };
    for (const figure of printed) {
      const label = `${figure.table}: ${figure.key} ${JSON.stringify(figure.params)} ${figure.period} = ${figure.text.replace(/\s/g, " ")}`;
      const matches = stated.filter((event) => FigureStated.is(event) && event.data.figureKey === figure.key && event.data.period === figure.period && sameParams(event.data.params ?? {}, figure.params));
      if (matches.length === 0) outcome.unstated.push(label);
      for (const match of matches) {
        if (!FigureStated.is(match)) continue;
        // A statement in the text ("cirka 56 miljoner kronor") agrees when the audit, rounding as printed, finds nothing to say.
        const agrees = printedNumber(match.data.printed) === printedNumber(figure.text) || !audit.findings.some((found) => found.statedEventId === match.id);
        if (agrees) outcome.identical += 1;
        else if (audit.findings.some((found) => found.statedEventId === match.id && found.cause !== null)) outcome.explained.push(label);
        else outcome.unexplained.push(`${label} (printed ${match.data.printed})`);
      }
    }
    expect(outcome.unexplained).toEqual([]);
    expect(outcome.unstated).toEqual([]);
    expect(printed.length).toBeGreaterThan(90);
    // 100 cells of the budget, revenue, cost, funds, multi-year, appendix and staff tables, the 11 closing balances the plan prints
    // (Övriga 2024 is blank), and two cells again as 3.1.1's text rounds them: BUDGET 2022's total ("cirka 56 miljoner kronor")
    // and Förstärkt samverkan's disponibla medel (its footnote's "24,5 miljoner kronor").
    expect(outcome.identical).toBe(113);
    // Notes §6 A1–A2 and B8: the totals the plan prints 1 tkr below its rows, and FoUrum utbildning's 3 129 tkr against its own text's 3,2 miljoner kronor.
    expect(outcome.explained).toEqual([
      'plan-nettokostnader: plan.net-cost {"plan":"vp-2022-2024","area":"fourum-utbildning"} 2022 = 3 129',
      'plan-nettokostnader: plan.net-cost {"plan":"vp-2022-2024"} 2023 = 55 061',
      'plan-nettokostnader: plan.net-cost {"plan":"vp-2022-2024"} 2024 = 55 311',
      // 3.1.1's text says 1,2 milj kr of state funds remain in 2024: the same closing balance, which does not roll forward (notes §6 A3).
      'plan-utgaende-balans: plan.closing-balance {"plan":"vp-2022-2024","source":"staten"} 2024 = 1 246',
      'plan-flerarsplan: plan.net-cost {"plan":"vp-2022-2024"} 2023 = 55 061',
      'plan-flerarsplan: plan.net-cost {"plan":"vp-2022-2024"} 2024 = 55 311',
      'plan-budgetbilaga: plan.net-cost {"plan":"vp-2022-2024","area":"fourum-utbildning"} 2022 = 3 129',
    ]);
  });
});

describe("chapter 3's prose", () => {
  it("prints each amount the plan's text states as the plan printed it, computed from the facts of the year it names", async () => {
    const events = await eventsKnownAt(ADOPTED);
    const stated = events.filter((event) => FigureStated.is(event) && event.data.table === undefined && event.data.figureKey.startsWith("plan."));
    const printed = proseFigures(await plan()).filter((figure) => figure.key.startsWith("plan."));
    const outcome = { identical: 0, differing: [] as string[], unstated: [] as string[] };
    for (const figure of printed) {
      const { year, ...params } = figure.params;
      const match = stated.find((event) => FigureStated.is(event) && event.data.figureKey === figure.key && event.data.period === year && sameParams(event.data.params ?? {}, params));
      const label = `${figure.key} ${JSON.stringify(figure.params)} = ${figure.text.replace(/\s/g, " ")}`;
      if (match === undefined || !FigureStated.is(match)) outcome.unstated.push(label);
      else if (printedNumber(match.data.printed) === printedNumber(figure.text)) outcome.identical += 1;
      else outcome.differing.push(`${label} (printed ${match.data.printed})`);
    }
    expect(outcome.unstated).toEqual([]);
    expect(outcome.differing).toEqual([]);
    expect(outcome.identical).toBe(14);
  });
});

describe("the plan's appendices", () => {
  it("have no symbol legend: a plan prints no metric or activity symbols, and neither its house nor its outline asks for one", async () => {
    const appendices = (await plan()).appendices;
    expect(appendices.map((appendix) => appendix.title)).not.toContain("Symbolförteckning för mätetal och aktiviteter");
    expect(appendices.flatMap((appendix) => appendix.blocks).some((block) => block.kind === "legend")).toBe(false);
  });
});
