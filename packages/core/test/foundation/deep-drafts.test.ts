import { describe, expect, it } from "vitest";
import { defaultCatalog, jsonlStore, memoryStore, type EventDraft } from "@tertial/core";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const nested = (levels: number): unknown => {
  let value: unknown = "x";
  for (let level = 0; level < levels; level += 1) value = [value];
  return value;
};

const area = (extra: unknown): EventDraft => ({ type: "reference.area-established", effectiveAt: "2020-01-01", data: { areaId: "a", name: "A", extra } });

describe("drafts built in code", () => {
  it("nested deeper than the documented 64 levels are refused with an issue, not a crash, whatever the depth", async () => {
    for (const levels of [65, 2_000, 100_000]) {
      const outcome = await memoryStore({ catalog: defaultCatalog }).append([area(nested(levels))]);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.issues.map((found) => [found.path, found.message])).toEqual([["data", "nests deeper than 64 levels"]]);
    }
  });

  it("are refused by the file store too, which writes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tertial-deep-"));
    try {
      const log = join(dir, "log.jsonl");
      await writeFile(log, "");
      const outcome = await jsonlStore({ path: log, catalog: defaultCatalog }).append([area(nested(100_000))]);
      expect(outcome.ok).toBe(false);
      expect(await readFile(log, "utf8")).toBe("");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("up to the limit still pass the depth check (and then meet the codecs)", async () => {
    const outcome = await memoryStore({ catalog: defaultCatalog }).append([area(nested(10))]);
    // The area codec has no field `extra`: the refusal is the codec's, not the depth's.
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.some((found) => found.message.includes("deeper"))).toBe(false);
  });
});
