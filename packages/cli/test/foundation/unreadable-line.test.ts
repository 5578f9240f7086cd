import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli, useTempDir } from "./cli.js";

const tempDir = useTempDir();
const EXAMPLE = join(REPO, "examples/kommunal-utveckling-2020/events.jsonl");

/** The example log with its fifth line cut short in place, as a damaged disk or a careless edit leaves it. */
const damagedLog = async (): Promise<string> => {
  const lines = (await readFile(EXAMPLE, "utf8")).split("\n");
  lines[4] = (lines[4] ?? "").slice(0, 60);
  const path = join(await tempDir(), "events.jsonl");
  await writeFile(path, lines.join("\n"));
  return path;
};

describe("a line no reader can read is named once", () => {
  it.each(["verify", "validate"])("by %s, which says nothing of the line after it", async (command) => {
    const log = await damagedLog();
    const result = await runCli([command, log]);
    expect(result.code).toBe(4);
    const said = result.stdout + result.stderr;
    const named = said.split("\n").filter((line) => line.startsWith(`${log}:`));
    expect(named.filter((line) => /:5:\d+: is not JSON/.test(line))).toHaveLength(1);
    expect(named.filter((line) => line.startsWith(`${log}:6`))).toEqual([]);
    expect(said).not.toMatch(/expected seq|does not match the previous line's hash/);
  });
});
