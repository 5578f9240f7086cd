import { describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, memoryStore, parsePeriod, reportFiguresOf, type EventDraft, type Period, type ReportBlock, type ReportDocument, type ReportSection } from "../../src/index.js";
import { MISSING_FIGURE_TEXT } from "../../src/domains/narrative/inline-figures.js";
import { numberWord } from "../../src/domains/narrative/number-words.js";

/** A staff snapshot and a narrative that writes figures into its text instead of typing them. */
const snapshot: EventDraft = {
  id: "snap",
  type: "staff.snapshot-recorded",
  effectiveAt: "2020-08-31",
  recordedAt: "2020-09-02T08:00:00.000Z",
  data: { asOf: "2020-08-31", total: "45.30", byEmploymentForm: { tjanstekop: "7.25", tillsvidare: "24.25", visstid: "13.80" } },
} as EventDraft;

const narrative = (id: string, markdown: string, extra: Record<string, unknown> = {}): EventDraft =>
  ({
    id: `narrative-${id}`,
    type: "narrative.written",
    effectiveAt: "2020-08-31",
    recordedAt: "2020-09-03T08:00:00.000Z",
    data: { narrativeId: id, kind: "example", from: "2020-01-01", to: "2020-08-31", section: "1.2", markdown, ...extra },
  }) as EventDraft;

const reportOf = async (drafts: readonly EventDraft[]): Promise<ReportDocument> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return (await generateReport(store, defaultCatalog, { kind: "delarsrapport", period: parsePeriod("2020-T1..T2") as Period, generatedBy: "test" })).document;
};

const blocksOf = (sections: readonly ReportSection[]): ReportBlock[] => sections.flatMap((section) => [...section.blocks, ...blocksOf(section.sections)]);

/** Printed text with the formatter's no-break spaces as plain ones, for comparison. */
const plain = (text: string | undefined): string | undefined => text?.replace(/[\u00a0\u202f]/g, " ");

const paragraphs = (document: ReportDocument) => blocksOf(document.sections).flatMap((block) => (block.kind === "paragraph" ? [block] : []));

describe("figures written into a narrative", () => {
  it("are computed from the facts through their figure definitions and kept beside the paragraph", async () => {
    const document = await reportOf([snapshot, narrative("personal", "Periodens slut: {{staffing.fte asOf=2020-08-31}}, varav {{staffing.fte asOf=2020-08-31 form=visstid suffix=nej}} på visstid.")]);
    const [paragraph] = paragraphs(document).filter((block) => block.markdown.startsWith("Periodens slut"));
    expect(plain(paragraph?.markdown)).toBe("Periodens slut: 45,30 årsarbetare, varav 13,80 på visstid.");
    expect(paragraph?.figures?.map((figure) => [figure.definition?.key, figure.definition?.params, plain(figure.text)])).toEqual([
      ["staffing.fte", { asOf: "2020-08-31" }, "45,30 årsarbetare"],
      ["staffing.fte", { asOf: "2020-08-31", form: "visstid" }, "13,80"],
    ]);
    // The report's figure index finds them, with the facts behind them, as it finds table cells.
    const indexed = [...reportFiguresOf(document).values()].filter((entry) => entry.figure.key.includes("narrative=personal"));
    expect(indexed.map((entry) => entry.figure.evidence)).toEqual([["snap"], ["snap"]]);
  });

  it("print a blank in words, never a zero, when the facts do not give the figure", async () => {
    const document = await reportOf([narrative("tomt", "Kurserna var {{courses.held}} och personalen {{staffing.fte asOf=2020-08-31}}.")]);
    expect(paragraphs(document).map((block) => block.markdown)).toContain(`Kurserna var ${MISSING_FIGURE_TEXT} och personalen ${MISSING_FIGURE_TEXT}.`);
  });

  it("are refused at append when a print option is malformed", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const outcome = await store.append([narrative("fel", "Totalt {{staffing.fte asOf=2020-08-31 unit=furlongs}}, varav {{staffing.fte asOf=2020-08-31 form=visstid decimals=x}}.")]);
    expect(outcome.ok).toBe(false);
    const text = JSON.stringify(outcome);
    expect(text).toContain('unknown unit \\"furlongs\\"');
    expect(text).toContain("decimals must be a digit");
  });

  it("are refused at append when a {{ opens no placeholder: misspelt, unclosed, or with something other than name=value in it", async () => {
    for (const [markdown, shown] of [
      ["Vi förbrukade {{finance.outcome …}} i år.", "{{finance.outcome …}}"],
      ["Vi förbrukade {{finance.outcome i år.", "{{finance.outcome i år.…"],
      ["Kurser: {{ 7 }} och {{courses.held}}.", "{{ 7 }}"],
      ["Se {{Courses.Held}}.", "{{Courses.Held}}"],
    ] as const) {
      const outcome = await memoryStore({ catalog: defaultCatalog }).append([narrative("fel", markdown)]);
      expect(outcome.ok ? [] : outcome.issues.map((found) => [found.path, found.message])).toEqual([["data.markdown", `"${shown}" is not a figure placeholder: write {{figure.key name=value …}}, closed by }}`]]);
    }
    const fine = await memoryStore({ catalog: defaultCatalog }).append([narrative("ratt", "Kurserna var {{courses.held}}, {{ courses.held compare=previous-year }} året innan; {{staffing.fte asOf=2020-08-31 unit=count}}.")]);
    expect(fine.ok).toBe(true);
  });

  it("print a small count in words when asked, capitalised at a sentence's start, and a size without its sign", async () => {
    const change: EventDraft = { ...snapshot, id: "snap-2019", effectiveAt: "2019-12-31", data: { asOf: "2019-12-31", total: "50.60" } } as EventDraft;
    const document = await reportOf([snapshot, change, narrative("ord", "{{staffing.fte asOf=2020-08-31 form=visstid unit=count decimals=0 words=En}} på visstid, {{staffing.fte-change from=2019-12-31 asOf=2020-08-31 unit=count decimals=0 words=en sign=nej}} färre, {{staffing.fte-change from=2019-12-31 asOf=2020-08-31 sign=nej}} exakt.")]);
    const [paragraph] = paragraphs(document).filter((block) => block.markdown.includes("på visstid"));
    expect(plain(paragraph?.markdown)).toBe("Fjorton på visstid, fem färre, 5,30 årsarbetare exakt.");
    // Only the text is the prose's: the exact value keeps its sign.
    expect(paragraph?.figures?.map((figure) => figure.exact)).toEqual(["13.8", "-5.3", "-5.3"]);
  });

  it("are refused at append when they name a figure no domain defines, or give a figure a parameter it does not take", async () => {
    const outcome = await memoryStore({ catalog: defaultCatalog }).append([narrative("fel-figur", "Kurserna var {{courses.hled}}; {{staffing.fte asOf=2020-08-31 form=visstid avdelning=x}} på visstid.")]);
    expect(outcome.ok ? [] : outcome.issues.map((found) => [found.path, found.message])).toEqual([
      ["data.markdown", '"{{courses.hled}}" names no figure "courses.hled" (did you mean courses.held?)'],
      ["data.markdown", '"{{staffing.fte asOf=2020-08-31 form=visstid avdelning=x}}" gives staffing.fte a parameter it does not take: avdelning; it takes asOf, form, financing, group, area'],
    ]);
  });

  it("are refused with what the catalog knows of the key: its domain's figures, or that it has no such domain, and a near miss of a parameter", async () => {
    const outcome = await memoryStore({ catalog: defaultCatalog }).append([narrative("okand", "{{library.loans}} lån, {{grants.zzzzzzzz}} ansökningar, {{staffing.fte frm=visstid}} på visstid.")]);
    expect(outcome.ok ? [] : outcome.issues.map((found) => found.message)).toEqual([
      '"{{library.loans}}" names no figure "library.loans" (no figure\'s key starts with "library.")',
      expect.stringMatching(/^"\{\{grants\.zzzzzzzz\}\}" names no figure "grants\.zzzzzzzz" \(the figures of grants: grants\.[a-z-]+(, grants\.[a-z-]+)*(, …)?\)$/),
      '"{{staffing.fte frm=visstid}}" gives staffing.fte a parameter it does not take: frm (did you mean form?); it takes asOf, form, financing, group, area',
    ]);
  });

  it("are refused at append when the words style is unknown", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const outcome = await store.append([narrative("fel-ord", "{{staffing.fte asOf=2020-08-31 words=tre}}")]);
    expect(JSON.stringify(outcome)).toContain("words must be one of en, ett, En, Ett");
  });
});

describe("counts in words", () => {
  it("writes whole numbers up to twenty in words, one by the noun's gender, and leaves the rest in digits", () => {
    expect(numberWord("0", "en")).toBe("noll");
    expect(numberWord("1", "en")).toBe("en");
    expect(numberWord("1", "Ett")).toBe("Ett");
    expect(numberWord("13", "en")).toBe("tretton");
    expect(numberWord("9", "En")).toBe("Nio");
    expect(numberWord("20", "en")).toBe("tjugo");
    expect(numberWord("21", "en")).toBeUndefined();
    expect(numberWord("3,5", "en")).toBeUndefined();
  });
});
