import type { Period } from "../../time/period.js";
import type { ReportBlock, ReportDocument } from "../document/index.js";

/** Projection results by projection name, as the report runner replayed them for the report period. */
export type ReportProjectionResults = Readonly<Record<string, unknown>>;

export interface ReportBuildContext {
  readonly kind: ReportDocument["kind"];
  /** The cumulative report period (1 January to the report's end). */
  readonly period: Period;
  readonly results: ReportProjectionResults;
}

/** Which events each figure rests on, by figure-key prefix, when the projection says. */
export type FigureEvidence = Readonly<Record<string, readonly string[]>>;

/**
 * Blocks for a numbered place in the house structure ("1.2", "2.4", "3.2"). Several builders
 * may fill the same place; the house merges them in builder order. `title` is the house
 * heading when the builder knows it; otherwise the goal or narrative title is used.
 */
export interface Placement {
  readonly number: string;
  readonly title: string | null;
  readonly blocks: readonly ReportBlock[];
}

/** An appendix after Bilaga 1 (the symbol legend): numbered in the order they come. */
export interface AppendixDraft {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
}

/** What a section builder returns: where its blocks go, and its figures' evidence. Nothing when it has no facts. */
export interface BuiltSection {
  readonly placements: readonly Placement[];
  readonly appendices: readonly AppendixDraft[];
  readonly evidence: FigureEvidence;
}

export const nothing: BuiltSection = { placements: [], appendices: [], evidence: {} };

export const placed = (number: string, title: string | null, blocks: readonly ReportBlock[], evidence: FigureEvidence = {}): BuiltSection =>
  blocks.length === 0 ? nothing : { placements: [{ number, title, blocks }], appendices: [], evidence };

/** The result of a projection, if the catalog has it and the runner replayed it. */
export const resultOf = <R>(context: ReportBuildContext, projection: string): R | undefined => context.results[projection] as R | undefined;
