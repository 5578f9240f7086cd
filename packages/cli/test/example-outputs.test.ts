import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_OUTPUTS } from "../../../scripts/example-outputs.js";
import { ROOT, tertial } from "./report-helpers.js";

describe("the example's generated files", () => {
  it.each(EXAMPLE_OUTPUTS.map((output) => [output.file, output] as const))("%s is up to date (pnpm example:render rewrites it)", async (_file, output) => {
    const clock = output.testClock === undefined ? {} : { now: () => Date.parse(output.testClock ?? "") };
    const { code, stdout, stderr } = await tertial(output.argv, undefined, undefined, clock);
    expect(stderr).toBe("");
    expect(code).toBe(output.exitCode);
    expect(stdout).toBe(await readFile(join(ROOT, output.file), "utf8"));
  });
});
