import { auditLog, isPeriodParseError, parsePeriod, type AuditFinding, type AuditStream, type AuditSummary } from "@tertial/core";
import { EXIT, logArg, UsageError, value, type Command } from "../command.js";
import { openStore } from "../store-location.js";
import { knownAtOption, warnAboutKnownAt } from "../known-at.js";
import { chooseFormat, OUTPUT_FLAGS, refuseOutputOnto, writeOutputPieces } from "../output.js";
import { auditCounts, auditMarkdown, auditJson } from "../audit-markdown.js";
import { KNOWN_AT_HELP } from "./report.js";

const KIND_LABEL: Record<AuditFinding["kind"], string> = {
  disagreement: "DISAGREES",
  "facts-disagree": "FACTS DISAGREE",
  "unknown-figure": "UNKNOWN FIGURE",
  unreadable: "UNREADABLE",
  footing: "NOTE",
  "not-checked": "NOT CHECKED",
};

const paramsText = (params: Readonly<Record<string, string>>): string => {
  const entries = Object.entries(params);
  return entries.length === 0 ? "" : ` {${entries.map(([key, item]) => `${key}: ${item}`).join(", ")}}`;
};

/** Long exact ratios are cut for reading; --format json keeps every digit. */
const shortExact = (exact: string): string => (exact.length > 16 ? `${exact.slice(0, 14)}…` : exact);

const showFinding = (found: AuditFinding): string =>
  [
    `${KIND_LABEL[found.kind]}  ${found.figureKey}${paramsText(found.params)}  ${found.period}`,
    `  where:      ${found.place}`,
    `  printed:    ${found.printed === "" ? "(blank)" : found.printed}`,
    `  computed:   ${found.computed ?? "(no facts)"}${found.computedExact === null ? "" : `  (exact ${shortExact(found.computedExact)})`}`,
    ...(found.difference === null ? [] : [`  difference: ${found.difference}`]),
    `  why:        ${found.explanation}`,
    ...(found.cause === null ? [] : [`  cause:      ${found.cause}`]),
    ...(found.derivation === null ? [] : [`  derived as: ${found.derivation}`]),
    ...(found.evidence.length === 0 ? [] : [`  facts:      ${found.evidence.join(", ")}`]),
    `  stated in:  ${found.statedEventId}`,
    "",
  ].join("\n");

const summary = (log: string, report: AuditSummary): string =>
  `Audit of ${log}${report.period === null ? "" : `, period ${report.period}`}, as known ${report.knownAt ?? "now"}: ${auditCounts(report)}\n`;

/** The text audit, a finding at a time: the summary, a blank line, then each finding. */
async function* auditText(log: string, audit: AuditStream): AsyncGenerator<string> {
  yield `${summary(log, audit.summary)}\n`;
  for await (const found of audit.findings()) yield `\n${showFinding(found)}`;
}

export const auditCommand: Command = {
  name: "audit",
  summary: "compare every stated figure with the figure computed from the facts and explain each disagreement",
  usage: "tertial audit <log> [--period <period>] [--known-at <when>] [--format text|md|json] [-o <file> [--force]]",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {
    period: { value: true, placeholder: "period", help: "audit the figures whose period overlaps this one, e.g. 2020-T1..T2" },
    "known-at": { value: true, placeholder: "when", help: KNOWN_AT_HELP },
    format: { value: true, placeholder: "format", choices: ["text", "md", "json"], help: "text (default), md or json (or what --out's extension says)" },
    ...OUTPUT_FLAGS,
  },
  run: async ({ args, io, catalog }) => {
    const log = logArg(args);
    await refuseOutputOnto(args, [log]);
    const format = chooseFormat(args, { ".txt": "text", ".md": "md", ".json": "json" }, "text");
    if (format !== "text" && format !== "md" && format !== "json") throw new UsageError(`--format must be text, md or json, not "${format}"`);
    const periodText = value(args, "period");
    const period = periodText === undefined ? undefined : parsePeriod(periodText);
    if (period !== undefined && isPeriodParseError(period)) throw new UsageError(`--period: ${period.message}`);
    const knownAt = knownAtOption(value(args, "known-at"), io);
    const opened = openStore(log, { catalog });
    const { store } = opened;
    await warnAboutKnownAt(io, "audit", store, knownAt);
    const audit = await auditLog(store, catalog, { ...(period === undefined ? {} : { period }), ...(knownAt === undefined ? {} : { knownAt }) });
    const pieces = format === "json" ? auditJson(audit) : format === "md" ? auditMarkdown(opened.name, audit) : auditText(opened.name, audit);
    await writeOutputPieces(io, args, pieces, [log]);
    return audit.summary.disagreements > 0 ? EXIT.disagreement : EXIT.ok;
  },
};
