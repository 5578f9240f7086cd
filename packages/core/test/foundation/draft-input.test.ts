import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDraftFile } from "@tertial/core";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();
const draft = `${JSON.stringify({ type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: "a", name: "A" } })}\n`;

describe("a drafts file larger than a batch may be", () => {
  it("is refused by its size, before it is read, with one issue naming it; one within the limit is read", async () => {
    const path = join(await tempDir(), "drafts.jsonl");
    await writeFile(path, draft.repeat(20));
    const refused = await readDraftFile(path, draft.length * 10);
    expect(refused.parsed.drafts).toEqual([]);
    expect(refused.parsed.issues.map((found) => [found.code, found.file, found.message.split(":")[0]])).toEqual([["too-long", path, `is larger than ${(draft.length * 10) / (1024 * 1024)} MiB`]]);
    expect((await readDraftFile(path, draft.length * 20)).parsed.drafts).toHaveLength(20);
  });

  it("is refused once past the limit when it has no size to ask (a device that never ends)", async () => {
    const refused = await readDraftFile("/dev/zero", 1024 * 1024);
    expect(refused.parsed.issues.map((found) => [found.code, found.file])).toEqual([["too-long", "/dev/zero"]]);
  });
});

describe("a byte order mark", () => {
  it("is named, in drafts and in a log line, never shown as an invisible character", async () => {
    const { parseDrafts, parseStoredLine } = await import("@tertial/core");
    const drafts = parseDrafts(`\uFEFF${draft}`, "drafts.jsonl");
    expect(drafts.issues.map((found) => found.message)).toEqual(["is not valid JSON: has a byte order mark (U+FEFF; save the file as UTF-8 without it) where a value should be"]);
    const line = parseStoredLine("log.jsonl", `\uFEFF{}`, 1, true);
    expect(line.ok ? [] : line.issues.map((found) => [found.code, found.column, found.message])).toEqual([["not-json", 1, "starts with a byte order mark (U+FEFF), which no line of a log has: the file was saved by an editor that adds one"]]);
    const zeroWidth = parseDrafts(`{"type":\u200B"x"}\n`, "drafts.jsonl");
    expect(zeroWidth.issues[0]?.message).toContain("an invisible character (U+200B)");
  });
});
