import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, fromArray, grantApplicationsProjection, period, replay, type DomainEvent, type EventDraft, type GrantApplicationsResult } from "@tertial/core";
import { fact, fold, replayExample, storeWithReference } from "../finance/support.js";

const submitted = (id: string, extra: Record<string, unknown> = {}): EventDraft => ({
  id: `sub-${id}`,
  type: "grants.application-submitted",
  effectiveAt: "2020-03-01",
  data: { applicationId: id, title: "Ansökan", funderId: "forte", amount: "100000", ...extra },
});
const decided = (id: string, eventId: string, extra: Record<string, unknown> = {}): EventDraft => ({
  id: eventId,
  type: "grants.application-decided",
  effectiveAt: "2020-05-01",
  data: { applicationId: id, decision: "rejected", ...extra },
});

describe("grant-applications on the example (T-D, T-E)", () => {
  it("counts the eight applications of tertial 1-2 2020 and leaves Letterbox Club to 2019", async () => {
    const result = await replayExample<GrantApplicationsResult>("grant-applications", "2020-T1..T2");
    expect(result.submitted).toEqual({ count: 8, amount: "18570800" });
    expect(result.granted).toEqual({ count: 3, amount: "5685000" });
    expect(result.rejected).toEqual({ count: 5, amount: "12885800" });
    expect(result.pending.count).toBe(0);
    expect(result.grantedShareByCount).toBe("0.375");
    expect(result.grantedShareByAmount?.slice(0, 8)).toBe("0.306125");
    expect(result.funders).toEqual(["forte", "lansstyrelsen", "pts", "skr"]);
    expect(result.submittedEarlier.map((row) => row.applicationId)).toEqual(["letterbox-club"]);
    expect(result.applications.some((row) => row.applicationId === "letterbox-club")).toBe(false);
  });

  it("counts Letterbox Club in 2019, rejected, once its decision is known", async () => {
    const in2019 = await replayExample<GrantApplicationsResult>("grant-applications", "2019");
    expect(in2019.submitted.count).toBe(1);
    expect(in2019.pending.count).toBe(1);
  });
});

describe("grants laws", () => {
  const DATES = ["2020-01-15", "2020-03-31", "2020-04-30", "2020-05-01", "2020-07-10", "2020-08-31"];
  const arbApplications = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z]{1,6}$/), date: fc.constantFrom(...DATES), amount: fc.integer({ min: 0, max: 9_000_000 }), granted: fc.boolean() }), { selector: (app) => app.id, maxLength: 15 });
  const eventsOf = (apps: { id: string; date: string; amount: number; granted: boolean }[]): DomainEvent[] =>
    apps.flatMap((app) => [
      fact("grants.application-submitted", app.date, { applicationId: app.id, title: app.id, funderId: "forte", amount: String(app.amount) }),
      fact("grants.application-decided", "2020-08-31", { applicationId: app.id, decision: app.granted ? "granted" : "rejected", ...(app.granted ? { amountGranted: String(app.amount) } : {}) }),
    ]);

  it("period additivity: applications and amounts of T1 + T2 equal those of T1..T2", () => {
    fc.assert(
      fc.property(arbApplications, (apps) => {
        const events = eventsOf(apps);
        const [t1, t2, both] = ["2020-T1", "2020-T2", "2020-T1..T2"].map((name) => fold(grantApplicationsProjection, events, name));
        expect((t1?.submitted.count ?? 0) + (t2?.submitted.count ?? 0)).toBe(both?.submitted.count);
        expect(BigInt(t1?.submitted.amount ?? "0") + BigInt(t2?.submitted.amount ?? "0")).toBe(BigInt(both?.submitted.amount ?? "0"));
        expect((both?.granted.count ?? 0) + (both?.rejected.count ?? 0) + (both?.pending.count ?? 0)).toBe(both?.submitted.count);
      }),
      { numRuns: 250 },
    );
  });
});

describe("grants bad input", () => {
  it("rejects a decision for an unknown application, and appends nothing", async () => {
    const store = await storeWithReference();
    const outcome = await store.append([decided("ghost", "dec-1")]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([expect.objectContaining({ code: "unknown-reference", path: "data.applicationId", actual: "ghost" })]);
    expect(store.events()).toHaveLength(4);
  });

  it("rejects a second decision, but takes a superseding one", async () => {
    const store = await storeWithReference();
    expect((await store.append([submitted("app"), decided("app", "dec-1")])).ok).toBe(true);
    const second = await store.append([decided("app", "dec-2", { decision: "granted", amountGranted: "100000" })]);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.issues[0]).toEqual(expect.objectContaining({ code: "conflict", path: "data.applicationId" }));
    expect(store.events()).toHaveLength(6);
    const correction = await store.append([{ ...decided("app", "dec-3", { decision: "granted", amountGranted: "100000" }), supersedes: "dec-1" }]);
    expect(correction.ok).toBe(true);
  });

  it("keeps the decision on an application whose submission is corrected after it", async () => {
    const store = await storeWithReference();
    expect((await store.append([submitted("app"), decided("app", "dec-1")])).ok).toBe(true);
    expect((await store.append([{ ...submitted("app", { amount: "120000" }), id: "sub-app-2", supersedes: "sub-app" }])).ok).toBe(true);
    const result = await replay(fromArray([...store.events()]), defaultCatalog, grantApplicationsProjection, { period: period("2020-T1..T2") });
    expect(result.applications).toEqual([expect.objectContaining({ applicationId: "app", amount: "120000", decision: "rejected", decidedOn: "2020-05-01", evidence: ["sub-app-2", "dec-1"] })]);
    expect(result.rejected).toEqual({ count: 1, amount: "120000" });
  });

  it("lists applications in the order they were submitted: a corrected submission keeps its place", async () => {
    const store = await storeWithReference();
    expect((await store.append([submitted("early"), { ...submitted("late"), effectiveAt: "2020-06-01" }])).ok).toBe(true);
    expect((await store.append([{ ...submitted("early", { amount: "120000" }), id: "sub-early-2", supersedes: "sub-early" }])).ok).toBe(true);
    const result = await replay(fromArray([...store.events()]), defaultCatalog, grantApplicationsProjection, { period: period("2020-T1..T2") });
    expect(result.applications.map((application) => application.applicationId)).toEqual(["early", "late"]);
  });

  it("rejects an application to an unknown funder", async () => {
    const store = await storeWithReference();
    const outcome = await store.append([submitted("app", { funderId: "santa" })]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]).toEqual(expect.objectContaining({ path: "data.funderId" }));
  });
});
