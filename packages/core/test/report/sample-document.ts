import { dec, reportFigure, type ReportCell, type ReportDocument } from "@tertial/core";

/** Text that tries to break out of every context a renderer prints into. */
export const HOSTILE = {
  script: "<script>alert('x')</script>",
  link: "[klicka](javascript:alert(1)) och <javascript:alert(2)> och [data](data:text/html;base64,PHNjcmlwdD4=)",
  pipe: "a | b || c",
  heading: "# Falsk rubrik\n\nFalsk underrubrik\n===",
  backticks: "```\nkod som aldrig stängs",
  longWord: "x".repeat(10_000),
  image: "![spårare](https://example.org/pixel.png)",
  html: '<img src=x onerror="alert(3)"> & &amp; "citat"',
};

export const hostileText = Object.values(HOSTILE).join(" ");

const figureCell = (key: string, exact: string, unit: "fte" | "tkr" | "percent", marks: string[] = []): ReportCell => ({ kind: "figure", figure: reportFigure(key, dec(exact), unit, { withSuffix: unit === "percent" }), marks });
const text = (value: string, marks: string[] = []): ReportCell => ({ kind: "text", text: value, marks });

/**
 * A hand-made document with one of every block kind: 3 headings below the title, 5 tables
 * (table, metric table, activity table, two charts as data tables). `hostile` is spliced into
 * every free-text field.
 */
export const sampleDocument = (hostile = ""): ReportDocument => ({
  format: "tertial.report",
  version: 1,
  kind: "delarsrapport",
  language: "sv",
  title: { title: `Delårsrapport januari–augusti 2020${hostile}`, organisation: `Kommunal utveckling${hostile}`, periodLabel: "Tertial 1–2 2020", lines: [`Dnr RJL 2019/1940${hostile}`] },
  sections: [
    {
      id: "inledning",
      number: "1",
      title: `Inledning${hostile}`,
      blocks: [{ kind: "paragraph", markdown: `Kommunal utveckling har sex **strategiska mål**.${hostile}\n\n- ett\n- två` }],
      sections: [
        {
          id: "medarbetare",
          number: "1.1",
          title: `Medarbetare${hostile}`,
          blocks: [
            {
              kind: "table",
              id: "staff",
              caption: `Antal medarbetare${hostile}`,
              unitNote: "årsarbetare",
              align: ["left", "right", "right"],
              head: [{ cells: [text("År"), text("Tjänsteköp"), text("Summa")] }],
              body: [
                { cells: [text(`2019 - tertial 2${hostile}`, ["*"]), figureCell("staffing.fte@2019-08-31/form=tjanstekop", "7.70", "fte"), figureCell("staffing.fte@2019-08-31", "51.20", "fte")] },
                { cells: [text("2020 - tertial 2"), { kind: "blank", marks: [] }, figureCell("staffing.fte@2020-08-31", "45.30", "fte")] },
              ],
              foot: [{ cells: [text("Summa"), figureCell("x.sum@2020", "-547", "tkr"), figureCell("x.share@2020", "0.76", "percent")] }],
              footnotes: [{ mark: "*", markdown: `Förflyttningen från tjänsteköp.${hostile}` }],
            },
            {
              kind: "chart",
              id: "fte",
              chart: "stacked-bar",
              title: `Årsarbetare per tertial${hostile}`,
              unit: "fte",
              categories: [`2019 - tertial 2${hostile}`, "2020 - tertial 2"],
              series: [
                { name: `Tjänsteköp${hostile}`, values: [reportFigure("a@1", dec("7.70"), "fte", { withSuffix: false }), null] },
                { name: "Tillsvidare", values: [reportFigure("a@2", dec("31.35"), "fte", { withSuffix: false }), reportFigure("a@3", dec("24.25"), "fte", { withSuffix: false })] },
              ],
              targetLines: [],
              labels: { category: "Tertial", value: "Årsarbetare" },
            },
          ],
          sections: [],
        },
      ],
    },
    {
      id: "partnerskap",
      number: "2",
      title: "Vi har ett starkt och jämbördigt partnerskap med aktiva ägare",
      blocks: [
        {
          kind: "metric-table",
          id: "attendance",
          rows: [
            {
              key: "meetings.attendance@2020-T1..T2",
              status: "partly-met",
              derivedStatus: "not-met",
              name: `Närvaro vid samtliga chefsnätverk.${hostile}`,
              target: { text: "80 %", figure: reportFigure("t@1", dec("0.8"), "percent") },
              result: reportFigure("meetings.attendance@2020-T1..T2", dec("0.76"), "percent"),
              trend: "down",
              comparison: { label: "samma period 2019", figure: reportFigure("c@1", dec("0.79"), "percent") },
              description: `Totalt har närvaron registrerats på 21 nätverk.${hostile}`,
            },
          ],
          footnotes: [],
        },
        { kind: "activity-table", id: "grants", rows: [{ key: "grants.application@pts", status: "done", activity: `Räkna med mig - innovationstävling.${hostile}`, statusText: `Post- och telestyrelsen beslutade att avslå ansökan om 817 600 kronor.${hostile}` }] },
        {
          kind: "chart",
          id: "attendance-per-network",
          chart: "grouped-bar",
          title: "Närvaro per nätverk",
          unit: "percent",
          categories: ["PKS", `Kommundirektörer${hostile}`],
          series: [{ name: "Tertial 1–2 2020", values: [reportFigure("n@1", dec("0.95"), "percent"), reportFigure("n@2", dec("0.94"), "percent")] }],
          targetLines: [{ label: "Målvärde", figure: reportFigure("n@t", dec("0.8"), "percent") }],
          labels: { category: "Nätverk", value: "Närvaro" },
        },
        { kind: "notice", text: `Inga uppgifter för perioden.${hostile}` },
      ],
      sections: [],
    },
  ],
  appendices: [
    {
      id: "bilaga-1",
      number: "Bilaga 1",
      title: "Symbolförteckning för mätetal och aktiviteter",
      blocks: [{ kind: "legend", groups: [{ title: "Symbolförteckning för mätetal", entries: [{ symbol: "●", text: `uppfyllt${hostile}` }] }] }],
      sections: [],
    },
  ],
  provenance: { logHash: "a".repeat(64), eventCount: 3, knownAt: "2020-10-15", period: { name: "2020-T1..T2", start: "2020-01-01", end: "2020-08-31" }, generatedBy: "tertial test" },
});

/** Headings below the document title, and tables, that `sampleDocument` holds. */
export const SAMPLE_SHAPE = { sectionHeadings: 4, tables: 5 } as const;
