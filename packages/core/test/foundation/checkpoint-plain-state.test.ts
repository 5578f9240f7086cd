import { describe, expect, it } from "vitest";
import { checkpoint, defaultCatalog, defineProjection, fromArray, period, replay, ReplayError, resume, type Checkpoint, type StoredEvent } from "@tertial/core";
import { opened, refusal, seededStore, tickingClock } from "./helpers.js";

// A projection with no save is checkpointed by a JSON round trip: a state that would not come back
// the same (a Set becomes {}) is refused by name, where it is, instead of resumed wrongly later.

const empty = fromArray([]);
const interim = period("2020-T1..T2");

/** A projection of the given state that counts events: its state is whatever `init` makes. */
const holding = (name: string, init: () => unknown) =>
  defineProjection<unknown, number>({
    name,
    description: "a state JSON may not keep",
    init,
    evolve: (state) => state,
    result: () => 0,
  });

class Tally {
  count = 0;
}

describe("checkpoint refuses a state JSON would not keep, naming the projection, the place and what is there", () => {
  const refused = (projection: ReturnType<typeof holding>) => refusal(() => checkpoint(empty, defaultCatalog, projection, { period: interim }));
  const advice = "which JSON does not keep: declare save and load";

  it("a Set, a Map, a Date or a class instance, at the state or inside it", async () => {
    expect(await refused(holding("ids", () => new Set<string>()))).toEqual(["ReplayError", `checkpoint: state of ids is a Set at state, ${advice}`]);
    expect(await refused(holding("by-id", () => ({ byId: new Map<string, number>() })))).toEqual(["ReplayError", `checkpoint: state of by-id has a Map at state.byId, ${advice}`]);
    expect(await refused(holding("when", () => ({ days: [{ at: new Date(0) }] })))).toEqual(["ReplayError", `checkpoint: state of when has a Date at state.days[0].at, ${advice}`]);
    expect(await refused(holding("tallies", () => ({ "per area": { fou: new Tally() } })))).toEqual(["ReplayError", `checkpoint: state of tallies has an instance of Tally at state["per area"].fou, ${advice}`]);
  });

  it("undefined in a list, a function, a non-finite number, a bigint, a cycle", async () => {
    expect(await refused(holding("gaps", () => ({ list: [1, undefined] })))).toEqual(["ReplayError", `checkpoint: state of gaps has undefined at state.list[1], ${advice}`]);
    expect(await refused(holding("calls", () => ({ next: () => 1 })))).toEqual(["ReplayError", `checkpoint: state of calls has a function at state.next, ${advice}`]);
    expect(await refused(holding("ratio", () => ({ share: Number.NaN })))).toEqual(["ReplayError", `checkpoint: state of ratio has NaN at state.share, ${advice}`]);
    expect(await refused(holding("far", () => ({ end: [Infinity] })))).toEqual(["ReplayError", `checkpoint: state of far has Infinity at state.end[0], ${advice}`]);
    expect(await refused(holding("big", () => ({ total: 10n })))).toEqual(["ReplayError", `checkpoint: state of big has a bigint (10n) at state.total, ${advice}`]);
    const looped = (): unknown => {
      const state: { inner: { back?: unknown } } = { inner: {} };
      state.inner.back = state;
      return state;
    };
    expect(await refused(holding("loop", looped))).toEqual(["ReplayError", `checkpoint: state of loop has a cycle back to state at state.inner.back, ${advice}`]);
  });

  it("the error carries an issue at the place in the state", async () => {
    const error = await checkpoint(empty, defaultCatalog, holding("by-id", () => ({ byId: new Map() })), { period: interim }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReplayError);
    expect((error as ReplayError).issues.map((found) => found.path)).toEqual(["state.byId"]);
  });

  it("what a save returns must be plain JSON too", async () => {
    const badSave = defineProjection<Set<string>, number>({ name: "ids", description: "", init: () => new Set(), evolve: (state) => state, result: (state) => state.size, save: (state) => ({ ids: state }), load: () => new Set() });
    expect(await refusal(() => checkpoint(empty, defaultCatalog, badSave, { period: interim }))).toEqual([
      "ReplayError",
      "checkpoint: save of ids returned a state that has a Set at state.ids, which JSON does not keep: save must return plain JSON (objects, lists, text, finite numbers, true, false, null)",
    ]);
  });

  it("resume refuses such a projection too, rather than resume a state JSON made {} (a checkpoint taken before the refusal)", async () => {
    const ids = holding("ids", () => new Set<string>());
    const older: Checkpoint = { projection: "ids", period: interim.name, knownAt: null, seq: -1, hash: "", state: {}, stateDigest: "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a" };
    expect(await refusal(() => resume(empty, defaultCatalog, ids, { period: interim }, older))).toEqual(["ReplayError", `resume: state of ids is a Set at state, ${advice}`]);
  });
});

describe("a state JSON keeps, or one with save and load, checkpoints as before", () => {
  it("a plain state with an undefined field, null and nested lists checkpoints; a Set state with save and load checkpoints and resumes", async () => {
    const store = await seededStore(tickingClock());
    const outcome = await store.append([opened("o1", "p1", "2020-01-01"), opened("o2", "p2", "2020-02-01")]);
    expect(outcome.ok).toBe(true);
    const events: StoredEvent[] = [...store.events()];
    const plain = holding("plain", () => ({ note: undefined, none: null, rows: [[1, "a"], [true]], nested: Object.create(null) as object }));
    expect((await checkpoint(fromArray(events), defaultCatalog, plain, { period: interim })).state).toEqual({ none: null, rows: [[1, "a"], [true]], nested: {} });
    const ids = defineProjection<Set<string>, string[]>({
      name: "ids",
      description: "",
      init: () => new Set(),
      evolve: (state, event) => state.add(event.id),
      result: (state) => [...state],
      save: (state) => [...state],
      load: (saved) => new Set(saved as string[]),
    });
    const saved = await checkpoint(fromArray(events.slice(0, -1)), defaultCatalog, ids, { period: interim });
    expect(await resume(fromArray(events), defaultCatalog, ids, { period: interim }, saved)).toEqual(await replay(fromArray(events), defaultCatalog, ids, { period: interim }));
  });
});
