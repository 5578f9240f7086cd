import type { Catalog } from "./catalog.js";
import { toJsonSchema, type JsonSchema } from "./codecs.js";
import type { EventDefinition } from "./definition.js";
import { EventDraftCodec } from "./envelope.js";

export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/**
 * Every integer a codec accepts is a safe integer (beyond 2^53 JSON numbers lose digits), so every
 * integer in a schema gets those bounds unless it has tighter ones. Returns a new schema.
 */
const withSafeIntegers = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(withSafeIntegers);
  if (typeof schema !== "object" || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === "enum" || key === "const" ? value : withSafeIntegers(value);
  if (out.type === "integer") {
    out.minimum = Math.max(typeof out.minimum === "number" ? out.minimum : -Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER);
    out.maximum = Math.min(typeof out.maximum === "number" ? out.maximum : Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  }
  return out;
};

/** The envelope fields of a draft, as the envelope codec describes them (type, schemaVersion and data come per event type). */
const envelopeProperties = (): Record<string, JsonSchema> => {
  const { type: _type, schemaVersion: _version, data: _data, ...rest } = EventDraftCodec.jsonSchema.properties as Record<string, JsonSchema>;
  return rest;
};

/** One version's shape: its schemaVersion and its data. */
const versionBranch = (definition: EventDefinition, index: number): JsonSchema => {
  const version = definition.versions[index];
  if (version === undefined) throw new RangeError(`${definition.type} has no version index ${index}`);
  const isLatest = version === definition.latest;
  return {
    type: "object",
    properties: { schemaVersion: { const: version.version }, data: toJsonSchema(version.data) },
    ...(isLatest ? {} : { required: ["schemaVersion"] }),
  };
};

/**
 * The JSON Schema (2020-12) of a draft of one event type, as `tertial append` reads it: the whole
 * envelope, no other fields, each field's format and bounds. It accepts exactly the drafts the
 * codecs accept (a test holds the two equal with Ajv in strict mode); the log's own rules (known
 * areas, unique ids) are checked on append and are not a schema's business.
 */
export const eventDraftSchema = (definition: EventDefinition): JsonSchema => {
  const versions = definition.versions.map((version) => version.version);
  const single = definition.versions.length === 1;
  return withSafeIntegers({
    $schema: JSON_SCHEMA_DIALECT,
    title: definition.type,
    description: definition.description,
    type: "object",
    properties: {
      type: { const: definition.type },
      schemaVersion: single ? { const: definition.latest.version } : { type: "integer", enum: versions },
      ...envelopeProperties(),
      // With several versions the data's shape depends on schemaVersion: the branches below say which.
      data: single ? toJsonSchema(definition.latest.data) : true,
    },
    required: ["type", "effectiveAt", "data"],
    additionalProperties: false,
    ...(single ? {} : { anyOf: definition.versions.map((_, index) => versionBranch(definition, index)) }),
  }) as JsonSchema;
};

/** Every event type's draft schema under `$defs`, keyed by type, and a draft of any of them. */
export const catalogSchema = (catalog: Catalog): JsonSchema => ({
  $schema: JSON_SCHEMA_DIALECT,
  title: "Tertial event drafts",
  $defs: Object.fromEntries(catalog.definitions.map((definition) => [definition.type, withoutDialect(eventDraftSchema(definition))])),
  anyOf: catalog.definitions.map((definition) => ({ $ref: `#/$defs/${encodeURIComponent(definition.type)}` })),
});

const withoutDialect = (schema: JsonSchema): JsonSchema => {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
};
