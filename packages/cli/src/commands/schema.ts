import { toJsonSchema, type EventDefinition } from "@tertial/core";
import { EXIT, UsageError, type Command } from "../command.js";
import { toJson } from "../output.js";
import { didYouMean } from "../suggest.js";

const schemaOf = (definition: EventDefinition) => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: definition.type,
  description: definition.description,
  "x-schemaVersion": definition.latest.version,
  type: "object",
  properties: {
    type: { const: definition.type },
    schemaVersion: { enum: definition.versions.map((version) => version.version) },
    data: toJsonSchema(definition.latest.data),
  },
  required: ["type", "effectiveAt", "data"],
});

export const schemaCommand: Command = {
  name: "schema",
  summary: "print the JSON Schema of event types (generated from their codecs)",
  usage: "tertial schema [<event type>] [--list]",
  positionals: [{ name: "event type", required: false }],
  flags: { list: { value: false, help: "list event types with their descriptions" } },
  run: async ({ args, io, catalog }) => {
    if (args.switches.has("list")) {
      for (const definition of catalog.definitions) io.stdout(`${definition.type}\tv${definition.latest.version}\t${definition.description}\n`);
      return EXIT.ok;
    }
    const [type] = args.positionals;
    if (type === undefined) {
      io.stdout(toJson({ $schema: "https://json-schema.org/draft/2020-12/schema", title: "Tertial events", $defs: Object.fromEntries(catalog.definitions.map((d) => [d.type, schemaOf(d)])) }));
      return EXIT.ok;
    }
    const definition = catalog.definition(type);
    if (definition === undefined) throw new UsageError(`unknown event type "${type}"${didYouMean(type, catalog.definitions.map((d) => d.type))} (tertial schema --list shows them)`);
    io.stdout(toJson(schemaOf(definition)));
    return EXIT.ok;
  },
};
