import { auditStatedFigures, countingEvents, isPeriodParseError, jsonlStore, parsePeriod, type AuditFinding, type AuditReport, type DomainEvent } from "@tertial/core";
import { EXIT, UsageError, value, type Command } from "../command.js";
import { toJson } from "../output.js";
import { auditMarkdown } from "../audit-markdown.js";

const KIND_LABEL: Record<AuditFinding["kind"], string> = {
  disagreement: "DISAGREES",
  "facts-disagree": "FACTS DISAGREE",
  "unknown-figure": "UNKNOWN FIGURE",
  unreadable: "UNREADABLE",
  footing: "NOTE",
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

const summary = (log: string, report: AuditReport): string =>
  `Audit of ${log}${report.period === null ? "" : `, period ${report.period}`}, as known ${report.knownAt ?? "now"}: ${report.stated} stated figures, ${report.agreeing} agree, ${report.disagreements} disagreements, ${report.notes} notes\n`;

export const auditCommand: Command = {
  name: "audit",
  summary: "compare every stated figure with the figure computed from the facts and explain each disagreement",
  usage: "tertial audit <log> [--period <period>] [--known-at <date>] [--format text|json]",
  flags: {
    period: { value: true, help: "audit the figures whose period overlaps this one, e.g. 2020-T1..T2" },
    "known-at": { value: true, help: "only what was recorded by this date (YYYY-MM-DD, whole day) or instant" },
    format: { value: true, help: "text (default), md or json" },
  },
  run: async ({ args, io, catalog }) => {
    const [log] = args.positionals;
    if (log === undefined) throw new UsageError("tertial audit needs a log");
    const format = value(args, "format") ?? "text";
    if (format !== "text" && format !== "md" && format !== "json") throw new UsageError(`--format must be text, md or json, not "${format}"`);
    const periodText = value(args, "period");
    const period = periodText === undefined ? undefined : parsePeriod(periodText);
    if (period !== undefined && isPeriodParseError(period)) throw new UsageError(`--period: ${period.message}`);
    const knownAt = value(args, "known-at");
    const events: DomainEvent[] = [];
    for await (const event of countingEvents(jsonlStore({ path: log, catalog }), catalog, knownAt)) events.push(event);
    const report = auditStatedFigures(events, catalog, { ...(period === undefined ? {} : { period }), ...(knownAt === undefined ? {} : { knownAt }) });
    if (format === "json") io.stdout(toJson(report));
    else if (format === "md") io.stdout(auditMarkdown(log, report));
    else io.stdout([summary(log, report), "", ...report.findings.map(showFinding)].join("\n"));
    return report.disagreements > 0 ? EXIT.disagreement : EXIT.ok;
  },
};
