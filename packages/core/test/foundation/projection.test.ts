import { describe, expect, it } from "vitest";
import { checkpoint, defaultCatalog, defineProjection, foldEvents, fromArray, period, replay, ReplayError, resume, staffingProjection, type DomainEvent, type StoredEvent } from "@tertial/core";
import { changed, closed, opened, retraction, seededStore, tickingClock } from "./helpers.js";

const logOf = async (drafts: Parameters<Awaited<ReturnType<typeof seededStore>>["append"]>[0]): Promise<StoredEvent[]> => {
  const store = await seededStore(tickingClock());
  for (const draft of drafts) {
    const outcome = await store.append([draft]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  }
  return [...store.events()];
};

const staffing = (events: readonly StoredEvent[], name: string, knownAt?: string) =>
  replay(fromArray(events), defaultCatalog, staffingProjection, knownAt === undefined ? { period: period(name) } : { period: period(name), knownAt });

describe("staffing: FTE at a date from positions", () => {
  it("follows openings, changes and closings by effective date", async () => {
    const events = await logOf([
      opened("o1", "p1", "2020-01-01", "1.00"),
      opened("o2", "p2", "2020-02-01", "0.50", { data: { positionId: "p2", areaId: "ovrig", employmentForm: "visstid", fte: "0.50", financing: "extern" } }),
      changed("c1", "p1", "2020-06-01", { fte: "0.80" }),
      closed("x2", "p2", "2020-07-31"),
    ]);
    expect((await staffing(events, "2020-T1")).atEnd).toMatchObject({ total: "1.50", byFinancing: { extern: "0.50", grund: "1.00" }, byAreaGroup: { fou: "1.00", ovrig: "0.50" } });
    expect((await staffing(events, "2020-07-31")).atEnd?.total).toBe("1.30");
    expect((await staffing(events, "2020-T2")).atEnd).toMatchObject({ total: "0.80", byEmploymentForm: { tillsvidare: "0.80" } });
    expect((await staffing(events, "2019")).atEnd).toBeNull();
    expect((await staffing(events, "2020-T2")).changes.map((change) => [change.date, change.kind])).toEqual([
      ["2020-06-01", "changed"],
      ["2020-07-31", "closed"],
    ]);
  });

  it("keeps the changes and the closing recorded before a restated opening", async () => {
    const events = await logOf([
      opened("o1", "p1", "2020-01-01", "1.00"),
      changed("c1", "p1", "2020-03-01", { fte: "0.60" }),
      closed("x1", "p1", "2020-10-31"),
      opened("o1b", "p1", "2020-01-01", "0.90", { supersedes: "o1" }),
    ]);
    expect((await staffing(events, "2020-01-31")).atEnd?.total).toBe("0.90");
    expect((await staffing(events, "2020-T2")).atEnd?.total).toBe("0.60");
    expect((await staffing(events, "2020-T3")).atEnd).toBeNull();
  });

  it("a retracted opening takes the position out, changes and all", async () => {
    const events = await logOf([opened("o1", "p1", "2020-01-01"), changed("c1", "p1", "2020-03-01", { fte: "0.60", areaId: "ovrig", employmentForm: "visstid", financing: "extern" }), retraction("r1", "o1")]);
    expect((await staffing(events, "2020-T2")).atEnd).toBeNull();
  });

  it("answers as known at a date: a later correction is not yet known", async () => {
    const events = await logOf([opened("o1", "p1", "2020-01-01", "1.00"), opened("o1b", "p1", "2020-01-01", "0.50", { supersedes: "o1" })]);
    const firstRecorded = events.find((event) => event.id === "o1")?.recordedAt ?? "";
    expect((await staffing(events, "2020-T1", firstRecorded)).atEnd?.total).toBe("1.00");
    expect((await staffing(events, "2020-T1")).atEnd?.total).toBe("0.50");
  });
});

const counter = defineProjection<{ ids: string[] }, string[]>({
  name: "counter",
  description: "ids of the events folded",
  init: () => ({ ids: [] }),
  evolve: (state, event) => {
    state.ids.push(event.id);
    return state;
  },
  result: (state) => state.ids.filter((id) => !id.startsWith("pre")),
});

describe("replay, checkpoints and resume", () => {
  const whole = period("2020");

  it("foldEvents is the pure heart: init, evolve each, result", () => {
    const events = [{ id: "a" }, { id: "b" }] as DomainEvent[];
    expect(foldEvents(counter, events, { period: whole })).toEqual(["a", "b"]);
    expect(foldEvents(counter, events, { period: whole }, { ids: ["z"] })).toEqual(["z", "a", "b"]);
  });

  it("resume from a checkpoint equals the full replay", async () => {
    const events = await logOf([opened("o1", "p1", "2020-01-01"), opened("o2", "p2", "2020-01-01"), closed("x1", "p1", "2020-05-01")]);
    const saved = await checkpoint(fromArray(events.slice(0, 8)), defaultCatalog, counter, { period: whole });
    expect(saved).toMatchObject({ projection: "counter", period: "2020", knownAt: null, seq: 7 });
    expect(await resume(fromArray(events), defaultCatalog, counter, { period: whole }, saved)).toEqual(["o1", "o2", "x1"]);
  });

  it("refuses a stale checkpoint: a later event corrects one it folded", async () => {
    const events = await logOf([opened("o1", "p1", "2020-01-01"), opened("o2", "p2", "2020-01-01"), retraction("r1", "o1")]);
    const saved = await checkpoint(fromArray(events.slice(0, 9)), defaultCatalog, counter, { period: whole });
    await expect(resume(fromArray(events), defaultCatalog, counter, { period: whole }, saved)).rejects.toThrow(/stale: event o1/);
  });

  it("refuses a checkpoint of another log: a different hash at its seq", async () => {
    const events = await logOf([opened("o1", "p1", "2020-01-01")]);
    const other = await logOf([opened("o9", "p1", "2020-01-01")]);
    const saved = await checkpoint(fromArray(other), defaultCatalog, counter, { period: whole });
    await expect(resume(fromArray(events), defaultCatalog, counter, { period: whole }, saved)).rejects.toThrow(/another log/);
  });

  it("refuses a checkpoint taken further than the log goes (a shorter or other log)", async () => {
    const events = await logOf([opened("o1", "p1", "2020-01-01"), opened("o2", "p2", "2020-01-01")]);
    const saved = await checkpoint(fromArray(events), defaultCatalog, counter, { period: whole });
    await expect(resume(fromArray(events.slice(0, 8)), defaultCatalog, counter, { period: whole }, saved)).rejects.toBeInstanceOf(ReplayError);
  });

  it("refuses a checkpoint of another projection, period or known-at", async () => {
    const events = await logOf([]);
    const saved = await checkpoint(fromArray(events), defaultCatalog, counter, { period: whole });
    await expect(resume(fromArray(events), defaultCatalog, counter, { period: period("2021") }, saved)).rejects.toThrow(/not for this replay/);
    await expect(resume(fromArray(events), defaultCatalog, counter, { period: whole, knownAt: "2020-10-15" }, saved)).rejects.toThrow(/not for this replay/);
  });

  it("an empty log checkpoints at seq -1 and resumes", async () => {
    const saved = await checkpoint(fromArray([]), defaultCatalog, counter, { period: whole });
    expect(saved.seq).toBe(-1);
    const events = await logOf([opened("o1", "p1", "2020-01-01")]);
    expect(await resume(fromArray(events), defaultCatalog, counter, { period: whole }, saved)).toEqual(["o1"]);
  });

  it("refuses a known-at that is neither a date nor an instant", async () => {
    await expect(replay(fromArray([]), defaultCatalog, counter, { period: whole, knownAt: "15/10" })).rejects.toThrow(/neither a date/);
  });
});
