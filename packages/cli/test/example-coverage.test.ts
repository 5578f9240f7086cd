import { auditStatedFigures, countingEvents, defaultCatalog, generateReport, jsonlStore, period, reportFiguresOf, type DomainEvent, type ReportSection } from "@tertial/core";
import { describe, expect, it } from "vitest";
import { EXAMPLE_LOG } from "./report-helpers.js";

const AS_PUBLISHED = "2020-10-15";
const PERIOD = period("2020-T1..T2");

/**
 * Printed table figures that agree with the facts but that our report does not print as the same
 * figure (key, parameters, period), each with the reason; anything else missing from the report
 * fails the test.
 */
const SHOWN_DIFFERENTLY: Readonly<Record<string, string>> = {};

/** The measured floor: the share of printed figures (numbers, not text) the report prints identically under the same figure key. */
const IDENTICAL_AT_LEAST = 0.953;

/**
 * The document prints its course tables for the first half-year; our Bilaga 2 and cost-reduction
 * table are for the report period (and the same period last year), whose facts are those
 * half-year summaries. A stated course figure for a half-year is matched with ours for the
 * report period that holds it.
 */
const COURSE_PERIODS: Readonly<Record<string, string>> = { "2020-H1": "2020-T1..T2", "2019-H1": "2019-T1..T2" };

/** The original's table of contents (seed 000), headings without the trailing full stops some of them carry there. */
const ORIGINAL_CONTENTS: readonly string[] = [
  "1 Inledning",
  "1.1 Viktiga händelser med koppling till våra 3 K - kostnadseffektivitet, kompetenshöjning och kvalitetshöjning",
  "1.2 Medarbetare",
  "1.3 Coronapandemins påverkan på Kommunal utvecklings verksamhet",
  "1.4 Framtiden",
  "2 Vår verksamhet ska leda till en ändamålsenlig och kostnadseffektiv verksamhet för länets kommuner",
  "2.1 Exempel på aktiviteter inom Kommunal utvecklings verksamhet som innebär en hög kostnadseffektivitet för länets kommuner",
  "2.2 Verksamheten söker aktivt externa medel",
  "2.3 Kommunal utvecklings ekonomi är i balans",
  "2.4 Ekonomisk redovisning",
  "2.5 Ekonomisk analys",
  "3 Vi har ett starkt och jämbördigt partnerskap med aktiva ägare",
  "3.1 Exempel på aktiviteter som stimulerar samverkan",
  "3.2 Samtliga kommuner har aktiva representanter i chefsnätverk/styrgrupper eller liknande",
  "3.3 Kommunal utveckling underlättar samverkan med Region Jönköpings län",
  "3.4 Analys",
  "4 I vår verksamhet är medborgarnas erfarenhet en viktig kunskapskälla",
  "4.1 Exempel på arbeten inom Kommunal utveckling som syftar till att stärka medborgarnas inflytande och delaktighet",
  "4.2 Analys",
  "5 Vår verksamhet kommer till reell nytta för användarna",
  "5.1 Exempel på aktiviteter som kommer till reell nytta för användarna",
  "5.2 Analys",
  "6 Vi stärker och ökar kompetensen i länet",
  "6.1 Exempel på aktiviteter som stärker och ökar kompetensen i länet",
  "6.2 Årligen genomförs kurser efter behov och önskemål från verksamheterna samt chefsnätverk/styrgrupper eller liknande",
  "6.3 Analys",
  "7 Vi använder forskning för att utveckla och förbättra kommunernas verksamheter",
  "7.1 Pågående forskningsstudier",
  "7.2 Spridning",
  "7.3 Stipendier",
  "7.4 Doktorandstudier",
  "7.5 Verksamheten söker aktivt finansiering av forskning",
  "7.6 Samtal med forskare om framtida forskning",
  "7.7 Analys",
  "Bilaga 1 Symbolförteckning för mätetal och aktiviteter",
  "Bilaga 2 Deltagande på kurser som arrangerats av Kurs- och konferens under halvår 1 2020",
];

interface Stated {
  readonly figureKey: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly period: string;
  readonly printed: string;
  readonly unit: string;
  readonly table?: string;
}

const normalise = (text: string): string =>
  text
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/\u2212/g, "-")
    // "+54 000" printed as "54 000": a sign the original adds for a rise, typography only.
    .replace(/^\+/, "")
    .replace(/miljoner|miljon|mnkr|kronor|tkr|kr|årsarbetare|st\.|kurser|deltagare/g, "");

/** A figure named by key, parameters in the figure's own spelling, and period. */
const figureId = (key: string, params: Readonly<Record<string, string>>, period: string): string => {
  const canonical = defaultCatalog.figure(key)?.canonicalParams(params) ?? params;
  return `${key} ${JSON.stringify(Object.entries(canonical).sort(([a], [b]) => (a < b ? -1 : 1)))} ${period}`;
};

const exampleAsPublished = async (): Promise<DomainEvent[]> => {
  const events: DomainEvent[] = [];
  for await (const event of countingEvents(jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog }), defaultCatalog, AS_PUBLISHED)) events.push(event);
  return events;
};

describe("the regenerated interim report against what was printed", () => {
  it("every stated figure is either reproduced from the facts or listed by the audit with an explanation", async () => {
    const events = await exampleAsPublished();
    const audit = auditStatedFigures(events, defaultCatalog, { period: PERIOD, knownAt: AS_PUBLISHED });
    const stated = events.filter((event) => event.type === "reconciliation.figure-stated");
    expect(stated.length).toBeGreaterThan(400);
    for (const finding of audit.findings) expect(finding.explanation, finding.statedEventId).not.toBe("");
    expect(audit.agreeing + audit.findings.filter((finding) => finding.kind !== "footing").length).toBe(audit.stated);
  });

  it("every agreeing figure of the printed tables appears in the generated report as the same figure, matched by key", async () => {
    const events = await exampleAsPublished();
    const audit = auditStatedFigures(events, defaultCatalog, { period: PERIOD, knownAt: AS_PUBLISHED });
    const listed = new Set(audit.findings.map((finding) => finding.statedEventId));
    const { document } = await generateReport(jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog }), defaultCatalog, { kind: "delarsrapport", period: PERIOD, knownAt: AS_PUBLISHED, generatedBy: "test" });
    const printed = [...reportFiguresOf(document).values()].map((entry) => entry.figure);
    const defined = new Set(printed.flatMap((figure) => (figure.definition === undefined ? [] : [figureId(figure.definition.key, figure.definition.params, figure.definition.period)])));
    const shown = (figure: Stated): boolean => {
      const period = figure.figureKey.startsWith("courses.") ? (COURSE_PERIODS[figure.period] ?? figure.period) : figure.period;
      return defined.has(figureId(figure.figureKey, figure.params ?? {}, period));
    };
    const missing = events
      .filter((event) => event.type === "reconciliation.figure-stated" && !listed.has(event.id))
      .map((event) => ({ id: event.id, ...(event.data as Stated) }))
      .filter((figure) => figure.table !== undefined && figure.printed !== "" && figure.unit !== "text" && !shown(figure))
      .map((figure) => figure.id);
    expect(missing.sort()).toEqual(Object.keys(SHOWN_DIFFERENTLY).sort());
  });

  it("measures the share of the original's printed figures that the regenerated report prints identically, by figure key", async () => {
    const events = await exampleAsPublished();
    const audit = auditStatedFigures(events, defaultCatalog, { period: PERIOD, knownAt: AS_PUBLISHED });
    const disagreeing = new Set(audit.findings.filter((finding) => finding.kind !== "footing").map((finding) => finding.statedEventId));
    const { document } = await generateReport(jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog }), defaultCatalog, { kind: "delarsrapport", period: PERIOD, knownAt: AS_PUBLISHED, generatedBy: "test" });
    const printedById = new Map<string, string[]>();
    for (const { figure } of reportFiguresOf(document).values()) {
      if (figure.definition === undefined) continue;
      const id = figureId(figure.definition.key, figure.definition.params, figure.definition.period);
      printedById.set(id, [...(printedById.get(id) ?? []), normalise(figure.text)]);
    }
    const stated = events.filter((event) => event.type === "reconciliation.figure-stated").map((event) => ({ id: event.id, ...(event.data as Stated) }));
    const numeric = stated.filter((figure) => figure.printed !== "" && figure.unit !== "text");
    const identical = numeric.filter((figure) => {
      if (disagreeing.has(figure.id)) return false;
      const period = figure.figureKey.startsWith("courses.") ? (COURSE_PERIODS[figure.period] ?? figure.period) : figure.period;
      return (printedById.get(figureId(figure.figureKey, figure.params ?? {}, period)) ?? []).includes(normalise(figure.printed));
    });
    const share = identical.length / numeric.length;
    if (process.env.COVERAGE_DETAIL !== undefined) for (const figure of numeric.filter((f) => !identical.includes(f))) process.stdout.write(`${disagreeing.has(figure.id) ? "AUDIT" : printedById.has(figureId(figure.figureKey, figure.params ?? {}, figure.figureKey.startsWith("courses.") ? (COURSE_PERIODS[figure.period] ?? figure.period) : figure.period)) ? "TEXT" : "ABSENT"} ${figure.id} ${figure.figureKey} ${JSON.stringify(figure.params ?? {})} ${figure.period} ${figure.printed} [${figure.table ?? ""}]\n`);
    const explained = numeric.filter((figure) => disagreeing.has(figure.id)).length;
    const unexplained = numeric.length - identical.length - explained;
    process.stdout.write(`identical: ${identical.length} of ${numeric.length} printed figures (${(share * 100).toFixed(1)} %); explained by the audit: ${explained}; unexplained: ${unexplained}\n`);
    expect(share).toBeGreaterThanOrEqual(IDENTICAL_AT_LEAST);
  });

  it("has every numbered section and appendix of the original interim report, under the original's numbers and headings", async () => {
    const { document } = await generateReport(jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog }), defaultCatalog, { kind: "delarsrapport", period: PERIOD, knownAt: AS_PUBLISHED, generatedBy: "test" });
    const headings = (sections: readonly ReportSection[]): string[] => sections.flatMap((section) => [`${section.number} ${section.title}`, ...headings(section.sections)]);
    expect(headings([...document.sections, ...document.appendices])).toEqual(ORIGINAL_CONTENTS);
    expect(document.title.lines).toContain("Dnr RJL 2019/1940");
  });
});

