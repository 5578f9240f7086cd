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

/** The example log with one change to its fifth line. */
const changedLog = async (change: (line: string) => string): Promise<string> => {
  const lines = (await readFile(EXAMPLE, "utf8")).split("\n");
  lines[4] = change(lines[4] ?? "");
  const path = join(await tempDir(), "events.jsonl");
  await writeFile(path, lines.join("\n"));
  return path;
};

describe("a line changed so that its envelope is invalid is a changed line (exit 4), not invalid input", () => {
  const changes: readonly (readonly [string, (line: string) => string])[] = [
    ["a number written as text", (line) => line.replace('"schemaVersion":1', '"schemaVersion":"1"')],
    ["a digit gone from the hash", (line) => line.replace(/"hash":"([0-9a-f])/, '"hash":"')],
  ];
  it.each(changes)("%s", async (_name, change) => {
    const log = await changedLog(change);
    for (const args of [["report", log, "--kind", "delarsrapport", "--period", "2020-T1..T2"], ["audit", log], ["verify", log]]) {
      const result = await runCli(args);
      expect([args[0], result.code]).toEqual([args[0], 4]);
      expect(result.stdout + result.stderr).toContain(`${log}:5:`);
      expect(result.stdout + result.stderr).toMatch(/hash: (does not match the line's bytes|is not valid.*): the line was changed/);
    }
  });
});

describe("a changed line nested deeper than canonical JSON goes", () => {
  it("is named as a changed line by every command that reads it, not an internal error", async () => {
    const log = await changedLog((line) => line.replace('"data":{', `"data":{"x":${"[".repeat(1001)}${"]".repeat(1001)},`));
    for (const args of [["verify", log], ["validate", log], ["report", log, "--kind", "delarsrapport", "--period", "2020-T1..T2"]]) {
      const result = await runCli(args);
      expect([args[0], result.code]).toEqual([args[0], 4]);
      expect(result.stdout + result.stderr).toContain(`${log}:5:1: nests deeper than 1000 levels of objects and lists, which no stored line does: the line was changed`);
      expect(result.stdout + result.stderr).not.toContain("internal error");
    }
  });
});
