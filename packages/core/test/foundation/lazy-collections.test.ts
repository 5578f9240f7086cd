import { deserialize, serialize } from "node:v8";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeState, encodeState, UnsavableStateError } from "../../src/log/lazy-collections.js";

type Op = { kind: "set"; key: string; value: number } | { kind: "delete"; key: string } | { kind: "get"; key: string } | { kind: "mutate"; key: string } | { kind: "save" };

const arbKey = fc.oneof(fc.constantFrom("a", "b", "å", "ä", "z", "pos-1", "pos-10", "pos-2", ""), fc.string({ maxLength: 4 }).filter((key) => !key.includes("\u0000")));
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), key: arbKey, value: fc.integer() }),
  fc.record({ kind: fc.constant("delete" as const), key: arbKey }),
  fc.record({ kind: fc.constant("get" as const), key: arbKey }),
  fc.record({ kind: fc.constant("mutate" as const), key: arbKey }),
  fc.constant({ kind: "save" as const }),
);

/** Through the saved form and back, as an append state travels between two appends. */
const roundTrip = <T>(value: T): T => decodeState(deserialize(serialize(encodeState(value)))) as T;

describe("the lazily loaded Maps and Sets of a saved rule state", () => {
  it("behave as a Map and a Set under any sequence of uses and saves (property)", () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 60 }), (ops) => {
        const model = new Map<string, { n: number }>();
        const modelSet = new Set<string>();
        let state = { map: new Map<string, { n: number }>(), set: new Set<string>() };
        for (const op of ops) {
          if (op.kind === "save") state = roundTrip(state);
          else if (op.kind === "set") {
            model.set(op.key, { n: op.value });
            state.map.set(op.key, { n: op.value });
            modelSet.add(op.key);
            state.set.add(op.key);
          } else if (op.kind === "delete") {
            expect(state.map.delete(op.key)).toBe(model.delete(op.key));
            expect(state.set.delete(op.key)).toBe(modelSet.delete(op.key));
          } else if (op.kind === "mutate") {
            const held = state.map.get(op.key);
            const modelHeld = model.get(op.key);
            if (held !== undefined && modelHeld !== undefined) {
              held.n += 1;
              modelHeld.n += 1;
            }
          } else {
            expect(state.map.get(op.key)).toEqual(model.get(op.key));
            expect(state.map.has(op.key)).toBe(model.has(op.key));
            expect(state.set.has(op.key)).toBe(modelSet.has(op.key));
          }
        }
        const saved = roundTrip(state);
        expect(new Map(saved.map)).toEqual(model);
        expect(saved.map.size).toBe(model.size);
        expect(new Set(saved.set)).toEqual(modelSet);
      }),
      { numRuns: 500 },
    );
  });

  it("keep other keys as they were, and refuse to save class instances held in a Map (they would lose their methods)", () => {
    const state = roundTrip({ numbers: new Map([[1, "one"]]), nul: new Set(["a\u0000b"]) });
    expect(state.numbers.get(1)).toBe("one");
    expect(state.nul.has("a\u0000b")).toBe(true);
    class Box {
      constructor(readonly n: number) {}
    }
    expect(() => encodeState({ boxes: new Map([["a", new Box(1)]]) })).toThrow(UnsavableStateError);
  });
});
