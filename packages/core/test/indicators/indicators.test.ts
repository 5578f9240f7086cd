import { describe, expect, it } from "vitest";
import { foldEvents, indicatorsProjection, indicatorValueFigure, period, type EventDraft } from "@tertial/core";
import { domainEvent, storeWithReference, tryAppend } from "../meetings/fixtures.js";

const followers = (effectiveAt: string, value: string, id?: string) =>
  domainEvent("indicator.value-recorded", effectiveAt, { indicatorId: "linkedin", name: "Följare på LinkedIn", unit: "count", value }, id);

const draft = (data: Record<string, unknown>): EventDraft => ({ type: "indicator.value-recorded", effectiveAt: "2020-08-31", data: { indicatorId: "linkedin", name: "Följare på LinkedIn", unit: "count", value: "66", ...data } }) as EventDraft;

describe("indicators", () => {
  it("give the value in force at the period's end, never one that takes effect after it", () => {
    const events = [followers("2020-03-31", "12", "march"), followers("2020-08-31", "66", "august"), followers("2020-12-31", "90", "december")];
    const result = foldEvents(indicatorsProjection, events, { period: period("2020-T1..T2") });
    expect(result.byIndicator.linkedin).toMatchObject({ value: "66", from: "2020-08-31", eventId: "august" });
    const figure = indicatorValueFigure.compute(result, { indicator: "linkedin" });
    expect(figure?.exact.toString()).toBe("66");
    expect(figure?.evidence).toEqual(["august"]);
    expect(indicatorValueFigure.compute(result, { indicator: "okänd" })).toBeUndefined();
  });

  it("keep one unit, and refuse an area nobody established", async () => {
    const store = await storeWithReference();
    expect((await tryAppend(store, [draft({})])).issues).toEqual([]);
    expect(JSON.stringify((await tryAppend(store, [draft({ unit: "percent", value: "0.5" })])).issues)).toContain('indicator \\"linkedin\\" is recorded in count');
    expect(JSON.stringify((await tryAppend(store, [draft({ indicatorId: "annan", areaId: "finns-inte" })])).issues)).toContain("finns-inte");
  });
});
