import { mkdir, readFile, realpath, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENESIS_HASH, lineOf, sealed } from "@tertial/core";
import { jsonl, municipality, runCli, useTempDir } from "./foundation/cli.js";

const tempDir = useTempDir();
const LOG = "examples/kommunal-utveckling-2020/events.jsonl";
const NOW = Date.parse("2021-06-01T10:00:00Z");
const tertial = (args: readonly string[], more = {}) => runCli(args, NOW, more);

describe("an empty value is a missing value", () => {
  it.each([
    [["report", LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "-o", ""], "tertial report: -o/--out needs a value\n"],
    [["report", LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--out="], "tertial report: -o/--out needs a value\n"],
    [["verify", LOG, "--head="], "tertial verify: --head needs a value\n"],
    [["replay", LOG, "--projection", "reference", "--period", ""], "tertial replay: --period needs a value\n"],
  ])("tertial %j → exit 2: %s", async (args, says) => {
    expect(await tertial(args)).toEqual({ code: 2, stdout: "", stderr: says });
  });
});

describe("a directory where a file was expected is named", () => {
  it("in every command that reads a file the user named", async () => {
    const dir = await tempDir();
    const adir = join(dir, "adir");
    await mkdir(adir);
    const log = join(dir, "events.jsonl");
    await tertial(["init", log]);
    await writeFile(join(dir, "seed.jsonl"), jsonl([municipality("aneby")]));
    await tertial(["append", log, "--events", join(dir, "seed.jsonl")]);
    for (const [args, env] of [
      [["append", log, "--events", adir], {}],
      [["verify"], { TERTIAL_LOG: adir }],
      [["replay", log, "--projection", "reference", "--period", "2020", "--resume", adir], {}],
      [["import", adir, "postgres://localhost/tertial"], {}],
    ] as const) {
      const result = await tertial(args, { env });
      expect([args, result.code, result.stderr]).toEqual([args, 6, `tertial ${args[0]}: ${adir}: is a directory, not a file\n`]);
    }
  });
});

describe("a directory where the log's append state belongs", () => {
  it("is named, the append refused with exit 6 and the log left as it was; the directory is never removed", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    expect((await tertial(["init", log])).code).toBe(0);
    await writeFile(join(dir, "a.jsonl"), jsonl([municipality("a")]));
    expect((await tertial(["append", log, "--events", join(dir, "a.jsonl")])).code).toBe(0);
    const before = await readFile(log, "utf8");
    await rm(`${log}.append-state`, { force: true });
    await mkdir(`${log}.append-state`);
    await writeFile(join(dir, "b.jsonl"), jsonl([municipality("b")]));
    const refused = await tertial(["append", log, "--events", join(dir, "b.jsonl")]);
    expect(refused).toEqual({ code: 6, stdout: "", stderr: `tertial append: ${await realpath(log)}.append-state: is a directory, not a file\n` });
    expect(await readFile(log, "utf8")).toBe(before);
    expect((await stat(`${log}.append-state`)).isDirectory()).toBe(true);
  });
});

describe("an event a replay cannot decode is named in the log, at its line and field", () => {
  it("with the log's path, the line (seq + 1) and the field, as validate would name it", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    // A line whose hash holds but whose version this code has never had: written by a newer Tertial, say.
    const first = sealed({ id: "m1", type: "reference.municipality-established", schemaVersion: 1, effectiveAt: "2017-01-01", recordedAt: "2020-01-01T08:00:00.000Z", seq: 0, prevHash: GENESIS_HASH, data: { municipalityId: "aneby", name: "Aneby" } });
    const second = sealed({ id: "m2", type: "reference.municipality-established", schemaVersion: 9, effectiveAt: "2017-01-01", recordedAt: "2020-01-01T08:00:01.000Z", seq: 1, prevHash: first.hash, data: { municipalityId: "eksjo", name: "Eksjö" } });
    await writeFile(log, `${lineOf(first)}\n${lineOf(second)}\n`);
    const result = await tertial(["replay", log, "--projection", "reference", "--period", "2020"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(`${log}:2: schemaVersion: reference.municipality-established has no version 9 (expected 1…1)\n`);
  });
});
