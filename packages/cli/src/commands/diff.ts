import { dec, diffReports, formatFigure, ReportError, REPORT_KINDS, UNITS, type DiffCausingEvent, type ReportDiff, type ReportFigure, type ReportFigureChange, type ReportTextChange, type TextAttribution } from "@tertial/core";
import { EXIT, houseOption, logArg, required, UsageError, type Command } from "../command.js";
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

const eventLine = (how: string, event: DiffCausingEvent): string => {
  const correction = event.supersedes !== undefined ? `, supersedes ${event.supersedes}` : event.retracts !== undefined ? `, retracts ${event.retracts}` : "";
  return `  ${how}: ${event.id} (${event.type}, effective ${event.effectiveAt}, recorded ${event.recordedAt}${correction})`;
};

const changeLines = (change: ReportFigureChange): string[] => [
  `${change.section}\t${change.key}\t${shown(change, "before")} → ${shown(change, "after")}${change.printedChanged ? "" : `\t(${PRINTED_SAME}: ${finer(change.before)} → ${finer(change.after)})`}`,
  ...(change.events.length === 0 ? ["  no event recorded in between feeds this figure"] : change.events.map((event) => eventLine(change.attribution === "evidence" ? "caused by" : "recorded in its domain", event))),
];

/** Words a clipped text shows around what differs, and at most of what differs. */
const CONTEXT_WORDS = 3;
const SHOWN_WORDS = 12;

const wordsOf = (text: string): string[] => text.replace(/\n+/g, " ¶ ").split(/\s+/).filter((word) => word !== "");

/**
 * Both texts clipped to where they differ: the words they start and end with in common are cut
 * to three on each side of the difference, and the differing words to twelve, each cut marked
 * "…". An added or removed text shows its first twelve words.
 */
export const clipTexts = (before: string | null, after: string | null): [string, string] => {
  const [a, b] = [wordsOf(before ?? ""), wordsOf(after ?? "")];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const clip = (words: readonly string[], text: string | null): string => {
    if (text === null) return "(saknas)";
    const from = Math.max(0, head - CONTEXT_WORDS);
    const middle = words.slice(head, words.length - tail);
    const shownMiddle = middle.length > SHOWN_WORDS ? [...middle.slice(0, SHOWN_WORDS), "…"] : middle;
    const after = words.slice(words.length - tail, words.length - tail + CONTEXT_WORDS);
    const cut = words.length - tail + CONTEXT_WORDS < words.length;
    return [...(from > 0 ? ["…"] : []), ...words.slice(from, head), ...shownMiddle, ...after, ...(cut ? ["…"] : [])].join(" ");
  };
  return [clip(a, before), clip(b, after)];
};

/** Where a text stands: "paragraph 2", "table tabell-1 row "Summa" Kommentar", "metric-table metrics-2.2 row "Andel" status". */
const placeOf = (change: ReportTextChange): string => {
  if (change.block === "title") return `title page${change.field === null ? "" : ` ${change.field}`}`;
  if (change.block === "heading") return "heading";
  const block = change.blockId === null ? `${change.block} ${change.blockNumber ?? ""}`.trim() : `${change.block} ${change.blockId}`;
  // A paragraph's or notice's one field is its text: naming it says nothing.
  const field = change.field === null || change.block === "paragraph" || change.block === "notice" ? [] : [change.field];
  return [block, ...(change.row === null ? [] : [`row "${change.row}"`]), ...field].join(" ");
};

/** How each event line says the event was found; with "none" there is no event, and one line says so. */
const TEXT_HOW: Readonly<Record<TextAttribution, string>> = { words: "caused by", reference: "names its row", none: "" };

const textChangeLines = (change: ReportTextChange): string[] => {
  const [before, after] = clipTexts(change.before, change.after);
  return [
    `${change.section === "" ? "(title page)" : change.section}\t${placeOf(change)}\t${change.change}: ${before} → ${after}`,
    ...(change.attribution === "none" ? ["  no event recorded in between carries these words or names this row"] : change.events.map((event) => eventLine(TEXT_HOW[change.attribution], event))),
  ];
};

const asKnown = (knownAt: string): string => (knownAt === NOW ? "as known now" : `as known at ${knownAt}`);

/**
 * The changes a reader sees: by default only those whose printed text changed, so a line never
 * reads "58 % → 58 %"; the rest are counted in the heading and listed with --exact.
 */
const figuresAsText = (diff: ReportDiff, showExact: boolean, between: string): string[] => {
  const printed = diff.changes.filter((change) => change.printedChanged);
  const exactOnly = diff.changes.length - printed.length;
  const listed = showExact ? diff.changes : printed;
  const heading =
    exactOnly === 0
      ? `${diff.changes.length} figure(s) differ ${between}:`
      : `${printed.length} figure(s) print differently ${between}; ${exactOnly} more changed only in exact value, the printed text is unchanged (${showExact ? "listed too" : "--exact lists them"}):`;
  return [heading, ...listed.flatMap(changeLines)];
};

const CLIPPED = "each clipped to the words that differ, with up to three words around them; --format json has the whole texts";

/**
 * The figures as they always were, then the texts: every text change once, or a line saying the
 * text is otherwise unchanged, so "no figure differs" never hides a rewritten paragraph.
 */
const asText = (diff: ReportDiff, showExact: boolean): string => {
  const between = `between the report ${asKnown(diff.knownAtA)} and ${asKnown(diff.knownAtB)}`;
  const texts = diff.textChanges.length;
  if (diff.changes.length === 0 && texts === 0) return `no figure and no text differs ${between}\n`;
  const figures = diff.changes.length === 0 ? [] : figuresAsText(diff, showExact, between);
  const textHeading =
    texts === 0
      ? "no text differs apart from these figures"
      : diff.changes.length === 0
        ? `no figure differs ${between}, but ${texts} text(s) do (${CLIPPED}):`
        : `${texts} text(s) differ too (${CLIPPED}):`;
  return `${[...figures, textHeading, ...diff.textChanges.flatMap(textChangeLines)].join("\n")}\n`;
};

export const diffCommand: Command = {
  name: "diff",
  summary: "list every figure and text that differs between a report as known at two dates, with the events in between that changed it",
  usage: "tertial diff <log> --kind <kind> --period <period> --known-at <A> --known-at <B> [--format text|json] [--exact] [--no-snapshots] [-o <file> [--force]]",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {
    kind: { value: true, placeholder: "kind", choices: REPORT_KINDS, help: "tertialrapport, delarsrapport, verksamhetsberattelse, resultatuppfoljning (the tertial slides) or verksamhetsplan (whole years, as report takes them); å, ä, ö may be written or not" },
    period: { value: true, placeholder: "period", help: "the period the report ends with, e.g. 2020-T1..T2" },
    "known-at": { value: true, placeholder: "when", repeatable: true, help: "give it twice, the earlier A, then the later B; each is now, today, a date YYYY-MM-DD (the whole day, Stockholm time) or an instant with offset" },
    format: { value: true, placeholder: "format", choices: ["text", "json"], help: "text (default) or json (or what --out's extension says)" },
    exact: { value: false, help: "also list figures whose printed text is unchanged and only the exact value changed (json always has them, with printedChanged false)" },
    ...SNAPSHOT_FLAGS,
    ...OUTPUT_FLAGS,
  },
  run: async (context) => {
    const { args, io, catalog } = context;
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
      diff = await diffReports(store, catalog, { kind, period, generatedBy: `tertial ${VERSION}`, ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }), ...(snapshots === undefined ? {} : { snapshots }), ...houseOption(context, kind) }, a, b);
    } catch (error) {
      if (error instanceof ReportError) throw new UsageError(error.message);
      throw error;
    } finally {
      progress.done();
    }
    await writeOutput(io, args, format === "json" ? toJson(diff) : asText(diff, args.switches.has("exact")), [log]);
    // A text alone differing is a difference too: exit 0 means the two reports read the same.
    return diff.changes.length === 0 && diff.textChanges.length === 0 ? EXIT.ok : EXIT.disagreement;
  },
};
