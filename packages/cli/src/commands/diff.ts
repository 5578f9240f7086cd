import { diffReports, ReportError, REPORT_KINDS, type ReportDiff, type ReportFigureChange } from "@tertial/core";
import { EXIT, logArg, required, UsageError, type Command } from "../command.js";
import { openStore } from "../store-location.js";
import { NOW, parseKnownAt, warnAboutKnownAt } from "../known-at.js";
import { chooseFormat, OUTPUT_FLAGS, toJson, refuseOutputOnto, writeOutput } from "../output.js";
import { progressReporter } from "../progress.js";
import { VERSION } from "../version.js";
import { parseKind } from "../words.js";
import { parseReportPeriod } from "./report.js";

const shown = (change: ReportFigureChange, side: "before" | "after"): string => change[side]?.text ?? "(saknas)";

const changeLines = (change: ReportFigureChange): string[] => [
  `${change.section}\t${change.key}\t${shown(change, "before")} → ${shown(change, "after")}`,
  ...(change.events.length === 0
    ? ["  no event recorded in between feeds this figure"]
    : change.events.map((event) => {
        const correction = event.supersedes !== undefined ? `, supersedes ${event.supersedes}` : event.retracts !== undefined ? `, retracts ${event.retracts}` : "";
        return `  ${change.attribution === "evidence" ? "caused by" : "recorded in its domain"}: ${event.id} (${event.type}, effective ${event.effectiveAt}, recorded ${event.recordedAt}${correction})`;
      })),
];

const asKnown = (knownAt: string): string => (knownAt === NOW ? "as known now" : `as known at ${knownAt}`);

const asText = (diff: ReportDiff): string =>
  diff.changes.length === 0
    ? `no figure differs between the report ${asKnown(diff.knownAtA)} and ${asKnown(diff.knownAtB)}\n`
    : `${[`${diff.changes.length} figure(s) differ between the report ${asKnown(diff.knownAtA)} and ${asKnown(diff.knownAtB)}:`, ...diff.changes.flatMap(changeLines)].join("\n")}\n`;

export const diffCommand: Command = {
  name: "diff",
  summary: "list every figure that differs between a report as known at two dates, with the events in between that changed it",
  usage: "tertial diff <log> --kind <kind> --period <period> --known-at <A> --known-at <B> [--format text|json] [-o <file> [--force]]",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {
    kind: { value: true, placeholder: "kind", choices: REPORT_KINDS, help: "tertialrapport, delarsrapport or verksamhetsberattelse (å, ä, ö may be written or not)" },
    period: { value: true, placeholder: "period", help: "the period the report ends with, e.g. 2020-T1..T2" },
    "known-at": { value: true, placeholder: "when", repeatable: true, help: "give it twice, the earlier A, then the later B; each is now, today, a date YYYY-MM-DD (the whole day, Stockholm time) or an instant with offset" },
    format: { value: true, placeholder: "format", choices: ["text", "json"], help: "text (default) or json (or what --out's extension says)" },
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
    const { store } = openStore(log, { catalog });
    for (const when of [a, b]) await warnAboutKnownAt(io, "diff", store, when);
    let diff: ReportDiff;
    const progress = progressReporter(io, "diff", log);
    try {
      diff = await diffReports(store, catalog, { kind, period, generatedBy: `tertial ${VERSION}`, ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }) }, a, b);
    } catch (error) {
      if (error instanceof ReportError) throw new UsageError(error.message);
      throw error;
    } finally {
      progress.done();
    }
    await writeOutput(io, args, format === "json" ? toJson(diff) : asText(diff), [log]);
    return diff.changes.length === 0 ? EXIT.ok : EXIT.disagreement;
  },
};
