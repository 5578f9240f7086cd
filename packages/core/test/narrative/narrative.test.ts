import { describe, expect, it } from "vitest";
import { defaultCatalog, foldEvents, jsonlStore, narrativeProjection, period, replay } from "@tertial/core";
import { domainEvent, storeWithReference, tryAppend } from "../meetings/fixtures.js";

const written = (narrativeId: string, section: string, from: string, to: string, extra: Record<string, unknown> = {}) =>
  domainEvent("narrative.written", to, { narrativeId, kind: "analysis", from, to, section, markdown: `Text **${narrativeId}**`, ...extra });

describe("narrative", () => {
  it("lists the texts whose period lies in the report period, by section, keeping Markdown and tags", () => {
    const events = [
      written("b", "3.4", "2020-01-01", "2020-08-31", { themes: ["kvalitetshojning"] }),
      written("a", "2.5", "2020-01-01", "2020-08-31"),
      written("c", "10.1", "2020-01-01", "2020-08-31"),
      written("year", "3.4", "2020-01-01", "2020-12-31"),
    ];
    const result = foldEvents(narrativeProjection, events, { period: period("2020-T1..T2") });
    expect(result.entries.map((entry) => entry.narrativeId)).toEqual(["a", "b", "c"]);
    expect(result.entries[1]).toMatchObject({ markdown: "Text **b**", themes: ["kvalitetshojning"] });
    expect(result.bySection).toEqual({ "2.5": ["a"], "3.4": ["b"], "10.1": ["c"] });
  });

  it("the example has analyses for chapters 2–7 and highlights tagged by the 3 K, its built-in themes", async () => {
    const log = "examples/kommunal-utveckling-2020/events.jsonl";
    const result = (await replay(jsonlStore({ path: log, catalog: defaultCatalog }), defaultCatalog, narrativeProjection, { period: period("2020-T1..T2") }));
    expect(Object.keys(result.bySection)).toEqual(expect.arrayContaining(["1.1", "2.5", "3.4", "4.2", "5.2", "6.3", "7.7"]));
    expect(new Set(result.entries.flatMap((entry) => entry.themes ?? []))).toEqual(new Set(["kostnadseffektivitet", "kompetenshojning", "kvalitetshojning"]));
  });
});

describe("narrative: bad input is refused whole", () => {
  it("an unknown goal, a theme neither built in nor defined and a period that ends before it starts", async () => {
    const store = await storeWithReference();
    const { issues, appended } = await tryAppend(store, [
      { type: "narrative.written", effectiveAt: "2020-08-31", data: { narrativeId: "n", kind: "analysis", from: "2020-09-01", to: "2020-08-31", section: "3.4", markdown: "x", goalId: "nej" } },
      { type: "narrative.written", effectiveAt: "2020-08-31", data: { narrativeId: "m", kind: "analysis", from: "2020-01-01", to: "2020-08-31", section: "3.4", markdown: "x", themes: ["kvantitet"] } },
    ]);
    expect(appended).toBe(0);
    expect(issues.map((found) => found.path)).toEqual(expect.arrayContaining(["data.to", "data.goalId", "data.themes[0]"]));
  });
});
