import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogSchema, decodeData, decodeWith, defaultCatalog, EventDraftCodec, eventDraftSchema, type EventDefinition, type JsonSchema, type StoredEvent } from "@tertial/core";
import { arbFoundationDraft, referencePreamble } from "@tertial/core/testing";

/**
 * The published JSON Schemas against the codecs: every schema compiles in Ajv's strict mode
 * (draft 2020-12, standard formats from ajv-formats), and accepts exactly the drafts the codecs
 * accept, on drafts generated from the schemas, on the project's own arbitraries, and on those
 * drafts mutated towards every edge we know (blank text, dates outside 1900–2100, unsafe
 * integers, offsets beyond ±14:00, extra fields, wrong types).
 */
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020, formats: string[]) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: true, allErrors: false }), ["date"]);
const definitions = defaultCatalog.definitions;
const validators = new Map<string, ValidateFunction>(definitions.map((definition) => [definition.type, ajv.compile(eventDraftSchema(definition))]));

type Draft = Record<string, unknown>;

/** What `append` accepts of a draft of this type, short of the log's own rules: envelope, then data. */
const codecAccepts = (definition: EventDefinition, draft: unknown): boolean => {
  const envelope = decodeWith(EventDraftCodec, draft);
  if (!envelope.ok || envelope.value.type !== definition.type) return false;
  const schemaVersion = envelope.value.schemaVersion ?? definition.latest.version;
  return decodeData(defaultCatalog, { ...(envelope.value as unknown as StoredEvent), schemaVersion }).ok;
};

const schemaAccepts = (definition: EventDefinition, draft: unknown): boolean => validators.get(definition.type)?.(draft) === true;

const MAX = Number.MAX_SAFE_INTEGER;

const withBranch = (schema: JsonSchema, branch: JsonSchema): JsonSchema => {
  const { anyOf: _branches, ...base } = schema;
  const required = [...((base.required ?? []) as string[]), ...((branch.required ?? []) as string[])];
  return { ...base, properties: { ...(base.properties as JsonSchema), ...(branch.properties as JsonSchema) }, required };
};

/** Values drawn from a schema, as far as Tertial's schemas use the vocabulary. */
const arbFromSchema = (schema: JsonSchema | boolean): fc.Arbitrary<unknown> => {
  if (typeof schema === "boolean" || Object.keys(schema).length === 0) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  // An event type with several versions: the envelope's properties with one version's branch (its schemaVersion and data).
  if (Array.isArray(schema.anyOf) && schema.properties !== undefined) return fc.oneof(...(schema.anyOf as JsonSchema[]).map((branch) => arbFromSchema(withBranch(schema, branch))));
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as JsonSchema[]).map(arbFromSchema));
  switch (schema.type) {
    case "object":
      return arbObject(schema);
    case "array":
      return fc.array(arbFromSchema((schema.items ?? {}) as JsonSchema), { minLength: Number(schema.minItems ?? 0), maxLength: Number(schema.minItems ?? 0) + 3 });
    case "string":
      return typeof schema.pattern === "string" ? fc.stringMatching(new RegExp(schema.pattern, "u")) : fc.string();
    case "integer": {
      const [min, max] = [Number(schema.minimum ?? -MAX), Number(schema.maximum ?? MAX)];
      return fc.oneof(fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1000) }), fc.constantFrom(min, max), fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number));
    }
    case "number":
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case "boolean":
      return fc.boolean();
    default:
      throw new Error(`no generator for ${JSON.stringify(schema).slice(0, 80)}`);
  }
};

const arbObject = (schema: JsonSchema): fc.Arbitrary<unknown> => {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const fixed = fc.record(Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, arbFromSchema(value)])), { requiredKeys: (schema.required ?? []) as string[] });
  const additional = schema.additionalProperties;
  if (additional === undefined || additional === false) return fixed;
  return fc.tuple(fixed, fc.dictionary(fc.string({ maxLength: 6 }), arbFromSchema(additional as JsonSchema), { maxKeys: 3 })).map(([known, more]) => ({ ...more, ...(known as object) }));
};

/** Values that sit on an edge some codec or schema once got wrong. */
const EDGE_VALUES: readonly unknown[] = [
  "", " ", "\t\n", "\u00a0", "\u2028", "\ufeff", " x ", "a b", "x", "0", "-0", "0.50", "1e5", "45,30", 42, 0, -1, 1.5, 2 ** 53, MAX, -MAX, 2 ** 53 + 2, null, true, [], {}, ["x"],
  "1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01", "2020-02-30", "2100-02-29", "2000-02-29", "1900-02-29", "2020-1-1", "0000-01-01",
  "2020-01-01T00:00:00+24:00", "2020-01-01T00:00:00+99:99", "2020-01-01T00:00:00+14:00", "2020-01-01T00:00:00+14:01", "2020-01-01T00:00:00-12:60", "2020-01-01T24:00Z",
  "2020-01-01T09:30Z", "2020-01-01T09:30:00.123456789+05:45", "2020-01-01t09:30:00z", "1899-12-31T23:30:00-01:00", "2100-12-31T23:30:00Z",
];

type Mutation = { readonly kind: "set"; readonly path: number; readonly value: unknown } | { readonly kind: "drop"; readonly path: number } | { readonly kind: "add"; readonly path: number; readonly key: string };

const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("set" as const), path: fc.nat(), value: fc.constantFrom(...EDGE_VALUES) }) },
  fc.record({ kind: fc.constant("drop" as const), path: fc.nat() }),
  fc.record({ kind: fc.constant("add" as const), path: fc.nat(), key: fc.constantFrom("extra", "note", "id", "x y") }),
);

/** Every place in a value, as the container and key that hold it. */
const placesOf = (value: unknown, into: { holder: Record<string | number, unknown>; key: string | number }[] = []): typeof into => {
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      into.push({ holder: value as Record<string, unknown>, key: Array.isArray(value) ? Number(key) : key });
      placesOf(item, into);
    }
  }
  return into;
};

const mutated = (draft: unknown, mutation: Mutation): unknown => {
  const copy = structuredClone(draft) as Draft;
  const places = placesOf(copy);
  if (mutation.kind === "add") {
    const objects = [copy, ...places.map(({ holder, key }) => holder[key]).filter((item) => typeof item === "object" && item !== null && !Array.isArray(item))] as Draft[];
    const target = objects[mutation.path % objects.length] as Draft;
    target[mutation.key] = "x";
    return copy;
  }
  const place = places[mutation.path % Math.max(places.length, 1)];
  if (place === undefined) return copy;
  if (mutation.kind === "drop") {
    if (Array.isArray(place.holder)) place.holder.splice(Number(place.key), 1);
    else delete place.holder[place.key];
  } else place.holder[place.key] = mutation.value;
  return copy;
};

const arbDraftOf = (definition: EventDefinition): fc.Arbitrary<unknown> => arbFromSchema(eventDraftSchema(definition));

const describeDisagreement = (definition: EventDefinition, draft: unknown): string =>
  `${definition.type}: schema ${schemaAccepts(definition, draft) ? "accepts" : "refuses"}, codecs ${codecAccepts(definition, draft) ? "accept" : "refuse"} ${JSON.stringify(draft).slice(0, 400)}`;

/**
 * Reads take a codec's `is` as the verdict when it says yes (it allocates nothing) and decode
 * only otherwise, so `is` must never accept what decoding refuses: for the envelope, and for the
 * data of every version. (It may refuse more, e.g. a missing key decoding reads as undefined: then decode decides.)
 */
const isAgreesWithDecode = (definition: EventDefinition, draft: unknown): void => {
  if (EventDraftCodec.is(draft) && !decodeWith(EventDraftCodec, draft).ok) throw new Error(`envelope: is accepts what decode refuses: ${JSON.stringify(draft).slice(0, 400)}`);
  const data = (draft as Draft | null)?.data;
  for (const version of definition.versions) {
    if (version.data.is(data) && version.data.decode(data)._tag !== "Right") throw new Error(`${definition.type} v${version.version} data: is accepts what decode refuses: ${JSON.stringify(data).slice(0, 400)}`);
  }
};

const agree = (definition: EventDefinition, draft: unknown): void => {
  if (schemaAccepts(definition, draft) !== codecAccepts(definition, draft)) throw new Error(describeDisagreement(definition, draft));
  isAgreesWithDecode(definition, draft);
};

describe("the event schemas", () => {
  it("compile in Ajv strict mode (draft 2020-12), one per event type and the whole catalog", () => {
    expect(validators.size).toBe(definitions.length);
    expect(definitions.length).toBeGreaterThan(50);
    expect(() => ajv.compile(catalogSchema(defaultCatalog))).not.toThrow();
  });

  it("describe the whole envelope: every field, its format, and no other field", () => {
    const schema = eventDraftSchema(definitions[0] as EventDefinition);
    expect(Object.keys(schema.properties as object).sort()).toEqual(["data", "effectiveAt", "id", "recordedAt", "retracts", "schemaVersion", "source", "supersedes", "type"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["type", "effectiveAt", "data"]);
  });

  it("refuse what the issue found them accepting", () => {
    const definition = defaultCatalog.definition("staff.position-closed") as EventDefinition;
    const good: Draft = { type: "staff.position-closed", effectiveAt: "2020-03-01", data: { positionId: "p1" } };
    expect(schemaAccepts(definition, good)).toBe(true);
    for (const bad of [
      { ...good, effectiveAt: 42 },
      { ...good, extra: 1 },
      { ...good, id: "a b" },
      { ...good, effectiveAt: "1899-12-31" },
      { ...good, effectiveAt: "2020-01-01T00:00:00+99:99" },
      { ...good, data: { positionId: "p1", reason: "   " } },
      { ...good, source: { page: 2 ** 53 } },
      { ...good, schemaVersion: 2 },
    ]) {
      expect([bad, schemaAccepts(definition, bad)]).toEqual([bad, false]);
      expect([bad, codecAccepts(definition, bad)]).toEqual([bad, false]);
    }
  });

  it("accept every draft generated from them, and the codecs accept it too (every event type)", () => {
    for (const definition of definitions) {
      fc.assert(
        fc.property(arbDraftOf(definition), (draft) => {
          expect(schemaAccepts(definition, draft)).toBe(true);
          agree(definition, draft);
        }),
        { numRuns: 60 },
      );
    }
  });

  it("agree with the codecs on generated drafts mutated towards every known edge (every event type)", () => {
    let refused = 0;
    for (const definition of definitions) {
      fc.assert(
        fc.property(arbDraftOf(definition), fc.array(arbMutation, { minLength: 1, maxLength: 2 }), (draft, mutations) => {
          const changed = mutations.reduce(mutated, draft);
          if (!codecAccepts(definition, changed)) refused += 1;
          agree(definition, changed);
        }),
        { numRuns: 150 },
      );
    }
    // The corpus must exercise refusals, not only acceptances.
    expect(refused).toBeGreaterThan(definitions.length * 50);
  });

  it("agree with the codecs on the project's own draft arbitraries, plain and mutated", () => {
    const drafts = fc.oneof(arbFoundationDraft(), fc.constantFrom(...referencePreamble()));
    fc.assert(
      fc.property(drafts, fc.option(arbMutation, { nil: undefined }), (draft, mutation) => {
        const definition = defaultCatalog.definition(draft.type) as EventDefinition;
        const value = mutation === undefined ? draft : mutated(draft, mutation);
        if (mutation === undefined) expect(codecAccepts(definition, value)).toBe(true);
        agree(definition, value);
      }),
      { numRuns: 3000 },
    );
  });

  it("agree with the codecs on every draft of the example's fact files", () => {
    const factsDir = resolve(import.meta.dirname, "../../../../examples/kommunal-utveckling-2020/facts");
    const lines = readFileSync(resolve(factsDir, "../events.jsonl"), "utf8").trim().split("\n");
    for (const line of lines) {
      const { type, schemaVersion, effectiveAt, data, id, supersedes, retracts, source } = JSON.parse(line) as Draft;
      const draft = Object.fromEntries(Object.entries({ type, schemaVersion, effectiveAt, data, id, supersedes, retracts, source }).filter(([, value]) => value !== undefined));
      const definition = defaultCatalog.definition(String(type)) as EventDefinition;
      expect(schemaAccepts(definition, draft)).toBe(true);
      agree(definition, draft);
    }
  });
});
