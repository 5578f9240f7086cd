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

/** The example's texts as if written for the whole of 2020. */
const forTheYear = (events: readonly DomainEvent[]): DomainEvent[] =>
  events.map((event) => (event.type === "narrative.written" ? ({ ...event, data: { ...(event.data as object), to: "2020-12-31" } } as DomainEvent) : event));

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
    // The example's texts were written for January–August; the year's report prints texts written for the year.
    const events = forTheYear(await exampleEvents());
    const annual = await reportOf(events, "verksamhetsberattelse", "2020");
    const builtIn = await reportOf(events.filter((event) => !isOutlineOf(event, "verksamhetsberattelse")), "verksamhetsberattelse", "2020");
    expect(headings(annual.sections)).toContain("2.5 Ekonomisk analys");
    expect(headings(builtIn.sections)).toContain("2.5 Analys");
  });

  it("leaves out of the year's report the texts written for a part of it, whose figures were meant for that part", async () => {
    const annual = await reportOf(await exampleEvents(), "verksamhetsberattelse", "2020");
    expect(headings(annual.sections)).not.toContain("2.5 Ekonomisk analys");
    expect(JSON.stringify(annual)).not.toContain("analys-2-5");
  });
});
