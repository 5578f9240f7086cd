import type { ProjectionOf } from "../projection/projection.js";
import type { Comparison } from "../time/period.js";
import type { TextComparisonReader } from "./builders/context.js";
import type { ReportProjectionNeed, ReportResults } from "./replay-many.js";

const NONE: readonly ReportProjectionNeed[] = [];

/**
 * The comparison periods the report's texts name (`compare=previous-year`), read from the results
 * folded so far. The runner folds beforehand what `comparisonsNamed` finds in the texts it knows;
 * a text it does not know (a builder's of its own) is noted here when built, so the runner can
 * fold what it named and build once more rather than print a figure the facts give as missing.
 */
export class TextComparisons implements TextComparisonReader {
  // Made on the first miss only: a report whose texts name no comparison allocates nothing here.
  private missing: ReportProjectionNeed[] | undefined;

  constructor(private readonly folded: ReportResults) {}

  get<R>(projection: ProjectionOf<R>, comparison: Comparison): R | undefined {
    if (this.folded.has(projection, comparison)) return this.folded.get(projection, comparison);
    this.missing ??= [];
    if (!this.missing.some((need) => need.projection === projection && need.period === comparison)) this.missing.push({ projection, period: comparison });
    return undefined;
  }

  /** What the texts asked for that was not folded, in the order first asked. */
  get notFolded(): readonly ReportProjectionNeed[] {
    return this.missing ?? NONE;
  }
}
