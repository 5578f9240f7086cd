/**
 * Renders the example log to the checked-in golden reports: examples/<name>/delarsrapport-2020.md
 * and .html, through the real CLI. Run after the example log or a builder changes; the golden
 * test fails until you do.
 */
import { resolve } from "node:path";
import { processIo, run } from "@tertial/cli";

const exampleDir = resolve(process.argv[2] ?? "examples/kommunal-utveckling-2020");

/** The command lines the golden files come from; the golden test runs the same ones. */
const exampleReports = (dir: string): { readonly out: string; readonly argv: readonly string[] }[] =>
  (["md", "html"] as const).map((format) => {
    const out = resolve(dir, `delarsrapport-2020.${format}`);
    return { out, argv: ["report", resolve(dir, "events.jsonl"), "--kind", "delarsrapport", "--period", "2020-T1..T2", "--format", format, "--out", out] };
  });

const main = async (): Promise<number> => {
  for (const { out, argv } of exampleReports(exampleDir)) {
    const code = await run(argv, processIo());
    if (code !== 0) return code;
    process.stdout.write(`${out}\n`);
  }
  return 0;
};

process.exitCode = await main();
