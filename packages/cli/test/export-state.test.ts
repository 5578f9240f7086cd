import { readFile, realpath, rm, writeFile } from "node:fs/promises";
import { deserialize } from "node:v8";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCatalog, jsonlStore, learnLog, lineOf, loadAppendState, memoryStore, saveAppendState, statePath, type EventDraft } from "@tertial/core";
import { freshLogUrl } from "../../store-postgres/test/helpers.js";
import { runCli, useTempDir } from "./foundation/cli.js";

const tempDir = useTempDir();
const EXAMPLE_LOG = "examples/kommunal-utveckling-2020/events.jsonl";

/** The state file as the export left it, and as a rebuild from the copy writes it (same file, same mark). */
const exportedAndRebuilt = async (target: string): Promise<{ exported: unknown; rebuilt: unknown }> => {
  const real = await realpath(target);
  // Read back as V8 reads them: its bytes may tell a packed array from a holey one (an optimised `map`
  // makes either, so two runs of one code may differ), which no state means.
  const exported = deserialize(await readFile(statePath(real))) as unknown;
  await rm(statePath(real));
  await saveAppendState(real, defaultCatalog, await learnLog(jsonlStore({ path: real, catalog: defaultCatalog }), defaultCatalog));
  return { exported, rebuilt: deserialize(await readFile(statePath(real))) as unknown };
};

const municipality = (id: string, name = `Kommun ${id}`, municipalityId = id): EventDraft => ({ id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId, name } });

describe("tertial export", () => {
  it("leaves beside the copy its append state, the state a rebuild writes, from a file and from PostgreSQL", async () => {
    const dir = await tempDir();
    const url = freshLogUrl("export-state");
    expect((await runCli(["import", EXAMPLE_LOG, url])).code).toBe(0);
    for (const [name, source] of [["from-file.jsonl", EXAMPLE_LOG], ["from-database.jsonl", url]] as const) {
      const target = join(dir, name);
      const exported = await runCli(["export", source, target]);
      expect([exported.code, exported.stderr]).toEqual([0, ""]);
      expect(await loadAppendState(await realpath(target), defaultCatalog)).toBeDefined();
      const { exported: bytes, rebuilt } = await exportedAndRebuilt(target);
      expect(bytes).toEqual(rebuilt);
    }
  });

  it("learns a log that corrects facts the rules learned as a rebuild does, and the copy takes appends from that state", async () => {
    const dir = await tempDir();
    const store = memoryStore({ catalog: defaultCatalog, clock: () => Date.UTC(2030, 0, 1) });
    const appended = await store.append([municipality("a"), municipality("b"), { ...municipality("a2", "Kommun A", "a"), supersedes: "a" }, { id: "r-b", type: "log.event-retracted", effectiveAt: "2017-01-01", retracts: "b", data: { reason: "test" } }]);
    expect(appended.ok).toBe(true);
    const source = join(dir, "source.jsonl");
    await writeFile(source, [...store.events()].map((event) => `${lineOf(event)}\n`).join(""));
    const target = join(dir, "copy.jsonl");
    expect((await runCli(["export", source, target])).code).toBe(0);
    const { exported, rebuilt } = await exportedAndRebuilt(target);
    expect(exported).toEqual(rebuilt);
    // From the saved state: b's retraction is known (b may be established again), a's new name is taken.
    const copy = jsonlStore({ path: target, catalog: defaultCatalog });
    expect((await copy.append([municipality("b-again", "Kommun b", "b")])).ok).toBe(true);
    expect((await copy.append([municipality("a-third", "Kommun A", "a")])).ok).toBe(false);
  });
});
