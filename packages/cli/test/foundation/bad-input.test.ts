import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENESIS_HASH, lineOf, sealed, type StoredEvent } from "@tertial/core";
import { jsonl, municipality, runCli, spawnCli, useTempDir } from "./cli.js";

const tempDir = useTempDir();

const area = { id: "a-fou", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fou", name: "FoU" } };

/** A log holding one municipality and one area, and a drafts file of the given lines. */
const setUp = async (draftLines: readonly string[]) => {
  const dir = await tempDir();
  const log = join(dir, "events.jsonl");
  const drafts = join(dir, "drafts.jsonl");
  await runCli(["init", log]);
  await writeFile(join(dir, "seed.jsonl"), jsonl([municipality("aneby"), area]));
  expect((await runCli(["append", log, "--events", join(dir, "seed.jsonl")])).code).toBe(0);
  await writeFile(drafts, `${draftLines.join("\n")}\n`);
  return { log, drafts };
};

const BAD = [
  ["not JSON", "{not json", "is not valid JSON: has \"n\" where a key should be (expected a key in double quotes)"],
  ["unknown type", '{"type":"staff.position-opend","effectiveAt":"2020-01-01","data":{}}', 'type: unknown event type "staff.position-opend" (did you mean staff.position-opened?)'],
  ["wrong version", '{"type":"reference.area-closed","schemaVersion":3,"effectiveAt":"2020-01-01","data":{"areaId":"fou"}}', "schemaVersion: reference.area-closed has no version 3"],
  ["missing field", '{"type":"reference.area-renamed","effectiveAt":"2020-01-01","data":{"areaId":"fou"}}', "data.name: is missing"],
  ["bad date", '{"type":"reference.area-closed","effectiveAt":"2020-02-31","data":{"areaId":"fou"}}', "effectiveAt: is not a day of the calendar: February 2020 has 29 days"],
  ["non-decimal amount", '{"type":"staff.snapshot-recorded","effectiveAt":"2020-04-30","data":{"asOf":"2020-04-30","total":"44,40"}}', "data.total: is not valid"],
  ["negative FTE", '{"type":"staff.position-opened","effectiveAt":"2020-01-01","data":{"positionId":"p","areaId":"fou","employmentForm":"visstid","fte":"-1.00","financing":"grund"}}', "data.fte: is not valid"],
  ["unknown area", '{"type":"staff.position-opened","effectiveAt":"2020-01-01","data":{"positionId":"p","areaId":"fuo","employmentForm":"visstid","fte":"1.00","financing":"grund"}}', 'data.areaId: unknown area "fuo"'],
  ["duplicate key (I-JSON)", '{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"fou","areaId":"fuo"}}', 'data.areaId: is not valid JSON: has the key "areaId" twice'],
  ["lone surrogate (I-JSON)", '{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"fou","reason":"\\ud800"}}', "data.reason: is not valid JSON: has a lone surrogate"],
  ["nested deeper than 64 levels", `{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"fou","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`, "is not valid JSON: nests deeper than 64 levels"],
  ["line longer than 1 MiB", `{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"fou","reason":"${"x".repeat(1_100_000)}"}}`, "characters long (expected at most 1048576 characters a line)"],
  ["offset beyond 14:00", '{"type":"reference.area-closed","effectiveAt":"2020-01-01T00:00:00+24:00","data":{"areaId":"fou"}}', "effectiveAt: is not valid"],
  ["date before 1900", '{"type":"reference.area-closed","effectiveAt":"1899-12-31","data":{"areaId":"fou"}}', "effectiveAt: is not valid"],
  ["blank text", '{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"fou","reason":" \\t "}}', "data.reason: is not valid"],
  ["integer beyond 2^53", '{"type":"reference.area-closed","schemaVersion":9007199254740992,"effectiveAt":"2020-01-01","data":{"areaId":"fou"}}', "schemaVersion: is not valid"],
  ["duplicate id with different content", '{"id":"a-fou","type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"fou"}}', 'id: id "a-fou" is already used by an event with other content'],
] as const;

describe("tertial validate and append on bad input", () => {
  it.each(BAD)("%s: one clear line with file, line, column and field path", async (_name, line, says) => {
    const { drafts, log } = await setUp([line]);
    const result = await runCli(["validate", log, "--events", drafts]);
    expect(result.code).toBe(3);
    const [first, summary] = result.stderr.trimEnd().split("\n");
    expect(first).toMatch(new RegExp(`^${drafts}:1:\\d+: `));
    expect(first).toContain(says);
    expect(summary).toBe(`${drafts}: 1 problem(s); nothing would be appended`);
  });

  it("reports every problem in one run, in line order, and appends nothing", async () => {
    const { drafts, log } = await setUp(BAD.map(([, line]) => line));
    const before = await readFile(log, "utf8");
    const validate = await runCli(["validate", log, "--events", drafts]);
    const append = await runCli(["append", log, "--events", drafts]);
    for (const result of [validate, append]) {
      expect(result.code).toBe(3);
      const lines = result.stderr.trimEnd().split("\n").slice(0, -1);
      expect(lines.map((text) => Number(text.slice(drafts.length + 1).split(":")[0]))).toEqual(BAD.map((_, index) => index + 1));
    }
    expect(await readFile(log, "utf8")).toBe(before);
  });

  it("points the column at the offending value", async () => {
    const line = '{"type":"staff.position-opened","effectiveAt":"2020-01-01","data":{"positionId":"p","areaId":"fou","employmentForm":"visstid","fte":"-1.00","financing":"grund"}}';
    const { drafts, log } = await setUp([line]);
    const result = await runCli(["validate", log, "--events", drafts]);
    expect(result.stderr).toContain(`${drafts}:1:${line.indexOf('"-1.00"') + 1}: data.fte`);
  });

  it("a torn last line in the log: validate and append both say so and write nothing", async () => {
    const { drafts, log } = await setUp(['{"type":"reference.area-renamed","effectiveAt":"2020-01-01","data":{"areaId":"fou","name":"FoU-verksamhet"}}']);
    const torn = `${await readFile(log, "utf8")}{"id":"x","type":"refer`;
    await writeFile(log, torn);
    // A line cut off is damage to the log: exit 4 from every command that reads it, as from verify.
    const validate = await runCli(["validate", log]);
    expect(validate.code).toBe(4);
    expect(validate.stderr).toContain(`${log}:3:24: the last line is cut off (no newline)`);
    const append = await runCli(["append", log, "--events", drafts]);
    expect(append.code).toBe(4);
    expect(append.stderr).toContain(`${log}:3:24: the last line is cut off`);
    expect(await readFile(log, "utf8")).toBe(torn);
  });

  it("validate lists rule problems of a log whose lines are all readable", async () => {
    const { log } = await setUp([]);
    expect((await runCli(["validate", log])).stdout).toBe(`${log}: valid, 2 events\n`);
  });

  it("validate shows the rule problems it can stand behind in a log with an invalid line, and names the rules it set aside from that line", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    const drafts = [
      municipality("aneby"),
      area,
      // Invalid (no title): research-integrity cannot learn this study, so what it would say of the study from here on is not sound.
      { id: "s1", type: "research.study-started", effectiveAt: "2020-01-01", data: { studyId: "s1" } },
      { id: "s1-done", type: "research.study-completed", effectiveAt: "2020-06-01", data: { studyId: "s1", outcome: "rapport" } },
      // No rule that checks a cost learns from a study: this problem is sound, and shown.
      { id: "c1", type: "finance.cost-booked", effectiveAt: "2020-01-31", data: { areaId: "nonesuch", from: "2020-01-01", to: "2020-01-31", amount: "10" } },
    ];
    let prevHash = GENESIS_HASH;
    const lines = drafts.map((draft, seq) => {
      const event = sealed({ ...draft, schemaVersion: 1, recordedAt: `2020-02-0${seq + 1}T10:00:00.000Z`, seq, prevHash } as Omit<StoredEvent, "hash">);
      prevHash = event.hash;
      return `${lineOf(event)}\n`;
    });
    await writeFile(log, lines.join(""));
    const result = await runCli(["validate", log]);
    expect(result.code).toBe(3);
    const stderr = result.stderr.split("\n");
    expect(stderr.filter((line) => line.startsWith(`${log}:3:`) && line.includes("data.title: is missing"))).toHaveLength(1);
    expect(stderr.filter((line) => line.startsWith(`${log}:5:`) && line.includes('data.areaId: unknown area "nonesuch"'))).toHaveLength(1);
    expect(result.stderr).not.toContain("unknown study");
    expect(stderr).toContain(`${log}:3: the rule research-integrity was not checked from this line on: they learn from events of its type, and this one could not be read or is invalid; fix it and validate again`);
    const json = JSON.parse((await runCli(["validate", log, "--format", "json"])).stdout) as { uncheckedRules: unknown; issues: { line: number }[] };
    expect(json.uncheckedRules).toEqual([{ fromLine: 3, rules: ["research-integrity"] }]);
    expect(json.issues.map((found) => found.line)).toEqual([3, 5]);
  });

  it("invalid UTF-8 is an error at its line and column, never read as U+FFFD; nothing is appended", async () => {
    const { drafts, log } = await setUp([]);
    const prefix = '{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"fou","reason":"caf';
    await writeFile(drafts, Buffer.concat([Buffer.from(`${jsonl([municipality("eksjo")])}${prefix}`), Buffer.from([0xe9, 0x28]), Buffer.from('"}}\n')]));
    const before = await readFile(log, "utf8");
    for (const command of ["validate", "append"]) {
      const result = await runCli([command, log, "--events", drafts]);
      expect(result.code).toBe(3);
      expect(result.stderr.split("\n")[0]).toBe(`${drafts}:2:${prefix.length + 1}: has a byte 0xe9 that is not UTF-8 (expected text in UTF-8)`);
    }
    expect(await readFile(log, "utf8")).toBe(before);
  });

  it("append reads drafts from standard input (separate process)", async () => {
    const { log } = await setUp([]);
    const result = await spawnCli(["append", log], { input: jsonl([municipality("eksjo")]) });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^appended 1 event\(s\); head seq 2 [0-9a-f]{64}\n$/);
  });
});

describe("tertial validate on a log whose chain is fine but whose facts break the rules", () => {
  it("lists every rule problem with line, column and field path", async () => {
    const { createCatalog, defaultCatalog, lineOf, memoryStore } = await import("@tertial/core");
    const lawless = createCatalog(defaultCatalog.modules.map((module) => ({ ...module, rules: [] })));
    const store = memoryStore({ catalog: lawless, clock: () => Date.parse("2020-09-01T08:00:00Z") });
    const outcome = await store.append([
      area,
      { id: "p1", type: "staff.position-opened", effectiveAt: "2020-01-01", data: { positionId: "p1", areaId: "fuo", employmentForm: "visstid", fte: "1.00", financing: "grund" } },
      { id: "c1", type: "staff.position-closed", effectiveAt: "2020-01-01", data: { positionId: "p9" } },
    ]);
    expect(outcome.ok).toBe(true);
    const log = join(await tempDir(), "events.jsonl");
    const lines = store.events().map(lineOf);
    await writeFile(log, lines.map((line) => `${line}\n`).join(""));
    const result = await runCli(["validate", log]);
    expect(result.code).toBe(3);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `${log}:2:${(lines[1] ?? "").indexOf('"fuo"') + 1}: data.areaId: unknown area "fuo" (expected an area established earlier in the log, got fuo)`,
      `${log}:3:${(lines[2] ?? "").indexOf('"p9"') + 1}: data.positionId: unknown position "p9" (expected a position opened earlier in the log)`,
      `${log}: 2 problem(s)`,
    ]);
  });
});

describe("tertial validate on a log whose hash chain is broken", () => {
  /** The seed log of setUp with a third event, as its lines. */
  const threeLines = async (): Promise<{ log: string; lines: string[] }> => {
    const { log, drafts } = await setUp([JSON.stringify(municipality("eksjo"))]);
    expect((await runCli(["append", log, "--events", drafts])).code).toBe(0);
    return { log, lines: (await readFile(log, "utf8")).trimEnd().split("\n") };
  };
  const write = (log: string, lines: readonly string[]): Promise<void> => writeFile(log, lines.map((line) => `${line}\n`).join(""));

  it("a changed line is named at its line, and exits 4 as verify does, not valid", async () => {
    const { log, lines } = await threeLines();
    await write(log, lines.map((line, index) => (index === 0 ? line.replace('"name":"Kommun aneby"', '"name":"Kommun Aneby"') : line)));
    const result = await runCli(["validate", log]);
    expect([result.code, result.stdout]).toEqual([4, ""]);
    expect(result.stderr).toBe(`${log}:1: hash: does not match the event's content: the line was changed\n${log}: 1 problem(s); the hash chain is broken (see tertial verify)\n`);
    const json = await runCli(["validate", log, "--format", "json"]);
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, count: 3, issues: [{ code: "chain-broken", path: "hash", line: 1 }] });
  });

  it("two swapped lines are named at each line, with the same problems verify lists", async () => {
    const { log, lines } = await threeLines();
    await write(log, [lines[0] ?? "", lines[2] ?? "", lines[1] ?? ""]);
    const [validate, verify] = [await runCli(["validate", log]), await runCli(["verify", log])];
    expect([validate.code, verify.code]).toEqual([4, 4]);
    const problems = (stderr: string): string[] => stderr.trimEnd().split("\n").slice(0, -1);
    expect(problems(validate.stderr)).toEqual(problems(verify.stderr));
    expect(problems(validate.stderr)).toContain(`${log}:2: seq: expected seq 1: a line was dropped, duplicated or moved (got 2)`);
    expect(problems(validate.stderr)).toContain(`${log}:3: prevHash: does not match the previous line's hash: a line was dropped, inserted or moved`);
  });

  it("lists chain problems and data problems in the same run, each at its line", async () => {
    const { log, lines } = await threeLines();
    // Line 2's area gets a blank name (a data problem, and a changed line); line 3 is changed.
    const changed = [lines[0] ?? "", (lines[1] ?? "").replace('"name":"FoU"', '"name":" "'), (lines[2] ?? "").replace('"name":"Kommun eksjo"', '"name":"Kommun Eksjo"')];
    await write(log, changed);
    const result = await runCli(["validate", log]);
    expect(result.code).toBe(4);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `${log}:2: hash: does not match the event's content: the line was changed`,
      `${log}:2:${(changed[1] ?? "").indexOf('" "') + 1}: data.name: is not valid (expected a text that is not blank, got " ")`,
      `${log}:3: hash: does not match the event's content: the line was changed`,
      // The rules that learn areas could not learn line 2's, so they do not judge line 3.
      `${log}:2: the rules reference-integrity, staff-integrity, meetings-integrity, strategy-integrity, activities-integrity, survey-integrity, narrative-integrity, research-integrity, finance-integrity, grants-integrity, courses-integrity, plan-integrity, indicator-integrity were not checked from this line on: they learn from events of its type, and this one could not be read or is invalid; fix it and validate again`,
      `${log}: 3 problem(s); the hash chain is broken (see tertial verify)`,
    ]);
  });
});
