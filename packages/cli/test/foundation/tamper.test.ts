import { appendFile, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, lineOf, recordPendingBatch, withLogLock } from "@tertial/core";
import { applyTampering, arbFoundationLog, arbTampering, buildLog } from "@tertial/core/testing";
import { REPO, runCli, spawnCli, useTempDir } from "./cli.js";

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
    expect(anchored.stderr.split("\n")[0]).toBe(
      `${path}: hash: no event of the log has the head noted earlier: the event it is the hash of was cut off the end or changed, or the log is another one (expected ${head}, got head ${events[1]?.hash ?? ""})`,
    );
  });

  it("a head noted earlier still verifies after events are appended, naming its seq and how many follow it", async () => {
    const dir = await tempDir();
    const { events } = await buildLog(defaultCatalog, { entries: ["a", "b", "c", "d"].map((id, index) => ({ draft: { id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: id } }, at: index })) });
    const path = join(dir, "events.jsonl");
    await writeLines(path, events.map(lineOf));
    const noted = events[1]?.hash ?? "";
    const text = await runCli(["verify", path, "--head", noted]);
    expect([text.code, text.stdout]).toEqual([0, `${path}: ok, 4 events, head ${events[3]?.hash ?? ""}\n`]);
    expect(text.stderr).toBe(`${path}: note: --head is the hash of seq 1: the log up to it is unchanged, and 2 event(s) were appended after it\n`);
    const json = await runCli(["verify", path, "--head", noted, "--format", "json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, events: 4, expectedHead: { hash: noted, seq: 1, eventsAfter: 2 } });
    // The head it ends at, and the empty log's head, are prefixes too; only the former says nothing more.
    const last = await runCli(["verify", path, "--head", events[3]?.hash ?? ""]);
    expect([last.code, last.stderr]).toEqual([0, ""]);
    const empty = await runCli(["verify", path, "--head", "0".repeat(64)]);
    expect([empty.code, empty.stderr]).toEqual([0, `${path}: note: --head is the empty log's head: the log up to it is unchanged, and 4 event(s) were appended after it\n`]);
    // An event changed and hashed again takes its head with it: the head noted before is in no event of the log.
    await writeLines(path, [...events.slice(0, 1).map(lineOf), "x"]);
    const other = await runCli(["verify", path, "--head", noted, "--format", "json"]);
    expect(other.code).toBe(4);
    expect(JSON.parse(other.stdout)).toMatchObject({ ok: false, expectedHead: { hash: noted, seq: null } });
  });

  it("a head that is not 64 lowercase hex digits is a usage error, not a verification failure", async () => {
    const dir = await tempDir();
    const { events } = await buildLog(defaultCatalog, { entries: [{ draft: { id: "a", type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: "a", name: "a" } }, at: 0 }] });
    const path = join(dir, "events.jsonl");
    await writeLines(path, events.map(lineOf));
    const head = events[0]?.hash ?? "";
    for (const given of ["xyz", head.toUpperCase(), head.slice(1), `${head}0`, ` ${head}`]) {
      const result = await runCli(["verify", path, "--head", given]);
      expect([given, result.code, result.stderr]).toEqual([given, 2, `tertial verify: --head must be a head as append and verify print it, 64 lowercase hex digits, not "${given}"\n`]);
    }
    expect((await runCli(["verify", path, "--head", ""])).code).toBe(2);
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

describe("every command that reads the log checks each line it reads", () => {
  const EXAMPLE = join(REPO, "examples/kommunal-utveckling-2020/events.jsonl");
  const tamperedExample = async (): Promise<{ path: string; line: number }> => {
    const lines = (await readFile(EXAMPLE, "utf8")).split("\n");
    const index = lines.findIndex((line) => line.includes('"id":"illustrative-late-cost-fourum-fritid-2020-08"'));
    expect(lines[index]).toContain('"amount":"38000"');
    lines[index] = (lines[index] ?? "").replace('"amount":"38000"', '"amount":"48000"');
    const path = join(await tempDir(), "events.jsonl");
    await writeFile(path, lines.join("\n"));
    return { path, line: index + 1 };
  };

  it("report, replay, audit and diff stop with exit 4 at an edited amount, naming its line", async () => {
    const { path: log, line } = await tamperedExample();
    const runs = [
      ["report", log, "--kind", "tertialrapport", "--period", "2020-T1"],
      ["replay", log, "--projection", "budget-follow-up", "--period", "2020"],
      ["audit", log, "--period", "2020-T1..T2"],
      ["diff", log, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--known-at", "now"],
    ];
    for (const args of runs) {
      const result = await runCli(args);
      expect([args[0], result.code]).toEqual([args[0], 4]);
      expect(result.stderr).toContain(`${log}:${line}: hash: does not match the event's content: the line was changed`);
      expect(result.stdout).toBe("");
    }
  });

  it("a log saved with CRLF line endings, or with one line re-serialised, is a changed log to every command: exit 4, one line naming file, line and column", async () => {
    const lines = (await readFile(EXAMPLE, "utf8")).trimEnd().split("\n");
    const dir = await tempDir();
    const drafts = join(dir, "drafts.jsonl");
    await writeFile(drafts, `${JSON.stringify({ type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: "zz", name: "Z" } })}\n`);
    const crlf = join(dir, "crlf.jsonl");
    await writeFile(crlf, lines.map((line) => `${line}\r\n`).join(""));
    // The same content, its fourth line written with spaces after the separators: it still hashes to its hash, but is not the stored form.
    const spaced = join(dir, "spaced.jsonl");
    const fourth = JSON.stringify(JSON.parse(lines[3] ?? ""), null, 1).replace(/\n */g, " ");
    await writeFile(spaced, [...lines.slice(0, 3), fourth, ...lines.slice(4)].map((line) => `${line}\n`).join(""));
    const cases = [
      { log: crlf, at: `${crlf}:1:${(lines[0] ?? "").length + 1}: is not the canonical JSON of its event (it ends with a carriage return (\\r): the file has Windows (CRLF) line endings)` },
      { log: spaced, at: `${spaced}:4:2: is not the canonical JSON of its event (it has a space where the canonical JSON has "\\"")` },
    ];
    for (const { log, at } of cases) {
      const before = await readFile(log);
      const runs = [
        ["report", log, "--kind", "tertialrapport", "--period", "2020-T1"],
        ["replay", log, "--projection", "budget-follow-up", "--period", "2020"],
        ["audit", log, "--period", "2020-T1..T2"],
        ["diff", log, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--known-at", "now"],
        ["snapshot", log, "--kind", "tertialrapport", "--period", "2020-T1"],
        ["append", log, "--events", drafts],
        ["validate", log, "--events", drafts],
      ];
      for (const args of runs) {
        const result = await runCli(args);
        expect([args[0], result.code]).toEqual([args[0], 4]);
        expect(result.stderr).toContain(`${at}: the stored bytes were changed; run tertial verify\n`);
        expect(result.stdout).toBe("");
      }
      // verify and validate name it the same way, and go on to list every such line.
      for (const command of ["verify", "validate"]) {
        const checked = await runCli([command, log]);
        expect([command, checked.code]).toEqual([command, 4]);
        expect(checked.stderr.split("\n")[0]).toBe(`${at}: the stored bytes were changed`);
      }
      expect(await readFile(log)).toEqual(before);
    }
  });

  it("the report's footer states the head the reads verified: the head verify prints", async () => {
    const verify = await runCli(["verify", EXAMPLE]);
    const head = /head ([0-9a-f]{64})/.exec(verify.stdout)?.[1];
    const report = await runCli(["report", EXAMPLE, "--kind", "tertialrapport", "--period", "2020-T1", "--format", "md"]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain(`loggens kontrollsumma \`${head}\``);
  });
});

describe("an interrupted append, through the CLI", () => {
  it("verify names the incomplete batch and says to run repair; repair rolls it back and prints the restored head", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    expect((await runCli(["init", log])).code).toBe(0);
    const drafts = join(dir, "drafts.jsonl");
    await writeFile(drafts, ["a", "b"].map((id) => JSON.stringify({ id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: id } })).join("\n"));
    expect((await runCli(["append", log, "--events", drafts])).code).toBe(0);
    const committed = await readFile(log, "utf8");
    const head = /head ([0-9a-f]{64})/.exec((await runCli(["verify", log])).stdout)?.[1] ?? "";
    // What a writer killed after three lines of a ten-event batch leaves behind.
    const { events } = await buildLog(defaultCatalog, { entries: Array.from({ length: 12 }, (_, index) => ({ draft: { id: `m${index}`, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: `m${index}`, name: `m${index}` } }, at: index })) });
    const batch = events.slice(2).map((event, index) => (index === 0 ? { ...event, prevHash: head } : event));
    const sizeBefore = Buffer.byteLength(committed);
    await writeFile(`${log}.pending`, JSON.stringify({ format: "tertial-pending-batch/1", sizeBefore, headBefore: { seq: 1, hash: head }, events: 10, sizeAfter: sizeBefore + 10_000, headAfter: { seq: 11, hash: "f".repeat(64) } }));
    await writeFile(log, committed + batch.slice(0, 3).map((event) => `${lineOf(event)}\n`).join("") + '{"id":"m5","ty');
    const verify = await runCli(["verify", log]);
    expect(verify.code).toBe(4);
    expect(verify.stderr).toContain(`${log}:3: lines 3–6 are an incomplete batch (3 of 10 events written, the last line cut off): its append was interrupted and none of it was committed; run tertial repair ${log} to roll it back (to seq 1)`);
    const repair = await runCli(["repair", log]);
    expect(repair.code).toBe(0);
    expect(repair.stdout).toBe(`${log}: removed lines 3–6: an incomplete batch (3 of 10 events written, the last line cut off) left by an interrupted append; restored head seq 1 ${head}\n`);
    expect(await readFile(log, "utf8")).toBe(committed);
    expect((await runCli(["verify", log])).code).toBe(0);
    expect((await runCli(["repair", log])).stdout).toBe(`${log}: nothing to repair: every batch in the log is whole\n`);
    // Left the same way again, the next append rolls it back first and says so.
    await writeFile(`${log}.pending`, JSON.stringify({ format: "tertial-pending-batch/1", sizeBefore, headBefore: { seq: 1, hash: head }, events: 10, sizeAfter: sizeBefore + 10_000, headAfter: { seq: 11, hash: "f".repeat(64) } }));
    await writeFile(log, committed + batch.slice(0, 3).map((event) => `${lineOf(event)}\n`).join(""));
    await writeFile(drafts, JSON.stringify({ id: "c", type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: "c", name: "c" } }));
    const append = await runCli(["append", log, "--events", drafts]);
    expect(append.code).toBe(0);
    expect(append.stderr).toBe(`${log}: before appending, removed lines 3–5: an incomplete batch (3 of 10 events written) left by an interrupted append; restored head seq 1 ${head}\n`);
    expect(append.stdout).toMatch(/^appended 1 event\(s\); head seq 2 /);
  });
});

describe("the end of a log, through the CLI", () => {
  const twoEvents = async (): Promise<{ log: string; committed: string; head: string }> => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    expect((await runCli(["init", log])).code).toBe(0);
    const drafts = join(dir, "drafts.jsonl");
    await writeFile(drafts, ["a", "b"].map((id) => JSON.stringify({ id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: id } })).join("\n"));
    expect((await runCli(["append", log, "--events", drafts])).code).toBe(0);
    const head = /head ([0-9a-f]{64})/.exec((await runCli(["verify", log])).stdout)?.[1] ?? "";
    return { log, committed: await readFile(log, "utf8"), head };
  };

  it("a last line whose newline was stripped: verify says so, repair adds it and keeps the event", async () => {
    const { log, committed, head } = await twoEvents();
    await truncate(log, Buffer.byteLength(committed) - 1);
    const verify = await runCli(["verify", log]);
    expect(verify.code).toBe(4);
    expect(verify.stderr).toContain(`${log}:2: the last line (line 2) lacks its final newline: its event is whole and chains onto the line before it, so it was committed and only the newline is missing (an editor may have stripped it); run tertial repair ${log} to add it`);
    expect((await runCli(["validate", log])).stderr).toContain(`${log}:2:${Buffer.byteLength(committed.split("\n")[1] ?? "") + 1}: the last line lacks its final newline (its event is whole and was committed); run tertial repair to add it`);
    const repair = await runCli(["repair", log]);
    expect(repair).toMatchObject({ code: 0, stderr: "" });
    expect(repair.stdout).toBe(`${log}: added the missing final newline to line 2: its event is whole and chains onto the line before it, so it was committed and is kept; head seq 1 ${head}\n`);
    expect(await readFile(log, "utf8")).toBe(committed);
  });

  it("verify while another process appends says an append is in progress and passes; once that writer is gone the batch is interrupted", async () => {
    const { log, committed, head } = await twoEvents();
    const sizeBefore = Buffer.byteLength(committed);
    await withLogLock(log, async (real) => {
      // This process is the writer: its batch recorded and partly written, as an append leaves it midway.
      await recordPendingBatch(real, { sizeBefore, headBefore: { seq: 1, hash: head }, events: 10, sizeAfter: sizeBefore + 10_000, headAfter: { seq: 11, hash: "f".repeat(64) } });
      await appendFile(real, '{"id":"m5","ty');
      const verify = await spawnCli(["verify", log]);
      expect(verify.code).toBe(0);
      expect(verify.stdout).toBe(`${log}: ok, 2 events, head ${head}\n`);
      expect(verify.stderr).toBe(`${log}: note: an append is in progress (a batch of 10 events after seq 1, process ${process.pid}): only the committed lines, up to seq 1, were checked\n`);
    });
    const after = await spawnCli(["verify", log]);
    expect(after.code).toBe(4);
    expect(after.stderr).toContain("its append was interrupted and none of it was committed");
  });

  it("repair on a log broken elsewhere says it is broken, not that all is well, and exits 4", async () => {
    const { log } = await twoEvents();
    await appendFile(log, "garbage\n");
    const repair = await runCli(["repair", log]);
    expect(repair.code).toBe(4);
    expect(repair.stdout).toBe("");
    expect(repair.stderr).toBe(`${log}: no interrupted append to roll back, but the log is broken: ${log}:3:1: is not JSON: Unexpected token 'g', "garbage" is not valid JSON; repair cannot mend that, see tertial verify ${log}\n`);
  });

  it("a .pending left by a deleted log does not block a new log of the same name", async () => {
    const { log, committed, head } = await twoEvents();
    const sizeBefore = Buffer.byteLength(committed);
    await recordPendingBatch(log, { sizeBefore, headBefore: { seq: 1, hash: head }, events: 10, sizeAfter: sizeBefore + 10_000, headAfter: { seq: 11, hash: "f".repeat(64) } });
    await rm(log);
    expect((await runCli(["init", log])).code).toBe(0);
    const verify = await runCli(["verify", log]);
    expect(verify.code).toBe(0);
    expect(verify.stderr).toContain("the .pending record beside the log is of a batch of another file that had its name (a log deleted since)");
    const repair = await runCli(["repair", log]);
    expect(repair.code).toBe(0);
    expect(repair.stdout).toBe(`${log}: removed the .pending record of a batch of another file that had the log's name (a log deleted since); nothing else to repair: the log's end is whole\n`);
  });
});
