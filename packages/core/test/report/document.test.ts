import { describe, expect, it } from "vitest";
import { decodeReportDocument, jsonRenderer, reportFiguresOf } from "@tertial/core";
import { hostileText, sampleDocument } from "./sample-document.js";

describe("report document", () => {
  it("decodes a hand-made document, and the JSON renderer round-trips it", () => {
    const document = sampleDocument(hostileText);
    expect(decodeReportDocument(document)).toEqual({ ok: true, document });
    const json = jsonRenderer.render(document);
    expect(decodeReportDocument(JSON.parse(json))).toEqual({ ok: true, document });
    expect(jsonRenderer.render(document)).toBe(json);
  });

  it("reads version 1 documents as well as version 2, which only adds optional fields", () => {
    const version1 = { ...sampleDocument(), version: 1 as const };
    expect(decodeReportDocument(version1)).toEqual({ ok: true, document: version1 });
    const version2 = { ...sampleDocument(), version: 2 as const };
    expect(decodeReportDocument(version2).ok).toBe(true);
  });

  it("rejects a document of another shape with the path of the problem", () => {
    const broken = { ...sampleDocument(), version: 3 };
    const decoded = decodeReportDocument(broken);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.errors).toEqual(["version: is not valid (expected 1 or 2, got 3)"]);
  });

  it("names each problem once, at a path as event issues write it, without the decoder's inner steps", () => {
    interface Block { readonly kind: string; readonly body?: readonly { readonly cells: readonly { readonly kind: string; readonly figure?: { exact: unknown } }[] }[] }
    interface Section { readonly blocks: Block[]; readonly sections: readonly Section[] }
    const document = JSON.parse(JSON.stringify(sampleDocument())) as { sections: Section[] };
    const sections = document.sections.flatMap((section) => [section, ...section.sections]);
    const tableAt = sections.flatMap((section, at) => section.blocks.map((block, index) => ({ at, index, block }))).find(({ block }) => block.kind === "table" && block.body?.some((row) => row.cells.some((cell) => cell.kind === "figure")));
    if (tableAt === undefined) throw new Error("the sample has a table with a figure");
    const row = tableAt.block.body?.findIndex((each) => each.cells.some((cell) => cell.kind === "figure")) ?? -1;
    const cell = tableAt.block.body?.[row]?.cells.findIndex((each) => each.kind === "figure") ?? -1;
    const figure = tableAt.block.body?.[row]?.cells[cell]?.figure as { exact: unknown };
    figure.exact = 12;
    document.sections[0]?.blocks.unshift({ kind: "paragrap", markdown: "x" } as Block, { kind: "paragraph" });
    const decoded = decodeReportDocument(document);
    if (decoded.ok) throw new Error("the document is broken");
    const where = (path: string) => decoded.issues.find((found) => found.path === path);
    expect(where("sections[0].blocks[0].kind")).toMatchObject({ message: "is not valid", actual: '"paragrap"', expected: expect.stringMatching(/^one of the kinds paragraph, notice, table, /) as unknown });
    expect(where("sections[0].blocks[1].markdown")).toMatchObject({ message: "is missing", expected: "string" });
    const tablePath = sections[tableAt.at] === document.sections[0] ? `sections[0].blocks[${tableAt.index + 2}]` : `sections[0].sections[${tableAt.at - 1}].blocks[${tableAt.index}]`;
    expect(where(`${tablePath}.body[${row}].cells[${cell}].figure.exact`)).toMatchObject({ expected: "string", actual: "12" });
    expect(decoded.issues).toHaveLength(3);
    expect(decoded.errors).toEqual(decoded.issues.map((found) => `${found.path}: ${found.message} (expected ${found.expected ?? ""}, got ${found.actual ?? ""})`));
  });

  it("keeps every figure's printed text beside its exact value, under a stable key", () => {
    const figures = reportFiguresOf(sampleDocument());
    expect(figures.get("staffing.fte@2020-08-31")?.figure).toEqual({ key: "staffing.fte@2020-08-31", exact: "45.3", text: "45,30", unit: "fte" });
    expect(figures.get("x.sum@2020")?.figure.text).toBe("\u22121");
    expect(figures.get("x.share@2020")?.figure.text).toBe("76\u00a0%");
    expect(figures.get("meetings.attendance@2020-T1..T2")?.section).toBe("2 Vi har ett starkt och jämbördigt partnerskap med aktiva ägare");
  });
});
