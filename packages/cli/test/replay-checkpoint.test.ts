import { createHash } from "node:crypto";
import { copyFile, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@tertial/core";
import { REPO, runCli, useTempDir } from "./foundation/cli.js";

const EXAMPLE = join(REPO, "examples/kommunal-utveckling-2020/events.jsonl");
const COURSES = ["--projection", "courses", "--period", "2020"];

interface Saved {
  readonly seq: number;
  readonly state: { readonly courses: Record<string, { held: { participantsPerOccasion: unknown } }> };
  readonly stateDigest?: string;
  readonly [field: string]: unknown;
}

const digestOf = (state: unknown): string => createHash("sha256").update(canonicalJson(state)).digest("hex");
const MISSING_DIGEST =
  "stateDigest: is missing, so a state changed since it was written could not be told from the one written (a checkpoint written before checkpoints carried a digest has none); write it again with --checkpoint-out (expected the SHA-256 of the state's canonical JSON: 64 lowercase hex digits)";

describe("replay --resume refuses a checkpoint it cannot vouch for, naming the file and where in it", () => {
  const tempDir = useTempDir();

  /** A copy of the example log, its courses replay, and the checkpoint --checkpoint-out wrote of it. */
  const setUp = async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    await copyFile(EXAMPLE, log);
    const written = join(dir, "written.json");
    const full = await runCli(["replay", log, ...COURSES, "--checkpoint-out", written]);
    expect(full.code).toBe(0);
    const text = await readFile(written, "utf8");
    const file = join(dir, "checkpoint.json");
    /** Resumes from `content` (a text as it stands, anything else as --checkpoint-out writes JSON). */
    const resumeFrom = async (content: unknown, more: readonly string[] = COURSES) => {
      await writeFile(file, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
      return runCli(["replay", log, ...more, "--resume", file]);
    };
    return { dir, log, full, text, saved: JSON.parse(text) as Saved, file, resumeFrom };
  };

  it("an intact checkpoint resumes to the full replay, as written, compact, or in the format before fold revisions", async () => {
    const { full, text, saved, resumeFrom } = await setUp();
    expect(await resumeFrom(text)).toEqual({ code: 0, stdout: full.stdout, stderr: "" });
    expect(await resumeFrom(JSON.stringify(saved))).toEqual({ code: 0, stdout: full.stdout, stderr: "" });
    // Before fold revisions a checkpoint had no revision field: a fold of revision 1 still writes none.
    const reference = await setUp();
    const { dir, log } = reference;
    const written = join(dir, "reference.json");
    const referenceFull = await runCli(["replay", log, "--projection", "reference", "--period", "2020", "--checkpoint-out", written]);
    const referenceSaved = JSON.parse(await readFile(written, "utf8")) as Saved;
    expect(Object.keys(referenceSaved)).toEqual(["projection", "period", "knownAt", "seq", "hash", "state", "stateDigest"]);
    expect(await runCli(["replay", log, "--projection", "reference", "--period", "2020", "--resume", written])).toEqual({ code: 0, stdout: referenceFull.stdout, stderr: "" });
  });

  it("a checkpoint without its digest, its state as written or edited: exit 3, not taken on trust", async () => {
    const { file, saved, resumeFrom } = await setUp();
    const { stateDigest: _digest, ...older } = saved;
    expect(await resumeFrom(older)).toEqual({ code: 3, stdout: "", stderr: `${file}:1:1: ${MISSING_DIGEST}\n` });
    // Where the review found a wrong figure with exit 0.
    const edited = JSON.parse(JSON.stringify(older)) as Saved;
    const course = edited.state.courses["entreprenadjuridik-2020"];
    if (course === undefined) throw new Error("the example holds the course");
    course.held.participantsPerOccasion = 1500;
    expect(await resumeFrom(edited, ["--projection", "course-cost-reduction", "--period", "2020"])).toEqual({ code: 3, stdout: "", stderr: `${file}:1:1: ${MISSING_DIGEST}\n` });
  });

  it("a null or number state without a digest: exit 3 naming both fields, not an internal error with a stack trace", async () => {
    const { file, saved, resumeFrom } = await setUp();
    const { stateDigest: _digest, ...older } = saved;
    expect(await resumeFrom({ ...older, state: null })).toEqual({ code: 3, stdout: "", stderr: `${file}:1:1: ${MISSING_DIGEST}\n${file}:7:12: state: is not a state of courses (expected an object, got null)\n` });
    expect(await resumeFrom({ ...older, state: 5 })).toEqual({ code: 3, stdout: "", stderr: `${file}:1:1: ${MISSING_DIGEST}\n${file}:7:12: state: is not a state of courses (expected an object, got 5)\n` });
  });

  it("a digest that does not match the state, and a state of another kind whose digest matches", async () => {
    const { file, saved, text, resumeFrom } = await setUp();
    const digestLine = text.split("\n").findIndex((line) => line.includes('"stateDigest"')) + 1;
    const edited = JSON.parse(text) as Saved;
    const course = edited.state.courses["entreprenadjuridik-2020"];
    if (course === undefined) throw new Error("the example holds the course");
    course.held.participantsPerOccasion = 1500;
    expect(await resumeFrom(edited)).toEqual({
      code: 3,
      stdout: "",
      stderr: `${file}:${digestLine}:18: stateDigest: does not match the state: the state was changed after the checkpoint was written; write it again with --checkpoint-out\n`,
    });
    expect(await resumeFrom({ ...saved, stateDigest: "0".repeat(64) })).toMatchObject({ code: 3, stderr: expect.stringContaining(`${file}:${digestLine}:18: stateDigest: does not match the state`) as unknown });
    expect(await resumeFrom({ ...saved, state: null, stateDigest: digestOf(null) })).toEqual({ code: 3, stdout: "", stderr: `${file}:7:12: state: is not a state of courses (expected an object, got null)\n` });
    expect(await resumeFrom({ ...saved, state: 5, stateDigest: digestOf(5) })).toEqual({ code: 3, stdout: "", stderr: `${file}:7:12: state: is not a state of courses (expected an object, got 5)\n` });
  });

  it("a file that is not JSON: its line and column", async () => {
    const { file, text, resumeFrom } = await setUp();
    expect(await resumeFrom("{ half a checkpoint")).toEqual({ code: 3, stdout: "", stderr: `${file}:1:3: is not JSON: has "h" where a key should be (expected a key in double quotes)\n` });
    expect(await resumeFrom(text.replace('"seq": ', '"seq" '))).toEqual({ code: 3, stdout: "", stderr: `${file}:5:9: is not JSON: has "9" after a key (expected ":")\n` });
    expect(await resumeFrom(text.slice(0, text.indexOf('"stateDigest"')))).toMatchObject({ code: 3, stderr: expect.stringMatching(new RegExp(`^${file}:\\d+:3: is not JSON: has the end of the file where a key should be \\(expected a key in double quotes\\)\\n$`)) as unknown });
    expect(await resumeFrom("")).toEqual({ code: 3, stdout: "", stderr: `${file}:1:1: is empty, not a checkpoint (expected a checkpoint written by --checkpoint-out)\n` });
    expect(await resumeFrom(`\uFEFF${text}`)).toEqual({ code: 3, stdout: "", stderr: `${file}:1:1: is not JSON: has a byte order mark (U+FEFF; save the file as UTF-8 without it) where a value should be (expected a JSON value)\n` });
  });

  it("a field of the wrong type, a missing or unknown one, or no object at all: the field's path and what was expected", async () => {
    const { file, saved, resumeFrom } = await setUp();
    expect(await resumeFrom({ ...saved, seq: "945" })).toEqual({ code: 3, stdout: "", stderr: `${file}:5:10: seq: is not a checkpoint's seq (expected a whole number, -1 or more: the seq of the last event folded, got "945")\n` });
    expect(await resumeFrom({ ...saved, knownAt: 5 })).toEqual({ code: 3, stdout: "", stderr: `${file}:4:14: knownAt: is not a checkpoint's knownAt (expected a known-at date or instant, or null for as known now, got 5)\n` });
    expect(await resumeFrom({ ...saved, hash: "not a hash" })).toEqual({ code: 3, stdout: "", stderr: `${file}:6:11: hash: is not a checkpoint's hash (expected the hash of the event at seq: 64 lowercase hex digits, got "not a hash")\n` });
    const { hash: _hash, ...noHash } = saved;
    expect(await resumeFrom(noHash)).toEqual({ code: 3, stdout: "", stderr: `${file}:1:1: hash: is missing (expected the hash of the event at seq: 64 lowercase hex digits)\n` });
    const lines = `${JSON.stringify({ ...saved, note: "mine" }, null, 2)}\n`.split("\n");
    const noteLine = lines.findIndex((line) => line.includes('"note"')) + 1;
    expect(await resumeFrom({ ...saved, note: "mine" })).toEqual({
      code: 3,
      stdout: "",
      stderr: `${file}:${noteLine}:11: note: is not a field of a checkpoint (expected only projection, period, knownAt, seq, hash, state, stateDigest, revision)\n`,
    });
    expect(await resumeFrom("[]")).toEqual({
      code: 3,
      stdout: "",
      stderr: `${file}:1:1: is not a checkpoint (expected an object with the fields projection, period, knownAt, seq, hash, state, stateDigest, as --checkpoint-out writes it, got [])\n`,
    });
    expect(await resumeFrom("null")).toMatchObject({ code: 3, stderr: `${file}:1:1: is not a checkpoint (expected an object with the fields projection, period, knownAt, seq, hash, state, stateDigest, as --checkpoint-out writes it, got null)\n` });
  });

  it("a checkpoint of another projection, period, known-at or log", async () => {
    const { file, text, saved, resumeFrom } = await setUp();
    expect(await resumeFrom(text, ["--projection", "courses", "--period", "2021"])).toEqual({ code: 3, stdout: "", stderr: `${file}:3:13: period: was taken for courses 2020 known at now, not for this replay (courses 2021 known at now)\n` });
    expect(await resumeFrom(text, ["--projection", "course-cost-reduction", "--period", "2020"])).toEqual({
      code: 3,
      stdout: "",
      stderr: `${file}:2:17: projection: was taken for courses 2020 known at now, not for this replay (course-cost-reduction 2020 known at now)\n`,
    });
    const knownAt = await resumeFrom(text, [...COURSES, "--known-at", "2020-10-15"]);
    expect([knownAt.code, knownAt.stderr.split("\n").filter((line) => line.startsWith(file))]).toEqual([3, [`${file}:4:14: knownAt: was taken for courses 2020 known at now, not for this replay (courses 2020 known at 2020-10-15)`]]);
    expect(await resumeFrom({ ...saved, hash: "0".repeat(64) })).toEqual({ code: 3, stdout: "", stderr: `${file}:6:11: hash: is for another log: event ${saved.seq} has a different hash\n` });
    expect(await resumeFrom({ ...saved, seq: 100000 })).toEqual({ code: 3, stdout: "", stderr: `${file}:5:10: seq: is for another log: it has no event 100000\n` });
  });

  it("a refused checkpoint writes no --checkpoint-out", async () => {
    const { dir, log, file, saved } = await setUp();
    const { stateDigest: _digest, ...older } = saved;
    await writeFile(file, JSON.stringify({ ...older, state: null }));
    const out = join(dir, "new.json");
    const refused = await runCli(["replay", log, ...COURSES, "--resume", file, "--checkpoint-out", out]);
    expect(refused.code).toBe(3);
    await expect(stat(out)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
