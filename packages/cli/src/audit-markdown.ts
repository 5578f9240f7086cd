import type { AuditFinding, AuditStream, AuditSummary } from "@tertial/core";

/** The audit's counts as one clause: figures, those that agree, do not, and could not be checked, then the findings (a figure may have several). */
export const auditCounts = (summary: AuditSummary): string => {
  const disagreeing = summary.stated - summary.agreeing - summary.unchecked;
  const unchecked = summary.unchecked === 0 ? "" : `, ${summary.unchecked} not checked against the books`;
  return `${summary.stated} stated figures: ${summary.agreeing} agree, ${disagreeing} do not${unchecked} (${summary.disagreements} disagreements found), ${summary.notes} notes`;
};

/** Backslash-escapes what Markdown would read as markup, so printed values and labels stay text. */
const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>|~]/g, (mark) => `\\${mark}`).replace(/\n/g, " ");

const HEADING: Record<AuditFinding["kind"], string> = {
  disagreement: "Disagrees",
  "facts-disagree": "Facts disagree",
  "unknown-figure": "Unknown figure",
  unreadable: "Unreadable",
  footing: "Note",
  "not-checked": "Not checked",
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

/**
 * Joins lines as one text would, a piece at a time, ending it with exactly one newline (as
 * `.replace(/\n+$/, "\n")` on the whole): trailing newlines are held until more text comes.
 */
async function* joinedLines(groups: AsyncIterable<readonly string[]>): AsyncGenerator<string> {
  let first = true;
  let held = "";
  for await (const lines of groups) {
    for (const text of lines) {
      const piece = first ? text : `\n${text}`;
      first = false;
      const body = piece.replace(/\n+$/, "");
      if (body === "") {
        held += piece;
        continue;
      }
      yield held + body;
      held = piece.slice(body.length);
    }
  }
  if (held !== "") yield "\n";
}

/** The audit as a Markdown document, a finding at a time: a summary, then one section per finding. */
export const auditMarkdown = (log: string, audit: AuditStream): AsyncIterable<string> => {
  const { summary } = audit;
  return joinedLines(
    (async function* () {
      yield [
        `# Audit of ${escapeMarkdown(log)}`,
        "",
        `Period ${summary.period ?? "all"}, as known ${summary.knownAt ?? "now"}: ${auditCounts(summary)}.`,
        "",
      ];
      let index = 0;
      for await (const found of audit.findings()) {
        yield finding(found, index);
        index += 1;
      }
    })(),
  );
};

const indented = (value: unknown): string => JSON.stringify(value, null, 2).replace(/\n/g, "\n    ");

/** The audit as JSON, the findings a streamed array: the same bytes as `toJson` of the whole report. */
export async function* auditJson(audit: AuditStream): AsyncGenerator<string> {
  const head = JSON.stringify({ ...audit.summary, findings: [] }, null, 2);
  let count = 0;
  for await (const found of audit.findings()) {
    yield `${count === 0 ? head.slice(0, head.length - "]\n}".length) : ","}\n    ${indented(found)}`;
    count += 1;
  }
  yield count === 0 ? `${head}\n` : "\n  ]\n}\n";
}
