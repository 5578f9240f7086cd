import { catalogSchema, eventDraftSchema } from "@tertial/core";
import { EXIT, UsageError, type Command } from "../command.js";
import { toJson } from "../output.js";
import { didYouMean } from "../suggest.js";

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
      io.stdout(toJson(catalogSchema(catalog)));
      return EXIT.ok;
    }
    const definition = catalog.definition(type);
    if (definition === undefined) throw new UsageError(`unknown event type "${type}"${didYouMean(type, catalog.definitions.map((d) => d.type))} (tertial schema --list shows them)`);
    io.stdout(toJson(eventDraftSchema(definition)));
    return EXIT.ok;
  },
};
