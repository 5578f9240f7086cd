import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as fc from "fast-check";
import * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { compileGuard, defaultCatalog, EventDraftCodec, Id, Provenance, Sha256Hex, StoredEventCodec, strictObject } from "@tertial/core";
import { arbMutated, arbOf, arbStrange, hex } from "./codec-values.js";

/**
 * `compileGuard(codec)` stands in for `codec.is` on every read: it must accept exactly what `is`
 * accepts, for every codec events are written with. Values come from a generator that follows
 * each codec's structure (so most are valid), then one mutation (a field removed, an unknown one
 * added, a value of the wrong type, a string or number just off), and arbitrary values.
 */

const CODECS: readonly (readonly [string, t.Any])[] = [
  ["StoredEvent", StoredEventCodec],
  ["EventDraft", EventDraftCodec],
  ["Provenance", Provenance],
  ...defaultCatalog.definitions.flatMap((definition) => definition.versions.map((version) => [`${definition.type} v${version.version}`, version.data] as const)),
];

const agrees = (codec: t.Any, value: unknown): void => {
  expect(compileGuard(codec)(value)).toBe(codec.is(value));
};

describe("compiled guards", () => {
  it("cover every codec of the default catalog and the envelope", () => {
    expect(CODECS.length).toBeGreaterThan(80);
  });

  it.each(CODECS)("%s: accepts exactly what `is` accepts, for values of its shape, mutated ones and arbitrary ones (property)", (_name, codec) => {
    fc.assert(fc.property(fc.oneof(arbOf(codec), arbMutated(codec), arbMutated(codec), arbStrange), (value) => agrees(codec, value)), { numRuns: 150 });
  });

  it("the values reach both sides of every codec: some accepted, some refused", () => {
    const oneSided = CODECS.filter(([, codec]) => {
      const verdicts = fc.sample(fc.oneof(arbOf(codec), arbMutated(codec)), { numRuns: 300, seed: 14 }).map((value) => codec.is(value));
      return !verdicts.includes(true) || !verdicts.includes(false);
    });
    expect(oneSided.map(([name]) => name)).toEqual([]);
  });

  it("agree with `is` on every stored line of the examples, envelope and data", () => {
    const files = ["kommunal-utveckling-2020", "kommunal-utveckling-2022-plan"].map((name) => resolve(import.meta.dirname, `../../../../examples/${name}/events.jsonl`));
    for (const text of files.flatMap((file) => readFileSync(file, "utf8").split("\n").filter((line) => line !== ""))) {
      const raw = JSON.parse(text) as { type: string; schemaVersion: number; data: unknown };
      expect(compileGuard(StoredEventCodec)(raw)).toBe(true);
      const version = defaultCatalog.definition(raw.type)?.versions.find((each) => each.version === raw.schemaVersion);
      if (version !== undefined) expect(compileGuard(version.data)(raw.data)).toBe(true);
    }
  });

  it("read a field the way io-ts does: an inherited required field counts, an inherited unknown one does not, an own undefined optional one is absent", () => {
    const codec = strictObject("Probe", { name: t.string }, { note: t.string });
    for (const value of [Object.create({ name: "inherited" }) as object, { name: "a", note: undefined }, { note: "b" }, { name: undefined }, Object.assign(Object.create(null) as object, { name: "n" }), Object.assign(Object.create({ stray: 1 }) as object, { name: "own" })]) agrees(codec, value);
    const keyed = t.record(t.keyof({ a: null }), t.string);
    for (const value of [{ a: "x" }, { a: 1 }, { b: "x" }, {}]) agrees(keyed, value);
  });
});

describe("generated object guards", () => {
  /** Keys that would break code made by pasting them in: quotes, a backslash, line separators, a comment, an object's own names. */
  const ODD_KEYS = ['a"b', "c\\d", "e\u2028f", "*/g", "h${i}", "__proto__", "constructor", "toString", "", " "];
  const oddCodec = () => strictObject("Odd", Object.fromEntries(ODD_KEYS.slice(0, 5).map((key) => [key, t.string])), Object.fromEntries(ODD_KEYS.slice(5).map((key) => [key, Id])));
  const arbOdd = fc.dictionary(fc.constantFrom(...ODD_KEYS, "stray"), fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(undefined)), { maxKeys: 12 });

  it("serve strict objects as code of their own (not the shared closures)", () => {
    expect(compileGuard(strictObject("Named", { a: t.string }, { b: Id })).name).toBe("guard");
    expect(compileGuard(StoredEventCodec).name).toBe("guard");
    const empty = strictObject("Empty", {});
    expect(compileGuard(empty).name).toBe("guard");
    for (const value of [{}, { a: 1 }, [], null, Object.create({ inherited: 1 }) as object]) agrees(empty, value);
  });

  it("accept exactly what `is` accepts whatever the keys spell (property)", () => {
    const codec = oddCodec();
    expect(compileGuard(codec).name).toBe("guard");
    fc.assert(fc.property(arbOdd, (value) => agrees(codec, JSON.parse(JSON.stringify(value)) as unknown)), { numRuns: 400 });
    agrees(codec, Object.fromEntries(ODD_KEYS.slice(0, 5).map((key) => [key, "x"])));
  });

  it("fall back to the closures where code cannot be made at run time, accepting the same", () => {
    const original = globalThis.Function;
    globalThis.Function = function refused() {
      throw new EvalError("Code generation from strings disallowed for this context");
    } as unknown as FunctionConstructor;
    let codec: t.Any;
    let guard: (value: unknown) => boolean;
    try {
      codec = oddCodec();
      guard = compileGuard(codec);
    } finally {
      globalThis.Function = original;
    }
    expect(guard.name).not.toBe("guard");
    fc.assert(fc.property(arbOdd, (value) => guard(value) === codec.is(value)), { numRuns: 200 });
  });
});

describe("the hash check", () => {
  it("accepts exactly 64 lowercase hex digits, whatever it was asked before (property)", () => {
    const nearHex = fc.string({ unit: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(..."0123456789abcdef") }, { weight: 1, arbitrary: fc.constantFrom("A", "F", "g", "/", ":", "`", "G", " ", "\u0130", "\u{1F600}", "\u0000") }), minLength: 62, maxLength: 66 });
    fc.assert(
      fc.property(fc.array(fc.oneof(nearHex, hex, fc.string()), { minLength: 1, maxLength: 20 }), (texts) => {
        for (const text of [...texts, ...texts.slice().reverse()]) expect([text, Sha256Hex.is(text)]).toEqual([text, /^[0-9a-f]{64}$/.test(text)]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the id check", () => {
  it("accepts exactly ^[A-Za-z0-9][A-Za-z0-9._:\\-/]{0,127}$ (property)", () => {
    const unit = fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(..."aZ09._:-/") },
      { weight: 1, arbitrary: fc.constantFrom(" ", "\\", "+", "@", "[", "`", "{", "\u00e5", "\u0130", "\u{1F600}", "\u0000", "\n") },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, minLength: 0, maxLength: 6 }), fc.string({ unit, minLength: 120, maxLength: 135 }), fc.string({ unit: fc.constantFrom(..."aZ09._:-/"), minLength: 125, maxLength: 130 }).map((text) => `a${text}`), fc.string()), (text) => {
        expect([text, Id.is(text)]).toEqual([text, /^[A-Za-z0-9][A-Za-z0-9._:\-/]{0,127}$/.test(text)]);
      }),
      { numRuns: 5000 },
    );
  });
});
