/**
 * docs/guides/developers.md shows only code that compiles: each of its `ts` blocks is cut from a
 * file the type-check covers (docs/examples, the packages' tests; see tsconfig.tools.json), in
 * order, with `// …` where lines are left out. A snippet edited in the guide alone, or left behind
 * when the API changed, is found here; one whose file stopped compiling fails the type-check.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const ELIDED = "// …";

/** A file's or a snippet's lines without their indentation (a snippet is cut from inside functions). */
const trimmedLines = (text: string): string[] => text.split("\n").map((line) => line.trim());

/** A snippet's runs of lines between the `// …` marks, empty lines at the edges dropped. */
const runsOf = (snippet: string): string[][] => {
  const runs: string[][] = [[]];
  for (const line of trimmedLines(snippet)) {
    if (line === ELIDED) runs.push([]);
    else runs[runs.length - 1]?.push(line);
  }
  return runs.map((run) => run.join("\n").trim().split("\n")).filter((run) => run.join("") !== "");
};

/** Whether the runs occur in the file, each as consecutive lines and each after the one before. */
const cutFrom = (file: readonly string[], runs: readonly string[][]): boolean => {
  let from = 0;
  for (const run of runs) {
    let at = -1;
    for (let start = from; start + run.length <= file.length && at === -1; start += 1) {
      if (run.every((line, offset) => file[start + offset] === line)) at = start;
    }
    if (at === -1) return false;
    from = at + run.length;
  }
  return true;
};

const typeCheckedFiles = async (): Promise<Map<string, string[]>> => {
  const files = new Map<string, string[]>();
  const dirs = ["docs/examples", ...(await readdir(join(root, "packages"))).map((name) => `packages/${name}/test`)];
  for (const dir of dirs) {
    const names = await readdir(join(root, dir), { recursive: true }).catch(() => [] as string[]);
    for (const name of names.filter((each) => each.endsWith(".ts"))) files.set(`${dir}/${name}`, trimmedLines(await readFile(join(root, dir, name), "utf8")));
  }
  return files;
};

describe("the developer guide's snippets", () => {
  it("are each cut from a type-checked file", async () => {
    const guide = await readFile(join(root, "docs/guides/developers.md"), "utf8");
    const snippets = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
    expect(snippets.length).toBeGreaterThanOrEqual(8);
    const files = await typeCheckedFiles();
    const unfound = snippets.filter((snippet) => ![...files.values()].some((lines) => cutFrom(lines, runsOf(snippet))));
    expect(unfound).toEqual([]);
  });

  it("are matched line by line, in order, so an edited or reordered line is noticed", () => {
    const file = trimmedLines("const a = 1;\n  const b = 2;\nconst c = 3;\nconst d = 4;");
    expect(cutFrom(file, runsOf("const a = 1;\nconst b = 2;"))).toBe(true);
    expect(cutFrom(file, runsOf("const a = 1;\n// …\nconst d = 4;"))).toBe(true);
    expect(cutFrom(file, runsOf("const a = 1;\nconst c = 3;"))).toBe(false);
    expect(cutFrom(file, runsOf("const d = 4;\n// …\nconst a = 1;"))).toBe(false);
    expect(cutFrom(file, runsOf('placed("2.5", "Utskick", []);'))).toBe(false);
  });
});
