import { describe, expect, it } from "vitest";
import { markdownRenderer } from "@tertial/render-markdown";
import { withPlanTarget } from "../../core/test/report/plan-target-document.js";
import { sampleDocument } from "../../core/test/report/sample-document.js";

describe("Markdown: the plan's target as a column of the metric table", () => {
  it("adds the column after the metric's own target only when the table has one", () => {
    const plain = markdownRenderer.render(sampleDocument());
    const planned = markdownRenderer.render(withPlanTarget(sampleDocument()));
    expect(plain).not.toContain("enligt planen");
    const header = planned.split("\n").find((line) => line.startsWith("| Status |"));
    expect(header?.split("|").map((cell) => cell.trim()).slice(1, 6)).toEqual(["Status", "Mätetal", "Målvärde", "Målvärde 2020 enligt planen", "Resultat"]);
    expect(planned).toMatch(/\| 80.% \| 85.% \| 76.% \|/);
  });
});
