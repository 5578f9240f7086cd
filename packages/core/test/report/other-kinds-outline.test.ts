import { describe, expect, it } from "vitest";
import { countingEvents, defaultCatalog, generateReport, jsonlStore, memoryStore, period, type DomainEvent, type EventDraft, type ReportDocument, type ReportKind, type ReportSection } from "@tertial/core";

const LOG = "examples/kommunal-utveckling-2020/events.jsonl";
const KNOWN_AT = "2020-10-15";
const KINDS = [
  { kind: "tertialrapport", period: "2020-T1" },
  { kind: "verksamhetsberattelse", period: "2020" },
] as const;

const exampleEvents = async (): Promise<DomainEvent[]> => {
  const out: DomainEvent[] = [];
  for await (const event of countingEvents(jsonlStore({ path: LOG, catalog: defaultCatalog }), defaultCatalog, KNOWN_AT)) out.push(event);
  return out;
};

const isOutlineOf = (event: DomainEvent, kind: string): boolean => event.type === "publication.outline-adopted" && (event.data as { documentKind?: string }).documentKind === kind;

const reportOf = async (events: readonly DomainEvent[], kind: ReportKind, periodText: string): Promise<ReportDocument> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const drafts = events.map(({ id, type, effectiveAt, recordedAt, data }) => ({ id, type, effectiveAt, recordedAt, data }) as EventDraft);
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return (await generateReport(store, defaultCatalog, { kind, period: period(periodText), knownAt: KNOWN_AT, generatedBy: "tertial test" })).document;
};

const headings = (sections: readonly ReportSection[]): string[] => sections.flatMap((section) => [`${section.number} ${section.title}`, ...headings(section.sections)]);

/** Every chapter and section numbered in sequence under its parent: no hole, no repeat. */
const holes = (sections: readonly ReportSection[], parent: string | null): string[] =>
  sections.flatMap((section, index) => {
    const expected = parent === null ? String(index + 1) : `${parent}.${index + 1}`;
    return [...(section.number === expected ? [] : [`${section.number} where ${expected} was due`]), ...holes(section.sections, section.number)];
  });

/** The kind's outline event with one heading changed, so a report that reads it shows the change. */
const withRenamedHeading = (events: readonly DomainEvent[], kind: string): DomainEvent[] =>
  events.map((event) => (isOutlineOf(event, kind) ? ({ ...event, data: JSON.parse(JSON.stringify(event.data).replace('"Ekonomisk redovisning"', '"Ekonomisk redovisning enligt dispositionen"')) } as DomainEvent) : event));

describe("the example's other document kinds: tertialrapport and verksamhetsberättelse", () => {
  it.each(KINDS)("$kind $period renders with no numbering holes and reads its own outline", async ({ kind, period: periodText }) => {
    const events = await exampleEvents();
    expect(events.filter((event) => isOutlineOf(event, kind))).toHaveLength(1);
    const document = await reportOf(events, kind, periodText);
    expect(holes(document.sections, null)).toEqual([]);
    expect(document.appendices.map((appendix) => appendix.number)).toEqual(document.appendices.map((_, index) => `Bilaga ${index + 1}`));
    expect(headings(document.sections)).not.toContain(expect.stringContaining("Övrigt utanför dispositionen"));
    const renamed = await reportOf(withRenamedHeading(events, kind), kind, periodText);
    expect(headings(renamed.sections)).toContainEqual(expect.stringMatching(/^2\.\d Ekonomisk redovisning enligt dispositionen$/));
  });

  it("gives the annual report the outline's headings, not the built-in house's", async () => {
    const events = await exampleEvents();
    const annual = await reportOf(events, "verksamhetsberattelse", "2020");
    const builtIn = await reportOf(events.filter((event) => !isOutlineOf(event, "verksamhetsberattelse")), "verksamhetsberattelse", "2020");
    expect(headings(annual.sections)).toContain("2.5 Ekonomisk analys");
    expect(headings(builtIn.sections)).toContain("2.5 Analys");
  });
});
