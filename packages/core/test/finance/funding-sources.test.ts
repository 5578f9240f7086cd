import { describe, expect, it } from "vitest";
import { CostBooked, decodeData, defaultCatalog, financeExternalShare, FundsReceived, fundsBySourceProjection, outcomeBySourceProjection, period, replay, type EventDraft, type FundsBySourceResult, type OutcomeBySourceResult, type StoredEvent } from "@tertial/core";
import { fact, fold, storeWithReference } from "./support.js";

const SPAN = { from: "2020-01-01", to: "2020-08-31" };
const PERIOD = "2020-T1..T2";

const define = (id: string, sourceId: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "finance.funding-source-defined",
  effectiveAt: "2020-01-01",
  data: { sourceId, name: sourceId, label: `Tillförda medel ${sourceId}` },
  ...extra,
});
const funds = (id: string, source: string): EventDraft => ({ id, type: "finance.funds-received", effectiveAt: SPAN.to, data: { areaId: "kok", ...SPAN, amount: "1000", source } });
const cost = (id: string, source: string): EventDraft => ({ id, type: "finance.cost-booked", effectiveAt: SPAN.to, data: { areaId: "kok", ...SPAN, amount: "1000", source } });
const balance = (id: string, bySource: Record<string, string>): EventDraft => ({ id, type: "finance.balance-recorded", effectiveAt: SPAN.to, data: { areaIds: ["kok"], asOf: SPAN.to, bySource } });

describe("financing sources a log defines", () => {
  it("refuses a fund, a cost or a balance naming a source neither built in nor defined, saying where and what was expected, and appends nothing", async () => {
    const store = await storeWithReference();
    for (const [draft, path] of [
      [funds("f1", "regionen"), "data.source"],
      [cost("c1", "regionen"), "data.source"],
      [balance("b1", { kommunerna: "500", regionen: "500" }), "data.bySource.regionen"],
    ] as const) {
      const outcome = await store.append([draft]);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.issues).toEqual([expect.objectContaining({ code: "unknown-reference", path, actual: "regionen", message: 'unknown financing source "regionen"' })]);
      expect(outcome.issues[0]?.expected).toBe("a built-in financing source (kommunerna, staten, ovriga) or one defined earlier by finance.funding-source-defined (none is)");
    }
    expect(store.events()).toHaveLength(4);
  });

  it("accepts a defined source from then on, and names the defined ones when it refuses another", async () => {
    const store = await storeWithReference();
    expect((await store.append([define("d1", "regionen"), funds("f1", "regionen"), cost("c1", "regionen"), balance("b1", { regionen: "0" })])).ok).toBe(true);
    const outcome = await store.append([funds("f2", "avgifter")]);
    expect(!outcome.ok && outcome.issues[0]?.expected).toBe("a built-in financing source (kommunerna, staten, ovriga) or one defined earlier by finance.funding-source-defined (regionen)");
  });

  it("refuses to define a built-in or reserved id, or one already defined unless the definition is superseded", async () => {
    const store = await storeWithReference();
    const refused = async (draft: EventDraft) => {
      const outcome = await store.append([draft]);
      return outcome.ok ? undefined : outcome.issues[0];
    };
    expect(await refused(define("d1", "staten"))).toEqual(expect.objectContaining({ code: "conflict", path: "data.sourceId", actual: "staten" }));
    expect(await refused(define("d2", "unknown"))).toEqual(expect.objectContaining({ code: "invalid-field", path: "data.sourceId", actual: "unknown" }));
    expect(await refused(define("d3", "internal"))).toEqual(expect.objectContaining({ code: "invalid-field", path: "data.sourceId", actual: "internal" }));
    expect((await store.append([define("d4", "regionen")])).ok).toBe(true);
    expect(await refused(define("d5", "regionen"))).toEqual(expect.objectContaining({ code: "conflict", path: "data.sourceId" }));
    expect((await store.append([define("d6", "regionen", { supersedes: "d4", data: { sourceId: "regionen", name: "region Sjöland", label: "Tillförda medel region Sjöland" } })])).ok).toBe(true);
    const result = (await replay(store, defaultCatalog, fundsBySourceProjection, { period: period(PERIOD) })) as FundsBySourceResult;
    // Defined but named by no fact: no column yet.
    expect(result.sources).toEqual([]);
    expect((await store.append([balance("b1", { regionen: "700" })])).ok).toBe(true);
    const renamed = (await replay(store, defaultCatalog, fundsBySourceProjection, { period: period(PERIOD) })) as FundsBySourceResult;
    expect(renamed.sources).toEqual([{ id: "regionen", name: "region Sjöland", label: "Tillförda medel region Sjöland", external: false }]);
  });

  it("orders the sources the facts name: the built-in ones in their fixed order, then the defined ones as defined; the external share counts those marked external", () => {
    const events = [
      fact("finance.funding-source-defined", "2020-01-01", { sourceId: "stiftelsen", name: "stiftelsen", label: "Tillförda medel stiftelsen", external: true }),
      fact("finance.funding-source-defined", "2020-01-01", { sourceId: "regionen", name: "regionen", label: "Tillförda medel regionen" }),
      fact("finance.funding-source-defined", "2020-01-01", { sourceId: "avgifter", name: "avgifter", label: "Avgiftsintäkter" }),
      fact("finance.cost-booked", SPAN.to, { areaId: "kok", ...SPAN, amount: "300", source: "regionen" }),
      fact("finance.cost-booked", SPAN.to, { areaId: "kok", ...SPAN, amount: "200", source: "ovriga" }),
      fact("finance.cost-booked", SPAN.to, { areaId: "kok", ...SPAN, amount: "100", source: "stiftelsen" }),
      fact("finance.cost-booked", SPAN.to, { areaId: "kok", ...SPAN, amount: "400", source: "kommunerna" }),
      fact("finance.cost-booked", SPAN.to, { areaId: "kok", ...SPAN, amount: "50", source: "internal" }),
    ];
    const result = fold<OutcomeBySourceResult>(outcomeBySourceProjection, events, PERIOD);
    expect(result.sources.map((source) => source.id)).toEqual(["kommunerna", "ovriga", "stiftelsen", "regionen"]);
    expect(Object.fromEntries(Object.entries(result.total.bySource).map(([source, sum]) => [source, sum.exact]))).toEqual({ kommunerna: "400", ovriga: "200", stiftelsen: "100", regionen: "300" });
    expect([result.total.withSource.exact, result.total.financed.exact, result.total.internal.exact]).toEqual(["1000", "1000", "50"]);
    // staten and övriga are external, kommunerna is not; of the defined ones only stiftelsen is marked so: (200 + 100) ÷ 1000.
    expect(result.externalShare).toBe("0.3");
    const share = financeExternalShare.compute(result, {});
    expect([share?.exact.toFixed(), share?.derivation]).toEqual(["0.3", "(övriga + stiftelsen) ÷ costs financed from outside"]);
  });
});

describe("finance.funds-received and finance.cost-booked versions", () => {
  const stored = (type: string, schemaVersion: number, data: unknown) => ({ id: "x", type, schemaVersion, effectiveAt: SPAN.to, recordedAt: "2020-09-03T08:00:00.000Z", seq: 1, data, prevHash: "0".repeat(64), hash: "0".repeat(64) }) as StoredEvent;

  it("takes a defined source from funds version 2 and costs version 3 on; the older versions never knew one and refuse it", () => {
    const data = { areaId: "kok", ...SPAN, amount: "1000", source: "regionen" };
    expect([FundsReceived.latest.version, CostBooked.latest.version]).toEqual([2, 3]);
    expect(decodeData(defaultCatalog, stored(FundsReceived.type, 2, data)).ok).toBe(true);
    expect(decodeData(defaultCatalog, stored(CostBooked.type, 3, data)).ok).toBe(true);
    for (const [type, version] of [[FundsReceived.type, 1], [CostBooked.type, 1], [CostBooked.type, 2]] as const) {
      const old = decodeData(defaultCatalog, stored(type, version, data));
      expect(old.ok).toBe(false);
      if (!old.ok) expect(old.issues[0]).toEqual(expect.objectContaining({ path: "data.source" }));
    }
  });

  it("lifts older funds and costs unchanged, field order and all", () => {
    const data = { areaId: "kok", source: "staten", ...SPAN, amount: "1000", earmarked: true };
    const decoded = decodeData(defaultCatalog, stored(FundsReceived.type, 1, data));
    expect(decoded.ok && JSON.stringify(decoded.event.data)).toBe(JSON.stringify(data));
    for (const version of [1, 2]) {
      const cost = { areaId: "kok", source: "ovriga", ...SPAN, amount: "1000" };
      const lifted = decodeData(defaultCatalog, stored(CostBooked.type, version, cost));
      expect(lifted.ok && JSON.stringify(lifted.event.data)).toBe(JSON.stringify(cost));
    }
  });
});
