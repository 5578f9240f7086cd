/**
 * The generated files of the example, each with the `tertial` command line that makes it.
 * `pnpm example:render` writes them; a test runs the same lines and fails when a file is out
 * of date. Paths are relative to the repository root so the outputs name no machine's folders.
 */
export interface ExampleOutput {
  readonly file: string;
  readonly argv: readonly string[];
  /** 0, or 5 for an audit or diff that finds differences (as this example's do). */
  readonly exitCode: number;
  /** The clock a test runs the command at, when the log was recorded after the tests' default clock (2021-01-01). */
  readonly testClock?: string;
}

const DIR = "examples/kommunal-utveckling-2020";
const LOG = `${DIR}/events.jsonl`;
/** The interim report as it could have been written; the later corrections in the log are illustrative. */
const AS_PUBLISHED = "2020-10-15";
/** The tertial 2 slides were shown on 2020-10-15; their 2018/2019 facts and printed figures were entered the day after. */
const SLIDES_ENTERED = "2020-10-16";

const PLAN_DIR = "examples/kommunal-utveckling-2022-plan";
/** The plan's adoption date: the revision recorded in March 2022 is illustrative. */
const PLAN_ADOPTED = "2021-12-31";

const report = (file: string, kind: string, period: string, format: string, knownAt = AS_PUBLISHED): ExampleOutput => ({
  file: `${DIR}/${file}`,
  argv: ["report", LOG, "--kind", kind, "--period", period, "--known-at", knownAt, "--format", format],
  exitCode: 0,
});

export const EXAMPLE_OUTPUTS: readonly ExampleOutput[] = [
  report("delarsrapport-2020.md", "delarsrapport", "2020-T1..T2", "md"),
  report("delarsrapport-2020.html", "delarsrapport", "2020-T1..T2", "html"),
  report("tertialrapport-2020-T1.md", "tertialrapport", "2020-T1", "md"),
  report("resultatuppfoljning-2020-T2.md", "resultatuppfoljning", "2020-T2", "md", SLIDES_ENTERED),
  report("resultatuppfoljning-2020-T2.html", "resultatuppfoljning", "2020-T2", "html", SLIDES_ENTERED),
  { file: `${DIR}/audit-2020.md`, argv: ["audit", LOG, "--period", "2020-T1..T2", "--known-at", AS_PUBLISHED, "--format", "md"], exitCode: 5 },
  { file: `${DIR}/diff-2020-10-15-now.txt`, argv: ["diff", LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", AS_PUBLISHED, "--known-at", "now"], exitCode: 5 },
  // The plan as adopted: its stated figures audited against the facts as known at the adoption date, before the illustrative revision.
  // The plan regenerated in its own outline, as adopted (the same known-at as its audit).
  ...["md", "html"].map((format): ExampleOutput => ({ file: `${PLAN_DIR}/verksamhetsplan-2022-2024.${format}`, argv: ["report", `${PLAN_DIR}/events.jsonl`, "--kind", "verksamhetsplan", "--period", "2022..2024", "--known-at", PLAN_ADOPTED, "--format", format], exitCode: 0, testClock: "2026-01-01T00:00:00Z" })),
  { file: `${PLAN_DIR}/audit-2022-plan.md`, argv: ["audit", `${PLAN_DIR}/events.jsonl`, "--known-at", PLAN_ADOPTED, "--format", "md"], exitCode: 5, testClock: "2026-01-01T00:00:00Z" },
];
