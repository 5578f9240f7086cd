import { describe, expect, it } from "vitest";
import { auditStatedFigures, countingEvents, defaultCatalog, readSwedishPrinted, type DomainEvent, type EventDraft, type StoredEvent } from "@tertial/core";
import { storeWithReference } from "../finance/support.js";

const stated = (id: string, printed: string, extra: Record<string, unknown> = {}, schemaVersion?: number): EventDraft => ({
  id,
  type: "reconciliation.figure-stated",
  effectiveAt: "2020-09-21",
  ...(schemaVersion === undefined ? {} : { schemaVersion }),
  data: { document: "Rapport", figureKey: "staffing.fte", period: "2020-T1..T2", printed, unit: "fte", ...extra },
});

const eventsOf = async (store: { read: () => AsyncIterable<StoredEvent> }): Promise<DomainEvent[]> => {
  const out: DomainEvent[] = [];
  for await (const event of countingEvents(store, defaultCatalog)) out.push(event);
  return out;
};

describe("stated figures are read strictly, by the document's rules", () => {
  it("reads Swedish printed numbers and refuses what they cannot read unambiguously", () => {
    const value = (text: string) => {
      const read = readSwedishPrinted(text);
      return read.ok ? (read.value?.toFixed() ?? "blank") : "refused";
    };
    expect(["45,30", "39 103 816", "39\u00a0103\u00a0816", "−547", "-547", "76 %", "5,7 miljoner kronor", "+54 000 kronor", "", "2020"].map(value)).toEqual([
      "45.3",
      "39103816",
      "39103816",
      "-547",
      "-547",
      "76",
      "5.7",
      "54000",
      "blank",
      "2020",
    ]);
    // Never twelve: a point is no Swedish decimal sign, and groups are three digits.
    expect(["12.5", "12.500", "1 23", "1234 567", "12,5,3", "tolv"].map(value)).toEqual(["refused", "refused", "refused", "refused", "refused", "refused"]);
  });

  it("append refuses an ambiguous printed value with a clear error, and takes it with the value as the encoder read it", async () => {
    const store = await storeWithReference();
    const refused = await store.append([stated("s-ambiguous", "12.5")]);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues).toEqual([expect.objectContaining({ path: "data.printed", message: expect.stringContaining("cannot be read unambiguously") as unknown, actual: "12.5" })]);
    const taken = await store.append([stated("s-read", "12.5", { read: "12.5" })]);
    expect(taken.ok).toBe(true);
  });

  it("compares the value as read, never the number the text starts with", async () => {
    const store = await storeWithReference();
    const snapshot: EventDraft = { id: "snap", type: "staff.snapshot-recorded", effectiveAt: "2020-08-31", data: { asOf: "2020-08-31", total: "12.50" } };
    expect((await store.append([snapshot, stated("s-read", "12.5", { read: "12.5" })])).ok).toBe(true);
    const audit = auditStatedFigures(await eventsOf(store), defaultCatalog);
    expect(audit.findings).toEqual([]);
    expect(audit.agreeing).toBe(1);
  });

  it("replays a log written before `read` existed (version 1), and reports a v1 line the strict rules cannot read instead of guessing", async () => {
    // A v1 line as an earlier Tertial stored it: its data has no `read`, and decoding lifts it to v2 unchanged.
    const store = await storeWithReference();
    expect((await store.append([stated("s-v1", "45,30", {}, 1)])).ok).toBe(true);
    expect(store.events().find((event) => event.id === "s-v1")?.schemaVersion).toBe(1);
    const events = await eventsOf(store);
    expect(events.find((event) => event.id === "s-v1")?.data).toEqual({ document: "Rapport", figureKey: "staffing.fte", period: "2020-T1..T2", printed: "45,30", unit: "fte" });
    expect(defaultCatalog.definition("reconciliation.figure-stated")?.latest.version).toBe(2);
    // Version 1's rule read "12.5" leniently, so such a line may sit in an old log: it is audited as unreadable, never as 12.
    const last = events[events.length - 1];
    if (last === undefined) throw new Error("no events");
    const ambiguous: DomainEvent = { ...last, id: "s-v1-ambiguous", data: { document: "Rapport", figureKey: "staffing.fte", period: "2020-T1..T2", printed: "12.5", unit: "fte" } };
    const audit = auditStatedFigures([...events, ambiguous], defaultCatalog);
    expect(audit.findings.filter((found) => found.statedEventId === "s-v1-ambiguous").map((found) => found.kind)).toEqual(["unreadable"]);
  });
});
