import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, spawnCli, useTempDir } from "./foundation/cli.js";

const EXAMPLE = join(REPO, "examples/kommunal-utveckling-2020/events.jsonl");
const REPORT = ["report", EXAMPLE, "--kind", "delarsrapport", "--period", "2020-T1..T2"];

/** A renderer plugin whose render returns what `returns` says, as JavaScript source. */
const plugin = async (dir: string, returns: string): Promise<string> => {
  const path = join(dir, "odd.mjs");
  await writeFile(path, `export const renderer = { id: "odd", mediaType: "text/plain", extension: "txt", render: () => ${returns} };\n`);
  return path;
};

describe("a renderer plugin whose render returns no text", () => {
  const tempDir = useTempDir();

  it.each([
    ["42", "a number"],
    ["undefined", "nothing"],
    ["({})", "an object"],
  ])("returning %s is the renderer's bug (exit 1), named, to standard output and to a file alike, leaving no file", async (returns, said) => {
    const dir = await tempDir();
    const path = await plugin(dir, returns);
    for (const out of [[], ["-o", join(dir, "out.txt")]]) {
      const result = await spawnCli([...REPORT, "--renderer", path, ...out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`renderer "odd" returned ${said}, not text: a bug in the renderer`);
      expect(result.stdout).toBe("");
    }
    expect((await readdir(dir)).sort()).toEqual(["odd.mjs"]);
  });
});
