import { dec, diffReports, formatFigure, jsonlStore, ReportError, UNITS, type ReportFigure, type ReportFigureChange, type ReportDiff } from "@tertial/core";
import { EXIT, UsageError, required, value, type Command } from "../command.js";
import { toJson } from "../output.js";
import { progressReporter } from "../progress.js";
import { VERSION } from "../run.js";
import { parseKind, parseReportPeriod } from "./report.js";

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

const asKnown = (knownAt: string): string => (knownAt === "now" ? "as known now" : `as known at ${knownAt}`);

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
  usage: "tertial diff <log> --kind <kind> --period <period> --known-at <A> --known-at <B> [--format text|json] [--exact]",
  flags: {
    kind: { value: true, help: "tertialrapport, delarsrapport or verksamhetsberattelse" },
    period: { value: true, help: "the period the report ends with, e.g. 2020-T1..T2" },
    "known-at": { value: true, repeatable: true, help: "give it twice: the earlier date A, then the later date B (a date, an instant, or now)" },
    format: { value: true, help: "text (default) or json" },
    exact: { value: false, help: "also list figures whose printed text is unchanged and only the exact value changed (json always has them, with printedChanged false)" },
  },
  run: async ({ args, io, catalog }) => {
    const [log] = args.positionals;
    if (log === undefined) throw new UsageError("tertial diff needs a log");
    const kind = parseKind(required(args, "kind"));
    const period = parseReportPeriod(required(args, "period"));
    const knownAt = args.values.get("known-at") ?? [];
    const [a, b] = knownAt;
    if (knownAt.length !== 2 || a === undefined || b === undefined) throw new UsageError("--known-at must be given exactly twice: A, then B");
    const format = value(args, "format") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not "${format}"`);
    let diff: ReportDiff;
    const progress = progressReporter(io, "diff");
    try {
      diff = await diffReports(jsonlStore({ path: log, catalog }), catalog, { kind, period, generatedBy: `tertial ${VERSION}`, ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }) }, a, b);
    } catch (error) {
      if (error instanceof ReportError) throw new UsageError(error.message);
      throw error;
    } finally {
      progress.done();
    }
    io.stdout(format === "json" ? toJson(diff) : asText(diff, args.switches.has("exact")));
    return diff.changes.length === 0 ? EXIT.ok : EXIT.disagreement;
  },
};
