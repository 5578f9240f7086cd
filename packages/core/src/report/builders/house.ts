import type { AnyProjection } from "../../projection/projection.js";
import { REPORT_DOCUMENT_VERSION, type ReportBlock, type ReportDocument, type ReportProvenance, type ReportSection } from "../document/index.js";
import type { ReportProjectionNeed } from "../replay-many.js";
import { declaredResults, resultOf, type FigureEvidence, type Placement, type ReportBuildContext, type ReportSectionBuilder } from "./context.js";
import { chapterOf, compareSectionNumbers, reportGoalsProjection } from "./goals.js";
import { periodLabel, reportTitle } from "./kinds.js";
import { publicationProjection, type Outline, type PublicationResult } from "../../domains/publication/publication.js";
import { appendixSections, outlineSections, renumber } from "./outline.js";
import { basisReader, factBasisProjection } from "./fact-basis.js";
import { numberTables } from "./table-numbers.js";

export type { ReportSectionBuilder };

/**
 * The house structure: the builders that place blocks at numbered sections (1 Inledning with
 * 1.1–1.4, chapters 2–7 one per strategic goal, then the appendices). What the report replays
 * is derived from what the builders declare. Replace or extend the builders to change the report.
 */
export interface ReportHouse {
  /** Projections of the report's own (read-only views over domain events), replayed even though no domain module registers them. */
  readonly projections: readonly AnyProjection[];
  readonly builders: readonly ReportSectionBuilder[];
  /** The house asks for the symbol legend appendix (a follow-up's metric and activity symbols); otherwise only an outline naming it brings it. */
  readonly symbolLegend?: boolean;
  /**
   * Why the log gives this house nothing to report for the context's period (a plan document for
   * years no plan covers), or undefined. The document is built all the same (a cover and a
   * footer); a caller that prints documents refuses it with this reason rather than print it.
   */
  readonly nothingToReport?: (context: ReportBuildContext) => string | undefined;
  /**
   * The outline for a log that adopts none for the report's kind, made from the log's goals and
   * the blocks placed; without it, sections are assembled at the numbers the builders give.
   */
  readonly defaultOutline?: (context: ReportBuildContext, placements: readonly Placement[]) => Outline;
}

/** The house itself reads the goals, for chapter titles. */
const HOUSE_READS: readonly ReportProjectionNeed[] = [
  { projection: reportGoalsProjection, period: "report" },
  { projection: publicationProjection, period: "report" },
  { projection: factBasisProjection, period: "report" },
];

/** Every projection (and period) the house's builders declare, each once, in builder order. */
export const houseNeeds = (house: ReportHouse): ReportProjectionNeed[] => {
  const needs: ReportProjectionNeed[] = [];
  for (const need of [...HOUSE_READS, ...house.builders.flatMap((builder) => builder.reads)]) {
    if (!needs.some((known) => known.projection === need.projection && known.period === need.period)) needs.push(need);
  }
  return needs;
};

export interface ReportBuildInput {
  readonly context: ReportBuildContext;
  readonly provenance: ReportProvenance;
  readonly house: ReportHouse;
  readonly organisation?: string;
  readonly titleLines?: readonly string[];
}

export interface BuiltReport {
  readonly document: ReportDocument;
  /** Event ids behind figures, by figure-key prefix, where the projections say. */
  readonly evidence: FigureEvidence;
  /** Set when the log has nothing of the report's kind for its period (see `ReportHouse.nothingToReport`): why. */
  readonly nothingToReport?: string;
  /** What a reader of the log should know and the document does not say (texts written for this kind of document and another period): for a command to show beside it. */
  readonly notes?: readonly string[];
}

interface Node {
  readonly number: string;
  title: string | null;
  readonly blocks: ReportBlock[];
  /** Unnumbered headings placed here, each with the blocks under it. */
  readonly parts: { readonly title: string; readonly blocks: ReportBlock[] }[];
}

const titleFor = (context: ReportBuildContext, number: string): string => {
  if (number === "1") return "Inledning";
  const goals = resultOf(context, reportGoalsProjection)?.goals ?? [];
  const depth = number.split(".").length;
  const goal = depth === 1 ? goals.find((candidate) => candidate.kind === "strategic" && chapterOf(candidate) === number) : goals.find((candidate) => candidate.kind === "area" && candidate.number === number);
  if (goal !== undefined) return goal.title.replace(/\.$/, "");
  return depth === 1 ? `Kapitel ${number}` : "";
};

const collect = (placements: readonly Placement[]): Map<string, Node> => {
  const nodes = new Map<string, Node>();
  const ensure = (number: string): Node => {
    const found = nodes.get(number);
    if (found !== undefined) return found;
    const created: Node = { number, title: null, blocks: [], parts: [] };
    nodes.set(number, created);
    return created;
  };
  for (const placement of placements) {
    const parts = placement.number.split(".");
    parts.forEach((_, index) => ensure(parts.slice(0, index + 1).join(".")));
    const node = ensure(placement.number);
    node.title ??= placement.title;
    if (placement.heading !== undefined) node.parts.push({ title: placement.heading, blocks: [...placement.blocks] });
    else (node.parts[node.parts.length - 1]?.blocks ?? node.blocks).push(...placement.blocks);
  }
  return nodes;
};

const parentOf = (number: string): string | null => (number.includes(".") ? number.slice(0, number.lastIndexOf(".")) : null);

const toSection = (context: ReportBuildContext, nodes: Map<string, Node>, node: Node): ReportSection => {
  const children = [...nodes.values()].filter((child) => parentOf(child.number) === node.number).sort((a, b) => compareSectionNumbers(a.number, b.number));
  const id = `avsnitt-${node.number.replace(/\./g, "-")}`;
  // Unnumbered headings come before the numbered subsections; renumbering gives them their anchors.
  const parts: ReportSection[] = node.parts.map((part, index) => ({ id: `${id}-del-${index + 1}`, number: null, title: part.title, blocks: part.blocks, sections: [] }));
  return {
    id,
    number: node.number,
    title: node.title ?? titleFor(context, node.number),
    blocks: node.blocks,
    sections: [...parts, ...children.map((child) => toSection(context, nodes, child))],
  };
};

/** Numbered sections from the placements: a section exists only where some builder placed facts. */
export const assembleSections = (context: ReportBuildContext, placements: readonly Placement[]): ReportSection[] => {
  const nodes = collect(placements);
  const chapters = [...nodes.values()].filter((node) => parentOf(node.number) === null).sort((a, b) => compareSectionNumbers(a.number, b.number));
  return chapters.map((chapter) => toSection(context, nodes, chapter));
};

/** The cover: the document record's title and Dnr, the organisation's profile; nothing is printed that was not recorded. */
const coverOf = (context: ReportBuildContext, publication: PublicationResult | undefined, input: ReportBuildInput): ReportDocument["title"] => {
  const profile = publication?.profile ?? null;
  const record = publication?.documents[context.kind];
  const lines = [
    ...(input.titleLines ?? []),
    ...[profile?.unit, profile?.responsibleBody, profile?.county, profile?.address].filter((line): line is string => line !== undefined),
    ...(record?.registrationNumber === undefined ? [] : [`Dnr ${record.registrationNumber}`]),
    ...(record?.decidedOn === undefined && record?.decidedBy === undefined ? [] : [`Beslutad ${[record.decidedBy === undefined ? "" : `av ${record.decidedBy}`, record.decidedOn ?? ""].filter((part) => part !== "").join(" ")}`]),
  ];
  return { title: record?.title ?? reportTitle(context.kind, context.period), organisation: input.organisation ?? profile?.name ?? null, periodLabel: periodLabel(context.period), lines };
};

const tablesNumbered = (mode: "computed" | "as-built", sections: ReportSection[], appendices: ReportSection[]): { sections: ReportSection[]; appendices: ReportSection[] } =>
  mode === "computed" ? numberTables(sections, appendices) : { sections, appendices };

/** Assembles the report document from projection results: pure, no I/O, no clock. */
export const buildReportDocument = (input: ReportBuildInput): BuiltReport => {
  const { context, house } = input;
  const basis = resultOf(context, factBasisProjection);
  // A log of recorded facts only (the common case) marks nothing: no figure's evidence needs looking through.
  const basisOf = basis === undefined ? () => "recorded" as const : basisReader(basis);
  const parts = house.builders.map((builder) => builder.build({ ...context, basisOf, results: declaredResults(context.results, builder) }));
  const publication = resultOf(context, publicationProjection);
  const placements = parts.flatMap((part) => part.placements);
  const outline = publication?.outlines[context.kind] ?? house.defaultOutline?.(context, placements);
  const document: ReportDocument = {
    format: "tertial.report",
    version: REPORT_DOCUMENT_VERSION,
    kind: context.kind,
    language: "sv",
    title: coverOf(context, publication, input),
    ...tablesNumbered(outline?.tableNumbers ?? "computed", outline === undefined ? renumber(assembleSections(context, placements)) : outlineSections(context, outline, placements), appendixSections(outline, parts.flatMap((part) => part.appendices), house.symbolLegend === true)),
    provenance: input.provenance,
  };
  const nothingToReport = house.nothingToReport?.(context);
  return { document, evidence: Object.assign({}, ...parts.map((part) => part.evidence)) as FigureEvidence, ...(nothingToReport === undefined ? {} : { nothingToReport }) };
};

export { reportGoalsProjection };
