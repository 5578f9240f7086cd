import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonl, municipality, REPO, runCli, useTempDir, type CliResult } from "./cli.js";

/**
 * Errors, never crashes: a corpus of odd inputs fed to every command. Whatever the input, the
 * exit code is one of the README's table other than 1 (internal error), and stderr holds no
 * stack trace. Codes: 0 ok, 2 usage, 3 invalid input, 4 verify failed, 5 differences, 6 file/lock.
 */
const tempDir = useTempDir();

const ALLOWED = new Set([0, 2, 3, 4, 5, 6]);
const STACK = /\n\s+at |internal error|RangeError|TypeError|Maximum call stack/;

const PERIODS = ["1899", "1899-T1", "1899-M12", "0000", "1899..1900", "2101", "2100-T3..2101-T1", "1900", "2100", "", "   ", "2020-T9", "2020-T3..T1", "2020-02-30", "9999-99-99", "x".repeat(5000), "2020-T1..", "..", "2020-13", "-2020", "2020-M00", "1899-12-31..2020-01-01"];
const KNOWN_AT = ["1899-12-31", "2101-01-01", "2020-13-01", "2020-02-30", "", "x", "2020-01-01T00:00:00+99:99", "2020-01-01T00:00:00+24:00", "2020-01-01T25:00:00Z", "1900-01-01T00:30:00+02:00", "now", "9".repeat(400)];

interface Files {
  readonly dir: string;
  readonly log: string;
  readonly logs: Readonly<Record<string, string>>;
  readonly drafts: Readonly<Record<string, string>>;
}

/** A small valid log, and files of every odd kind to use as a log or as drafts. */
const setUp = async (): Promise<Files> => {
  const dir = await tempDir();
  const log = join(dir, "events.jsonl");
  await runCli(["init", log]);
  const seed = join(dir, "seed.jsonl");
  await writeFile(seed, jsonl([municipality("aneby"), { id: "a-fou", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fou", name: "FoU" } }]));
  expect((await runCli(["append", log, "--events", seed])).code).toBe(0);
  const file = async (name: string, content: string | Buffer): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };
  const subdir = join(dir, "a-directory");
  await mkdir(subdir);
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 131 + 7) % 256));
  const odd = {
    missing: join(dir, "no-such-file.jsonl"),
    directory: subdir,
    empty: await file("empty.jsonl", ""),
    binary: await file("binary.bin", binary),
    "invalid UTF-8": await file("latin1.jsonl", Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0x63, 0x61, 0x66, 0xe9, 0x22, 0x7d, 0x0a])),
    "not JSON": await file("text.jsonl", "hello\nworld\n"),
    "deep nesting": await file("deep.jsonl", `{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":${"[".repeat(100_000)}${"]".repeat(100_000)}}\n`),
    "huge line": await file("huge.jsonl", `{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"fou","reason":"${"x".repeat(3_000_000)}"}}\n`),
    "huge number": await file("number.jsonl", `{"type":"reference.area-closed","effectiveAt":"2020-01-01","schemaVersion":1e400,"data":{"areaId":"fou"}}\n`),
    "lone surrogate": await file("surrogate.jsonl", `{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"fou","reason":"\\udc00"}}\n`),
    "duplicate key": await file("duplicate.jsonl", `{"type":"reference.area-closed","type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"fou"}}\n`),
    "date before 1900": await file("old.jsonl", `{"type":"reference.area-closed","effectiveAt":"1899-12-31","data":{"areaId":"fou"}}\n`),
    "offset +99:99": await file("offset.jsonl", `{"type":"reference.area-closed","effectiveAt":"2020-01-01T00:00:00+99:99","data":{"areaId":"fou"}}\n`),
    "JSON not an object": await file("array.jsonl", "[1,2,3]\nnull\n\"text\"\n"),
    "torn line": await file("torn.jsonl", '{"type":"reference.area-closed","effect'),
  };
  return { dir, log, logs: odd, drafts: odd };
};

const LOG_COMMANDS = (log: string): string[][] => [
  ["verify", log],
  ["replay", log, "--projection", "staffing", "--period", "2020"],
  ["report", log, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--format", "json"],
  ["diff", log, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--known-at", "now"],
  ["audit", log],
  ["validate", log],
  ["append", log, "--events", "/dev/null"],
];

const failures: string[] = [];

const check = (args: readonly string[], result: CliResult): void => {
  const shown = args.map((arg) => (arg.length > 40 ? `${arg.slice(0, 20)}…(${arg.length})` : arg)).join(" ");
  if (!ALLOWED.has(result.code) || STACK.test(result.stderr)) failures.push(`tertial ${shown} → exit ${result.code}: ${result.stderr.split("\n")[0]?.slice(0, 200)}`);
  // Every failure is said on stderr, one line a person can act on; nothing is said on success only to stdout.
  if (result.code !== 0) expect([shown, result.stderr.trim().length > 0]).toEqual([shown, true]);
};

const runAll = async (cases: readonly (readonly string[])[]): Promise<void> => {
  for (const args of cases) check(args, await runCli(args));
};

describe("odd input gives a usage or input error, never a crash", () => {
  it("odd files as the log, for every command that reads one", async () => {
    const { logs } = await setUp();
    failures.length = 0;
    await runAll(Object.values(logs).flatMap(LOG_COMMANDS));
    await runAll(Object.values(logs).map((path) => ["init", path]));
    expect(failures).toEqual([]);
  });

  it("odd files as drafts, to validate and append; nothing is appended", async () => {
    const { log, drafts } = await setUp();
    const before = await readFile(log, "utf8");
    failures.length = 0;
    await runAll(Object.values(drafts).flatMap((path) => [["validate", log, "--events", path], ["append", log, "--events", path]]));
    expect(failures).toEqual([]);
    expect(await readFile(log, "utf8")).toBe(before);
  });

  it("every odd period and known-at, to every command that takes them, is a usage error (exit 2)", async () => {
    const { log } = await setUp();
    failures.length = 0;
    const usage: string[] = [];
    const cases = [
      ...PERIODS.flatMap((period) => [
        ["replay", log, "--projection", "staffing", "--period", period],
        ["report", log, "--kind", "delarsrapport", "--period", period],
        ["diff", log, "--kind", "delarsrapport", "--period", period, "--known-at", "2020-10-15", "--known-at", "now"],
        ["audit", log, "--period", period],
      ]),
      ...KNOWN_AT.filter((knownAt) => knownAt !== "now" && knownAt !== "1900-01-01T00:30:00+02:00").flatMap((knownAt) => [
        ["replay", log, "--projection", "staffing", "--period", "2020", "--known-at", knownAt],
        ["report", log, "--kind", "delarsrapport", "--period", "2020", "--known-at", knownAt],
        ["diff", log, "--kind", "delarsrapport", "--period", "2020", "--known-at", knownAt, "--known-at", "now"],
        ["audit", log, "--known-at", knownAt],
      ]),
    ];
    for (const args of cases) {
      const result = await runCli(args);
      check(args, result);
      const valid = ["1900", "2100"].includes(args[args.indexOf("--period") + 1] ?? "");
      if (!valid && result.code !== 2) usage.push(`${args.join(" ").slice(0, 120)} → exit ${result.code}`);
    }
    expect(failures).toEqual([]);
    expect(usage).toEqual([]);
  });

  it("names the supported years when a period lies outside them", async () => {
    const { log } = await setUp();
    for (const period of ["1899", "1899-T1", "1899-M12", "0000", "1899..1900"]) {
      const result = await runCli(["report", log, "--kind", "delarsrapport", "--period", period]);
      expect([period, result.code]).toEqual([period, 2]);
      expect(result.stderr).toContain("1900–2100");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("the first and last supported years report without error", async () => {
    const { log } = await setUp();
    for (const period of ["1900", "1900-T1", "2100-T3", "2100"]) {
      const result = await runCli(["report", log, "--kind", "tertialrapport", "--period", period, "--format", "json"]);
      check(["report", period], result);
    }
    expect(failures).toEqual([]);
  });

  it("odd flags and arguments: unknown commands, kinds, projections, formats, event types", async () => {
    const { log, logs } = await setUp();
    failures.length = 0;
    await runAll([
      ["no-such-command"],
      ["report", log],
      ["report", log, "--kind", "no-such-kind", "--period", "2020"],
      ["report", log, "--kind", "delarsrapport", "--period", "2020", "--format", "pdf"],
      ["report", log, "--kind", "delarsrapport", "--period", "2020", "--renderer", "./no-such-renderer.js"],
      ["report", log, "--kind", "delarsrapport", "--period", "2020", "--out", logs.directory ?? ""],
      ["report", log, "--kind", "delarsrapport", "--period", "2020", "--out", join(logs.missing ?? "", "x", "y.md")],
      ["replay", log, "--projection", "no-such-projection", "--period", "2020"],
      ["replay", log, "--projection", "staffing", "--period", "2020", "--resume", logs.binary ?? ""],
      ["replay", log, "--projection", "staffing", "--period", "2020", "--resume", logs.missing ?? ""],
      ["replay", log, "--projection", "staffing", "--period", "2020", "--resume", logs["not JSON"] ?? ""],
      ["audit", log, "--format", "yaml"],
      ["diff", log, "--kind", "delarsrapport", "--period", "2020", "--known-at", "2020-10-15"],
      ["append", log, "--expect-seq", "x"],
      ["append", log, "--expect-seq", "1e400", "--events", "/dev/null"],
      ["verify", log, "--head", "not-a-hash"],
      ["schema", "no.such-type"],
      ["schema", "--list", "--list"],
      ["init"],
      ["verify"],
    ]);
    expect(failures).toEqual([]);
  });

  it("the real binary reads invalid UTF-8 and binary on stdin as an input error", async () => {
    const { log } = await setUp();
    const line = Buffer.concat([Buffer.from('{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"fou","reason":"caf'), Buffer.from([0xe9, 0x28]), Buffer.from('"}}\n')]);
    for (const input of [line, Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 97 + 3) % 256))]) {
      const result = await spawnWithBytes(["append", log], input);
      failures.length = 0;
      check(["append", log, "(stdin)"], result);
      expect(failures).toEqual([]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/^<stdin>:1:\d+: /);
    }
  });
});

/** The real binary with raw bytes on stdin (the shared helper sends text, which cannot hold invalid UTF-8). */
const spawnWithBytes = (args: readonly string[], input: Buffer): Promise<CliResult> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--conditions=@tertial/source", "--import", "tsx", "packages/cli/src/main.ts", ...args], { cwd: REPO, stdio: ["pipe", "pipe", "pipe"] });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
