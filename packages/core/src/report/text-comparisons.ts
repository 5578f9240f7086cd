import type { ProjectionOf } from "../projection/projection.js";
import type { Comparison } from "../time/period.js";
import type { TextComparisonReader } from "./builders/context.js";
import type { ReportProjectionNeed, ReportResults } from "./replay-many.js";

/**
 * The comparison periods the report's texts name (`compare=previous-year`), read from the results
 * folded so far; what was not folded is noted, so the runner can fold just that and build again.
 * The texts are events of the same log, so the fold plan cannot know them beforehand; a report
 * whose texts name no comparison notes nothing and is built once.
 */
const NONE: readonly ReportProjectionNeed[] = [];

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
