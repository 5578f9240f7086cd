import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as t from "io-ts";
import { canonicalJson, createCatalog, dec, decodeData, defaultCatalog, defineEvent, defineFigure, defineProjection, lineOf, NonNegativeDecimal, parseStoredLine, strictObject, toJsonSchema, type EventDefinition } from "@tertial/core";
import { arbFoundationLog, arbReferenceDraft, arbStaffDraft, buildLog, codecRoundTripLaw } from "@tertial/core/testing";

const envelope = { id: "x", schemaVersion: 1, effectiveAt: "2020-01-01", recordedAt: "2020-01-01T00:00:00.000Z", seq: 0, prevHash: "0".repeat(64), hash: "0".repeat(64) };

const issuesOf = (type: string, data: unknown) => {
  const decoded = decodeData(defaultCatalog, { ...envelope, type, data });
  return decoded.ok ? [] : decoded.issues;
};

describe("field paths in decode errors", () => {
  it("name the field itself, not the codec's inner parts", () => {
    const issues = issuesOf("staff.position-opened", { positionId: "p", areaId: "a", employmentForm: "fast", fte: "-1" });
    expect(issues.map((found) => found.path).sort()).toEqual(["data.employmentForm", "data.financing", "data.fte"]);
  });

  it("index into lists and nest objects", () => {
    const issues = issuesOf("reference.network-established", { networkId: "n", name: "N", kind: "network", seats: [{ seatId: "s1", side: "kommun" }, { seatId: "s2", side: "län" }] });
    expect(issues.map((found) => found.path)).toEqual(["data.seats[1].side"]);
    expect(issues[0]?.expected).toBe('one of "kommun", "region", "other"');
  });

  it("report unknown and missing fields in the same run", () => {
    const issues = issuesOf("staff.position-closed", { reason: "slut", positionID: "p1" });
    expect(issues.map((found) => [found.code, found.path])).toEqual([
      ["unknown-field", "data.positionID"],
      ["invalid-field", "data.positionId"],
    ]);
    expect(issues[1]?.message).toBe("is missing");
  });

  it("say what was expected and what was found", () => {
    const [found] = issuesOf("staff.position-changed", { positionId: "p1", fte: 0.5 });
    expect(found).toMatchObject({ code: "invalid-field", path: "data.fte", message: "is a number, not text: write it in double quotes", expected: 'a non-negative decimal string such as "0.50"', actual: "0.5" });
  });

  it("say a value is of the wrong kind where it is: text for a number, a number for text, text for a list", () => {
    const [occasions] = issuesOf("courses.course-held", { courseId: "k1", title: "Kurs", occasions: "3" });
    expect(occasions).toMatchObject({ path: "data.occasions", message: "is text, not a number: write it without quotes" });
    const [presence] = issuesOf("meetings.meeting-held", { meetingId: "m1", networkId: "n1", mode: "fysiskt", presence: "alla" });
    expect(presence).toMatchObject({ path: "data.presence", message: "is text, not a list" });
  });

  it("refuse null for optional fields", () => {
    expect(issuesOf("staff.position-closed", { positionId: "p1", reason: null }).map((found) => found.path)).toEqual(["data.reason"]);
  });
});

describe("codec round trip (encode ∘ decode = id)", () => {
  const drafts = fc.oneof(arbStaffDraft(), arbReferenceDraft());
  for (const definition of defaultCatalog.definitions.filter((d) => d.type.startsWith("staff.") || d.type.startsWith("reference."))) {
    it(`holds for ${definition.type}`, () => {
      const data = drafts.filter((draft) => draft.type === definition.type).map((draft) => draft.data);
      fc.assert(codecRoundTripLaw(definition, data), { numRuns: 200 });
    });
  }

  it("fails for a codec that changes values on the way", () => {
    const lossy = defineEvent({
      type: "test.lossy-recorded",
      description: "trims",
      data: strictObject("Lossy", { text: new t.Type<string, string, unknown>("Trimmed", t.string.is, (u, c) => (typeof u === "string" ? t.success(u.trim()) : t.failure(u, c)), (a) => a) }),
    }) as EventDefinition;
    const result = fc.check(codecRoundTripLaw(lossy, fc.string().map((text) => ({ text: ` ${text}` }))), { numRuns: 50 });
    expect(result.failed).toBe(true);
  });

  it("stored lines parse back to the same event and the same bytes (property)", async () => {
    await fc.assert(
      fc.asyncProperty(arbFoundationLog({ maxEvents: 6 }), async (script) => {
        const { events } = await buildLog(defaultCatalog, script);
        for (const event of events) {
          const parsed = parseStoredLine("log", lineOf(event), event.seq + 1, true);
          expect(parsed.ok && lineOf(parsed.event)).toBe(lineOf(event));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("canonical JSON (RFC 8785)", () => {
  it("sorts keys by code unit and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], A: { d: "é", c: undefined } })).toBe('{"A":{"d":"é"},"a":[true,null,"x"],"b":1}');
    expect(canonicalJson({ "\u00e9": 1, z: 2, "\u{1F600}": 3, "\uFB33": 4 })).toBe('{"z":2,"é":1,"\u{1F600}":3,"\uFB33":4}');
  });

  it("refuses values JSON cannot hold", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });

  it("is a fixed point of parse ∘ print (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("JSON Schema from codecs", () => {
  it("describes a staff event's data with its required fields and patterns", () => {
    const definition = defaultCatalog.definition("staff.position-opened");
    const schema = toJsonSchema(definition?.latest.data ?? t.unknown) as { required: string[]; additionalProperties: boolean; properties: Record<string, { pattern?: string; enum?: string[] }> };
    expect(schema.required).toEqual(["positionId", "areaId", "employmentForm", "fte", "financing"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.fte?.pattern).toBe("^(0|[1-9][0-9]*)(\\.[0-9]+)?$");
    // Version 2 takes any id (the log may define its own forms); version 1 only the built-in ones.
    expect(schema.properties.employmentForm?.pattern).toBeDefined();
    const first = toJsonSchema(definition?.versions[0]?.data ?? t.unknown) as { properties: Record<string, { enum?: string[] }> };
    expect(first.properties.employmentForm?.enum).toEqual(["tjanstekop", "tillsvidare", "visstid"]);
  });

  it("has a pattern that agrees with the codec (property)", () => {
    const pattern = new RegExp((NonNegativeDecimal.jsonSchema as { pattern: string }).pattern);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^-?\d{1,4}(\.\d{0,3})?$/)), (text) => {
        expect(pattern.test(text)).toBe(NonNegativeDecimal.is(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the catalog", () => {
  it("refuses a type defined twice", () => {
    const a = defineEvent({ type: "test.thing-happened", description: "a", data: strictObject("A", {}) });
    expect(() => createCatalog([{ name: "one", events: [a] }, { name: "two", events: [a] }])).toThrow(/defined twice/);
  });

  it("refuses a module that would be taken for another, or whose figures no report could print", () => {
    const a = defineEvent({ type: "test.thing-happened", description: "a thing happened", data: strictObject("A", {}) });
    const counted = defineProjection({ name: "test-count", description: "Things that happened.", init: () => ({ count: 0 }), evolve: (state) => ({ count: state.count + 1 }), result: (state) => state });
    const figure = (key: string, description = "how many things happened") => defineFigure(counted, { key, description, params: {}, unit: "count", example: {}, compute: (result) => ({ exact: dec(result.count), evidence: [] }) });
    expect(() => defaultCatalog.with({ name: "reference", events: [a] })).toThrow(/module "reference" is in the catalog already/);
    expect(() => defaultCatalog.with({ name: "", events: [a] })).toThrow(/a module needs a name/);
    expect(() => defaultCatalog.with({ name: "test", events: [{ ...a, description: " " }] })).toThrow(/test.thing-happened \(module test\) has an empty description/);
    expect(() => defaultCatalog.with({ name: "test", events: [a], projections: [counted], figures: [figure("things")] })).toThrow(/figure "things" \(module test\) must be named like "domain.figure-name"/);
    expect(() => defaultCatalog.with({ name: "test", events: [a], projections: [counted], figures: [figure("test.things", "")] })).toThrow(/figure test.things \(module test\) has an empty description/);
    expect(() => defaultCatalog.with({ name: "test", events: [a], figures: [figure("test.things")] })).toThrow(/computed over projection "test-count", which no module of the catalog registers/);
    expect(defaultCatalog.with({ name: "test", events: [a], projections: [counted], figures: [figure("test.things")] }).figure("test.things")?.key).toBe("test.things");
  });

  it("refuses badly named types and unnumbered versions", () => {
    expect(() => defineEvent({ type: "Test.ThingHappened", description: "", data: t.unknown })).toThrow(/must look like/);
    expect(() => defineEvent({ type: "test.thing-happened", description: "", data: t.unknown, older: [{ version: 2, data: t.unknown, upcast: (x) => x }] })).toThrow(/numbered/);
  });

  it("upcasts old versions on read, through every step", () => {
    const v1 = strictObject("V1", { kronor: t.string });
    const v2 = strictObject("V2", { amount: t.string });
    const v3 = strictObject("V3", { amount: t.string, currency: t.string });
    const definition = defineEvent({
      type: "test.amount-recorded",
      description: "versions",
      data: v3,
      older: [
        { version: 1, data: v1, upcast: (data: t.TypeOf<typeof v1>) => ({ amount: data.kronor }) },
        { version: 2, data: v2, upcast: (data: t.TypeOf<typeof v2>) => ({ ...data, currency: "SEK" }) },
      ],
    });
    const catalog = defaultCatalog.with({ name: "test", events: [definition] });
    const decoded = decodeData(catalog, { ...envelope, type: "test.amount-recorded", data: { kronor: "12" } });
    expect(decoded.ok && decoded.event.data).toEqual({ amount: "12", currency: "SEK" });
    const unknownVersion = decodeData(catalog, { ...envelope, schemaVersion: 4, type: "test.amount-recorded", data: {} });
    expect(unknownVersion.ok ? [] : unknownVersion.issues.map((found) => [found.code, found.path, found.expected])).toEqual([["unknown-version", "schemaVersion", "1…3"]]);
  });

  it("names unknown types", () => {
    const decoded = decodeData(defaultCatalog, { ...envelope, type: "staff.position-opend", data: {} });
    expect(decoded.ok ? [] : decoded.issues.map((found) => [found.code, found.path])).toEqual([["unknown-type", "type"]]);
  });
});
