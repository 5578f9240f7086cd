import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonl, municipality, runCli, useTempDir } from "./cli.js";

const tempDir = useTempDir();

/** A log of `count` municipalities, and a drafts file with one more. */
const setUp = async (count: number) => {
  const dir = await tempDir();
  const log = join(dir, "events.jsonl");
  const drafts = join(dir, "drafts.jsonl");
  await runCli(["init", log]);
  await writeFile(join(dir, "seed.jsonl"), jsonl(Array.from({ length: count }, (_, index) => municipality(`m${index}`))));
  expect((await runCli(["append", log, "--events", join(dir, "seed.jsonl")])).code).toBe(0);
  await writeFile(drafts, jsonl([municipality("extra")]));
  return { log, drafts };
};

describe("tertial append gives one account of why nothing was appended", () => {
  it("on a damaged log: the problem, then one line that blames the log, not the drafts; exit 4", async () => {
    const { log, drafts } = await setUp(3);
    const lines = (await readFile(log, "utf8")).split("\n");
    lines[1] = (lines[1] ?? "").replace('"name":"Kommun m1"', '"name":"Kommun M1"');
    await writeFile(log, lines.join("\n"));
    const result = await runCli(["append", log, "--events", drafts]);
    expect(result.code).toBe(4);
    expect(result.stderr.trimEnd().split("\n")).toEqual([`${log}:2: hash: does not match the event's content: the line was changed; run tertial verify`, `nothing appended: ${log} is damaged, so the drafts were not checked`]);
  });

  it("on bad drafts: the problems, then one line counting them in the drafts file; exit 3", async () => {
    const { log, drafts } = await setUp(1);
    await writeFile(drafts, '{not json\n{"type":"reference.area-closed","effectiveAt":"2020-01-01","data":{"areaId":"nowhere"}}\n');
    const result = await runCli(["append", log, "--events", drafts]);
    expect(result.code).toBe(3);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(`nothing appended: 2 problem(s) in ${drafts}`);
  });
});

describe("a problem on every line is shown at its first places and counted", () => {
  const crlfLog = async (count: number): Promise<string> => {
    const { log } = await setUp(count);
    await writeFile(log, (await readFile(log, "utf8")).replaceAll("\n", "\r\n"));
    return log;
  };

  it("verify on a 10 000-line log saved with CRLF line endings: three places, one count, the summary; exit 4", async () => {
    const log = await crlfLog(10_000);
    const result = await runCli(["verify", log]);
    expect(result.code).toBe(4);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    for (const [index, line] of lines.slice(0, 3).entries()) expect(line).toMatch(new RegExp(`^${log}:${index + 1}:\\d+: is not the canonical JSON of its event \\(it ends with a carriage return`));
    expect(lines[3]).toBe(`${log}: and 9997 more line(s) with the same problem: lines 4 to 10000`);
    expect(lines[4]).toBe(`${log}: FAILED: 10000 problem(s) in 10000 readable event(s)`);
  });

  it("validate gives the same short account of the same log", async () => {
    const log = await crlfLog(50);
    const result = await runCli(["validate", log]);
    expect(result.code).toBe(4);
    expect(result.stderr.trimEnd().split("\n").slice(3)).toEqual([`${log}: and 47 more line(s) with the same problem: lines 4 to 50`, `${log}: 50 problem(s); the hash chain is broken (see tertial verify)`]);
  });

  it("a few distinct problems are each still listed", async () => {
    const { log } = await setUp(4);
    const lines = (await readFile(log, "utf8")).split("\n");
    lines[0] = `${lines[0] ?? ""}\r`;
    lines[2] = (lines[2] ?? "").replace('"name":"Kommun m2"', '"name":"Kommun M2"');
    await writeFile(log, lines.join("\n"));
    const result = await runCli(["verify", log]);
    expect(result.code).toBe(4);
    const shown = result.stderr.trimEnd().split("\n");
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatch(new RegExp(`^${log}:1:\\d+: is not the canonical JSON`));
    expect(shown[1]).toBe(`${log}:3: hash: does not match the event's content: the line was changed`);
  });
});
