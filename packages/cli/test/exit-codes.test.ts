import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands, EXIT, EXIT_MEANINGS } from "@tertial/cli";
import { jsonl, municipality, REPO, runCli } from "./foundation/cli.js";

const EXAMPLE = join(REPO, "examples/kommunal-utveckling-2020/events.jsonl");
const INTERIM = ["--kind", "delarsrapport", "--period", "2020-T1..T2"];
const NOW = Date.parse("2021-06-01T10:00:00Z");

/** Files every case may use: a small valid log, a torn one, a tampered copy of the example, drafts. */
interface Files {
  readonly dir: string;
  readonly log: string;
  readonly torn: string;
  readonly tampered: string;
  readonly good: string;
  readonly bad: string;
  readonly existing: string;
  /** A log beside a batch record that is no batch record: repair refuses to guess. */
  readonly inconsistent: string;
}

let files: Files;

type Case = readonly [command: string, code: number, args: (f: Files) => string[]];

/** For every command, each exit code the README's table gives it, with a command line that must produce it. */
const CASES: readonly Case[] = [
  ["init", EXIT.ok, (f) => ["init", join(f.dir, "new.jsonl")]],
  ["init", EXIT.usage, () => ["init", "a.jsonl", "--force"]],
  ["init", EXIT.io, (f) => ["init", f.log]],
  ["append", EXIT.ok, (f) => ["append", f.log, "--events", f.good]],
  ["append", EXIT.usage, (f) => ["append", f.log, "--events", f.good, "--expect-seq", "two"]],
  ["append", EXIT.invalid, (f) => ["append", f.log, "--events", f.bad]],
  ["append", EXIT.io, (f) => ["append", join(f.dir, "missing.jsonl"), "--events", f.good]],
  ["validate", EXIT.ok, (f) => ["validate", f.log]],
  ["validate", EXIT.usage, (f) => ["validate", f.log, "-q"]],
  ["validate", EXIT.invalid, (f) => ["validate", f.log, "--events", f.bad]],
  ["validate", EXIT.tampered, (f) => ["validate", f.tampered]],
  ["validate", EXIT.io, (f) => ["validate", join(f.dir, "missing.jsonl")]],
  ["verify", EXIT.ok, (f) => ["verify", f.log]],
  ["verify", EXIT.usage, (f) => ["verify", f.log, f.log]],
  ["verify", EXIT.usage, (f) => ["verify", f.log, "--head", "not-a-hash"]],
  ["verify", EXIT.tampered, (f) => ["verify", f.tampered]],
  ["verify", EXIT.io, (f) => ["verify", join(f.dir, "missing.jsonl")]],
  ["replay", EXIT.ok, (f) => ["replay", f.log, "--projection", "reference", "--period", "2020"]],
  ["replay", EXIT.usage, (f) => ["replay", f.log, "--projection", "reference", "--period", "2020", "--known-at", "igår"]],
  ["replay", EXIT.tampered, (f) => ["replay", f.torn, "--projection", "reference", "--period", "2020"]],
  ["replay", EXIT.io, (f) => ["replay", join(f.dir, "missing.jsonl"), "--projection", "reference", "--period", "2020"]],
  ["report", EXIT.ok, () => ["report", EXAMPLE, ...INTERIM]],
  ["report", EXIT.internal, () => ["report", EXAMPLE, ...INTERIM, "--renderer", "./packages/cli/test/fixtures/throwing-renderer.mjs"]],
  ["report", EXIT.usage, () => ["report", EXAMPLE, ...INTERIM, "--known-at", "2020-13-01"]],
  ["report", EXIT.tampered, (f) => ["report", f.torn, ...INTERIM]],
  ["report", EXIT.io, (f) => ["report", EXAMPLE, ...INTERIM, "-o", f.existing]],
  ["snapshot", EXIT.ok, (f) => ["snapshot", f.log, "--kind", "tertialrapport", "--period", "2020-T2", "--every", "2"]],
  ["snapshot", EXIT.usage, (f) => ["snapshot", f.log, "--kind", "tertialrapport", "--period", "2020-T2", "--every", "0"]],
  ["snapshot", EXIT.tampered, (f) => ["snapshot", f.torn, "--kind", "tertialrapport", "--period", "2020-T2"]],
  ["snapshot", EXIT.tampered, (f) => ["snapshot", f.tampered, "--kind", "tertialrapport", "--period", "2020-T2"]],
  ["snapshot", EXIT.io, (f) => ["snapshot", join(f.dir, "missing.jsonl"), "--kind", "tertialrapport", "--period", "2020-T2"]],
  ["diff", EXIT.ok, () => ["diff", EXAMPLE, ...INTERIM, "--known-at", "now", "--known-at", "now"]],
  ["diff", EXIT.usage, () => ["diff", EXAMPLE, ...INTERIM, "--known-at", "now"]],
  ["diff", EXIT.tampered, (f) => ["diff", f.torn, ...INTERIM, "--known-at", "2020-01-01", "--known-at", "now"]],
  ["diff", EXIT.disagreement, () => ["diff", EXAMPLE, ...INTERIM, "--known-at", "2020-10-15", "--known-at", "now"]],
  ["diff", EXIT.io, (f) => ["diff", join(f.dir, "missing.jsonl"), ...INTERIM, "--known-at", "2020-10-15", "--known-at", "now"]],
  ["audit", EXIT.ok, (f) => ["audit", f.log]],
  ["audit", EXIT.usage, (f) => ["audit", f.log, "--format", "pdf"]],
  ["audit", EXIT.tampered, (f) => ["audit", f.torn]],
  ["audit", EXIT.disagreement, () => ["audit", EXAMPLE, "--period", "2020-T1..T2", "--known-at", "2020-10-15"]],
  ["audit", EXIT.io, (f) => ["audit", join(f.dir, "missing.jsonl")]],
  ["repair", EXIT.ok, (f) => ["repair", f.log]],
  ["repair", EXIT.usage, () => ["repair", "postgres://localhost/tertial"]],
  ["repair", EXIT.tampered, (f) => ["repair", f.inconsistent]],
  ["repair", EXIT.tampered, (f) => ["repair", f.tampered]],
  ["repair", EXIT.io, (f) => ["repair", join(f.dir, "missing.jsonl")]],
  ["figures", EXIT.ok, () => ["figures", "finance.outcome"]],
  ["figures", EXIT.usage, () => ["figures", "finance.outcom"]],
  ["export", EXIT.ok, (f) => ["export", f.log, join(f.dir, "copy.jsonl")]],
  ["export", EXIT.usage, (f) => ["export", f.log, "postgres://localhost/tertial"]],
  ["export", EXIT.tampered, (f) => ["export", f.tampered, join(f.dir, "never.jsonl")]],
  ["export", EXIT.io, (f) => ["export", f.log, f.existing]],
  ["import", EXIT.usage, (f) => ["import", f.log, join(f.dir, "not-a-url.jsonl")]],
  ["import", EXIT.tampered, (f) => ["import", f.tampered, "postgres://localhost/tertial"]],
  ["import", EXIT.io, (f) => ["import", join(f.dir, "missing.jsonl"), "postgres://localhost/tertial"]],
  ["schema", EXIT.ok, () => ["schema", "--list"]],
  ["schema", EXIT.usage, () => ["schema", "no.such-type"]],
  ["completion", EXIT.ok, () => ["completion", "fish"]],
  ["completion", EXIT.usage, () => ["completion"]],
];

afterAll(async () => {
  await rm(files.dir, { recursive: true, force: true });
});

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "tertial-exit-"));
  const log = join(dir, "events.jsonl");
  await runCli(["init", log], NOW);
  await writeFile(join(dir, "seed.jsonl"), jsonl([municipality("aneby")]));
  await runCli(["append", log, "--events", join(dir, "seed.jsonl")], NOW);
  const lines = await readFile(log, "utf8");
  const torn = join(dir, "torn.jsonl");
  await writeFile(torn, `${lines}{"id":"x","type":"refer`);
  const tampered = join(dir, "tampered.jsonl");
  await writeFile(tampered, lines.replace('"name":"Kommun aneby"', '"name":"Kommun Aneby"'));
  const good = join(dir, "good.jsonl");
  await writeFile(good, jsonl([municipality("eksjo")]));
  const bad = join(dir, "bad.jsonl");
  await writeFile(bad, '{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"nowhere"}}\n');
  const existing = join(dir, "existing.md");
  await writeFile(existing, "keep me");
  const inconsistent = join(dir, "inconsistent.jsonl");
  await writeFile(inconsistent, lines);
  await writeFile(`${inconsistent}.pending`, "not a batch record");
  files = { dir, log, torn, tampered, good, bad, existing, inconsistent };
});

describe("exit codes, exactly as the README's table, for every command", () => {
  it.each(CASES.map(([command, code, args]) => [command, code, args] as const))("%s exits %i", async (_command, code, args) => {
    const result = await runCli(args(files), NOW);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code, stderr: expect.any(String) as string });
    if (code === EXIT.usage || code === EXIT.io) expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    if (code === EXIT.internal) expect(result.stderr).toContain("internal error: TypeError: the renderer broke");
  });

  it("covers every command and every code", () => {
    expect(new Set(CASES.map(([command]) => command))).toEqual(new Set(commands.map((command) => command.name)));
    expect(new Set(CASES.map(([, code]) => code))).toEqual(new Set(Object.values(EXIT)));
  });

  it("the README's table, the auditors' guide's and tertial --help say what EXIT_MEANINGS says, code for code", async () => {
    for (const document of ["README.md", "docs/guides/auditors.md"]) {
      const table = (await readFile(join(REPO, document), "utf8")).split("\n").filter((line) => /^\| \d \| /.test(line));
      expect(table, document).toEqual(Object.entries(EXIT_MEANINGS).map(([code, meaning]) => `| ${code} | ${meaning} |`));
    }
    const help = (await runCli(["--help"], NOW)).stdout;
    const listed = help.slice(help.indexOf("Exit codes:\n")).split("\n").slice(1).filter((line) => line !== "");
    expect(listed).toEqual(Object.entries(EXIT_MEANINGS).map(([code, meaning]) => `  ${code}  ${meaning.replaceAll("`", "")}`));
    expect(Object.keys(EXIT_MEANINGS).map(Number)).toEqual(Object.values(EXIT));
  });
});
