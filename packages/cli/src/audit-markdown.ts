import type { AuditFinding, AuditReport } from "@tertial/core";

/** Backslash-escapes what Markdown would read as markup, so printed values and labels stay text. */
const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>|~]/g, (mark) => `\\${mark}`).replace(/\n/g, " ");

const HEADING: Record<AuditFinding["kind"], string> = {
  disagreement: "Disagrees",
  "facts-disagree": "Facts disagree",
  "unknown-figure": "Unknown figure",
  unreadable: "Unreadable",
  footing: "Note",
};

const paramsText = (params: Readonly<Record<string, string>>): string => {
  const entries = Object.entries(params);
  return entries.length === 0 ? "" : ` (${entries.map(([key, item]) => `${key}: ${item}`).join(", ")})`;
};

const line = (label: string, text: string | null): string[] => (text === null || text === "" ? [] : [`- ${label}: ${escapeMarkdown(text)}`]);

const finding = (found: AuditFinding, index: number): string[] => [
  `## ${index + 1}. ${HEADING[found.kind]}: ${escapeMarkdown(`${found.figureKey}${paramsText(found.params)}, ${found.period}`)}`,
  "",
  ...line("Where", found.place),
  `- Printed: ${found.printed === "" ? "(blank)" : escapeMarkdown(found.printed)}`,
  `- Computed: ${found.computed === null ? "(no facts)" : escapeMarkdown(found.computed)}${found.computedExact === null ? "" : ` (exact ${escapeMarkdown(found.computedExact)})`}`,
  ...line("Difference", found.difference),
  ...line("Why", found.explanation),
  ...line("Likely cause", found.cause),
  ...line("Derived as", found.derivation),
  ...(found.evidence.length === 0 ? [] : [`- Facts: ${found.evidence.map((id) => `\`${id}\``).join(", ")}`]),
  `- Stated in: \`${found.statedEventId}\``,
  "",
];

/** The audit as a Markdown document: a summary, then one section per finding. */
export const auditMarkdown = (log: string, report: AuditReport): string =>
  [
    `# Audit of ${escapeMarkdown(log)}`,
    "",
    `Period ${report.period ?? "all"}, as known ${report.knownAt ?? "now"}: ${report.stated} stated figures, ${report.agreeing} agree, ${report.disagreements} disagreements, ${report.notes} notes.`,
    "",
    ...report.findings.flatMap(finding),
  ]
    .join("\n")
    .replace(/\n+$/, "\n");
