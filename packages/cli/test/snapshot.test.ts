import { copyFile, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli, useTempDir } from "./foundation/cli.js";

const EXAMPLE = join(REPO, "examples/kommunal-utveckling-2020/events.jsonl");
const INTERIM = ["--kind", "delarsrapport", "--period", "2020-T1..T2"];
const NOW = Date.parse("2021-06-01T10:00:00Z");
/** Known-at dates across the example's recording history: before, inside and after its snapshots. */
const KNOWN_AT = ["2020-05-01", "2020-09-15", "2020-10-15", "2020-10-16", "2020-10-20T12:00:00+02:00", "now"];

const snapshotFiles = async (log: string): Promise<string[]> => {
  const folder = `${log}.snapshots`;
  const plans = await readdir(folder);
  return (await Promise.all(plans.map(async (plan) => (await readdir(join(folder, plan))).map((name) => join(folder, plan, name))))).flat();
};

describe("tertial snapshot", () => {
  const tempDir = useTempDir();

  it("reports and diffs read from the snapshots and print exactly what a replay from the first line prints", async () => {
    const log = join(await tempDir(), "events.jsonl");
    await copyFile(EXAMPLE, log);
    // A report only reads snapshots; it never writes beside the log.
    expect((await runCli(["report", log, ...INTERIM], NOW)).code).toBe(0);
    await expect(readdir(`${log}.snapshots`)).rejects.toThrow(/ENOENT/);
    const taken = await runCli(["snapshot", log, ...INTERIM, "--every", "100"], NOW);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toMatch(/^\d+ snapshot\(s\) taken, the latest after event \d+/);
    // Snapshots are taken as known then and as known before each late correction, so each known-at below can start from one.
    expect((await snapshotFiles(log)).length).toBeGreaterThan(5);
    // One plan: 6.2's description names 2019's courses (`compare=previous-year`), which the report folds for a metric anyway, so there is no second pass.
    expect(await readdir(`${log}.snapshots`)).toHaveLength(1);
    for (const knownAt of KNOWN_AT) {
      for (const format of ["md", "json"]) {
        const warm = await runCli(["report", log, ...INTERIM, "--known-at", knownAt, "--format", format], NOW);
        const cold = await runCli(["report", log, ...INTERIM, "--known-at", knownAt, "--format", format, "--no-snapshots"], NOW);
        expect(warm.code).toBe(0);
        expect(warm.stderr).toBe(cold.stderr);
        expect(warm.stdout).toBe(cold.stdout);
      }
    }
    // 6.2's description names 2019's cancellations (`compare=previous-year`): made from the report's own 2019 fold, the same bytes.
    expect((await runCli(["report", log, ...INTERIM, "--known-at", "2020-10-15"], NOW)).stdout).toContain("mot 9 under hela 2019");
    const warmDiff = await runCli(["diff", log, ...INTERIM, "--known-at", "2020-10-15", "--known-at", "now"], NOW);
    const coldDiff = await runCli(["diff", log, ...INTERIM, "--known-at", "2020-10-15", "--known-at", "now", "--no-snapshots"], NOW);
    expect(warmDiff.stdout).toBe(coldDiff.stdout);
    expect(warmDiff.stdout).not.toBe("");
  });

  it("says when a snapshot file is damaged, skips it, and still prints the same report", async () => {
    const log = join(await tempDir(), "events.jsonl");
    await copyFile(EXAMPLE, log);
    expect((await runCli(["snapshot", log, ...INTERIM, "--every", "200"], NOW)).code).toBe(0);
    const newest = (await snapshotFiles(log)).sort().at(-1) as string;
    await writeFile(newest, "{ not json");
    const warm = await runCli(["report", log, ...INTERIM], NOW);
    const cold = await runCli(["report", log, ...INTERIM, "--no-snapshots"], NOW);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stderr).toContain(`warning: snapshot ${newest} is not JSON`);
  });

  it("says when a file stands where the snapshots' folder belongs, and report and diff go on without snapshots", async () => {
    const log = join(await tempDir(), "events.jsonl");
    await copyFile(EXAMPLE, log);
    await writeFile(`${log}.snapshots`, "mine");
    const cold = await runCli(["report", log, ...INTERIM, "--no-snapshots"], NOW);
    for (const args of [["report", log, ...INTERIM], ["diff", log, ...INTERIM, "--known-at", "2020-10-15", "--known-at", "now"]]) {
      const result = await runCli(args, NOW);
      expect([args[0], result.code === 0 || result.code === 5]).toEqual([args[0], true]);
      expect(result.stderr).toMatch(new RegExp(`warning: snapshot ${log}\\.snapshots/[0-9a-f]+ cannot be read: a part of its path is a file, not a folder; it is skipped`));
      if (args[0] === "report") expect(result.stdout).toBe(cold.stdout);
    }
    expect(await readFile(`${log}.snapshots`, "utf8")).toBe("mine");
  });

  it("never uses a snapshot of another log put in its place, and a changed line still stops the report (exit 4)", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    await copyFile(EXAMPLE, log);
    expect((await runCli(["snapshot", log, ...INTERIM, "--every", "200"], NOW)).code).toBe(0);
    // The log is replaced by a shorter one with other content: the snapshots' anchors are not in it.
    const lines = (await readFile(EXAMPLE, "utf8")).split("\n");
    await writeFile(log, `${lines.slice(0, 150).join("\n")}\n`);
    const shorter = await runCli(["report", log, ...INTERIM], NOW);
    const cold = await runCli(["report", log, ...INTERIM, "--no-snapshots"], NOW);
    expect(shorter.stdout).toBe(cold.stdout);
    expect(shorter.stderr).toContain("a snapshot does not fit the log");
    // The last line is changed after the snapshots were taken: the resumed read checks it and stops, as a replay from the first line does.
    await copyFile(EXAMPLE, log);
    await runCli(["snapshot", log, ...INTERIM, "--every", "200"], NOW);
    const all = (await readFile(log, "utf8")).split("\n");
    const last = all.length - 2;
    all[last] = (all[last] as string).replace('"data":{', '"data":{"x":1,');
    await writeFile(log, all.join("\n"));
    const tampered = await runCli(["report", log, ...INTERIM], NOW);
    expect(tampered.code).toBe(4);
    expect((await runCli(["report", log, ...INTERIM, "--no-snapshots"], NOW)).code).toBe(4);
  });
});
