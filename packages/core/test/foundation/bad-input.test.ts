import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCatalog, formatIssue, initLog, jsonlStore, parseDrafts, placeColumns, type Issue } from "@tertial/core";
import { referencePreamble } from "@tertial/core/testing";
import { seededStore } from "./helpers.js";
import { useTempDir } from "./temp-dir.js";

const FILE = "facts.jsonl";

/** The drafts file goes through parsing, then append against a seeded log, as `tertial append` does. */
const problemsOf = async (lines: readonly string[]): Promise<Issue[]> => {
  const text = `${lines.join("\n")}\n`;
  const parsed = parseDrafts(text, FILE);
  const store = await seededStore();
  const outcome = await store.append(parsed.drafts, { places: parsed.places });
  return [...parsed.issues, ...(outcome.ok ? [] : placeColumns(text, outcome.issues, FILE))].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
};

const column = (line: string, fragment: string): number => line.indexOf(fragment) + 1;

const good = '{"id":"ok-1","type":"staff.position-opened","effectiveAt":"2020-01-01","data":{"positionId":"p1","areaId":"fou","employmentForm":"visstid","fte":"1.00","financing":"grund"}}';

describe("every kind of bad input gets its own clear error, with line, column and field path", () => {
  const cases: { name: string; line: string; code: Issue["code"]; path: string; at: string; says: RegExp; expected?: string }[] = [
    { name: "not JSON", line: '{"id": "x1", "type": ', code: "not-json", path: "type", at: "", says: /is not valid JSON: has the end of the line where a value should be/ },
    { name: "duplicate key", line: '{"id":"x9","type":"staff.position-closed","effectiveAt":"2020-03-01","data":{"positionId":"p1","positionId":"p2"}}', code: "not-json", path: "data.positionId", at: '"positionId":"p2"', says: /has the key "positionId" twice/, expected: "each key once (I-JSON, RFC 7493)" },
    { name: "duplicate envelope key", line: '{"id":"x10","id":"x11","type":"staff.position-closed","effectiveAt":"2020-03-01","data":{"positionId":"p1"}}', code: "not-json", path: "id", at: '"id":"x11"', says: /has the key "id" twice/, expected: "each key once (I-JSON, RFC 7493)" },
    { name: "lone surrogate", line: '{"id":"x12","type":"staff.position-closed","effectiveAt":"2020-03-01","data":{"positionId":"p1"},"source":{"note":"a\\ud800b"}}', code: "not-json", path: "source.note", at: '"a\\ud800b"', says: /lone surrogate/, expected: "Unicode text (I-JSON, RFC 7493)" },
    { name: "nested too deep", line: `{"id":"x13","type":"staff.position-closed","effectiveAt":"2020-03-01","data":{"positionId":"p1","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`, code: "not-json", path: `data.x${"[0]".repeat(62)}`, at: `${"[".repeat(100_000 - 62)}]`, says: /nests deeper than 64 levels/, expected: "at most 64 levels of objects and lists" },
    { name: "number beyond a double", line: '{"id":"x14","type":"staff.position-closed","effectiveAt":"2020-03-01","data":{"positionId":"p1","n":1e999}}', code: "not-json", path: "data.n", at: "1e999", says: /number too large/, expected: "a number within a double's range (I-JSON)" },
    { name: "line too long", line: `{"id":"x15","type":"staff.position-closed","effectiveAt":"2020-03-01","data":{"positionId":"p1"},"source":{"note":"${"x".repeat(1_100_000)}"}}`, code: "too-long", path: "", at: "", says: /characters long/, expected: "at most 1048576 characters a line" },
    { name: "unknown type", line: '{"id":"x2","type":"staff.position-opend","effectiveAt":"2020-01-01","data":{}}', code: "unknown-type", path: "type", at: '"staff.position-opend"', says: /unknown event type "staff.position-opend"/ },
    { name: "wrong version", line: '{"id":"x3","type":"staff.position-closed","schemaVersion":7,"effectiveAt":"2020-01-01","data":{"positionId":"p1"}}', code: "unknown-version", path: "schemaVersion", at: "7", says: /has no version 7/ },
    { name: "missing field", line: '{"id":"x4","type":"staff.position-opened","effectiveAt":"2020-01-01","data":{"positionId":"p9","areaId":"fou","employmentForm":"visstid","fte":"1.00"}}', code: "invalid-field", path: "data.financing", at: '{"positionId"', says: /is missing/ },
    { name: "bad date", line: '{"id":"x5","type":"staff.position-closed","effectiveAt":"2020-02-30","data":{"positionId":"p1"}}', code: "invalid-field", path: "effectiveAt", at: '"2020-02-30"', says: /is not a day of the calendar: February 2020 has 29 days/ },
    { name: "not an object where one belongs", line: '{"id":"x16","type":"staff.position-closed","effectiveAt":"2020-03-01","data":{"positionId":"p1"},"source":7}', code: "invalid-field", path: "source", at: "7", says: /is a number/, expected: "an object" },
    { name: "non-decimal amount", line: '{"id":"x6","type":"staff.position-changed","effectiveAt":"2020-03-01","data":{"positionId":"p1","fte":"0,5"}}', code: "invalid-field", path: "data.fte", at: '"0,5"', says: /is not valid/ },
    { name: "negative FTE", line: '{"id":"x7","type":"staff.position-changed","effectiveAt":"2020-03-01","data":{"positionId":"p1","fte":"-0.50"}}', code: "invalid-field", path: "data.fte", at: '"-0.50"', says: /is not valid/ },
    { name: "unknown area", line: '{"id":"x8","type":"staff.position-opened","effectiveAt":"2020-01-01","data":{"positionId":"p8","areaId":"fou-okand","employmentForm":"visstid","fte":"1.00","financing":"grund"}}', code: "unknown-reference", path: "data.areaId", at: '"fou-okand"', says: /unknown area "fou-okand"/ },
    { name: "duplicate id with different content", line: '{"id":"pre0","type":"staff.position-closed","effectiveAt":"2020-03-01","data":{"positionId":"p1"}}', code: "duplicate-id", path: "id", at: '"pre0"', says: /already used by an event with other content/ },
  ];

  it.each(cases)("$name", async ({ line, code, path, at, says, expected }) => {
    const issues = await problemsOf([good, line]);
    expect(issues).toHaveLength(1);
    const [found] = issues;
    expect(found).toMatchObject({ code, path, file: FILE, line: 2, column: at === "" ? expect.any(Number) : column(line, at), ...(expected === undefined ? {} : { expected }) });
    expect(found?.message).toMatch(says);
    expect(formatIssue(found as Issue)).toMatch(new RegExp(`^${FILE}:2:\\d+: `));
  });

  it("all of them at once, in one run, each on its own line", async () => {
    const issues = await problemsOf(cases.map((item) => item.line));
    expect(issues.map((found) => [found.line, found.code])).toEqual(cases.map((item, index) => [index + 1, item.code]));
  });

  it("a torn last line in the log refuses the append and names the log's line", async () => {
    const dir = await useTemp();
    const log = join(dir, "events.jsonl");
    await initLog(log);
    const store = jsonlStore({ path: log, catalog: defaultCatalog, clock: () => Date.parse("2020-09-01T08:00:00Z") });
    const first = await store.append(referencePreamble().slice(0, 2).map((draft, index) => ({ ...draft, id: `pre${index}` })));
    expect(first.ok).toBe(true);
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(log, "utf8");
    await writeFile(log, `${text}{"id":"half`);
    const outcome = await store.append([{ ...referencePreamble()[2]!, id: "pre2" }]);
    expect(outcome.ok).toBe(false);
    const issues = outcome.ok ? [] : placeColumns("{}\n", outcome.issues, FILE);
    expect(issues).toEqual([expect.objectContaining({ code: "torn-line", file: log, line: 3, column: '{"id":"half'.length + 1 })]);
    expect(formatIssue(issues[0] as Issue)).toContain("the last line is cut off");
  });
});

const useTemp = useTempDir();
