import { describe, expect, it } from "vitest";
import { activitiesProjection, defaultCatalog, foldEvents, jsonlStore, period, replay } from "@tertial/core";
import { domainEvent, storeWithReference, tryAppend } from "../meetings/fixtures.js";

const goal = { type: "strategy.goal-established", effectiveAt: "2020-01-01", data: { goalId: "mal-1", kind: "strategic", number: "1", title: "Ett" } };
const planned = { type: "activities.activity-planned", effectiveAt: "2020-01-01", data: { activityId: "a1", title: "Aktivitet", goalId: "mal-1", year: 2020 } };

describe("activities", () => {
  it("show the status at the period's end, 'not started' until one is recorded, and carry-overs", () => {
    const events = [
      domainEvent(goal.type, goal.effectiveAt, goal.data),
      domainEvent(planned.type, planned.effectiveAt, planned.data),
      domainEvent(planned.type, planned.effectiveAt, { ...planned.data, activityId: "a2", title: "Andra" }),
      domainEvent("activities.status-changed", "2020-03-01", { activityId: "a1", status: "on-track" }),
      domainEvent("activities.status-changed", "2020-10-01", { activityId: "a1", status: "done", comment: "klar i oktober" }),
      domainEvent("activities.moved-to-next-year", "2020-12-01", { activityId: "a2", toYear: 2021, comment: "hinns inte" }),
    ];
    const at = (name: string) => foldEvents(activitiesProjection, events, { period: period(name) });
    expect(at("2020-T1..T2").activities.map((row) => [row.activityId, row.status])).toEqual([
      ["a1", "on-track"],
      ["a2", "not-started"],
    ]);
    expect(at("2020").activities.map((row) => [row.activityId, row.status, row.comment])).toEqual([["a1", "done", "klar i oktober"]]);
    expect(at("2020").movedOut).toEqual([{ activityId: "a2", title: "Andra", toYear: 2021 }]);
    expect(at("2021").activities.map((row) => [row.activityId, row.movedFrom])).toEqual([["a2", 2020]]);
  });

  it("the example holds the nine grant applications of T-E, all done, under area goal 2.2", async () => {
    const log = "examples/kommunal-utveckling-2020/events.jsonl";
    const result = (await replay(jsonlStore({ path: log, catalog: defaultCatalog }), defaultCatalog, activitiesProjection, { period: period("2020-T1..T2") }));
    const applications = result.activities.filter((row) => row.activityId.startsWith("ansokan-"));
    expect(applications).toHaveLength(9);
    expect(new Set(applications.map((row) => `${row.goalId}/${row.status}`))).toEqual(new Set(["mal-2-2/done"]));
  });
});

describe("activities: bad input is refused whole", () => {
  it("a status outside the seven of Bilaga 1", async () => {
    const store = await storeWithReference();
    expect((await tryAppend(store, [goal, planned])).issues).toEqual([]);
    const { issues, appended } = await tryAppend(store, [{ type: "activities.status-changed", effectiveAt: "2020-05-01", data: { activityId: "a1", status: "nästan klar" } }]);
    expect(appended).toBe(0);
    expect(issues[0]).toMatchObject({ code: "invalid-field", path: "data.status", actual: '"nästan klar"' });
    expect(issues[0]?.expected).toContain('"on-track"');
  });

  it("a status for an unknown activity, and a move to a year that is not later", async () => {
    const store = await storeWithReference();
    await tryAppend(store, [goal, planned]);
    const { issues, appended } = await tryAppend(store, [
      { type: "activities.status-changed", effectiveAt: "2020-05-01", data: { activityId: "nej", status: "done" } },
      { type: "activities.moved-to-next-year", effectiveAt: "2020-12-01", data: { activityId: "a1", toYear: 2020 } },
    ]);
    expect(appended).toBe(0);
    expect(issues.map((found) => [found.code, found.path])).toEqual([
      ["unknown-reference", "data.activityId"],
      ["invalid-field", "data.toYear"],
    ]);
  });
});
