import { describe, expect, it } from "vitest";
import { defaultCatalog, fteFigure, period, replay, staffingProjection, type ResultReader } from "@tertial/core";
import { changed, opened, seededStore } from "../foundation/helpers.js";

describe("the evidence of one part of the staff", () => {
  it("cites only the positions counted in that part, and every position for the total", async () => {
    const store = await seededStore();
    const outcome = await store.append([
      opened("pos1", "p1", "2020-01-01", "1.00"),
      opened("pos2", "p2", "2020-01-01", "0.50", { data: { positionId: "p2", areaId: "fou-aldre", employmentForm: "visstid", fte: "0.50", financing: "extern" } }),
      changed("pos1-more", "p1", "2020-03-01", { fte: "0.80" }),
    ]);
    expect(outcome.ok).toBe(true);
    const result = await replay(store, defaultCatalog, staffingProjection, { period: period("2020-T1") });
    const read = ((projection: unknown) => (projection === staffingProjection ? result : undefined)) as ResultReader;
    const evidence = (params: Record<string, string>) => [...(fteFigure.evaluate(read, { asOf: "2020-04-30", ...params })?.evidence ?? [])].sort();
    expect(fteFigure.evaluate(read, { asOf: "2020-04-30", form: "tillsvidare" })?.exact.toString()).toBe("0.8");
    expect(evidence({ form: "tillsvidare" })).toEqual(["pos1", "pos1-more"]);
    expect(evidence({ form: "visstid" })).toEqual(["pos2"]);
    expect(evidence({ financing: "extern" })).toEqual(["pos2"]);
    expect(evidence({ area: "fou-barn" })).toEqual(["pos1", "pos1-more"]);
    expect(evidence({ group: "fou" })).toEqual(["pos1", "pos1-more", "pos2"]);
    expect(evidence({})).toEqual(["pos1", "pos1-more", "pos2"]);
  });
});
