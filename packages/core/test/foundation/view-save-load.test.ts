import { describe, expect, it } from "vitest";
import { checkpoint, defaultCatalog, defineFold, defineView, fromArray, jsonlStore, memorySnapshots, period, replay, replayMany, resume, type StoredEvent } from "@tertial/core";
import { EXAMPLE_LOG } from "../finance/support.js";

// A view of a domain fold keeps its state as the fold does: the fold's save and load are the
// view's, so a checkpoint of the view (which keeps a projection's state through its own save)
// writes what the fold's save writes and resumes through its load.

const example = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });
const events: StoredEvent[] = [];
for await (const event of example.read()) events.push(event);
const year = period("2020");

/** The event types seen: a Set, kept as a sorted list. */
const typesFold = defineFold<Set<string>>({
  name: "types-seen",
  init: () => new Set(),
  evolve: (state, event) => state.add(event.type),
  save: (state) => [...state].sort(),
  load: (saved) => new Set(saved as string[]),
});
const typesView = defineView(typesFold, { name: "types-seen-view", description: "the event types seen, in order", result: (state) => [...state].sort() });
const countView = defineView(typesFold, { name: "types-seen-count", description: "how many event types were seen", result: (state) => state.size });

describe("a view of a fold that declares save and load", () => {
  it("has them: they are the fold's", () => {
    expect(typesView.save).toBe(typesFold.save);
    expect(typesView.load).toBe(typesFold.load);
    expect(typesView.fold).toBe(typesFold);
  });

  it("is checkpointed through the fold's save, and resumed through its load to what a full replay gives", async () => {
    const full = await replay(fromArray(events), defaultCatalog, typesView, { period: year });
    // Cuts no later event corrects an event before (a checkpoint is refused there: stale).
    const seqOf = new Map(events.map((event, index) => [event.id, index]));
    const fits = (cut: number): boolean => events.slice(cut).every((event) => [event.supersedes, event.retracts].every((id) => id === undefined || (seqOf.get(id) ?? cut) >= cut));
    const cuts = [1, 100, Math.floor(events.length / 2), events.length - 1, events.length].map((cut) => Array.from({ length: cut }, (_, back) => cut - back).find(fits) ?? 0);
    expect(new Set(cuts).size).toBeGreaterThan(2);
    for (const cut of cuts) {
      const saved = await checkpoint(fromArray(events.slice(0, cut)), defaultCatalog, typesView, { period: year });
      expect(saved.state).toEqual([...new Set(events.slice(0, cut).map((event) => event.type))].sort());
      expect(await resume(fromArray(events), defaultCatalog, typesView, { period: year }, saved)).toEqual(full);
    }
    expect(full.length).toBeGreaterThan(10);
  });

  it("a checkpoint as known at a date resumes as a replay as known at that date does", async () => {
    const options = { period: year, knownAt: "2020-10-15" };
    const saved = await checkpoint(fromArray(events.slice(0, 200)), defaultCatalog, countView, options);
    expect(await resume(example, defaultCatalog, countView, options, saved)).toBe(await replay(example, defaultCatalog, countView, options));
  });

  it("is snapshotted through the fold's save too, and a report resumed from a snapshot equals the replay", async () => {
    const needs = [
      { projection: typesView, period: "report" as const },
      { projection: countView, period: "report" as const },
    ];
    const store = memorySnapshots();
    await replayMany(example, defaultCatalog, needs, { period: year, snapshots: { store, code: "test", every: 100 } });
    expect(store.all()[0]?.states["types-seen@2020"]).toEqual(expect.any(Array));
    const resumed = await replayMany(example, defaultCatalog, needs, { period: year, snapshots: { store, code: "test" } });
    expect(resumed.resumedAt).toBeDefined();
    expect(resumed.results.get(typesView)).toEqual(await replay(example, defaultCatalog, typesView, { period: year }));
    expect(resumed.results.get(countView)).toBe(await replay(example, defaultCatalog, countView, { period: year }));
  });
});

describe("a view of a fold with no save and load", () => {
  it("has none either, as before", () => {
    const plain = defineFold<{ n: number }>({ name: "n", init: () => ({ n: 0 }), evolve: (state) => ((state.n += 1), state) });
    const view = defineView(plain, { name: "n-view", description: "", result: (state) => state.n });
    expect(Object.keys(view).sort()).toEqual(["description", "evolve", "fold", "init", "name", "result"]);
  });
});
