import { describe, expect, it } from "vitest";
import { foldEvents, period, staffChangeFteFigure, staffChangesProjection, type EventDraft } from "@tertial/core";
import { domainEvent, storeWithReference, tryAppend } from "../meetings/fixtures.js";

const change = (id: string, effectiveAt: string, data: Record<string, unknown>) => domainEvent("staff.change-recorded", effectiveAt, { areaId: "aldre", change: "added", fte: "0.5", employmentForm: "visstid", ...data }, id);
const draft = (data: Record<string, unknown>): EventDraft => ({ type: "staff.change-recorded", effectiveAt: "2020-03-01", data: { areaId: "aldre", change: "added", fte: "0.5", employmentForm: "visstid", ...data } }) as EventDraft;

describe("recorded staffing changes", () => {
  it("sum the FTE of the matching changes inside the window, the period unless the figure names one", () => {
    const events = [
      change("early", "2019-08-31", { change: "form-changed", fte: "7.75", employmentForm: "tillsvidare", fromForm: "tjanstekop" }),
      change("a", "2020-01-02", { fte: "2.75", project: "rakna-med-mig" }),
      change("b", "2020-01-02", { fte: "1.0", employmentForm: "tjanstekop", project: "rakna-med-mig" }),
      change("late", "2020-10-01", { fte: "3" }),
    ];
    const result = foldEvents(staffChangesProjection, events, { period: period("2020-T1..T2") });
    const figure = (params: Record<string, string>) => staffChangeFteFigure.compute(result, params);
    expect(figure({ change: "added", project: "rakna-med-mig" })?.exact.toString()).toBe("3.75");
    expect(figure({ change: "added", project: "rakna-med-mig", form: "visstid" })?.evidence).toEqual(["a"]);
    expect(figure({ change: "form-changed" })).toBeUndefined();
    expect(figure({ change: "form-changed", from: "2019-05-01", to: "2019-08-31" })?.exact.toString()).toBe("7.75");
  });

  it("refuse a change of form that does not say where from, and an unknown area", async () => {
    const store = await storeWithReference();
    expect((await tryAppend(store, [draft({})])).issues).toEqual([]);
    expect(JSON.stringify((await tryAppend(store, [draft({ change: "form-changed", employmentForm: "tillsvidare" })])).issues)).toContain("data.fromForm");
    expect(JSON.stringify((await tryAppend(store, [draft({ fromForm: "tjanstekop" })])).issues)).toContain("is only for a change of employment form");
    expect(JSON.stringify((await tryAppend(store, [draft({ areaId: "finns-inte" })])).issues)).toContain("finns-inte");
  });
});
