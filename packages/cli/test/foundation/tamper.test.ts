import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, lineOf } from "@tertial/core";
import { applyTampering, arbFoundationLog, arbTampering, buildLog } from "@tertial/core/testing";
import { runCli, spawnCli, useTempDir } from "./cli.js";

const tempDir = useTempDir();
const writeLines = (path: string, lines: readonly string[]): Promise<void> => writeFile(path, lines.map((line) => `${line}\n`).join(""));

describe("tamper detection through tertial verify", () => {
  it("any changed, dropped, duplicated or reordered line fails verify with exit code 4 (property)", async () => {
    const dir = await tempDir();
    await fc.assert(
      fc.asyncProperty(arbFoundationLog({ maxEvents: 6 }), arbTampering, async (script, tampering) => {
        const { events } = await buildLog(defaultCatalog, script);
        const lines = events.map(lineOf);
        const path = join(dir, "events.jsonl");
        await writeLines(path, lines);
        const clean = await runCli(["verify", path]);
        expect(clean.code).toBe(0);
        const head = events[events.length - 1]?.hash ?? "";
        const tampered = applyTampering(lines, tampering);
        if (tampered === undefined) return;
        await writeLines(path, tampered);
        const result = await runCli(["verify", path, "--head", head]);
        expect(result.code).toBe(4);
        expect(result.stderr).toContain(`${path}: FAILED`);
      }),
      { numRuns: 200 },
    );
  });

  it("a cut-off end passes the chain alone but fails against the head noted earlier (separate processes)", async () => {
    const dir = await tempDir();
    const { events } = await buildLog(defaultCatalog, { entries: ["a", "b", "c"].map((id, index) => ({ draft: { id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: id } }, at: index })) });
    const path = join(dir, "events.jsonl");
    await writeLines(path, events.slice(0, 2).map(lineOf));
    const head = events[2]?.hash ?? "";
    const [alone, anchored] = await Promise.all([spawnCli(["verify", path]), spawnCli(["verify", path, "--head", head])]);
    expect(alone.code).toBe(0);
    expect(anchored.code).toBe(4);
    expect(anchored.stderr).toContain("the last event is not the expected head");
  });

  it("a changed byte fails in a separate process, naming file and line", async () => {
    const dir = await tempDir();
    const { events } = await buildLog(defaultCatalog, { entries: ["a", "b"].map((id, index) => ({ draft: { id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: id } }, at: index })) });
    const path = join(dir, "events.jsonl");
    await writeLines(path, events.map(lineOf).map((line, index) => (index === 0 ? line.replace('"name":"a"', '"name":"A"') : line)));
    const result = await spawnCli(["verify", path]);
    expect(result.code).toBe(4);
    expect(result.stderr.split("\n")[0]).toBe(`${path}:1: hash: does not match the event's content: the line was changed`);
    expect((await readFile(path, "utf8")).split("\n")).toHaveLength(3);
  });
});
