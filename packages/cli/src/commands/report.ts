import { generateReport, isPeriodParseError, parsePeriod, ReportError, REPORT_KINDS } from "@tertial/core";
import { EXIT, houseOption, logArg, required, UsageError, value, type Command, type CommandContext } from "../command.js";
import { knownAtOption, warnAboutKnownAt } from "../known-at.js";
import { chooseFormat, OUTPUT_FLAGS, refuseOutputOnto, writeOutput } from "../output.js";
import { progressReporter } from "../progress.js";
import { checkOutput, FORMATS, loadRenderer, RENDERER_FORMS, RendererLoadError, rendererFor, renderWith, type AnyRenderer } from "../renderers.js";
import { openStore } from "../store-location.js";
import { SNAPSHOT_FLAGS, snapshotsFor } from "../snapshots.js";
import { VERSION } from "../version.js";
import { parseKind } from "../words.js";

export { parseKind } from "../words.js";

export const parseReportPeriod = (text: string) => {
  const period = parsePeriod(text);
  if (isPeriodParseError(period)) throw new UsageError(`--period: ${period.message}`);
  return period;
};

/** The format an --out file's extension names. */
export const REPORT_EXTENSIONS: Readonly<Record<string, string>> = { ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".pdf": "pdf" };

const chooseRenderer = async ({ args, io }: CommandContext): Promise<AnyRenderer> => {
  const plugin = value(args, "renderer");
  if (plugin === undefined) return rendererFor(chooseFormat(args, REPORT_EXTENSIONS, "md"));
  try {
    return await loadRenderer(plugin, io.cwd);
  } catch (error) {
    if (error instanceof RendererLoadError) throw new UsageError(error.message);
    throw error;
  }
};

/** The known-at flag every report-like command takes. */
export const KNOWN_AT_HELP = "count only what was recorded by then: now, today, a date YYYY-MM-DD (the whole day, Stockholm time) or an instant with offset";

export const reportCommand: Command = {
  name: "report",
  summary: "build a follow-up report from the log and render it (Markdown, HTML, JSON or a plugin)",
  usage: "tertial report <log> --kind <kind> --period <period> [--known-at <when>] [--format md|html|json|pdf] [--renderer <module or path>] [--no-snapshots] [-o <file> [--force]]",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {
    kind: { value: true, placeholder: "kind", choices: REPORT_KINDS, help: "tertialrapport (any tertial, cumulative from 1 January), delarsrapport (January–August), verksamhetsberattelse (the year) or resultatuppfoljning (a tertial as 16:9 slides, beside the same tertial of the two years before) or verksamhetsplan (whole years, e.g. 2022..2024: the plan adopted for them); å, ä, ö may be written or not" },
    period: { value: true, placeholder: "period", help: "the period the report ends with, e.g. 2020-T1..T2, 2020-T2, 2020" },
    "known-at": { value: true, placeholder: "when", help: `the report as it could have been written then; ${KNOWN_AT_HELP}` },
    format: { value: true, placeholder: "format", choices: FORMATS, help: `output format: ${FORMATS.join(", ")} (default md, or what --out's extension says); pdf prints with the machine's Chromium (CHROMIUM_PATH) and needs --out` },
    renderer: { value: true, placeholder: "module", help: `a third-party renderer: ${RENDERER_FORMS}, that default-exports or exports \`renderer\`` },
    ...SNAPSHOT_FLAGS,
    ...OUTPUT_FLAGS,
  },
  run: async (context) => {
    const { args, io, catalog } = context;
    const log = logArg(args);
    await refuseOutputOnto(args, [log]);
    const kind = parseKind(required(args, "kind"));
    const period = parseReportPeriod(required(args, "period"));
    const knownAt = knownAtOption(value(args, "known-at"), io);
    const renderer = await chooseRenderer(context);
    checkOutput(renderer, value(args, "out"));
    const opened = openStore(log, { catalog });
    const { store } = opened;
    const snapshots = snapshotsFor(opened, args, io, "report");
    await warnAboutKnownAt(io, "report", store, knownAt);
    const progress = progressReporter(io, "report", log);
    let text: string | Uint8Array;
    try {
      const built = await generateReport(store, catalog, {
        kind,
        period,
        generatedBy: `tertial ${VERSION}`,
        ...(knownAt === undefined ? {} : { knownAt }),
        ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }),
        ...(snapshots === undefined ? {} : { snapshots }),
        ...houseOption(context, kind),
      });
      // A document with only a cover (a plan for years no plan covers) is refused, not printed as if it were the plan.
      if (built.nothingToReport !== undefined) throw new UsageError(`${built.nothingToReport}${knownAt === undefined ? "" : ` (as known at ${knownAt})`}`);
      for (const note of built.notes ?? []) io.stderr(`tertial report: note: ${note}\n`);
      text = await renderWith(renderer, built.document);
    } catch (error) {
      if (error instanceof ReportError) throw new UsageError(error.message);
      throw error;
    } finally {
      progress.done();
    }
    await writeOutput(io, args, text, [log]);
    return EXIT.ok;
  },
};
