import { describe, expect, it } from "vitest";
import { checkpoint, defaultCatalog, defineFold, defineProjection, defineView, fromArray, jsonlStore, memorySnapshots, period, replayMany, ReplayError, type AnyProjection, type StoredEvent } from "@tertial/core";
import { EXAMPLE_LOG } from "../finance/support.js";
import { refusal } from "../foundation/helpers.js";

// A fold with no save is snapshotted as its state is: a state JSON would not keep (a Set written
// as {}) is refused where the snapshot is taken, naming the fold and the place, as checkpoint
// refuses it, instead of a report from the snapshot differing from a replay from the first line.

const example = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });
const events: StoredEvent[] = [];
for await (const event of example.read()) events.push(event);
const log = fromArray(events.slice(0, 40));
const year = period("2020");

/** A projection of the given state that folds nothing: its state is whatever `init` makes. */
const holding = (name: string, init: () => unknown) => defineProjection<unknown, number>({ name, description: "a state JSON may not keep", init, evolve: (state) => state, result: () => 0 });

class Tally {
  count = 0;
}

const snapshotted = (projection: AnyProjection) => refusal(() => replayMany(log, defaultCatalog, [{ projection, period: "report" }], { period: year, snapshots: { store: memorySnapshots(), code: "test", every: 10 } }));

const advice = "which JSON does not keep: declare save and load";

describe("a snapshot refuses a state JSON would not keep, naming the fold, the place and what is there", () => {
  it("a Set, a Map, a Date or a class instance, at the state or inside it", async () => {
    expect(await snapshotted(holding("ids", () => new Set<string>()))).toEqual(["ReplayError", `snapshot: state of ids is a Set at state, ${advice}`]);
    expect(await snapshotted(holding("by-id", () => ({ byId: new Map<string, number>() })))).toEqual(["ReplayError", `snapshot: state of by-id has a Map at state.byId, ${advice}`]);
    expect(await snapshotted(holding("when", () => ({ days: [{ at: new Date(0) }] })))).toEqual(["ReplayError", `snapshot: state of when has a Date at state.days[0].at, ${advice}`]);
    expect(await snapshotted(holding("tallies", () => ({ "per area": { fou: new Tally() } })))).toEqual(["ReplayError", `snapshot: state of tallies has an instance of Tally at state["per area"].fou, ${advice}`]);
  });

  it("a state that comes to hold one only later is refused at the first snapshot after", async () => {
    const late = defineProjection<{ seen: number; since?: Set<string> }, number>({
      name: "late",
      description: "a Set from the 25th event on",
      init: () => ({ seen: 0 }),
      evolve: (state, event) => {
        state.seen += 1;
        if (state.seen >= 25) (state.since ??= new Set()).add(event.id);
        return state;
      },
      result: (state) => state.seen,
    });
    const store = memorySnapshots();
    const error = await replayMany(log, defaultCatalog, [{ projection: late, period: "report" }], { period: year, snapshots: { store, code: "test", every: 10 } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReplayError);
    expect((error as ReplayError).message).toBe(`snapshot: state of late has a Set at state.since, ${advice}`);
    expect((error as ReplayError).issues.map((found) => found.path)).toEqual(["state.since"]);
    // The snapshots taken while the state was plain JSON were kept, and hold it as it was.
    expect(store.all().map((snapshot) => snapshot.states["late@2020"])).toEqual([{ seen: 10 }, { seen: 20 }]);
  });

  it("refuses what checkpoint refuses, in the words checkpoint uses, and keeps what it keeps", async () => {
    const looped = (): unknown => {
      const state: { inner: { back?: unknown } } = { inner: {} };
      state.inner.back = state;
      return state;
    };
    const states: [string, () => unknown][] = [
      ["gaps", () => ({ list: [1, undefined] })],
      ["calls", () => ({ next: () => 1 })],
      ["ratio", () => ({ share: Number.NaN })],
      ["far", () => ({ end: [Infinity] })],
      ["big", () => ({ total: 10n })],
      ["loop", looped],
      ["nothing", () => undefined],
      ["bytes", () => ({ raw: new Uint8Array(2) })],
      ["boxed", () => ({ text: Object("boxed") as object })],
      ["key", () => ({ 'a "b"': [{}, new Set()] })],
      ["plain", () => ({ note: undefined, none: null, rows: [[1, "a"], [true]], nested: Object.create(null) as object })],
      ["shared", () => {
        const part = { n: 1 };
        return { a: part, b: [part, part] };
      }],
    ];
    for (const [name, init] of states) {
      const checkpointed = await checkpoint(log, defaultCatalog, holding(name, init), { period: year }).then(
        () => undefined,
        (error: unknown) => (error as Error).message.replace(/^checkpoint: /, ""),
      );
      const taken = await replayMany(log, defaultCatalog, [{ projection: holding(name, init), period: "report" }], { period: year, snapshots: { store: memorySnapshots(), code: "test", every: 10 } }).then(
        () => undefined,
        (error: unknown) => (error as Error).message.replace(/^snapshot: /, ""),
      );
      expect(taken, name).toBe(checkpointed);
    }
  });

  it("what a save returns must be plain JSON too", async () => {
    const badSave = defineProjection<Set<string>, number>({ name: "ids", description: "", init: () => new Set(), evolve: (state) => state, result: (state) => state.size, save: (state) => ({ ids: state }), load: () => new Set() });
    expect(await snapshotted(badSave)).toEqual([
      "ReplayError",
      "snapshot: save of ids returned a state that has a Set at state.ids, which JSON does not keep: save must return plain JSON (objects, lists, text, finite numbers, true, false, null)",
    ]);
  });

  it("a view names the fold it reads, whose state it is", async () => {
    const ledger = defineFold<{ ids: Set<string> }>({ name: "id-ledger", init: () => ({ ids: new Set() }), evolve: (state, event) => (state.ids.add(event.id), state) });
    const count = defineView(ledger, { name: "id-count", description: "", result: (state) => state.ids.size });
    expect(await snapshotted(count)).toEqual(["ReplayError", `snapshot: state of id-ledger has a Set at state.ids, ${advice}`]);
  });
});

describe("a snapshot taken before that refusal, of a fold whose state JSON does not keep", () => {
  it("is not used: the report replays from the first line, says why, and equals the replay", async () => {
    // The same fold name and plan: once a plain list, now a Set with no save. Its snapshots hold the list, as a Set written then would have been held ({}).
    const listed = defineProjection<{ ids: string[] }, number>({ name: "ids", description: "", init: () => ({ ids: [] }), evolve: (state, event) => (state.ids.push(event.id), state), result: (state) => state.ids.length });
    const asSet = defineProjection<{ ids: Set<string> }, number>({ name: "ids", description: "", init: () => ({ ids: new Set() }), evolve: (state, event) => (state.ids.add(event.id), state), result: (state) => state.ids.size });
    const store = memorySnapshots();
    await replayMany(log, defaultCatalog, [{ projection: listed, period: "report" }], { period: year, snapshots: { store, code: "test", every: 10 } });
    expect(store.all().length).toBeGreaterThan(0);
    const said: string[] = [];
    const resumed = await replayMany(log, defaultCatalog, [{ projection: asSet, period: "report" }], { period: year, snapshots: { store, code: "test", onStale: (message) => said.push(message) } });
    expect(resumed.resumedAt).toBeUndefined();
    expect(said).toEqual([`ids@2020 has no save and its state has a Set at state.ids, which JSON does not keep: its snapshot at seq ${events[39]?.seq} cannot hold it`]);
    const full = await replayMany(log, defaultCatalog, [{ projection: asSet, period: "report" }], { period: year });
    expect(resumed.results.get(asSet)).toBe(full.results.get(asSet));
    expect(resumed.results.get(asSet)).toBe(40);
  });
});

describe("the built-in folds", () => {
  it("hold plain JSON: every catalog projection snapshots on the example and resumes to what a replay gives", async () => {
    const needs = defaultCatalog.projections.map((projection) => ({ projection, period: "report" as const }));
    for (const name of ["2020-T1", "2020"]) {
      const store = memorySnapshots();
      const options = { period: period(name), knownAt: "2020-10-15" };
      await replayMany(example, defaultCatalog, needs, { ...options, snapshots: { store, code: "test", every: 50, daily: true } });
      expect(store.all().length).toBeGreaterThan(5);
      const resumed = await replayMany(example, defaultCatalog, needs, { ...options, snapshots: { store, code: "test" } });
      expect(resumed.resumedAt).toBeDefined();
      const full = await replayMany(example, defaultCatalog, needs, options);
      for (const { projection } of needs) expect(resumed.results.get(projection), projection.name).toEqual(full.results.get(projection));
    }
  }, 60_000);
});
