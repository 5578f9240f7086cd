import { describe, expect, it } from "vitest";
import { dec, defaultCatalog, formatFigure, jsonlStore, period, replay, type AttendanceResult, type MetricsResult, type MetricTableRow, type UnitId } from "@tertial/core";

const LOG = "examples/kommunal-utveckling-2020/events.jsonl";
const T12 = period("2020-T1..T2");
/** The interim report as it could have been written; the log also holds later, illustrative corrections. */
const AS_PUBLISHED = "2020-10-15";

const printed = (value: string | null | undefined, unit: string): string => (value === null || value === undefined ? "" : formatFigure(dec(value), unit as UnitId).text.replace(/\u00a0/g, " "));

/** A metric row as the report would print it: name, target, result, status, trend, comparisons. */
const asPrinted = (row: MetricTableRow) => [
  row.goalNumber,
  row.metricId,
  printed(row.target.printed, row.unit),
  printed(row.result?.value, row.unit),
  row.status.shown ?? "",
  row.trend?.value ?? "",
  row.comparisons.map((entry) => `${entry.comparison}: ${printed(entry.value?.value, row.unit)}`).join("; "),
];

describe("golden: the 2020 interim report's metric tables from the example log", () => {
  it("prints every row of T-D, T-F, T-L, T-M and T-N", async () => {
    const result = await replay(jsonlStore({ path: LOG, catalog: defaultCatalog }), defaultCatalog, defaultCatalog.projection("metrics")!, { period: T12, knownAt: AS_PUBLISHED });
    const rows = (result as MetricsResult).rows.filter((row) => row.metricId !== "extern-finansiering-andel").map(asPrinted);
    expect(rows).toEqual([
      ["2.2", "beviljad-finansiering", "18 570 800 kronor", "5 685 000 kronor", "partly-met", "up", "same-period-last-year: 250 000 kronor"],
      ["2.2", "beviljade-projekt", "8 st.", "3 st.", "partly-met", "up", "same-period-last-year: 1 st."],
      ["2.3", "finansiellt-resultat", "0 kronor", "0 kronor", "met", "down", "previous-year: 54 000 kronor"],
      ["3.2", "narvaro-samtliga-natverk", "80 %", "76 %", "partly-met", "down", "previous-year: 73 %; same-period-last-year: 79 %"],
      ["3.2", "narvaro-pks", "80 %", "95 %", "met", "up", "same-period-last-year: 90 %"],
      ["3.2", "narvaro-kommundirektorer", "80 %", "94 %", "met", "up", "previous-year: 85 %"],
      ["3.3", "narvaro-reko", "80 %", "72 %", "partly-met", "up", "same-period-last-year: 67 %"],
      ["3.3", "narvaro-strategigrupp-barn-och-unga", "80 %", "74 %", "partly-met", "down", "same-period-last-year: 83 %"],
      ["3.3", "narvaro-strategigrupp-aldre", "80 %", "72 %", "partly-met", "down", "same-period-last-year: 76 %"],
      ["3.3", "narvaro-strategigrupp-psykiatri-missbruk", "80 %", "66 %", "partly-met", "down", "same-period-last-year: 67 %"],
      ["6.2", "kurser-genomforda", "78 kurser", "34 kurser", "not-met", "down", "same-period-last-year: 78 kurser"],
      ["6.2", "kurser-deltagare", "2 726 deltagare", "438 deltagare", "not-met", "down", "same-period-last-year: 2 726 deltagare"],
    ]);
    const external = (result as MetricsResult).rows.find((row) => row.metricId === "extern-finansiering-andel");
    expect(external).toMatchObject({ target: { kind: "none", printed: null }, status: { shown: null }, result: { source: "computed" } });
  });

  it("reproduces the attendance figures of chapter 3", async () => {
    const result = (await replay(jsonlStore({ path: LOG, catalog: defaultCatalog }), defaultCatalog, defaultCatalog.projection("attendance")!, { period: T12, knownAt: AS_PUBLISHED })) as AttendanceResult;
    const pct = (value: string | null | undefined) => printed(value, "percent");
    const all = result.groups.find((group) => group.groupId === "samtliga-chefsnatverk")!;
    expect([all.networks, all.meetings, pct(all.attendance.share), all.reachingTarget, pct(all.range?.min), pct(all.range?.max)]).toEqual([21, 70, "76 %", 9, "46 %", "95 %"]);
    const network = (id: string) => result.networks.find((one) => one.networkId === id)!;
    const sides = (id: string) => [pct(network(id).attendance.share), pct(network(id).bySide.region?.share), pct(network(id).bySide.kommun?.share)];
    expect(sides("reko")).toEqual(["72 %", "91 %", "53 %"]);
    expect(sides("strategigrupp-barn-och-unga")).toEqual(["74 %", "81 %", "58 %"]);
    expect(sides("strategigrupp-aldre")).toEqual(["72 %", "78 %", "66 %"]);
    expect(sides("strategigrupp-psykiatri-missbruk")).toEqual(["66 %", "70 %", "58 %"]);
    expect([pct(network("pks").attendance.share), pct(network("kommundirektorer").attendance.share)]).toEqual(["95 %", "94 %"]);
    expect([pct(network("pks").gender.shares.man), pct(network("pks").gender.shares.kvinna)]).toEqual(["51 %", "49 %"]);
    expect([pct(result.modes.shares.fysiskt), pct(result.modes.shares.digitalt), pct(result.modes.shares.kombination)]).toEqual(["41 %", "42 %", "17 %"]);
    const region = result.groups.find((group) => group.groupId === "samverkan-region")!;
    expect([pct(region.range?.min), pct(region.range?.max)]).toEqual(["66 %", "74 %"]);
  });
});
