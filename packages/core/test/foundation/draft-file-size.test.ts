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
