import { spawn } from "node:child_process";
import { watch } from "node:fs";
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, jsonl, runCli, useTempDir } from "./foundation/cli.js";

const tempDir = useTempDir();
const EXAMPLE = "examples/kommunal-utveckling-2020/events.jsonl";
const NOW = Date.parse("2021-06-01T10:00:00Z");
const tertial = (args: readonly string[], more = {}) => runCli(args, NOW, more);
const REPLAY = ["--projection", "budget-follow-up", "--period", "2020"];

/** A copy of the example log in a fresh directory, with a symlink and a hard link to it. */
const logWithAliases = async (): Promise<{ dir: string; log: string; bytes: string }> => {
  const dir = await tempDir();
  const log = join(dir, "events.jsonl");
  await writeFile(log, await readFile(EXAMPLE, "utf8"));
  await symlink(log, join(dir, "symlink.json"));
  await link(log, join(dir, "hardlink.json"));
  return { dir, log, bytes: await readFile(log, "utf8") };
};

const temporaryFiles = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((name) => name.endsWith(".tmp"));

describe("replay --checkpoint-out is written as report -o is", () => {
  it("never writes onto its log, by any name, even with --force (exit 2, the log untouched)", async () => {
    const { dir, log, bytes } = await logWithAliases();
    for (const out of [log, "./events.jsonl", join(dir, "symlink.json"), join(dir, "hardlink.json")]) {
      for (const force of [[], ["--force"]]) {
        const onto = await tertial(["replay", log, ...REPLAY, "--checkpoint-out", out, ...force], { cwd: dir });
        expect([out, onto.code, onto.stdout]).toEqual([out, 2, ""]);
        expect(onto.stderr).toMatch(/^tertial replay: --checkpoint-out .* is the log itself; Tertial never writes output onto a log\n$/);
      }
    }
    expect(await readFile(log, "utf8")).toBe(bytes);
    expect((await tertial(["verify", log])).code).toBe(0);
  });

  it("refuses an existing file without --force, replaces it with --force, and leaves no temporary file", async () => {
    const { dir, log } = await logWithAliases();
    const out = join(dir, "state.json");
    await writeFile(out, "mine");
    const refused = await tertial(["replay", log, ...REPLAY, "--checkpoint-out", out]);
    expect([refused.code, refused.stderr]).toEqual([6, `tertial replay: ${out} already exists; give --force to replace it\n`]);
    expect(await readFile(out, "utf8")).toBe("mine");
    const replaced = await tertial(["replay", log, ...REPLAY, "--checkpoint-out", out, "--force"]);
    expect(replaced.code).toBe(0);
    expect(JSON.parse(await readFile(out, "utf8"))).toMatchObject({ projection: "budget-follow-up", seq: 945 });
    const resumed = await tertial(["replay", log, ...REPLAY, "--resume", out]);
    expect([resumed.code, resumed.stdout]).toEqual([0, replaced.stdout]);
    expect(await temporaryFiles(dir)).toEqual([]);
  });

  it("refuses a pipe in the way even with --force, and leaves it a pipe (exit 6)", async () => {
    const { dir, log } = await logWithAliases();
    const fifo = join(dir, "out.md");
    const made = await new Promise<number | null>((done) => spawn("mkfifo", [fifo]).on("close", done).on("error", () => done(null)));
    if (made !== 0) return;
    for (const [command, flags] of [
      ["replay", [...REPLAY, "--checkpoint-out"]],
      ["report", ["--kind", "delarsrapport", "--period", "2020-T1..T2", "-o"]],
    ] as const) {
      const refused = await tertial([command, log, ...flags, fifo, "--force"]);
      expect([refused.code, refused.stdout]).toEqual([6, ""]);
      expect(refused.stderr).toMatch(new RegExp(`^tertial ${command}: ${fifo} is not a regular file \\(a device, pipe or socket\\)`));
      expect((await stat(fifo)).isFIFO()).toBe(true);
    }
    expect(await temporaryFiles(dir)).toEqual([]);
  });

  it("a directory in the way is named, not the temporary file (exit 6)", async () => {
    const { dir, log } = await logWithAliases();
    await mkdir(join(dir, "adir"));
    for (const [command, flags] of [
      ["replay", [...REPLAY, "--checkpoint-out"]],
      ["report", ["--kind", "delarsrapport", "--period", "2020-T1..T2", "--format", "md", "-o"]],
    ] as const) {
      const result = await tertial([command, log, ...flags, join(dir, "adir"), "--force"]);
      expect([result.code, result.stderr]).toEqual([6, `tertial ${command}: ${join(dir, "adir")}: is a directory, not a file\n`]);
    }
    expect(await temporaryFiles(dir)).toEqual([]);
  });
});

describe("export puts the copy at its name only when it is whole", () => {
  it("refuses an existing target, and its own log (exit 2), leaving both as they were", async () => {
    const { dir, log, bytes } = await logWithAliases();
    await writeFile(join(dir, "taken.jsonl"), "mine");
    const exists = await tertial(["export", log, join(dir, "taken.jsonl")]);
    expect([exists.code, exists.stderr]).toEqual([6, `tertial export: ${join(dir, "taken.jsonl")} already exists\n`]);
    expect(await readFile(join(dir, "taken.jsonl"), "utf8")).toBe("mine");
    for (const target of [log, join(dir, "hardlink.json")]) {
      const onto = await tertial(["export", log, target]);
      expect([onto.code, onto.stderr]).toEqual([2, `tertial export: ${target} is the log itself; Tertial never writes output onto a log\n`]);
    }
    expect(await readFile(log, "utf8")).toBe(bytes);
    expect(await temporaryFiles(dir)).toEqual([]);
  });

  describe("killed while it writes", () => {
    /** Big enough that the copy takes many writes: the kill lands after the first and before the end. */
    const EVENTS = 40_000;
    let dir: string;
    let log: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "tertial-export-"));
      log = join(dir, "big.jsonl");
      await tertial(["init", log]);
      const drafts = Array.from({ length: EVENTS }, (_, index) => ({
        type: "indicator.value-recorded",
        effectiveAt: "2020-08-31",
        data: { indicatorId: "z", name: "N", unit: "count", value: String(index) },
        source: { document: "d" },
      }));
      await writeFile(join(dir, "drafts.jsonl"), jsonl(drafts));
      const appended = await tertial(["append", log, "--events", join(dir, "drafts.jsonl")]);
      expect(appended.code).toBe(0);
    }, 120_000);

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    /**
     * Runs the built CLI's export and sends `signal` once its temporary file has had bytes written
     * to it (an inotify event, not a delay): the copy is then under way and not finished.
     */
    const exportKilled = (target: string, signal: NodeJS.Signals): Promise<NodeJS.Signals | null> =>
      new Promise((done, fail) => {
        let sent = false;
        const watcher = watch(dir, (event, name) => {
          if (sent || event !== "change" || name === null || !name.startsWith(".out") || !name.endsWith(".tmp")) return;
          sent = child.kill(signal);
        });
        const child = spawn(process.execPath, [BIN, "export", log, target], { stdio: "ignore" });
        child.on("error", fail);
        child.on("close", (_code, ended) => {
          watcher.close();
          done(ended);
        });
      });

    it("SIGKILL leaves no file at the target, and the next export succeeds and removes what the killed one left", async () => {
      const target = join(dir, "out.jsonl");
      expect(await exportKilled(target, "SIGKILL")).toBe("SIGKILL");
      await expect(stat(target)).rejects.toMatchObject({ code: "ENOENT" });
      // What it had written is there, under the temporary name only.
      const [left] = await temporaryFiles(dir);
      expect(left === undefined ? 0 : (await stat(join(dir, left))).size).toBeGreaterThan(0);
      const again = await tertial(["export", log, target]);
      expect([again.code, again.stderr]).toEqual([0, ""]);
      // Its name says which process wrote it, and that process is gone.
      expect(await temporaryFiles(dir)).toEqual([]);
      expect((await tertial(["verify", target])).stdout).toMatch(`: ok, ${EVENTS} events`);
      expect(await readFile(target, "utf8")).toBe(await readFile(log, "utf8"));
    }, 60_000);

    it("SIGINT leaves neither the target nor the temporary file", async () => {
      const target = join(dir, "out.jsonl");
      await rm(target, { force: true });
      for (const name of await temporaryFiles(dir)) await rm(join(dir, name));
      expect(await exportKilled(target, "SIGINT")).toBe("SIGINT");
      await expect(stat(target)).rejects.toMatchObject({ code: "ENOENT" });
      expect(await temporaryFiles(dir)).toEqual([]);
    }, 60_000);
  });
});
