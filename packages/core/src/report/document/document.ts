import * as t from "io-ts";
import { formatIssue, type Issue } from "../../events/issues.js";
import { ReportBlockC, type ReportBlock } from "./blocks.js";
import { documentIssues } from "./decode-errors.js";

/**
 * The version of the document tree; renderers may refuse versions they do not know. Version 2
 * only adds optional fields (a metric table's plan-target column, planned-activity references on
 * activity and table rows; see docs/report-document.md), so a version 1 document still decodes.
 */
export const REPORT_DOCUMENT_VERSION = 2;

export const REPORT_KINDS = ["tertialrapport", "delarsrapport", "verksamhetsberattelse", "resultatuppfoljning", "verksamhetsplan"] as const;
export const ReportKindC = t.keyof({ tertialrapport: null, delarsrapport: null, verksamhetsberattelse: null, resultatuppfoljning: null, verksamhetsplan: null }, "ReportKind");
export type ReportKind = t.TypeOf<typeof ReportKindC>;

/** Kinds laid out as slides (one 16:9 page per top-level section) rather than as a report. */
export const SLIDE_KINDS: readonly ReportKind[] = ["resultatuppfoljning"];

/** Whether renderers lay the document out as slides. */
export const isSlideDocument = (document: { readonly kind: ReportKind }): boolean => SLIDE_KINDS.includes(document.kind);

export interface ReportSection {
  /** Stable id, usable as an anchor ("medarbetare"). */
  readonly id: string;
  /** "1.2", "Bilaga 1", or null for an unnumbered heading. */
  readonly number: string | null;
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
  readonly sections: readonly ReportSection[];
}

export const ReportSectionC: t.Type<ReportSection> = t.recursion("Section", () =>
  t.type({
    id: t.string,
    number: t.union([t.string, t.null]),
    title: t.string,
    blocks: t.readonlyArray(ReportBlockC),
    sections: t.readonlyArray(ReportSectionC),
  }),
);

export const ReportPeriodRefC = t.type({ name: t.string, start: t.string, end: t.string }, "PeriodRef");

export const ReportTitleBlockC = t.type(
  {
    /** "Delårsrapport januari–augusti 2020". */
    title: t.string,
    organisation: t.union([t.string, t.null]),
    /** "Tertial 1–2 2020", "2020-01-01 – 2020-08-31". */
    periodLabel: t.string,
    /** Further lines of the title page (registration number, responsible), as given. */
    lines: t.array(t.string),
  },
  "TitleBlock",
);
export type ReportTitleBlock = t.TypeOf<typeof ReportTitleBlockC>;

/** Where the report comes from. No wall-clock time: the same log and flags give the same bytes. */
export const ReportProvenanceC = t.type(
  {
    /** Hash of the last log line known at the cut-off (the chain head then); null for an empty log. */
    logHash: t.union([t.string, t.null]),
    /** Events known at the cut-off (after corrections). */
    eventCount: t.number,
    /** The known-at cut-off as given, or null for "as known now". */
    knownAt: t.union([t.string, t.null]),
    period: ReportPeriodRefC,
    /** "tertial 0.1.0". */
    generatedBy: t.string,
  },
  "ReportProvenance",
);
export type ReportProvenance = t.TypeOf<typeof ReportProvenanceC>;

export const ReportDocumentC = t.type(
  {
    format: t.literal("tertial.report"),
    version: t.union([t.literal(1), t.literal(REPORT_DOCUMENT_VERSION)]),
    kind: ReportKindC,
    language: t.string,
    title: ReportTitleBlockC,
    sections: t.readonlyArray(ReportSectionC),
    appendices: t.readonlyArray(ReportSectionC),
    provenance: ReportProvenanceC,
  },
  "ReportDocument",
);
export type ReportDocument = t.TypeOf<typeof ReportDocumentC>;

/** A document that decoded, or its problems: `issues` at their paths, and `errors`, the same as lines of text. */
export type ReportDocumentDecoding = { readonly ok: true; readonly document: ReportDocument } | { readonly ok: false; readonly issues: readonly Issue[]; readonly errors: readonly string[] };

/** Validates a document read from JSON (a plugin's input, a saved report). */
export const decodeReportDocument = (value: unknown): ReportDocumentDecoding => {
  const result = ReportDocumentC.decode(value);
  if (result._tag === "Right") return { ok: true, document: result.right };
  const issues = documentIssues(result.left);
  return { ok: false, issues, errors: issues.map((found) => formatIssue({ ...found, path: found.path === "" ? "(document)" : found.path })) };
};
