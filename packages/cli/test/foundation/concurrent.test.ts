import { readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonl, municipality, runCli, spawnCli, useTempDir } from "./cli.js";

const tempDir = useTempDir();
const WRITERS = 4;
const EACH = 5;

describe("concurrent appends from several processes", () => {
  it("lose nothing, duplicate nothing, and keep the chain valid", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    expect((await runCli(["init", log])).code).toBe(0);
    const files = await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const file = join(dir, `writer-${writer}.jsonl`);
        const own = Array.from({ length: EACH }, (_, index) => municipality(`w${writer}-m${index}`));
        await writeFile(file, jsonl([...own, municipality("shared")]));
        return file;
      }),
    );
    const results = await Promise.all(files.map((file) => spawnCli(["append", log, "--events", file])));
    for (const result of results) {
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
    }
    const lines = (await readFile(log, "utf8")).split("\n").filter((line) => line !== "");
    const ids = lines.map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toHaveLength(WRITERS * EACH + 1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === "shared")).toHaveLength(1);
    expect(lines.map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual(ids.map((_, index) => index));
    const verify = await runCli(["verify", log]);
    expect(verify.stderr).toBe("");
    expect(verify.code).toBe(0);
    expect(results.filter((result) => result.stdout.includes("1 already present")).length).toBe(WRITERS - 1);
  });
});

describe("one log under two names", () => {
  it("writers through the file and through a symlink to it share one lock and grow one chain", async () => {
    const dir = await tempDir();
    const real = join(dir, "real.jsonl");
    const alias = join(dir, "alias.jsonl");
    expect((await runCli(["init", real])).code).toBe(0);
    await symlink(real, alias);
    const appends = await Promise.all(
      [real, alias, real, alias].map(async (log, writer) => {
        const file = join(dir, `writer-${writer}.jsonl`);
        await writeFile(file, jsonl(Array.from({ length: 10 }, (_, index) => municipality(`w${writer}-m${index}`))));
        return spawnCli(["append", log, "--events", file]);
      }),
    );
    for (const result of appends) expect([result.code, result.stderr]).toEqual([0, ""]);
    const verify = await runCli(["verify", alias]);
    expect(verify.stderr).toBe("");
    expect(verify.stdout).toContain("ok, 40 events");
  });

  it("record a batch of drafts without ids once when two processes append the same file at once: the other is refused, exit 3", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    expect((await runCli(["init", log])).code).toBe(0);
    const file = join(dir, "batch.jsonl");
    const withoutIds = Array.from({ length: 40 }, (_, index) => {
      const { id: _id, ...draft } = municipality(`m${index}`);
      return draft;
    });
    await writeFile(file, jsonl(withoutIds));
    const results = await Promise.all([spawnCli(["append", log, "--events", file]), spawnCli(["append", log, "--events", file])]);
    expect(results.map((result) => result.code).sort()).toEqual([0, 3]);
    expect(results.find((result) => result.code === 3)?.stderr).toMatch(/^tertial append: these 40 draft\(s\) were already appended, as seq 0–39 /);
    const lines = (await readFile(log, "utf8")).split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(40);
    expect((await runCli(["verify", log])).code).toBe(0);
  });
});
