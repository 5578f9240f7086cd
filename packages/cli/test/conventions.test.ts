import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, jsonl, municipality, REPO, runCli, spawnCli, useTempDir } from "./foundation/cli.js";

const tempDir = useTempDir();
const LOG = "examples/kommunal-utveckling-2020/events.jsonl";
const INTERIM = ["--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15"];
/** The clock of these runs: after the example's last record, so 2020-10-15 is in the past. */
const NOW = Date.parse("2021-06-01T10:00:00Z");
const tertial = (args: readonly string[], more = {}) => runCli(args, NOW, more);

const oneErrorLine = (stderr: string, prefix: string): void => {
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr.startsWith(prefix)).toBe(true);
  expect(stderr.slice(prefix.length)).not.toMatch(/^tertial/);
};

describe("what tertial does not understand is a usage error naming it", () => {
  it.each([
    [["verify", LOG, "-q"], "tertial verify: unknown option -q"],
    [["verify", LOG, "--quiet"], "tertial verify: unknown option --quiet"],
    [["report", LOG, ...INTERIM, "--fromat", "md"], "tertial report: unknown option --fromat (did you mean --format?)"],
    [["report", LOG, ...INTERIM, "--out"], "tertial report: -o/--out needs a value"],
    [["report", LOG, ...INTERIM, "--kind", "--format", "md"], "tertial report: --kind needs a value"],
    [["report", LOG, ...INTERIM, "--format", "md", "--format", "html"], "tertial report: --format is given twice"],
    [["schema", "--list=yes"], "tertial schema: --list takes no value"],
    [["verify", LOG, "second.jsonl"], 'tertial verify: unexpected argument "second.jsonl"'],
    [["verify", "-f", LOG, LOG], `tertial verify: unexpected argument "${LOG}"`],
    [["init", "a.jsonl", "b.jsonl"], 'tertial init: unexpected argument "b.jsonl"'],
    [["schema", "a", "b"], 'tertial schema: unexpected argument "b"'],
    [["reprot", LOG], 'tertial: unknown command "reprot" (did you mean report?)'],
    [["--verison"], "tertial: unknown option --verison (did you mean --version?)"],
    [["report", LOG, "--kind", "delarsraport", "--period", "2020-T1..T2"], 'tertial report: --kind must be one of tertialrapport, delarsrapport, verksamhetsberattelse, resultatuppfoljning, verksamhetsplan, not "delarsraport" (did you mean delarsrapport?)'],
    [["replay", LOG, "--projection", "stafing", "--period", "2020"], 'tertial replay: unknown projection "stafing" (did you mean staffing?)'],
    [["schema", "staff.position-opend"], 'tertial schema: unknown event type "staff.position-opend" (did you mean staff.position-opened?)'],
  ])("tertial %j → exit 2: %s", async (args, says) => {
    const result = await tertial(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(says);
    oneErrorLine(result.stderr, args[0]?.startsWith("-") === true || args[0] === "reprot" ? "tertial: " : `tertial ${args[0]}: `);
  });

  it("a bad --known-at is a usage error (2) in every command that takes one", async () => {
    for (const args of [
      ["report", LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2"],
      ["diff", LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15"],
      ["audit", LOG],
      ["replay", LOG, "--projection", "staffing", "--period", "2020"],
    ]) {
      const result = await tertial([...args, "--known-at", "15 oktober"]);
      expect([args[0], result.code]).toEqual([args[0], 2]);
      oneErrorLine(result.stderr, `tertial ${args[0]}: --known-at: "15 oktober" is neither now, today, a date`);
    }
  });
});

describe("--known-at", () => {
  it("takes now, today, a date or an instant in every command", async () => {
    const now = await tertial(["report", LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "now", "--format", "json"]);
    const unset = await tertial(["report", LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--format", "json"]);
    expect(now.code).toBe(0);
    expect(now.stdout).toBe(unset.stdout);
    const today = await tertial(["replay", LOG, "--projection", "staffing", "--period", "2020", "--known-at", "today"]);
    const dated = await tertial(["replay", LOG, "--projection", "staffing", "--period", "2020", "--known-at", "2021-06-01"]);
    expect(today.code).toBe(0);
    expect(today.stdout).toBe(dated.stdout);
    const instant = await tertial(["audit", LOG, "--period", "2020-T1..T2", "--known-at", "2020-10-15T23:59:59+02:00", "--format", "json"]);
    const day = await tertial(["audit", LOG, "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--format", "json"]);
    expect(instant.code).toBe(5);
    expect(JSON.parse(instant.stdout).findings).toEqual(JSON.parse(day.stdout).findings);
    const diff = await tertial(["diff", LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "today", "--known-at", "now"]);
    expect([diff.code, diff.stderr]).toEqual([0, ""]);
  });

  it("warns on stderr when it lies in the future or before the log's first record, and still answers", async () => {
    const future = await tertial(["report", LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2030-01-01"]);
    expect(future.code).toBe(0);
    expect(future.stderr).toBe("tertial report: warning: --known-at 2030-01-01 is in the future; this is the log as recorded so far\n");
    const early = await tertial(["report", LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-08-31"]);
    expect(early.code).toBe(0);
    expect(early.stderr).toBe("tertial report: warning: --known-at 2020-08-31 is before the log's first record (2020-09-01T08:00:01.000Z); no event counts\n");
    expect(early.stdout).toContain("Bilaga 1");
    const instant = await tertial(["replay", LOG, "--projection", "staffing", "--period", "2020", "--known-at", "2021-06-01T12:00:00Z"]);
    expect(instant.stderr).toContain("tertial replay: warning: --known-at 2021-06-01T12:00:00Z is in the future");
    expect((await tertial(["audit", LOG, "--known-at", "today"])).stderr).toBe("");
  });
});

describe("kinds and projections with or without Swedish letters", () => {
  it("delårsrapport is delarsrapport, Verksamhetsberättelse is verksamhetsberattelse", async () => {
    const swedish = await tertial(["report", LOG, "--kind", "delårsrapport", "--period", "2020-T1..T2", ...INTERIM.slice(4)]);
    const ascii = await tertial(["report", LOG, ...INTERIM]);
    expect(swedish.code).toBe(0);
    expect(swedish.stdout).toBe(ascii.stdout);
    expect((await tertial(["report", LOG, "--kind", "Verksamhetsberättelse", "--period", "2020"])).code).toBe(0);
    expect((await tertial(["diff", LOG, "--kind", "delårsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--known-at", "now"])).code).toBe(5);
    expect((await tertial(["replay", LOG, "--projection", "STAFFING", "--period", "2020"])).code).toBe(0);
  });
});

describe("-o/--out", () => {
  it("writes the file, with the format its extension names, relative to the working directory", async () => {
    const dir = await tempDir();
    const md = await tertial(["report", join(REPO, LOG), ...INTERIM, "-o", "r.md"], { cwd: dir });
    expect([md.code, md.stdout, md.stderr]).toEqual([0, "", ""]);
    expect(await readFile(join(dir, "r.md"), "utf8")).toBe(await readFile(join(REPO, "examples/kommunal-utveckling-2020/delarsrapport-2020.md"), "utf8"));
    await tertial(["report", join(REPO, LOG), ...INTERIM, "--out", "r.html"], { cwd: dir });
    expect(await readFile(join(dir, "r.html"), "utf8")).toBe(await readFile(join(REPO, "examples/kommunal-utveckling-2020/delarsrapport-2020.html"), "utf8"));
    await tertial(["report", join(REPO, LOG), ...INTERIM, "--out=r.json"], { cwd: dir });
    expect(JSON.parse(await readFile(join(dir, "r.json"), "utf8")).title.title).toBe("Delårsrapport januari–augusti 2020");
    await tertial(["report", join(REPO, LOG), ...INTERIM, "-o", "r.txt", "--format", "md"], { cwd: dir });
    expect(await readFile(join(dir, "r.txt"), "utf8")).toBe(await readFile(join(dir, "r.md"), "utf8"));
    const audit = await tertial(["audit", join(REPO, LOG), "--period", "2020-T1..T2", "--known-at", "2020-10-15", "-o", "audit.md"], { cwd: dir });
    expect(audit.code).toBe(5);
    const body = (text: string): string => text.slice(text.indexOf("\n"));
    expect(body(await readFile(join(dir, "audit.md"), "utf8"))).toBe(body(await readFile(join(REPO, "examples/kommunal-utveckling-2020/audit-2020.md"), "utf8")));
  });

  it("refuses an extension it cannot read unless --format says, an existing file unless --force, and the log always", async () => {
    const dir = await tempDir();
    const unknown = await tertial(["report", join(REPO, LOG), ...INTERIM, "-o", "r.pdfx"], { cwd: dir });
    expect(unknown.code).toBe(2);
    oneErrorLine(unknown.stderr, "tertial report: --out ");
    expect(unknown.stderr).toContain('r.pdfx: cannot tell the format from ".pdfx" (one of .md, .markdown, .html, .htm, .json, .pdf); give --format');
    await writeFile(join(dir, "r.md"), "mine");
    const exists = await tertial(["report", join(REPO, LOG), ...INTERIM, "-o", "r.md"], { cwd: dir });
    expect([exists.code, exists.stderr]).toEqual([6, `tertial report: ${join(dir, "r.md")} already exists; give --force to replace it\n`]);
    expect(await readFile(join(dir, "r.md"), "utf8")).toBe("mine");
    expect((await tertial(["report", join(REPO, LOG), ...INTERIM, "-o", "r.md", "--force"], { cwd: dir })).code).toBe(0);
    expect(await readFile(join(dir, "r.md"), "utf8")).toContain("# Delårsrapport");
    const log = join(dir, "events.jsonl");
    await tertial(["init", log]);
    const before = await readFile(log, "utf8");
    await symlink(log, join(dir, "alias.md"));
    for (const out of [log, join(dir, "alias.md"), "./events.jsonl"]) {
      const onto = await tertial(["report", log, "--kind", "delarsrapport", "--period", "2020-T1..T2", "-o", out, "--format", "md", "--force"], { cwd: dir });
      expect(onto.code).toBe(2);
      expect(onto.stderr).toContain("is the log itself; Tertial never writes output onto a log");
    }
    expect(await readFile(log, "utf8")).toBe(before);
    const nowhere = await tertial(["report", log, "--kind", "delarsrapport", "--period", "2020-T1..T2", "-o", "/nonexistent/dir/r.md"]);
    expect([nowhere.code, nowhere.stderr]).toEqual([6, "tertial report: /nonexistent/dir/r.md: no such file or directory\n"]);
  });
});

describe("the log from -f or TERTIAL_LOG, paths from the user's directory", () => {
  it("takes the log from -f/--file, then from TERTIAL_LOG", async () => {
    const plain = await tertial(["verify", LOG]);
    expect((await tertial(["verify", "-f", LOG])).stdout).toBe(plain.stdout);
    expect((await tertial(["verify", `--file=${LOG}`])).stdout).toBe(plain.stdout);
    expect((await tertial(["verify"], { env: { TERTIAL_LOG: LOG } })).stdout).toBe(plain.stdout);
    const other = await tertial(["verify", "missing.jsonl"], { env: { TERTIAL_LOG: LOG } });
    expect(other.code).toBe(6);
  });

  it("pnpm tertial resolves paths against the directory it was typed in (INIT_CWD)", async () => {
    const result = await new Promise<{ code: number; stdout: string }>((done) => {
      import("node:child_process").then(({ execFile }) =>
        execFile(process.execPath, ["scripts/tertial.mjs", "verify", "kommunal-utveckling-2020/events.jsonl"], { cwd: REPO, env: { ...process.env, INIT_CWD: join(REPO, "examples") } }, (error, stdout) =>
          done({ code: error === null ? 0 : Number(error.code), stdout }),
        ),
      );
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^kommunal-utveckling-2020\/events\.jsonl: ok, \d+ events/);
  });
});

describe("messages", () => {
  it("init says what went wrong with one prefix, never a raw errno", async () => {
    const result = await tertial(["init", "/nonexistent/dir/events.jsonl"]);
    expect([result.code, result.stderr]).toEqual([6, "tertial init: /nonexistent/dir/events.jsonl: no such file or directory\n"]);
    const missing = await tertial(["verify", "/nonexistent/events.jsonl"]);
    expect([missing.code, missing.stderr]).toEqual([6, "tertial verify: /nonexistent/events.jsonl: no such file or directory\n"]);
  });

  it("-V and --version print the version of package.json", async () => {
    const { version } = JSON.parse(await readFile(join(REPO, "packages/cli/package.json"), "utf8")) as { version: string };
    for (const flag of ["-V", "--version"]) expect(await tertial([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    for (const flag of ["-V", "--version"]) expect(await spawnCli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    expect((await tertial(["--version", "extra"])).code).toBe(2);
  });

  it("help names -f, -o and the short flags", async () => {
    const help = await tertial(["report", "-h"]);
    expect(help.code).toBe(0);
    for (const text of ["-f, --file <log>", "-o, --out <file>", "--force", "-h, --help"]) expect(help.stdout).toContain(text);
  });
});

describe("validate on a log", () => {
  it("lists a stored line's envelope and data problems together, and that it was changed", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    const [first = ""] = (await readFile(join(REPO, LOG), "utf8")).split("\n");
    const broken = first.replace('"effectiveAt":"2017-01-01"', '"effectiveAt":"2017-02-30"').replace('"name":"Aneby"', '"name":7');
    await writeFile(log, `${broken}\n`);
    const result = await tertial(["validate", log]);
    // Edited in place, its bytes no longer give its hash: a changed line (exit 4), not one written so (3).
    expect(result.code).toBe(4);
    const paths = result.stderr.trimEnd().split("\n").slice(0, -1).map((text) => text.split(": ")[1]);
    expect(paths).toEqual(["effectiveAt", "hash", "data.name"]);
  });
});

describe("verify and validate --format json", () => {
  it("verify prints its verdict as JSON, with the exit code unchanged", async () => {
    const ok = await tertial(["verify", LOG, "--format", "json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ log: LOG, ok: true, issues: [] });
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    const lines = (await readFile(join(REPO, LOG), "utf8")).split("\n").slice(0, 3);
    await writeFile(log, `${lines[0]}\n${lines[2]}\n`);
    const broken = await tertial(["verify", log, "--format", "json"]);
    expect(broken.code).toBe(4);
    const verdict = JSON.parse(broken.stdout) as { ok: boolean; issues: { line: number }[] };
    expect(verdict.ok).toBe(false);
    expect(verdict.issues[0]?.line).toBe(2);
  });

  it("validate lists envelope and data problems of one line together, as text and as JSON", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    await tertial(["init", log]);
    const drafts = join(dir, "drafts.jsonl");
    const line = '{"type":"staff.snapshot-recorded","effectiveAt":"2020-02-31","data":{"asOf":"2020-04-30","total":"44,40"}}';
    await writeFile(drafts, `${line}\n`);
    const text = await tertial(["validate", log, "--events", drafts]);
    expect(text.code).toBe(3);
    expect(text.stderr.trimEnd().split("\n")).toEqual([
      `${drafts}:1:${line.indexOf('"2020-02-31"') + 1}: effectiveAt: is not a day of the calendar: February 2020 has 29 days (expected a date "YYYY-MM-DD" or an instant with offset, in 1900–2100, got "2020-02-31")`,
      `${drafts}:1:${line.indexOf('"44,40"') + 1}: data.total: is not valid (expected a non-negative decimal string such as "0.50", got "44,40")`,
      `${drafts}: 2 problem(s); nothing would be appended`,
    ]);
    const json = await tertial(["validate", log, "--events", drafts, "--format", "json"]);
    expect(json.code).toBe(3);
    const verdict = JSON.parse(json.stdout) as { valid: boolean; issues: { path: string }[] };
    expect([verdict.valid, verdict.issues.map((found) => found.path)]).toEqual([false, ["effectiveAt", "data.total"]]);
    const clean = await tertial(["validate", LOG, "--format", "json"]);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ valid: true, issues: [] });
  });
});

describe("appending the same drafts twice", () => {
  const area = { type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fou", name: "FoU" } };
  const cost = { type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: "habo", name: "Habo" } };

  it("without ids: refused, naming the batch already appended; the log is unchanged", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    await tertial(["init", log]);
    await writeFile(join(dir, "drafts.jsonl"), jsonl([area, cost]));
    expect((await tertial(["append", log, "--events", join(dir, "drafts.jsonl")])).code).toBe(0);
    const before = await readFile(log, "utf8");
    const again = await tertial(["append", log, "--events", join(dir, "drafts.jsonl")]);
    expect(again.code).toBe(3);
    oneErrorLine(again.stderr, "tertial append: these 2 draft(s) were already appended, as seq 0–1 (recorded 2021-06-01T10:00:00.000Z");
    expect(again.stderr).not.toContain("already established");
    expect(await readFile(log, "utf8")).toBe(before);
    const dryRun = await tertial(["validate", log, "--events", join(dir, "drafts.jsonl")]);
    expect(dryRun.code).toBe(3);
    expect(dryRun.stderr).toContain("were already appended, as seq 0–1");
    // Found from the append state's content log above; without that state, by reading the log, with the same words.
    await rm(`${log}.append-state`);
    const byReading = await tertial(["append", log, "--events", join(dir, "drafts.jsonl")]);
    expect(byReading).toEqual(again);
    expect(await readFile(log, "utf8")).toBe(before);
  });

  it("with ids: a no-op that says the events were already present", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    await tertial(["init", log]);
    await writeFile(join(dir, "drafts.jsonl"), jsonl([municipality("aneby"), municipality("eksjo")]));
    expect((await tertial(["append", log, "--events", join(dir, "drafts.jsonl")])).code).toBe(0);
    const before = await readFile(log, "utf8");
    const again = await tertial(["append", log, "--events", join(dir, "drafts.jsonl")]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^appended 0 event\(s\) \(2 already present, skipped\); head seq 1 [0-9a-f]{64}\n$/);
    expect(await readFile(log, "utf8")).toBe(before);
  });
});

describe("tertial completion", () => {
  it("prints a bash script that bash accepts and that completes commands, flags and kinds", async () => {
    const script = await tertial(["completion", "bash"]);
    expect(script.code).toBe(0);
    const complete = async (words: string[]): Promise<string[]> => {
      const { execFile } = await import("node:child_process");
      const program = `${script.stdout}\nCOMP_WORDS=(${words.map((word) => `'${word}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _tertial; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return new Promise((done, fail) => execFile("bash", ["-c", program], (error, stdout) => (error === null ? done(stdout.trim().split("\n")) : fail(error))));
    };
    expect(await complete(["tertial", "rep"])).toEqual(["repair", "replay", "report"]);
    expect(await complete(["tertial", "report", "--fo"])).toEqual(["--format", "--force"]);
    expect(await complete(["tertial", "report", "--kind", "del"])).toEqual(["delarsrapport"]);
    for (const shell of ["zsh", "fish"]) {
      const other = await tertial(["completion", shell]);
      expect(other.code).toBe(0);
      expect(other.stdout).toContain("report");
    }
    expect((await tertial(["completion", "powershell"])).code).toBe(2);
  });
});

describe("the built binary in a separate process", () => {
  it("runs the example report to the committed bytes, with nothing on stderr", async () => {
    const result = await spawnCli(["report", LOG, ...INTERIM]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(await readFile(join(REPO, "examples/kommunal-utveckling-2020/delarsrapport-2020.md"), "utf8"));
  });

  it("stops quietly when the reader closes the pipe early (| head)", async () => {
    const pipeline = `set -o pipefail; "${process.execPath}" "${BIN}" schema | head -c 1 > /dev/null`;
    const child = spawn("bash", ["-c", pipeline], { cwd: REPO, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  });

  it.runIf(existsSync("/dev/full"))("says so and exits 6 when standard output cannot be written (a full disk)", async () => {
    for (const args of [["verify", LOG], ["report", LOG, ...INTERIM]]) {
      const child = spawn("bash", ["-c", `"${process.execPath}" "${BIN}" ${args.map((arg) => `"${arg}"`).join(" ")} > /dev/full`], { cwd: REPO, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const code = await new Promise<number | null>((done) => child.on("close", done));
      expect({ code, stderr }).toEqual({ code: 6, stderr: `tertial ${args[0] ?? ""}: standard output: no space left on the device\n` });
    }
  });

  it("refuses a directory given as standard input to append, writing nothing (exit 6)", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    await writeFile(log, await readFile(LOG, "utf8"));
    const child = spawn("bash", ["-c", `"${process.execPath}" "${BIN}" append "${log}" < "${dir}"`], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => (said += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (said += chunk.toString("utf8")));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect({ code, said }).toEqual({ code: 6, said: "tertial append: standard input: is a directory, not a file\n" });
    expect(await readFile(log, "utf8")).toBe(await readFile(LOG, "utf8"));
  });

  it("exits with the code of what happened when stderr is a pipe its reader has closed", async () => {
    const dir = await tempDir();
    const broken = join(dir, "broken.jsonl");
    await writeFile(broken, `${(await readFile(LOG, "utf8")).split("\n").slice(0, 3).join("\n")}\ngarbage\n`);
    // The reader of stderr is gone before the command writes its message: every write to it fails with EPIPE.
    const exitCode = (args: readonly string[]): Promise<number | null> =>
      new Promise((done, fail) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ["ignore", "ignore", "pipe"] });
        child.stderr.destroy();
        child.on("error", fail);
        child.on("close", done);
      });
    expect(await exitCode(["verify", broken])).toBe(4);
    expect(await exitCode(["report", broken, ...INTERIM])).toBe(4);
    expect(await exitCode(["report", LOG, "--kind", "nonesuch"])).toBe(2);
  });

  it("never draws progress into a pipe", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    await tertial(["init", log]);
    await writeFile(join(dir, "d.jsonl"), jsonl([municipality("a")]));
    const result = await spawnCli(["append", log, "--events", join(dir, "d.jsonl")]);
    expect(result.stderr).toBe("");
  });
});
