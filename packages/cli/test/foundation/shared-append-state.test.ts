import { realpath, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCatalog, jsonlStore, loadAppendState } from "@tertial/core";
import { jsonl, municipality, spawnCli, useTempDir } from "./cli.js";

const tempDir = useTempDir();

describe("the append state beside a log", () => {
  it("is read by the tertial command and by a program using the library alike: neither rebuilds the other's", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    expect((await spawnCli(["init", log])).code).toBe(0);
    const batch = join(dir, "batch.jsonl");
    await writeFile(batch, jsonl([municipality("a"), municipality("b")]));
    expect((await spawnCli(["append", log, "--events", batch])).code).toBe(0);
    // The command (a bundle) saved it; the library (compiled modules) must take it as its own.
    expect(await loadAppendState(await realpath(log), defaultCatalog)).toBeDefined();
    const store = jsonlStore({ path: log, catalog: defaultCatalog });
    expect((await store.append([municipality("c")])).ok).toBe(true);
    await writeFile(batch, jsonl([municipality("d")]));
    const appended = await spawnCli(["append", log, "--events", batch]);
    expect(appended.stderr).toBe("");
    expect(appended.code).toBe(0);
    expect(await loadAppendState(await realpath(log), defaultCatalog)).toBeDefined();
  });
});
