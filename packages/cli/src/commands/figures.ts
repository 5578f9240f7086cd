import type { FigureSource, RoundingRule } from "@tertial/core";
import { EXIT, UsageError, type Command } from "../command.js";
import { didYouMean } from "../suggest.js";

const roundingText = (rule: RoundingRule): string => `${rule.decimals} decimal${rule.decimals === 1 ? "" : "s"}, ${rule.mode}`;

const paramsText = (source: FigureSource): string => (Object.keys(source.params).length === 0 ? "-" : Object.keys(source.params).join(", "));

/** "finance.outcome row=fourum-svhs": the figure asked for with its example parameters. */
export const figureExample = (source: FigureSource): string =>
  [source.key, ...Object.entries(source.example).flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${value}`]))].join(" ");

/** The `figure stated` data an encoder writes for the example, without the document-specific fields. */
export const statedExample = (source: FigureSource): string => {
  const params = Object.fromEntries(Object.entries(source.example).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return JSON.stringify({ figureKey: source.key, ...(Object.keys(params).length === 0 ? {} : { params }), period: "2020-T1..T2", printed: "…", unit: source.unit });
};

/** One line per figure: key, parameters, unit, rounding, projection, example. */
export const figureLine = (source: FigureSource): string => [source.key, paramsText(source), source.unit, roundingText(source.rounding), source.projection.name, figureExample(source)].join("\t");

/** Everything about one figure, as `tertial figures KEY` prints it. */
export const figureDetail = (source: FigureSource): string =>
  [
    source.key,
    `  ${source.description}`,
    `  projection: ${source.projection.name}`,
    `  unit: ${source.unit} (rounding ${roundingText(source.rounding)}; a document may print it in another unit: say so in the stated figure's unit)`,
    "  params:",
    ...(Object.keys(source.params).length === 0 ? ["    (none)"] : Object.entries(source.params).map(([name, meaning]) => `    ${name}: ${meaning}`)),
    `  example: ${figureExample(source)}`,
    `  stated as: ${statedExample(source)}`,
    "",
  ].join("\n");

export const figuresCommand: Command = {
  name: "figures",
  summary: "list every figure a report cell or a stated figure can name, with its parameters, unit, rounding, projection and an example",
  usage: "tertial figures [<figure key>]",
  positionals: [{ name: "figure key", required: false }],
  flags: {},
  run: async ({ args, io, catalog }) => {
    const [key] = args.positionals;
    if (key === undefined) {
      io.stdout(`${["key", "params", "unit", "rounding", "projection", "example"].join("\t")}\n`);
      for (const source of catalog.figures) io.stdout(`${figureLine(source)}\n`);
      return EXIT.ok;
    }
    const source = catalog.figure(key);
    if (source === undefined) throw new UsageError(`unknown figure "${key}"${didYouMean(key, catalog.figures.map((each) => each.key))} (tertial figures lists them)`);
    io.stdout(figureDetail(source));
    return EXIT.ok;
  },
};
