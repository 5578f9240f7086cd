import { describe, expect, it } from "vitest";
import { dec, reportFigure, type ReportChart } from "@tertial/core";
import { svgChart } from "@tertial/render-html";
import { textWidth, wrapText } from "../src/chart/text.js";
import { valueAxis } from "../src/chart/scale.js";

const attendance: ReportChart = {
  kind: "chart",
  id: "narvaro",
  chart: "grouped-bar",
  title: "Närvaro per nätverk",
  unit: "percent",
  categories: ["Nätverk kommunal hälso- och sjukvård", "Reko – Ledningsgruppen för samverkan Region Jönköpings län och länets kommuner", "PKS"],
  series: [{ name: "Tertial 1–2 2020", values: [reportFigure("a", dec("0.564"), "percent"), reportFigure("b", dec("0.79"), "percent"), null] }],
  targetLines: [{ label: "Målvärde", figure: reportFigure("t", dec("0.8"), "percent") }],
  labels: { category: "Nätverk", value: "Närvaro" },
};

const funds: ReportChart = {
  ...attendance,
  id: "medel",
  unit: "tkr",
  categories: ["Kommunerna", "Staten"],
  series: [
    { name: "Disponibla medel 2020-08-31", values: [reportFigure("k", dec("22100146"), "tkr"), reportFigure("s", dec("81611957"), "tkr")] },
    { name: "Utfall 2020-01-01 – 2020-08-31", values: [reportFigure("u", dec("12237000"), "tkr"), reportFigure("v", dec("12449000"), "tkr")] },
  ],
  targetLines: [],
  labels: { category: "Finansiär", value: "Belopp" },
};

/** A budget deviation per area: one overspent (negative), one under budget. */
const deviation: ReportChart = {
  ...funds,
  id: "avvikelse",
  categories: ["Kansli", "Hälsa och välfärd"],
  series: [{ name: "Avvikelse 2020-08-31", values: [reportFigure("d1", dec("-1250000"), "tkr"), reportFigure("d2", dec("3400000"), "tkr")] }],
  labels: { category: "Område", value: "Avvikelse" },
};

const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? "");

describe("hand-written SVG chart", () => {
  it("wraps at spaces and never cuts a word", () => {
    const lines = wrapText("Reko – Ledningsgruppen för samverkan Region Jönköpings län och länets kommuner", 150, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("Reko – Ledningsgruppen för samverkan Region Jönköpings län och länets kommuner");
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(150);
    expect(wrapText("x".repeat(200), 100, 12).join("")).toBe("x".repeat(200));
  });

  it("has a value axis from 0 to a round maximum, labelled by the Swedish formatter", () => {
    expect(valueAxis(dec("0.95"), "percent", "Närvaro").ticks.map((tick) => tick.label)).toEqual(["0\u00a0%", "20\u00a0%", "40\u00a0%", "60\u00a0%", "80\u00a0%", "100\u00a0%"]);
    const money = valueAxis(dec("81611957"), "tkr", "Belopp");
    expect(money.title).toBe("Belopp (tkr)");
    expect(money.ticks.map((tick) => tick.label)).toEqual(["0", "20\u00a0000", "40\u00a0000", "60\u00a0000", "80\u00a0000", "100\u00a0000"]);
    expect(valueAxis(dec("0"), "fte", "Årsarbetare").ticks.map((tick) => tick.label)).toEqual(["0", "1"]);
  });

  it("gives the value axis two sides when a value is negative: a zero line, bars going down, labels left of them", () => {
    const axis = valueAxis(dec("3400000"), "tkr", "Avvikelse", 5, dec("-1250000"));
    expect(axis.ticks.map((tick) => tick.label)).toEqual(["\u22122\u00a0000", "\u22121\u00a0000", "0", "1\u00a0000", "2\u00a0000", "3\u00a0000", "4\u00a0000"]);
    expect(axis.min).toBeLessThan(0);
    expect(valueAxis(dec("3400000"), "tkr", "Avvikelse").min).toBe(0);
    const svg = svgChart(deviation).split("</svg>")[0] ?? "";
    const zero = /<line x1="([\d.]+)"[^>]*class="baseline"/.exec(svg);
    const rects = [...svg.slice(svg.indexOf('class="bars"')).matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="\d+" fill/g)].map((match) => ({ x: Number(match[1]), width: Number(match[2]) }));
    const [down, up] = rects;
    expect(zero).not.toBeNull();
    const zeroX = Number(zero?.[1]);
    expect(down && down.width > 0 && Math.abs(down.x + down.width - zeroX) < 0.2).toBe(true);
    expect(up && Math.abs(up.x - zeroX) < 0.2 && up.width > down!.width).toBe(true);
    const label = /<text x="([\d.]+)"[^>]*text-anchor="end" class="value"[^>]*>([^<]*)</.exec(svg);
    expect(Number(label?.[1])).toBeLessThan(down!.x);
  });

  it("prints whole category names, whole legend names, gridlines and a labelled target line", () => {
    const svg = svgChart(funds) + svgChart(attendance);
    const printed = texts(svg).join(" ");
    expect(printed).toContain("Disponibla medel 2020-08-31");
    expect(printed).toContain("Utfall 2020-01-01 – 2020-08-31");
    expect(printed).toContain("Nätverk kommunal hälso- och sjukvård");
    expect(printed).not.toContain("…");
    expect(svg).toContain('class="grid"');
    expect(texts(svgChart(attendance))).toContain("Målvärde 80\u00a0%");
  });

  it("moves a value label off the target line that would run through it", () => {
    const svg = svgChart(attendance);
    const line = /<line x1="([\d.]+)"[^>]*class="target"/.exec(svg);
    const label = /<text x="([\d.]+)"[^>]*class="value"[^>]*>79\u00a0%</.exec(svg);
    expect(line).not.toBeNull();
    expect(label).not.toBeNull();
    expect(Number(label?.[1])).toBeGreaterThan(Number(line?.[1]));
  });

  it("draws each chart wide and narrow, every text inside its viewBox by its own measure, every name whole, the same bytes every time", () => {
    for (const chart of [attendance, funds, deviation]) {
      const both = svgChart(chart);
      expect(both).toBe(svgChart(structuredClone(chart)));
      const drawings = both.split("</svg>").filter((part) => part !== "");
      expect(drawings.map((svg) => /class="chart (chart-\w+)"/.exec(svg)?.[1])).toEqual(["chart-wide", "chart-narrow"]);
      for (const svg of drawings) {
        const [, width = "0", height = "0"] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? [];
        for (const match of svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"([^>]*)>([^<]*)</g)) {
          const [, x = "0", y = "0", attributes = "", text = ""] = match;
          const size = textWidth(text.replace(/&amp;/g, "&"), 12, attributes.includes("700"));
          const left = attributes.includes('"end"') ? Number(x) - size : attributes.includes('"middle"') ? Number(x) - size / 2 : Number(x);
          expect(left, text).toBeGreaterThanOrEqual(0);
          expect(left + size, text).toBeLessThanOrEqual(Number(width));
          expect(Number(y), text).toBeLessThanOrEqual(Number(height));
        }
        const categoryLines = [...svg.matchAll(/class="category"[^>]*>([^<]*)</g)].map((match) => match[1] ?? "").join(" ");
        expect(categoryLines).toBe(chart.categories.join(" "));
      }
    }
  });
});
