import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChainCheck, defaultCatalog, issue, lineOf, parseStoredLine, verifyLog, type Issue } from "@tertial/core";
import { applyTampering, arbFoundationLog, arbTampering, buildLog } from "@tertial/core/testing";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();

const writeLog = async (path: string, lines: readonly string[]): Promise<void> => writeFile(path, lines.map((line) => `${line}\n`).join(""));

describe("verify", () => {
  it("passes every log the store writes (property)", async () => {
    const dir = await tempDir();
    await fc.assert(
      fc.asyncProperty(arbFoundationLog({ maxEvents: 8 }), async (script) => {
        const { events } = await buildLog(defaultCatalog, script);
        const path = join(dir, "events.jsonl");
        await writeLog(path, events.map(lineOf));
        const report = await verifyLog(path, defaultCatalog);
        expect(report.issues).toEqual([]);
        expect(report.events).toBe(events.length);
        expect(report.head).toBe(events[events.length - 1]?.hash);
      }),
      { numRuns: 100 },
    );
  });

  it("fails for any changed, dropped, duplicated or reordered line (property)", async () => {
    const dir = await tempDir();
    await fc.assert(
      fc.asyncProperty(arbFoundationLog({ maxEvents: 6 }), arbTampering, async (script, tampering) => {
        const { events } = await buildLog(defaultCatalog, script);
        const tampered = applyTampering(events.map(lineOf), tampering, { keepLast: true });
        // A tampering that changes nothing (e.g. swapping two equal lines) is not a run of this law.
        fc.pre(tampered !== undefined);
        const path = join(dir, "events.jsonl");
        await writeLog(path, tampered);
        const report = await verifyLog(path, defaultCatalog);
        expect(report.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("names the line and what is wrong with it", async () => {
    const { events } = await buildLog(defaultCatalog, { entries: [0, 1, 2].map((index) => ({ draft: { id: `m${index}`, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: `m${index}`, name: "M" } }, at: Date.parse("2020-09-01T08:00:00Z") + index })) });
    const lines = events.map(lineOf);
    const dir = await tempDir();
    const check = async (mutated: readonly string[]) => {
      const path = join(dir, "events.jsonl");
      await writeLog(path, mutated);
      return (await verifyLog(path, defaultCatalog)).issues.map((found) => [found.line, found.code, found.path]);
    };
    expect(await check([lines[0]!, lines[2]!])).toEqual([
      [2, "chain-broken", "seq"],
      [2, "chain-broken", "prevHash"],
    ]);
    expect(await check([lines[0]!, lines[1]!.replace('"name":"M"', '"name":"N"'), lines[2]!])).toEqual([[2, "chain-broken", "hash"]]);
    expect(await check([lines[0]!, lines[1]!.replace("{", "{ "), lines[2]!])).toEqual([[2, "not-canonical", ""]]);
    expect(await check([lines[0]!, lines[1]!, lines[1]!, lines[2]!])).toEqual([
      [3, "chain-broken", "seq"],
      [3, "chain-broken", "prevHash"],
      [3, "duplicate-id", "id"],
    ]);
  });

  it("names a line it cannot read once, not again as a dropped line and a broken link at the line after it", async () => {
    const { events } = await buildLog(defaultCatalog, { entries: [0, 1, 2, 3, 4].map((index) => ({ draft: { id: `m${index}`, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: `m${index}`, name: "M" } }, at: Date.parse("2020-09-01T08:00:00Z") + index })) });
    const lines = events.map(lineOf);
    const dir = await tempDir();
    const check = async (mutated: readonly string[]) => {
      const path = join(dir, "events.jsonl");
      await writeLog(path, mutated);
      return (await verifyLog(path, defaultCatalog)).issues.map((found) => [found.line, found.code, found.path, ...(found.path === "seq" ? [found.message] : [])]);
    };
    const [l0, l1, l2, l3, l4] = lines as [string, string, string, string, string];
    // An event's line cut short in the middle of the log.
    expect(await check([l0, l1.slice(0, 60), l2, l3, l4])).toEqual([[2, "not-json", ""]]);
    // Two such lines in a row, and a line that is not an event inserted: each named once.
    expect(await check([l0, l1.slice(0, 60), l2.slice(0, 30), l3, l4])).toEqual([
      [2, "not-json", ""],
      [3, "not-json", ""],
    ]);
    expect(await check([l0, l1, "garbage", l2, l3, l4])).toEqual([[3, "not-json", ""]]);
    // An envelope the codec refuses is unreadable as well.
    expect(await check([l0, l1.replace('"schemaVersion":1', '"schemaVersion":"1"'), l2, l3, l4])).toEqual([
      [2, "invalid-field", "schemaVersion"],
      [2, "chain-broken", "hash"],
    ]);
    // A line dropped after an unreadable one is still a dropped line, with its link.
    expect(await check([l0, l1.slice(0, 60), l3, l4])).toEqual([
      [2, "not-json", ""],
      [3, "chain-broken", "seq", "expected seq 1 to 2: a line was dropped, duplicated or moved"],
      [3, "chain-broken", "prevHash"],
    ]);
    // An event whose seq says the unreadable line was no event: its link is checked as ever.
    const relinked = l2.replace(/"prevHash":"[0-9a-f]{64}"/, `"prevHash":"${"1".repeat(64)}"`);
    expect(await check([l0, l1, "garbage", relinked, l3, l4])).toEqual([
      [3, "not-json", ""],
      [4, "chain-broken", "prevHash"],
      [4, "chain-broken", "hash"],
    ]);
  });

  it("places what is wrong at its column: a data field, and JSON errors V8 gives no position for", async () => {
    const { events } = await buildLog(defaultCatalog, { entries: [0, 1, 2].map((index) => ({ draft: { id: `m${index}`, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: `m${index}`, name: "M" } }, at: Date.parse("2020-09-01T08:00:00Z") + index })) });
    const [l0, l1, l2] = events.map(lineOf) as [string, string, string];
    const path = join(await tempDir(), "events.jsonl");
    const issuesOf = async (middle: string) => {
      await writeLog(path, [l0, middle, l2]);
      return (await verifyLog(path, defaultCatalog)).issues.filter((found) => found.line === 2).map((found) => [found.code, found.path, found.column]);
    };
    const unnamed = l1.replace('"name":"M"', '"name":5');
    expect(await issuesOf(unnamed)).toContainEqual(["invalid-field", "data.name", unnamed.indexOf("5}") + 1]);
    const doubled = l1.replace(',"effectiveAt"', ',,"effectiveAt"');
    expect(await issuesOf(doubled)).toEqual([["not-json", "", doubled.indexOf(",,") + 2]]);
    const cut = l1.slice(0, l1.indexOf('"name":') + 7);
    expect(await issuesOf(cut)).toEqual([["not-json", "", cut.length + 1]]);
  });

  it("reports a torn last line", async () => {
    const path = join(await tempDir(), "events.jsonl");
    const { events } = await buildLog(defaultCatalog, { entries: [{ draft: { id: "m", type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: "m", name: "M" } }, at: 0 }] });
    await writeFile(path, `${lineOf(events[0]!)}\n${lineOf(events[0]!).slice(0, 20)}`);
    expect((await verifyLog(path, defaultCatalog)).issues.map((found) => [found.line, found.code])).toEqual([[2, "torn-line"]]);
    expect((await readFile(path, "utf8")).endsWith("\n")).toBe(false);
  });
});

describe("verify compares transaction times as instants", () => {
  it("catches a re-sealed chain whose recordedAt goes back behind another offset", async () => {
    const { GENESIS_HASH, sealed } = await import("@tertial/core");
    const base = { type: "reference.municipality-established", schemaVersion: 1, effectiveAt: "2017-01-01" };
    const first = sealed({ ...base, id: "a", seq: 0, recordedAt: "2020-09-01T08:00:00.000Z", data: { municipalityId: "a", name: "A" }, prevHash: GENESIS_HASH });
    const second = sealed({ ...base, id: "b", seq: 1, recordedAt: "2020-09-01T09:00:00+02:00", data: { municipalityId: "b", name: "B" }, prevHash: first.hash });
    const path = join(await tempDir(), "events.jsonl");
    await writeLog(path, [first, second].map(lineOf));
    expect((await verifyLog(path, defaultCatalog)).issues.map((found) => [found.line, found.code, found.path])).toEqual([[2, "out-of-order", "recordedAt"]]);
  });
});

describe("ids checked at the end of a whole-log check", () => {
  it("give the issues, in the order, of ids checked as the check goes, whatever was done to the lines (property)", async () => {
    await fc.assert(
      fc.asyncProperty(arbFoundationLog({ maxEvents: 8 }), fc.array(arbTampering, { minLength: 1, maxLength: 4 }), async (script, tamperings) => {
        const { events } = await buildLog(defaultCatalog, script);
        let lines = events.map(lineOf);
        for (const tampering of tamperings) lines = applyTampering(lines, tampering, { keepLast: true }) ?? lines;
        const asItGoes = new ChainCheck("line", defaultCatalog);
        const atEnd = new ChainCheck("line", defaultCatalog, { idsAtEnd: true });
        const expected: Issue[] = [];
        const found: Issue[] = [];
        lines.forEach((text, index) => {
          const parsed = parseStoredLine("events.jsonl", text, index + 1, true);
          if (!parsed.ok) {
            expected.push(...parsed.issues);
            found.push(...parsed.issues);
            return;
          }
          // What a caller finds before the chain's checks (verify's seq), to be kept in its place.
          const before = issue("chain-broken", "seq", "the caller's", { file: "events.jsonl", line: index + 1 });
          expected.push(before, ...asItGoes.check(parsed.event, text, { file: "events.jsonl", line: index + 1 }, parsed.intact));
          found.push(before, ...atEnd.check(parsed.event, text, { file: "events.jsonl", line: index + 1 }, parsed.intact));
        });
        const endIssue = issue("torn-line", "", "no line", { file: "events.jsonl" });
        expect([...atEnd.withRepeatedIds(found), endIssue]).toEqual([...expected, endIssue]);
        expect(atEnd.withRepeatedIds([endIssue]).at(-1)).toEqual(endIssue);
      }),
      { numRuns: 200 },
    );
  });
});
