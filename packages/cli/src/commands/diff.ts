import { dec, diffReports, formatFigure, ReportError, REPORT_KINDS, UNITS, type ReportDiff, type ReportFigure, type ReportFigureChange } from "@tertial/core";
import { EXIT, logArg, required, UsageError, type Command } from "../command.js";
import { openStore } from "../store-location.js";
import { SNAPSHOT_FLAGS, snapshotsFor } from "../snapshots.js";
import { NOW, parseKnownAt, warnAboutKnownAt } from "../known-at.js";
import { chooseFormat, OUTPUT_FLAGS, toJson, refuseOutputOnto, writeOutput } from "../output.js";
import { progressReporter } from "../progress.js";
import { VERSION } from "../version.js";
import { parseKind } from "../words.js";
import { parseReportPeriod } from "./report.js";

const shown = (change: ReportFigureChange, side: "before" | "after"): string => change[side]?.text ?? "(saknas)";

const PRINTED_SAME = "printed text unchanged, exact value changed";

/** The exact value with two more decimals than printed: enough to see what moved. */
const finer = (figure: ReportFigure | null): string => {
  if (figure === null) return "?";
  const rule = UNITS[figure.unit].rounding;
  return formatFigure(dec(figure.exact), figure.unit, { rounding: { ...rule, decimals: rule.decimals + 2 } }).text;
};

const changeLines = (change: ReportFigureChange): string[] => [
  `${change.section}\t${change.key}\t${shown(change, "before")} → ${shown(change, "after")}${change.printedChanged ? "" : `\t(${PRINTED_SAME}: ${finer(change.before)} → ${finer(change.after)})`}`,
  ...(change.events.length === 0
    ? ["  no event recorded in between feeds this figure"]
    : change.events.map((event) => {
        const correction = event.supersedes !== undefined ? `, supersedes ${event.supersedes}` : event.retracts !== undefined ? `, retracts ${event.retracts}` : "";
        return `  ${change.attribution === "evidence" ? "caused by" : "recorded in its domain"}: ${event.id} (${event.type}, effective ${event.effectiveAt}, recorded ${event.recordedAt}${correction})`;
      })),
];

const asKnown = (knownAt: string): string => (knownAt === NOW ? "as known now" : `as known at ${knownAt}`);

/**
 * The changes a reader sees: by default only those whose printed text changed, so a line never
 * reads "58 % → 58 %"; the rest are counted in the heading and listed with --exact.
 */
const asText = (diff: ReportDiff, showExact: boolean): string => {
  const between = `between the report ${asKnown(diff.knownAtA)} and ${asKnown(diff.knownAtB)}`;
  if (diff.changes.length === 0) return `no figure differs ${between}\n`;
  const printed = diff.changes.filter((change) => change.printedChanged);
  const exactOnly = diff.changes.length - printed.length;
  const listed = showExact ? diff.changes : printed;
  const heading =
    exactOnly === 0
      ? `${diff.changes.length} figure(s) differ ${between}:`
      : `${printed.length} figure(s) print differently ${between}; ${exactOnly} more changed only in exact value, the printed text is unchanged (${showExact ? "listed too" : "--exact lists them"}):`;
  return `${[heading, ...listed.flatMap(changeLines)].join("\n")}\n`;
};

export const diffCommand: Command = {
  name: "diff",
  summary: "list every figure that differs between a report as known at two dates, with the events in between that changed it",
  usage: "tertial diff <log> --kind <kind> --period <period> --known-at <A> --known-at <B> [--format text|json] [--exact] [--no-snapshots] [-o <file> [--force]]",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {
    kind: { value: true, placeholder: "kind", choices: REPORT_KINDS, help: "tertialrapport, delarsrapport or verksamhetsberattelse (å, ä, ö may be written or not)" },
    period: { value: true, placeholder: "period", help: "the period the report ends with, e.g. 2020-T1..T2" },
    "known-at": { value: true, placeholder: "when", repeatable: true, help: "give it twice, the earlier A, then the later B; each is now, today, a date YYYY-MM-DD (the whole day, Stockholm time) or an instant with offset" },
    format: { value: true, placeholder: "format", choices: ["text", "json"], help: "text (default) or json (or what --out's extension says)" },
    exact: { value: false, help: "also list figures whose printed text is unchanged and only the exact value changed (json always has them, with printedChanged false)" },
    ...SNAPSHOT_FLAGS,
    ...OUTPUT_FLAGS,
  },
  run: async ({ args, io, catalog }) => {
    const log = logArg(args);
    await refuseOutputOnto(args, [log]);
    const kind = parseKind(required(args, "kind"));
    const period = parseReportPeriod(required(args, "period"));
    const knownAt = (args.values.get("known-at") ?? []).map((given) => parseKnownAt(given, io));
    const [a, b] = knownAt;
    if (knownAt.length !== 2 || a === undefined || b === undefined) throw new UsageError("--known-at must be given exactly twice: A, then B");
    const format = chooseFormat(args, { ".txt": "text", ".json": "json" }, "text");
    if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not "${format}"`);
    const opened = openStore(log, { catalog });
    const { store } = opened;
    const snapshots = snapshotsFor(opened, args, io, "diff");
    for (const when of [a, b]) await warnAboutKnownAt(io, "diff", store, when);
    let diff: ReportDiff;
    const progress = progressReporter(io, "diff", log);
    try {
      diff = await diffReports(store, catalog, { kind, period, generatedBy: `tertial ${VERSION}`, ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }), ...(snapshots === undefined ? {} : { snapshots }) }, a, b);
    } catch (error) {
      if (error instanceof ReportError) throw new UsageError(error.message);
      throw error;
    } finally {
      progress.done();
    }
    await writeOutput(io, args, format === "json" ? toJson(diff) : asText(diff, args.switches.has("exact")), [log]);
    return diff.changes.length === 0 ? EXIT.ok : EXIT.disagreement;
  },
};
