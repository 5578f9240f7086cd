/**
 * A second, fictional organisation (Bergdalens folkbildningsförbund) whose staff are permanent or
 * employed for a project, financed by its base funding or by a regional grant: a form and a kind it
 * defines in its own log. Its staff tables, chart and slide print exactly those, with its own
 * labels, never the first organisation's tjänsteköp, visstid or externa medel, and they foot.
 */
import { describe, expect, it } from "vitest";
import { allBlocks, cellText, documentOf, headOf, labelsOf, type Row, tableWithId } from "./document-reading.js";
import { Decimal, parsePeriod, type EventDraft, type Period, type ReportChart, type ReportDocument, type ReportTable } from "../../src/index.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>, extra: Partial<EventDraft> = {}): EventDraft => {
  counter += 1;
  return { id: `bergdalen-${counter}`, type, effectiveAt, recordedAt: `2020-05-10T10:00:${String(counter).padStart(2, "0")}.000Z`, data, ...extra } as EventDraft;
};

const opened = (positionId: string, areaId: string, employmentForm: string, fte: string, financing: string): EventDraft =>
  draft("staff.position-opened", "2020-01-01", { positionId, areaId, employmentForm, fte, financing }, { schemaVersion: 2 });

/**
 * The year-end 2019 from the HR register's snapshot; 2020 from positions: two permanent (grund),
 * two project posts (regionbidrag), one of them cut from 1,00 to 0,80 in March.
 */
const bergdalenLog = (): EventDraft[] => {
  counter = 0;
  return [
    draft("publication.organisation-profiled", "2019-01-01", { name: "Bergdalens folkbildningsförbund", county: "Bergdalens län", responsibleBody: "Förbundsstyrelsen" }),
    draft("reference.area-established", "2019-01-01", { areaId: "studiecirklar", name: "Studiecirklar", kind: "operation" }),
    draft("reference.area-established", "2019-01-01", { areaId: "kansli", name: "Kansliet", kind: "operation" }),
    draft("staff.employment-form-defined", "2019-01-01", { formId: "projektanstalld", name: "projektanställning", label: "Projektanställd" }),
    draft("staff.financing-defined", "2019-01-01", { kindId: "regionbidrag", name: "regionbidrag", label: "Regionbidrag" }),
    draft("staff.snapshot-recorded", "2019-12-31", {
      asOf: "2019-12-31",
      total: "10.00",
      byEmploymentForm: { tillsvidare: "6.00", projektanstalld: "4.00" },
      byFinancing: { grund: "6.50", regionbidrag: "3.50" },
      byArea: { studiecirklar: "7.00", kansli: "3.00" },
    }),
    opened("rektor", "kansli", "tillsvidare", "1.00", "grund"),
    opened("handlaggare", "studiecirklar", "tillsvidare", "0.75", "grund"),
    opened("projekt-lasa", "studiecirklar", "projektanstalld", "0.50", "regionbidrag"),
    opened("projekt-natur", "studiecirklar", "projektanstalld", "1.00", "regionbidrag"),
    draft("staff.position-changed", "2020-03-01", { positionId: "projekt-natur", fte: "0.80", reason: "Projektet minskade" }, { schemaVersion: 2 }),
    draft("staff.change-recorded", "2020-03-01", { areaId: "studiecirklar", change: "form-changed", fte: "0.50", employmentForm: "projektanstalld", fromForm: "tillsvidare" }, { schemaVersion: 2 }),
  ];
};

const T1 = parsePeriod("2020-T1") as Period;

const build = async (kind: "tertialrapport" | "resultatuppfoljning"): Promise<ReportDocument> => documentOf(bergdalenLog(), kind, T1);

/** A row's figures as exact decimals with two places, its label left out; a blank cell is null. */
const exactsOf = (entry: Row): (string | null)[] => entry.cells.slice(1).map((cell) => (cell.kind === "figure" ? new Decimal(cell.figure.exact).toFixed(2) : null));
const sum = (values: readonly (string | null)[]): string => values.reduce<Decimal>((total, value) => total.plus(value ?? 0), new Decimal(0)).toFixed(2);

/** In each row of a forms table, the forms' columns add up to the last column, the total. */
const expectRowsFoot = (table: ReportTable): void => {
  for (const entry of table.body) {
    const values = exactsOf(entry);
    expect(sum(values.slice(0, -1)), `${table.id} ${cellText(entry.cells[0] ?? { kind: "blank", marks: [] })}`).toBe(values[values.length - 1]);
  }
};

/** The first organisation's forms and financing kinds as its staff tables print them. */
const FIRST_ORGANISATION = ["Tjänsteköp", "tjanstekop", "Visstid", "visstid", "Externa medel", "extern"];

describe("a second organisation with project employments and a regional grant", () => {
  it("heads the table of employment forms with its own forms, and every row foots to its total", async () => {
    const forms = tableWithId(await build("tertialrapport"), "staff-employment-forms");
    expect(headOf(forms)).toEqual(["År/anställningsform", "Tillsvidare", "Projektanställd", "Summa"]);
    expect(forms.align).toEqual(["left", "right", "right", "right"]);
    expect(labelsOf(forms)).toEqual(["2019 - tertial 3", "2020 - tertial 1"]);
    expect(forms.body.map(exactsOf)).toEqual([
      ["6.00", "4.00", "10.00"],
      ["1.75", "1.30", "3.05"],
    ]);
    expectRowsFoot(forms);
  });

  it("stacks its chart by its own forms, the same figures as the table", async () => {
    const document = await build("tertialrapport");
    const chart = allBlocks(document).find((block): block is ReportChart => block.kind === "chart" && block.id === "staff-fte-by-form");
    expect(chart?.series.map((series) => series.name)).toEqual(["Tillsvidare", "Projektanställd"]);
    expect(chart?.series.map((series) => series.values.map((value) => (value === null ? null : new Decimal(value.exact).toFixed(2))))).toEqual([
      ["6.00", "1.75"],
      ["4.00", "1.30"],
    ]);
  });

  it("rows the financing table by its own kinds, footing to the total", async () => {
    const financing = tableWithId(await build("tertialrapport"), "staff-financing");
    expect(labelsOf(financing)).toEqual(["Grundfinansiering", "Regionbidrag", "Summa"]);
    expect(financing.body.map(exactsOf)).toEqual([["1.75"], ["1.30"]]);
    expect(financing.foot.map(exactsOf)).toEqual([[sum(financing.body.map((entry) => exactsOf(entry)[0] ?? null))]]);
  });

  it("prints its own forms and kinds on the staff slide, and they foot", async () => {
    const document = await build("resultatuppfoljning");
    const forms = tableWithId(document, "bild-medarbetare-anstallningsformer");
    expect(headOf(forms)).toEqual(["År/anställningsform", "Tillsvidare", "Projektanställd", "Summa"]);
    expect(forms.align).toEqual(["left", "right", "right", "right"]);
    expect(forms.body.map(exactsOf)).toEqual([
      ["6.00", "4.00", "10.00"],
      ["1.75", "1.30", "3.05"],
    ]);
    expectRowsFoot(forms);
    const financing = tableWithId(document, "bild-medarbetare-finansiering");
    expect(labelsOf(financing)).toEqual(["Grundfinansiering", "Regionbidrag", "Summa"]);
    expect([...financing.body, ...financing.foot].map(exactsOf)).toEqual([["1.75"], ["1.30"], ["3.05"]]);
  });

  it("prints nothing of the first organisation's forms or financing kinds", async () => {
    for (const kind of ["tertialrapport", "resultatuppfoljning"] as const) {
      const document = await build(kind);
      const staff = JSON.stringify(allBlocks(document).filter((block) => (block.kind === "table" || block.kind === "chart") && /^(staff-|bild-medarbetare)/.test(block.id)));
      expect(staff.length).toBeGreaterThan(100);
      expect(FIRST_ORGANISATION.filter((word) => staff.includes(word))).toEqual([]);
    }
  });
});
