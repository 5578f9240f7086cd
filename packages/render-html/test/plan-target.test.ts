import { describe, expect, it } from "vitest";
import { htmlRenderer } from "@tertial/render-html";
import { withPlanTarget } from "../../core/test/report/plan-target-document.js";
import { sampleDocument } from "../../core/test/report/sample-document.js";

describe("HTML: the plan's target as a column of the metric table", () => {
  it("adds a header cell and a cell per row only when the table has the column", () => {
    expect(htmlRenderer.render(sampleDocument())).not.toContain("enligt planen");
    const html = htmlRenderer.render(withPlanTarget(sampleDocument()));
    expect(html).toContain(`<th scope="col" class="num">Målvärde</th><th scope="col" class="num">Målvärde 2020 enligt planen</th><th scope="col" class="num">Resultat</th>`);
    expect(html).toMatch(/<td class="num">80.%<\/td><td class="num"><data value="0.85">85.%<\/data><\/td><td class="num"><data value="0.76">76.%<\/data><\/td>/);
  });
});
