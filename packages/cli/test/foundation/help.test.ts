import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonl, municipality, runCli, useTempDir } from "./cli.js";

const tempDir = useTempDir();

describe("tertial's command line", () => {
  it("documents every exit code in --help", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    for (const code of ["0  success", "1  internal error", "2  usage error", "3  invalid input", "4  a broken chain", "5  audit", "6  a file could not be read"]) expect(result.stdout).toContain(code);
    for (const command of ["init", "append", "validate", "verify", "replay", "schema"]) expect(result.stdout).toMatch(new RegExp(`\\n  ${command} +\\S`));
  });

  it("shows a command's flags and the exit codes with <command> --help", async () => {
    const result = await runCli(["verify", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--head <hash>");
    expect(result.stdout).toContain("Exit codes:");
  });

  it.each([
    [[], 2, ""],
    [["frobnicate"], 2, 'tertial: unknown command "frobnicate"'],
    [["verify"], 2, "tertial verify: needs a log: give it as the first argument, with -f <log>, or in TERTIAL_LOG"],
    [["verify", "x.jsonl", "--fast"], 2, "tertial verify: unknown option --fast"],
    [["replay", "x.jsonl", "--projection", "staffing", "--period", "2020-T4"], 2, '--period: "2020-T4" is not a period'],
    [["replay", "x.jsonl", "--projection", "nope", "--period", "2020"], 2, 'unknown projection "nope"'],
    [["append", "/nonexistent/events.jsonl", "--events", "x"], 6, "no such log"],
    [["verify", "/nonexistent/events.jsonl"], 6, "/nonexistent/events.jsonl"],
    [["replay", "x.jsonl", "--projection", "staffing", "--period", "2020", "--known-at", "15 oktober"], 2, '--known-at: "15 oktober" is neither now, today, a date'],
    [["schema", "staff.position-opend"], 2, 'unknown event type "staff.position-opend"'],
  ])("tertial %j exits %i: %s", async (args, code, says) => {
    const result = await runCli(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(says);
    if (code !== 0 && result.stderr !== "") expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("init refuses to overwrite a log", async () => {
    const log = join(await tempDir(), "events.jsonl");
    expect((await runCli(["init", log])).code).toBe(0);
    const again = await runCli(["init", log]);
    expect([again.code, again.stderr]).toEqual([6, `tertial init: ${log}: already exists; tertial init never overwrites a log\n`]);
  });

  it("append with --expect-seq fails when the log moved on", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    await runCli(["init", log]);
    await writeFile(join(dir, "a.jsonl"), jsonl([municipality("a")]));
    await writeFile(join(dir, "b.jsonl"), jsonl([municipality("b")]));
    expect((await runCli(["append", log, "--events", join(dir, "a.jsonl"), "--expect-seq", "-1"])).code).toBe(0);
    const stale = await runCli(["append", log, "--events", join(dir, "b.jsonl"), "--expect-seq", "-1"]);
    expect(stale.code).toBe(3);
    expect(stale.stderr).toContain("the log moved on: expected last seq -1, found 0");
    expect((await runCli(["append", log, "--events", join(dir, "b.jsonl"), "--expect-seq", "zero"])).code).toBe(2);
    // Only a plain whole number: what Number() would read otherwise ("" as 0, "0x0" as 0) is a usage error.
    expect((await runCli(["append", log, "--events", join(dir, "b.jsonl"), "--expect-seq", ""])).code).toBe(2);
    for (const given of [" 0", "0x0", "0e0", "+0", "-2", "00", "0.0", "12345678901234567890"]) {
      const refused = await runCli(["append", log, "--events", join(dir, "b.jsonl"), "--expect-seq", given]);
      expect([given, refused.code, refused.stderr]).toEqual([given, 2, `tertial append: --expect-seq takes the last seq of the log (a whole number, -1 for an empty log), not "${given}"\n`]);
    }
    expect((await runCli(["append", log, "--events", join(dir, "b.jsonl"), "--expect-seq", "0"])).code).toBe(0);
  });

  it("replay writes a checkpoint and resumes from it to the same JSON", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    const checkpointFile = join(dir, "checkpoint.json");
    await runCli(["init", log]);
    await writeFile(join(dir, "a.jsonl"), jsonl([municipality("a"), municipality("b")]));
    await runCli(["append", log, "--events", join(dir, "a.jsonl")]);
    const full = await runCli(["replay", log, "--projection", "reference", "--period", "2020", "--checkpoint-out", checkpointFile]);
    const resumed = await runCli(["replay", log, "--projection", "reference", "--period", "2020", "--resume", checkpointFile]);
    expect(full.code).toBe(0);
    expect(resumed.stdout).toBe(full.stdout);
    // A state changed by hand is refused, not resumed from, and so is one without a digest (replay-checkpoint.test.ts has every kind).
    const written = JSON.parse(await readFile(checkpointFile, "utf8")) as { state: unknown; stateDigest?: string };
    await writeFile(checkpointFile, JSON.stringify({ ...written, state: JSON.parse(JSON.stringify(written.state).replace("Kommun a", "Kommun X")) }));
    const edited = await runCli(["replay", log, "--projection", "reference", "--period", "2020", "--resume", checkpointFile]);
    const digestColumn = (await readFile(checkpointFile, "utf8")).indexOf('"stateDigest":') + '"stateDigest":'.length + 1;
    expect([edited.code, edited.stderr]).toEqual([3, `${checkpointFile}:1:${digestColumn}: stateDigest: does not match the state: the state was changed after the checkpoint was written; write it again with --checkpoint-out\n`]);
    const { stateDigest: _digest, ...older } = written;
    await writeFile(checkpointFile, JSON.stringify(older));
    const undigested = await runCli(["replay", log, "--projection", "reference", "--period", "2020", "--resume", checkpointFile]);
    expect([undigested.code, undigested.stdout]).toEqual([3, ""]);
    expect(undigested.stderr).toContain(`${checkpointFile}:1:1: stateDigest: is missing`);
    await writeFile(checkpointFile, JSON.stringify(written));
    const otherPeriod = await runCli(["replay", log, "--projection", "reference", "--period", "2021", "--resume", checkpointFile]);
    expect([otherPeriod.code, otherPeriod.stderr]).toEqual([3, `${checkpointFile}:1:36: period: was taken for reference 2020 known at now, not for this replay (reference 2021 known at now)\n`]);
    await writeFile(checkpointFile, "{ half a checkpoint");
    const broken = await runCli(["replay", log, "--projection", "reference", "--period", "2020", "--resume", checkpointFile]);
    expect([broken.code, broken.stderr]).toEqual([3, `${checkpointFile}:1:3: is not JSON: has "h" where a key should be (expected a key in double quotes)\n`]);
    await writeFile(checkpointFile, "{}");
    const empty = await runCli(["replay", log, "--projection", "reference", "--period", "2020", "--resume", checkpointFile]);
    expect(empty.code).toBe(3);
    expect(empty.stderr).toContain(`${checkpointFile}:1:1: projection: is missing`);
  });

  it("schema prints the JSON Schema of an event type", async () => {
    // An event type with one version: a versioned one's data schemas are the alternatives of its anyOf.
    const result = await runCli(["schema", "staff.snapshot-recorded"]);
    const schema = JSON.parse(result.stdout) as { title: string; properties: { data: { required: string[] } } };
    expect(schema.title).toBe("staff.snapshot-recorded");
    expect(schema.properties.data.required).toContain("total");
  });
});
