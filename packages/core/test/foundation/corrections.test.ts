import { describe, expect, it } from "vitest";
import { CorrectionIndex, countingEvents, defaultCatalog, recordedBy, type EventDraft } from "@tertial/core";
import { changed, closed, opened, retraction, seededStore, tickingClock } from "./helpers.js";

const at = (recordedAt: string, id: string, fields: { supersedes?: string; retracts?: string } = {}) => ({ id, recordedAt, ...fields });

describe("CorrectionIndex", () => {
  it("takes back superseded and retracted events, and never counts a retraction itself", () => {
    const index = new CorrectionIndex();
    index.learn(at("2020-01-02T00:00:00.000Z", "b", { supersedes: "a" }), undefined);
    index.learn(at("2020-01-03T00:00:00.000Z", "r", { retracts: "c" }), undefined);
    expect(index.counts(at("2020-01-01T00:00:00.000Z", "a"))).toBe(false);
    expect(index.counts(at("2020-01-02T00:00:00.000Z", "b", { supersedes: "a" }))).toBe(true);
    expect(index.counts(at("2020-01-01T00:00:00.000Z", "c"))).toBe(false);
    expect(index.counts(at("2020-01-03T00:00:00.000Z", "r", { retracts: "c" }))).toBe(false);
    expect(index.size).toBe(2);
  });

  it("ignores corrections recorded after the cut-off", () => {
    const index = new CorrectionIndex();
    const cutoff = Date.parse("2020-01-02T00:00:00.000Z");
    index.learn(at("2020-01-02T00:00:00.000Z", "b", { supersedes: "a" }), cutoff);
    index.learn(at("2020-01-02T00:00:00.001Z", "r", { retracts: "c" }), cutoff);
    expect([index.isRemoved("a"), index.isRemoved("c")]).toEqual([true, false]);
    expect(recordedBy(at("2020-01-02T00:00:00.001Z", "x"), cutoff)).toBe(false);
    expect(recordedBy(at("2020-01-02T00:00:00.001Z", "x"), undefined)).toBe(true);
  });

  it("retracting a correction does not bring back what it replaced", () => {
    const index = new CorrectionIndex();
    index.learn(at("2020-01-02T00:00:00.000Z", "b", { supersedes: "a" }), undefined);
    index.learn(at("2020-01-03T00:00:00.000Z", "r", { retracts: "b" }), undefined);
    expect([index.counts(at("2020-01-01T00:00:00.000Z", "a")), index.counts(at("2020-01-02T00:00:00.000Z", "b", { supersedes: "a" }))]).toEqual([false, false]);
  });
});

const appendEach = async (drafts: readonly EventDraft[], clock = tickingClock()) => {
  const store = await seededStore(clock);
  const outcomes = [];
  for (const draft of drafts) outcomes.push(await store.append([draft]));
  return { store, outcomes };
};

const codesOf = (outcome: Awaited<ReturnType<typeof appendEach>>["outcomes"][number] | undefined) => (outcome === undefined || outcome.ok ? [] : outcome.issues.map((found) => [found.code, found.path]));

describe("corrections on append", () => {
  it("a supersede may restate the same position", async () => {
    const { outcomes } = await appendEach([opened("o1", "p1", "2020-01-01"), opened("o2", "p1", "2020-01-01", "0.50", { supersedes: "o1" })]);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
  });

  it("refuses corrections of unknown events, of retractions, and of events already taken back", async () => {
    const { outcomes } = await appendEach([
      opened("o1", "p1", "2020-01-01"),
      retraction("r1", "nope"),
      retraction("r2", "o1"),
      retraction("r3", "r2"),
      retraction("r4", "o1"),
      opened("o5", "p1", "2020-01-01", "1.00", { supersedes: "o1" }),
    ]);
    expect(outcomes.map(codesOf)).toEqual([[], [["unknown-reference", "retracts"]], [], [["invalid-field", "retracts"]], [["conflict", "retracts"]], [["conflict", "supersedes"]]]);
  });

  it("refuses an event that both supersedes and retracts, and retracts on other types", async () => {
    const { outcomes } = await appendEach([
      opened("o1", "p1", "2020-01-01"),
      { ...retraction("r1", "o1"), supersedes: "o1" },
      closed("c1", "p1", "2020-02-01", { retracts: "o1" }),
      { id: "r2", type: "log.event-retracted", effectiveAt: "2020-01-01", data: { reason: "x" } },
    ]);
    expect(outcomes.slice(1).map(codesOf)).toEqual([
      [["invalid-field", "retracts"]],
      [["invalid-field", "type"]],
      [["invalid-field", "retracts"]],
    ]);
  });

  it("judges a batch as the same drafts appended one by one: a retraction in the batch frees the position", async () => {
    const drafts = [opened("o1", "p1", "2020-01-01"), retraction("r1", "o1"), opened("o2", "p1", "2020-02-01")];
    const oneByOne = await appendEach(drafts);
    expect(oneByOne.outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true]);
    const store = await seededStore();
    const outcome = await store.append(drafts);
    expect(outcome.ok ? [] : outcome.issues).toEqual([]);
  });

  it("a batch that retracts an area refuses later positions in it", async () => {
    const store = await seededStore();
    const outcome = await store.append([retraction("r1", "pre5"), opened("o1", "p1", "2020-02-01")]);
    expect(outcome.ok ? [] : outcome.issues.map((found) => [found.code, found.path, found.eventId])).toEqual([["unknown-reference", "data.areaId", "o1"]]);
  });
});

describe("countingEvents", () => {
  it("yields what counts as known at a cut-off, in log order", async () => {
    const { store } = await appendEach(
      [opened("o1", "p1", "2020-01-01"), changed("c1", "p1", "2020-03-01", { fte: "0.50" }), changed("c2", "p1", "2020-03-01", { fte: "0.75" }, { supersedes: "c1" }), retraction("r1", "o1")],
      tickingClock(Date.parse("2020-10-14T21:59:57.000Z")),
    );
    const seen = async (knownAt?: string) => {
      const out = [];
      for await (const event of countingEvents(store, defaultCatalog, knownAt)) out.push(event.id);
      return out.filter((id) => !id.startsWith("pre"));
    };
    expect(await seen("2020-10-14T21:59:57.999Z")).toEqual([]);
    expect(await seen("2020-10-14T21:59:59.000Z")).toEqual(["o1", "c1"]);
    expect(await seen("2020-10-14")).toEqual(["o1", "c1"]);
    expect(await seen("2020-10-15T00:00:00.000+02:00")).toEqual(["o1", "c2"]);
    expect(await seen()).toEqual(["c2"]);
  });
});
