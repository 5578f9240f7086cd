import { describe, expect, it } from "vitest";
import { dec, formatFigure, type StaffingResult } from "@tertial/core";
import { spawnCli } from "./cli.js";

const LOG = "examples/kommunal-utveckling-2020/events.jsonl";
const fte = (exact: string | undefined): string => formatFigure(dec(exact ?? "NaN"), "fte", { withSuffix: false }).text;

describe("the example log through the real CLI", () => {
  it("replays the staffing table of the 2020 interim report exactly", async () => {
    const result = await spawnCli(["replay", LOG, "--projection", "staffing", "--period", "2020-T2"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const staffing = JSON.parse(result.stdout) as StaffingResult;
    expect(staffing.tertials.map((row) => [row.tertial, fte(row.fte?.total)])).toEqual([
      ["2019-T1", "53,60"],
      ["2019-T2", "51,20"],
      ["2019-T3", "50,60"],
      ["2020-T1", "44,40"],
      ["2020-T2", "45,30"],
    ]);
    expect(staffing.tertials.map((row) => row.fte?.byEmploymentForm)).toEqual([
      { tjanstekop: "15.65", tillsvidare: "24.60", visstid: "13.35" },
      { tjanstekop: "7.70", tillsvidare: "31.35", visstid: "12.15" },
      { tjanstekop: "8.15", tillsvidare: "31.55", visstid: "10.90" },
      { tjanstekop: "6.35", tillsvidare: "24.25", visstid: "13.80" },
      { tjanstekop: "7.25", tillsvidare: "24.25", visstid: "13.80" },
    ]);
    expect(staffing.atEnd?.byFinancing).toEqual({ extern: "19.80", grund: "25.50" });
    expect([fte(staffing.atEnd?.byFinancing?.grund), fte(staffing.atEnd?.byFinancing?.extern)]).toEqual(["25,50", "19,80"]);
    expect(staffing.atEnd?.total).toBe("45.30");
  });

  it("verifies the example log's chain", async () => {
    const result = await spawnCli(["verify", LOG]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^examples\/kommunal-utveckling-2020\/events\.jsonl: ok, \d+ events, head [0-9a-f]{64}\n$/);
  });
});
