import type { ProjectionOf } from "../projection/projection.js";
import type { TextComparisonReader } from "./builders/context.js";
import type { ReportPeriodChoice, ReportProjectionNeed, ReportResults } from "./replay-many.js";

const NONE: readonly ReportProjectionNeed[] = [];

/**
 * The comparison periods the report's texts name (`compare=previous-year`), and the report period's
 * results of a module's own figures they name, read from the results folded so far. The runner
 * folds beforehand what `comparisonsNamed` finds in the texts it knows and the projections of the
 * catalog's own figures; a text it does not know (a builder's of its own) is noted here when built,
 * so the runner can fold what it named and build once more rather than print a figure the facts
 * give as missing.
 */
export class TextComparisons implements TextComparisonReader {
  // Made on the first miss only: a report whose texts name no comparison allocates nothing here.
  private missing: ReportProjectionNeed[] | undefined;

  constructor(private readonly folded: ReportResults) {}

  get<R>(projection: ProjectionOf<R>, period: ReportPeriodChoice): R | undefined {
    if (this.folded.has(projection, period)) return this.folded.get(projection, period);
    this.missing ??= [];
    if (!this.missing.some((need) => need.projection === projection && need.period === period)) this.missing.push({ projection, period });
    return undefined;
  }

  /** What the texts asked for that was not folded, in the order first asked. */
  get notFolded(): readonly ReportProjectionNeed[] {
    return this.missing ?? NONE;
  }
}
