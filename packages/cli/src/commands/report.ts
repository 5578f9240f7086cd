import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { generateReport, isPeriodParseError, parsePeriod, ReportError, REPORT_KINDS, type ReportKind } from "@tertial/core";
import { EXIT, UsageError, required, value, type Command, type CommandContext } from "../command.js";
import { openStore } from "../store-location.js";
import { progressReporter } from "../progress.js";
import { checkOutput, formatOf, FORMATS, loadRenderer, RendererLoadError, rendererFor, renderWith, type AnyRenderer } from "../renderers.js";
import { VERSION } from "../run.js";

export const parseKind = (text: string): ReportKind => {
  const kind = REPORT_KINDS.find((candidate) => candidate === text);
  if (kind === undefined) throw new UsageError(`--kind must be one of ${REPORT_KINDS.join(", ")}, not "${text}"`);
  return kind;
};

export const parseReportPeriod = (text: string) => {
  const period = parsePeriod(text);
  if (isPeriodParseError(period)) throw new UsageError(`--period: ${period.message}`);
  return period;
};

const chooseRenderer = async ({ args, io }: CommandContext): Promise<AnyRenderer> => {
  const plugin = value(args, "renderer");
  if (plugin === undefined) return rendererFor(formatOf(value(args, "format"), value(args, "out")));
  try {
    return await loadRenderer(plugin, io.cwd);
  } catch (error) {
    if (error instanceof RendererLoadError) throw new UsageError(error.message);
    throw error;
  }
};

export const reportCommand: Command = {
  name: "report",
  summary: "build a follow-up report from the log and render it (Markdown, HTML, JSON or a plugin)",
  usage: "tertial report <log> --kind <kind> --period <period> [--known-at <date>] [--format md|html|json|pdf] [--renderer <module or path>] [--out <file>]",
  flags: {
    kind: { value: true, help: "tertialrapport (any tertial, cumulative from 1 January), delarsrapport (January–August) or verksamhetsberattelse (the year)" },
    period: { value: true, help: "the period the report ends with, e.g. 2020-T1..T2, 2020-T2, 2020" },
    "known-at": { value: true, help: "the report as it could have been written then: only what was recorded by this date (YYYY-MM-DD, whole day) or instant" },
    format: { value: true, help: `output format: ${FORMATS.join(", ")} (default md; pdf when --out ends in .pdf). pdf prints with the machine's Chromium (CHROMIUM_PATH) and needs --out` },
    renderer: { value: true, help: "a third-party renderer: a module name or a path to a module that default-exports or exports `renderer`" },
    out: { value: true, help: "write to this file instead of standard output" },
  },
  run: async (context) => {
    const { args, io, catalog } = context;
    const [log] = args.positionals;
    if (log === undefined) throw new UsageError("tertial report needs a log");
    const kind = parseKind(required(args, "kind"));
    const period = parseReportPeriod(required(args, "period"));
    const knownAt = value(args, "known-at");
    const renderer = await chooseRenderer(context);
    checkOutput(renderer, value(args, "out"));
    const progress = progressReporter(io, "report");
    let text: string | Uint8Array;
    try {
      const built = await generateReport(openStore(log, { catalog }).store, catalog, {
        kind,
        period,
        generatedBy: `tertial ${VERSION}`,
        ...(knownAt === undefined ? {} : { knownAt }),
        ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
      });
      text = await renderWith(renderer, built.document);
    } catch (error) {
      if (error instanceof ReportError) throw new UsageError(error.message);
      throw error;
    } finally {
      progress.done();
    }
    const out = value(args, "out");
    if (out === undefined) io.stdout(text as string);
    else await writeFile(resolve(io.cwd, out), text);
    return EXIT.ok;
  },
};
