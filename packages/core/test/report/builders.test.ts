import { describe, expect, it } from "vitest";
import { ATTENDANCE_AVERAGE, attendanceProjection, BUILT_IN_EMPLOYMENT_FORMS, BUILT_IN_STAFF_FINANCING, buildReportDocument, dec, defaultHouse, jsonRenderer, metricsProjection, period, type AttendanceResult, type ReportChart, ReportResults, reportFiguresOf, reportPeriod, staffingProjection, surveyProjection, type ReportBuildContext, type ReportProvenance, type StaffingResult, type SurveyResult } from "@tertial/core";

const provenance: ReportProvenance = { logHash: null, eventCount: 0, knownAt: null, period: { name: "2020-T1..T2", start: "2020-01-01", end: "2020-08-31" }, generatedBy: "test" };

const fte = (asOf: string, total: string, forms: Record<string, string> | null, extra: Partial<StaffingResult["tertials"][number]["fte"]> = {}) => ({
  asOf,
  source: "snapshot" as const,
  total,
  byEmploymentForm: forms,
  byFinancing: null,
  byArea: null,
  byAreaGroup: null,
  evidence: [`snap-${asOf}`],
  ...extra,
});

const staffing: StaffingResult = {
  period: "2020-T1..T2",
  atEnd: fte("2020-08-31", "45.30", { tjanstekop: "7.25", tillsvidare: "24.25", visstid: "13.80" }, { byFinancing: { extern: "19.80", grund: "25.50" } }),
  tertials: [
    { tertial: "2019-T1", fte: null },
    { tertial: "2019-T3", fte: fte("2019-12-31", "50.60", null) },
    { tertial: "2020-T2", fte: fte("2020-08-31", "45.30", { tjanstekop: "7.25", tillsvidare: "24.25", visstid: "13.80" }) },
  ],
  changes: [],
  employmentForms: BUILT_IN_EMPLOYMENT_FORMS,
  financingKinds: BUILT_IN_STAFF_FINANCING,
};

const context = (fill: (results: ReportResults) => ReportResults = (results) => results): ReportBuildContext => ({ kind: "delarsrapport", period: period("2020-T1..T2"), results: fill(new ReportResults()) });
const withStaffing = (results: ReportResults) => results.set(staffingProjection, "report", staffing);

describe("report builders", () => {
  it("covers the cumulative period each kind asks for", () => {
    const of = (kind: "tertialrapport" | "delarsrapport" | "verksamhetsberattelse", text: string) => {
      const resolved = reportPeriod(kind, period(text));
      return resolved.ok ? `${resolved.period.start}..${resolved.period.end}` : resolved.message;
    };
    expect(of("tertialrapport", "2020-T1")).toBe("2020-01-01..2020-04-30");
    expect(of("tertialrapport", "2020-T2")).toBe("2020-01-01..2020-08-31");
    expect(of("tertialrapport", "2020-T3")).toBe("2020-01-01..2020-12-31");
    expect(of("delarsrapport", "2020-T1..T2")).toBe("2020-01-01..2020-08-31");
    expect(of("verksamhetsberattelse", "2020")).toBe("2020-01-01..2020-12-31");
    expect(of("delarsrapport", "2020-T1")).toContain("January–August");
    expect(of("tertialrapport", "2020-H1")).toContain("tertial's last day");
    // A period reaching back into the year before is refused, not cut at 1 January without a word.
    expect(of("tertialrapport", "2020-T3..2021-T1")).toBe("a follow-up report covers part of one year, from 1 January to a tertial's end; 2020-09-01..2021-04-30 reaches back into 2020 (for 2021 give e.g. 2021-T1)");
    expect(of("verksamhetsberattelse", "2020..2021")).toContain("reaches back into 2020");
  });

  it("leaves out every section without facts: an empty log gives the title and Bilaga 1 only", () => {
    const { document } = buildReportDocument({ context: context(), provenance, house: defaultHouse });
    expect(document.sections).toEqual([]);
    expect(document.appendices.map((section) => section.number)).toEqual(["Bilaga 1"]);
    expect(document.title.title).toBe("Delårsrapport januari–augusti 2020");
  });

  it("builds Medarbetare (numbered 1.1 when nothing precedes it) from the staffing result: formatted figures with exact values, blanks where the facts are silent", () => {
    const built = buildReportDocument({ context: context(withStaffing), provenance, house: defaultHouse });
    const [inledning] = built.document.sections;
    // A log with no outline and no text: the default outline puts the staff under "Verksamheten".
    expect(inledning?.title).toBe("Verksamheten");
    expect(inledning?.sections.map((section) => `${section.number} ${section.title}`)).toEqual(["1.1 Medarbetare"]);
    const table = inledning?.sections[0]?.blocks[0];
    expect(table?.kind).toBe("table");
    if (table?.kind !== "table") return;
    expect(table.body.map((row) => row.cells.map((cell) => (cell.kind === "figure" ? cell.figure.text : cell.kind === "text" ? cell.text : "")))).toEqual([
      ["2019 - tertial 3", "", "", "", "50,60"],
      ["2020 - tertial 2", "7,25", "24,25", "13,80", "45,30"],
    ]);
    const figures = reportFiguresOf(built.document);
    // Every cell knows its figure: the definition's key, the parameters asked, the period, and the exact value.
    expect(figures.get("staffing.fte@2020-08-31/form=visstid")?.figure).toEqual({
      key: "staffing.fte@2020-08-31/form=visstid",
      exact: "13.8",
      text: "13,80",
      unit: "fte",
      definition: { key: "staffing.fte", params: { asOf: "2020-08-31", form: "visstid" }, period: "2020-T1..T2" },
      // Its provenance: the facts it rests on, none of them marked reconstructed or illustrative.
      basis: "recorded",
      evidence: ["snap-2020-08-31"],
    });
    expect(figures.get("staffing.fte@2020-08-31/financing=grund")?.figure.text).toBe("25,50");
    expect(built.evidence["staffing.fte@2020-08-31"]).toEqual(["snap-2020-08-31"]);
  });

  it("puts the yearly survey in an appendix: the share of 5–6 among answers 1–6", () => {
    const survey: SurveyResult = {
      period: "2020",
      rounds: [{ roundId: "enkat-2020", title: "Årlig utvärderingsenkät 2020", year: 2020, date: "2020-12-10", questions: [{ questionId: "nytta", text: "Har nätverket varit till nytta?", networkIds: [], rank: 1, byNetwork: [], byArea: [], evidence: ["e1"], answered: 200, dontKnow: 7, satisfied: 152, share: "0.76" }] }],
    };
    const { document } = buildReportDocument({ context: { ...context((results) => results.set(surveyProjection, "report", survey)), kind: "verksamhetsberattelse", period: period("2020") }, provenance, house: defaultHouse });
    const appendix = document.appendices[1];
    expect(`${appendix?.number} ${appendix?.title}`).toBe("Bilaga 2 Årlig utvärderingsenkät");
    const figures = reportFiguresOf(document);
    expect(figures.get("survey.share@enkat-2020/question=nytta")?.figure.text).toBe("76\u00a0%");
  });

  it("charts each survey round beside its table: the table's own figures, against the target of the metric resting on its answers", () => {
    const question = (questionId: string, text: string, share: string, evidence: string) => ({ questionId, text, networkIds: [], rank: null, byNetwork: [], byArea: [], evidence: [evidence], answered: 100, dontKnow: 0, satisfied: 0, share });
    const survey: SurveyResult = { period: "2020", rounds: [{ roundId: "r", title: "Enkät 2020", year: 2020, date: "2020-12-10", questions: [question("nytta", "Nytta", "0.76", "e1"), question("info", "Information", "0.58", "e2")] }] };
    const metric = { metricId: "m", goalId: "g", goalNumber: null, name: "Nöjda", unit: "percent", direction: "higher", measuredPeriod: "2020", target: { kind: "fixed", printed: "0.7", effective: "0.7", evidence: [] }, result: { period: "2020", value: "0.76", source: "computed", evidence: ["e1"] }, shareOfBase: null, status: { derived: null, assessed: null, shown: null, overridden: false }, trend: null, comparisons: [] } as const;
    const fill = (results: ReportResults) => results.set(surveyProjection, "report", survey).set(metricsProjection, "report", { period: "2020", rows: [metric] });
    const { document } = buildReportDocument({ context: { ...context(fill), kind: "verksamhetsberattelse", period: period("2020") }, provenance, house: defaultHouse });
    const blocks = document.appendices.find((section) => section.title === "Årlig utvärderingsenkät")?.blocks ?? [];
    expect(blocks.map((block) => block.kind)).toEqual(["table", "chart"]);
    const chart = blocks[1];
    if (chart?.kind !== "chart") throw new Error("no chart");
    expect(chart.categories).toEqual(["Nytta", "Information"]);
    expect(chart.series[0]?.values.map((value) => `${value?.key} ${value?.text}`)).toEqual(["survey.share@r/question=nytta 76\u00a0%", "survey.share@r/question=info 58\u00a0%"]);
    expect(chart.targetLines.map((line) => `${line.label} ${line.figure.text}`)).toEqual(["Målvärde 70\u00a0%"]);
  });

  it("charts attendance per municipality where the facts give seats per municipality, through the share figure with the municipality parameter", () => {
    const seats = (present: number, expected: number) => ({ present, expected, share: dec(present).dividedBy(expected).toString() });
    const attendance: AttendanceResult = {
      period: "2020-T1..T2",
      definition: ATTENDANCE_AVERAGE,
      sides: [],
      measures: [],
      perMeeting: [],
      networks: [],
      groups: [],
      meetings: 3,
      attendance: seats(30, 40),
      bySide: {},
      byMunicipality: { vetlanda: seats(9, 12), aneby: seats(21, 28) },
      municipalityRange: null,
      modes: { meetingsWithMode: 0, counts: {}, shares: {} },
      gender: { counted: 0, counts: {}, shares: {} },
      evidence: ["a1"],
    };
    const { document } = buildReportDocument({ context: context((results) => results.set(attendanceProjection, "report", attendance)), provenance, house: defaultHouse });
    type Section = (typeof document.sections)[number];
    const chartsIn = (section: Section): ReportChart[] => [...section.blocks.filter((block): block is ReportChart => block.kind === "chart"), ...section.sections.flatMap(chartsIn)];
    const charts = document.sections.flatMap(chartsIn);
    const chart = charts.find((entry) => entry.id === "narvaro-per-kommun");
    expect(chart?.categories).toEqual(["aneby", "vetlanda"]);
    expect(chart?.series[0]?.values.map((value) => `${value?.key} ${value?.text} ${value?.definition?.params.municipality}`)).toEqual([
      "attendance.municipality@2020-T1..T2/municipality=aneby 75\u00a0% aneby",
      "attendance.municipality@2020-T1..T2/municipality=vetlanda 75\u00a0% vetlanda",
    ]);
  });

  it("is pure: the same results give the same bytes", () => {
    const render = () => jsonRenderer.render(buildReportDocument({ context: context(withStaffing), provenance, house: defaultHouse }).document);
    expect(render()).toBe(render());
  });
});
