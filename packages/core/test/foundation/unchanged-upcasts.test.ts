/**
 * An older version whose data is newer data as it stands says so with `upcast: unchanged`, and
 * the inclusion is proven when the type is defined (`inclusionGap`), so reads check such data
 * once, against its stored version. These tests hold the proof to its word: every value an older
 * codec accepts, the next accepts (property, for every such version of the default catalog); a
 * definition it cannot prove is refused; and what reads decide is what they decided before.
 */
import * as fc from "fast-check";
import * as t from "io-ts";
import { describe, expect, it } from "vitest";
import {
  compileGuard,
  createCatalog,
  dataIssues,
  DecimalString,
  decodeData,
  defaultCatalog,
  defineEvent,
  Id,
  inclusionGap,
  liftsUnchanged,
  listOf,
  NonEmptyString,
  NonNegativeDecimal,
  oneOf,
  strictObject,
  unchanged,
  type EventDefinition,
} from "@tertial/core";
import { arbMutated, arbOf, arbStrange } from "./codec-values.js";

const envelope = { id: "x", effectiveAt: "2020-01-31", recordedAt: "2020-02-01T00:00:00.000Z", seq: 0, prevHash: "0".repeat(64), hash: "0".repeat(64) };

describe("inclusionGap", () => {
  const Words = oneOf("Words", ["kommunerna", "staten"]);

  it("shows inclusion by structure: the same codec, words that are ids, wider sets, optional fields, shorter lists, union members", () => {
    expect(inclusionGap(Id, Id)).toBeUndefined();
    expect(inclusionGap(Words, Id)).toBeUndefined();
    expect(inclusionGap(Words, oneOf("More", ["kommunerna", "staten", "ovriga"]))).toBeUndefined();
    expect(inclusionGap(strictObject("A", { a: Id }), strictObject("B", { a: Id }, { b: NonEmptyString }))).toBeUndefined();
    expect(inclusionGap(strictObject("A", { a: Id }), strictObject("B", {}, { a: Id }))).toBeUndefined();
    expect(inclusionGap(listOf(Words, 2), listOf(Id, 1))).toBeUndefined();
    expect(inclusionGap(t.union([Words, t.literal("ovriga")]), Id)).toBeUndefined();
    expect(inclusionGap(Words, t.union([t.number, Id]))).toBeUndefined();
    expect(inclusionGap(strictObject("A", { n: t.number }), strictObject("B", { n: t.unknown }))).toBeUndefined();
  });

  it("names the first place where it cannot show it, by field path", () => {
    expect(inclusionGap(oneOf("Odd", ["kommunerna", "two words"]), Id)).toBe('data: the older version accepts "two words", the newer does not');
    expect(inclusionGap(strictObject("A", { a: Id }), strictObject("B", { a: Id, b: Id }))).toBe("data.b: the newer version requires it and the older does not");
    expect(inclusionGap(strictObject("A", {}, { a: Id }), strictObject("B", { a: Id }))).toBe("data.a: the newer version requires it and the older does not");
    expect(inclusionGap(strictObject("A", { a: Id, gone: Id }), strictObject("B", { a: Id }))).toBe("data.gone: the newer version has no such field");
    expect(inclusionGap(strictObject("A", { list: listOf(Id, 1) }), strictObject("B", { list: listOf(Id, 2) }))).toBe("data.list: the older version takes lists of 1 or more, the newer of 2 or more");
    expect(inclusionGap(strictObject("A", { list: listOf(NonEmptyString) }), strictObject("B", { list: listOf(Id) }))).toBe("data.list[]: NonEmptyString is not shown to accept only what Id accepts");
    expect(inclusionGap(t.union([Words, t.string]), Id)).toBe("data: string is not shown to accept only what Id accepts");
  });

  it("reads fields named like an object's own members as fields, and checks every value a literal or closed set accepts", () => {
    expect(inclusionGap(strictObject("A", { a: Id }), strictObject("B", { a: Id, valueOf: Id }))).toBe("data.valueOf: the newer version requires it and the older does not");
    expect(inclusionGap(strictObject("A", { a: Id }), strictObject("B", { a: Id, constructor: Id }))).toBe("data.constructor: the newer version requires it and the older does not");
    expect(inclusionGap(strictObject("A", { toString: Id }), strictObject("B", {}))).toBe("data.toString: the newer version has no such field");
    expect(inclusionGap(strictObject("A", { constructor: Id }), strictObject("B", {}, { constructor: Id }))).toBeUndefined();
    // JSON.parse("-0") is -0, which t.literal(0) accepts.
    expect(inclusionGap(t.literal(0), t.refinement(t.number, (value) => Object.is(value, 0), "PositiveZero"))).toBe("data: the older version accepts 0, the newer does not");
    expect(inclusionGap(t.literal(0), t.number)).toBeUndefined();
    // A key the guard accepts though Object.keys does not list it.
    const hidden = t.keyof(Object.defineProperty({ a: null }, "b", { value: null, enumerable: false }) as { a: null });
    expect(hidden.is("b")).toBe(true);
    expect(inclusionGap(hidden, t.literal("a"))).toBe('data: the older version accepts "b", the newer does not');
  });

  it("is conservative: a refinement it cannot compare is a gap, even where every value would fit", () => {
    // Every non-negative decimal is a decimal, but nothing in the two codecs' structure shows it.
    expect(inclusionGap(NonNegativeDecimal, DecimalString)).toMatch(/is not shown to accept only/);
    expect(inclusionGap(t.string, Id)).toMatch(/is not shown to accept only/);
  });
});

/** Every older version of the default catalog whose upcast is `unchanged`, with the version it lifts to. */
const UNCHANGED = defaultCatalog.definitions.flatMap((definition) =>
  definition.versions.flatMap((version, index) => {
    const next = definition.versions[index + 1];
    return version.upcast === unchanged && next !== undefined ? [[`${definition.type} v${version.version} → v${next.version}`, version.data, next.data] as const] : [];
  }),
);

describe("unchanged upcasts of the default catalog", () => {
  it("are the many older versions that only widened (a source or term that became any defined id, a field made optional)", () => {
    expect(UNCHANGED.length).toBeGreaterThanOrEqual(20);
  });

  it.each(UNCHANGED)("%s: every value the older codec accepts, the newer accepts (property)", (_name, older, newer) => {
    const [accepts, acceptsNewer] = [compileGuard(older), compileGuard(newer)];
    let accepted = 0;
    fc.assert(
      // Valid older data is rare among shaped values of a type with many fields, hence the filter,
      // weighted so that about 130 of the 300 runs are valid (one in five made 60 on average, and
      // fewer than the 50 below in about one run of the file in twelve).
      fc.property(fc.oneof({ arbitrary: arbOf(older).filter(accepts), weight: 3 }, arbOf(older), arbMutated(older), arbMutated(newer), arbStrange), (value) => {
        if (!accepts(value)) return;
        accepted += 1;
        expect(acceptsNewer(value)).toBe(true);
      }),
      { numRuns: 300 },
    );
    // The property would hold vacuously if the generator never made valid older data.
    expect(accepted).toBeGreaterThan(50);
  });
});

describe("defining a version as unchanged", () => {
  const V1 = strictObject("NoteV1", { text: NonEmptyString });
  const V2 = strictObject("NoteV2", { text: Id });

  it("is refused when the proof fails, naming the type, the version and the field", () => {
    expect(() => defineEvent({ type: "notes.note-written", description: "d", data: V2, older: [{ version: 1, data: V1, upcast: unchanged }] })).toThrow(
      "notes.note-written v1: its upcast is `unchanged`, but its data is not shown to be valid version 2 data (data.text: NonEmptyString is not shown to accept only what Id accepts); write an upcast that lifts it",
    );
  });

  it("is refused by the catalog too, for a definition made without defineEvent", () => {
    const handMade: EventDefinition = { type: "notes.note-written", description: "d", latest: { version: 2, data: V2 }, versions: [{ version: 1, data: V1, upcast: unchanged }, { version: 2, data: V2 }], is: (event): event is never => event.type === "notes.note-written" };
    expect(() => createCatalog([{ name: "notes", events: [handMade] }])).toThrow(/notes\.note-written v1: its upcast is `unchanged`/);
  });

  it("lifts without a second check only where every later upcast is unchanged", () => {
    const cost = defaultCatalog.definition("finance.cost-booked")!;
    expect([0, 1, 2].map((index) => liftsUnchanged(cost.versions, index))).toEqual([true, true, true]);
    // Version 1 of a narrative is unchanged into version 2, but version 2's upcast renames a field.
    const narrative = defaultCatalog.definition("narrative.written")!;
    expect(narrative.versions.map((_, index) => liftsUnchanged(narrative.versions, index))).toEqual([false, false, true]);
  });
});

describe("reads of data stored at an unchanged older version", () => {
  const stored = (schemaVersion: number, data: unknown) => ({ ...envelope, type: "finance.cost-booked", schemaVersion, data });
  const cost = { areaId: "fou", from: "2020-01-01", to: "2020-01-31", amount: "1200", source: "staten" };

  it("keep the stored data object as the event's data, as the latest version's check would have", () => {
    for (const version of [1, 2, 3]) {
      const decoded = decodeData(defaultCatalog, stored(version, cost));
      expect(decoded.ok && decoded.event.data).toBe(cost);
      expect(dataIssues(defaultCatalog, stored(version, cost))).toBeUndefined();
    }
  });

  it("still refuse what the stored version refuses, at its field", () => {
    // "internal" came with version 2; a version 1 cost that names it is wrong as stored.
    const internal = { ...cost, source: "internal" };
    expect(dataIssues(defaultCatalog, stored(1, internal))?.map((found) => found.path)).toEqual(["data.source"]);
    expect(dataIssues(defaultCatalog, stored(2, internal))).toBeUndefined();
    expect(dataIssues(defaultCatalog, stored(1, { ...cost, amount: "12,00" }))?.map((found) => found.path)).toEqual(["data.amount"]);
  });
});
