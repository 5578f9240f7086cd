import { deserialize, serialize } from "node:v8";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeState, encodeState } from "../../src/log/lazy-collections.js";
import { RecordsAtHand, type CollectionWrite } from "../../src/log/records-at-hand.js";

/** A database table of the rules' entries, as the PostgreSQL store keeps them: by collection, then key. */
type Table = Map<string, Map<string, string>>;

type Op =
  | { kind: "set"; key: string; value: number }
  | { kind: "delete"; key: string }
  | { kind: "get"; key: string }
  | { kind: "mutate"; key: string }
  | { kind: "size" }
  | { kind: "save"; process: "same" | "new" };

const arbKey = fc.constantFrom("a", "b", "å", "pos-1", "pos-10", "pos-2", "", "x y");
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("set" as const), key: arbKey, value: fc.integer({ min: 0, max: 9 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), key: arbKey }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("get" as const), key: arbKey }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("mutate" as const), key: arbKey }) },
  { weight: 1, arbitrary: fc.constant({ kind: "size" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("save" as const), process: fc.constantFrom("same" as const, "new" as const) }) },
);

interface State {
  readonly nested: { readonly map: Map<string, { n: number }> };
  readonly set: Set<string>;
}

/** Runs ops on a state as a check does, returning what it saw; a value read is mutated in place, as a rule may. */
const run = (ops: readonly Op[], state: State): unknown[] => {
  const seen: unknown[] = [];
  for (const op of ops) {
    if (op.kind === "set") {
      state.nested.map.set(op.key, { n: op.value });
      state.set.add(op.key);
    } else if (op.kind === "delete") {
      seen.push(state.nested.map.delete(op.key), state.set.delete(op.key));
    } else if (op.kind === "mutate") {
      const held = state.nested.map.get(op.key);
      if (held !== undefined) held.n += 1;
    } else if (op.kind === "size") {
      seen.push(state.nested.map.size, state.set.size);
    } else if (op.kind === "get") {
      seen.push(state.nested.map.get(op.key), state.nested.map.has(op.key), state.set.has(op.key));
    }
  }
  return seen;
};

const fetchInto = (table: Table, place: RecordsAtHand): void => {
  const wanted = place.takeWanted();
  for (const collection of wanted.whole) place.foundWhole(collection, table.get(collection) ?? []);
  for (const [collection, keys] of wanted.keys) for (const key of keys) place.found(collection, key, table.get(collection)?.get(key));
};

const writeInto = (table: Table, writes: readonly CollectionWrite[]): void => {
  for (const write of writes) {
    if (write.whole) table.set(write.collection, new Map(write.set));
    else {
      const entries = table.get(write.collection) ?? new Map<string, string>();
      for (const [key, value] of write.set) entries.set(key, value);
      for (const key of write.removed) entries.delete(key);
      table.set(write.collection, entries);
    }
  }
};

/** Splits ops at their saves: each part is one append's check, then its save. */
const segments = (ops: readonly Op[]): { ops: Op[]; save?: Extract<Op, { kind: "save" }> }[] => {
  const parts: { ops: Op[]; save?: Extract<Op, { kind: "save" }> }[] = [{ ops: [] }];
  for (const op of ops) {
    const last = parts[parts.length - 1] as { ops: Op[]; save?: Extract<Op, { kind: "save" }> };
    if (op.kind === "save") {
      last.save = op;
      parts.push({ ops: [] });
    } else last.ops.push(op);
  }
  return parts;
};

describe("a rule state whose Maps and Sets a store keeps entry by entry (RecordsAtHand)", () => {
  it("answers as a Map and a Set would, checking again with what it fetched whenever a check looked past what was at hand, and saving only what changed (property)", () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 50 }), (ops) => {
        const table: Table = new Map();
        const model: State = { nested: { map: new Map() }, set: new Set() };
        let place = new RecordsAtHand();
        // The first state is learnt afresh: plain collections, written whole.
        let bytes = serialize(encodeState({ nested: { map: new Map() }, set: new Set() }, place));
        writeInto(table, place.takeWrites());
        // The last check is saved too, so the table ends holding every change.
        for (const part of segments([...ops, { kind: "save", process: "same" }])) {
          const expected = run(part.ops, model);
          let rounds = 0;
          let state: State;
          let seen: unknown[];
          for (;;) {
            rounds += 1;
            state = decodeState(deserialize(bytes), place) as State;
            seen = run(part.ops, state);
            if (!place.missed) break;
            // Each round fetches something new; a check asks at most one key per op, or everything.
            if (rounds > part.ops.length + 1) throw new Error(`still missing entries after ${rounds} rounds`);
            fetchInto(table, place);
          }
          expect(seen).toEqual(expected);
          if (part.save === undefined) continue;
          bytes = serialize(encodeState(state, place));
          const writes = place.takeWrites();
          // Only what the check touched is written: never more keys than it used.
          expect(writes.every((write) => write.whole || write.set.length + write.removed.length <= part.ops.length)).toBe(true);
          writeInto(table, writes);
          place.wrote(writes);
          if (part.save.process === "new") place = new RecordsAtHand();
        }
        expect(new Map([...(table.get('"nested""map"') ?? [])].map(([key, value]) => [key, JSON.parse(value) as unknown]))).toEqual(new Map(model.nested.map));
        expect(new Set((table.get('"set"') ?? new Map()).keys())).toEqual(model.set);
      }),
      { numRuns: 500 },
    );
  });
});
