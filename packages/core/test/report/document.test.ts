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
    if (!decoded.ok) expect(decoded.errors.join("\n")).toContain("version");
  });

  it("keeps every figure's printed text beside its exact value, under a stable key", () => {
    const figures = reportFiguresOf(sampleDocument());
    expect(figures.get("staffing.fte@2020-08-31")?.figure).toEqual({ key: "staffing.fte@2020-08-31", exact: "45.3", text: "45,30", unit: "fte" });
    expect(figures.get("x.sum@2020")?.figure.text).toBe("\u22121");
    expect(figures.get("x.share@2020")?.figure.text).toBe("76\u00a0%");
    expect(figures.get("meetings.attendance@2020-T1..T2")?.section).toBe("2 Vi har ett starkt och jämbördigt partnerskap med aktiva ägare");
  });
});
