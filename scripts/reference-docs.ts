/**
 * The generated reference: every event type from its codec, every CLI command from its help,
 * every figure from its definition.
 * `pnpm docs:reference` writes docs/reference/; a test fails when they are out of date.
 */
import { INSTANT_PATTERN, NOT_BLANK_PATTERN, StoredEventCodec, toJsonSchema, type Catalog, type EventDefinition, type JsonSchema } from "@tertial/core";
import { commandHelp, commands, figureExample, generalHelp, statedExample } from "@tertial/cli";

const typeText = (schema: JsonSchema): string => {
  if (schema.enum !== undefined) return (schema.enum as unknown[]).map((value) => `\`${String(value)}\``).join(" \\| ");
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.type === "array") return `list of ${typeText((schema.items ?? {}) as JsonSchema)}`;
  if (schema.type === "object" && schema.properties === undefined) return "object";
  if (schema.type === "object") return `object (${Object.keys(schema.properties as object).join(", ")})`;
  if (schema.format === "date") return "date `YYYY-MM-DD`";
  if (schema.pattern === NOT_BLANK_PATTERN) return schema.maxLength === undefined ? "text (not blank)" : `text (not blank, at most ${String(schema.maxLength)} characters)`;
  if (schema.format === "date-time" || schema.pattern === INSTANT_PATTERN) return "instant (ISO 8601 with offset)";
  if (schema.pattern !== undefined && String(schema.pattern).includes("\\.[0-9]")) return "decimal string";
  if (schema.pattern !== undefined && String(schema.pattern).startsWith("^[A-Za-z0-9]")) return "id";
  if (schema.anyOf !== undefined) return (schema.anyOf as JsonSchema[]).map(typeText).join(" or ");
  return String(schema.type ?? schema.description ?? "any");
};

const fieldRows = (codec: EventDefinition["latest"]["data"]): string[] => {
  const schema = toJsonSchema(codec);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, field]) => `| \`${name}\` | ${required.has(name) ? "yes" : "no"} | ${typeText(field).replace(/\|/g, "\\|").replace(/\\\\\|/g, "\\|")} |`);
};

export const eventReference = (catalog: Catalog): string => {
  const out = [
    "# Event types",
    "",
    "Generated from the codecs by `pnpm docs:reference`; do not edit by hand.",
    "",
    "## The envelope",
    "",
    "Every stored event has these fields; `data` is described per type below. Money, FTE and shares are decimal strings.",
    'Dates and instants lie in 1900–2100 (an instant\'s offset within ±14:00), integers stay below 2^53, and a field shown as "text (not blank)" must hold more than white space.',
    "`tertial schema <type>` prints the JSON Schema (draft 2020-12) of a draft of that type, which accepts exactly what the codecs accept.",
    "",
    "| field | required | type |",
    "|---|---|---|",
    ...fieldRows(StoredEventCodec),
    "",
    "A draft given to `tertial append` has `type`, `effectiveAt` and `data`, and may have `id`, `schemaVersion`, `supersedes`, `retracts`, `source` and `recordedAt`; the store assigns the rest.",
    "",
  ];
  for (const module of catalog.modules) {
    if (module.events.length === 0) continue;
    out.push(`## ${module.name}`, "");
    for (const definition of [...module.events].sort((a, b) => (a.type < b.type ? -1 : 1))) {
      out.push(`### \`${definition.type}\` (v${definition.latest.version})`, "", definition.description, "", "| field | required | type |", "|---|---|---|", ...fieldRows(definition.latest.data), "");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
};

export const cliReference = (): string => {
  const out = ["# The `tertial` command", "", "Generated from the commands' help by `pnpm docs:reference`; do not edit by hand.", "", "```text", generalHelp().trimEnd(), "```", ""];
  for (const command of commands) out.push(`## tertial ${command.name}`, "", "```text", commandHelp(command).trimEnd(), "```", "");
  return `${out.join("\n").trimEnd()}\n`;
};

const cell = (text: string): string => text.replace(/\|/g, "\\|");

/** Every figure a report cell or a `figure stated` event can name, grouped by domain module. */
export const figureReference = (catalog: Catalog): string => {
  const out = [
    "# Figures",
    "",
    "Generated from the figure definitions (`defineFigure`) by `pnpm docs:reference`; do not edit by hand.",
    "`tertial figures` prints the same list, `tertial figures KEY` one figure.",
    "",
    "A figure is computed from one projection's result. The report's cells, the audit of `figure stated`",
    "events, `tertial diff` and this reference all name it by the same key and parameters. Every parameter",
    "is optional: left out, it means all (the total). The unit is the unit of the exact value; a document",
    "may print the figure in another unit of the same kind (kr as tkr), which its `figure stated` event names.",
    "",
  ];
  for (const module of catalog.modules) {
    const figures = [...(module.figures ?? [])].sort((a, b) => (a.key < b.key ? -1 : 1));
    if (figures.length === 0) continue;
    out.push(`## ${module.name}`, "");
    for (const figure of figures) {
      out.push(`### \`${figure.key}\``, "", figure.description, "");
      out.push(`* projection: \`${figure.projection.name}\``, `* unit: \`${figure.unit}\`, rounded to ${figure.rounding.decimals} decimal(s), ${figure.rounding.mode}`);
      out.push(`* example: \`${figureExample(figure)}\`, stated as \`${statedExample(figure)}\``);
      for (const dimension of figure.footing) {
        out.push(`* printed rows add up over \`${dimension.over}\` to the row where it is ${dimension.total === undefined ? "left out" : `\`${dimension.total}\``}${dimension.alone === true ? " (with no other parameter)" : ""}: the audit foots them`);
      }
      out.push("");
      if (Object.keys(figure.params).length === 0) out.push("No parameters.", "");
      else out.push("| parameter | meaning |", "|---|---|", ...Object.entries(figure.params).map(([name, meaning]) => `| \`${name}\` | ${cell(meaning)} |`), "");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
};
