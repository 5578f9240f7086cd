import { describe, expect, it } from "vitest";
import { checkReportDocument, checkRuleOverrides, period, readDraftFile } from "@tertial/core";

describe("more of the API's inputs, as a plain-JavaScript caller may pass them", () => {
  it("period takes text, and says how when given a number or nothing", () => {
    expect(() => period(2020 as never)).toThrow('period takes the period as text, e.g. period("2020-T1..T2") or period("2020"), not the number 2020: write period("2020")');
    expect(() => period(undefined as never)).toThrow(/not undefined$/);
    expect(period("2020").name).toBe("2020");
  });

  it("readDraftFile refuses a limit that would let any file through", async () => {
    await expect(readDraftFile("x.jsonl", Number.NaN)).rejects.toThrow("readDraftFile's limit is a whole number of bytes above zero, not NaN");
    await expect(readDraftFile("x.jsonl", -1)).rejects.toThrow(RangeError);
  });

  it("a renderer's rule overrides must be rules it has, as functions", () => {
    const known = { heading: () => "", table: () => "" };
    expect(() => checkRuleOverrides("Markdown", { headng: () => "" }, known)).toThrow('the Markdown renderer has no rule "headng" (did you mean heading?); its rules are heading, table');
    expect(() => checkRuleOverrides("Markdown", { heading: "#" }, known)).toThrow('the Markdown renderer\'s rule "heading" must be a function, not string');
    expect(() => checkRuleOverrides("Markdown", { heading: () => "x" }, known)).not.toThrow();
  });

  it("a renderer refuses what is no report document, with its first problems", () => {
    expect(() => checkReportDocument("HTML", {})).toThrow(/^the HTML renderer takes a report document \(what generateReport returns\): /);
  });
});
