import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countingEvents, defaultCatalog, fromArray, indexCorrections, jsonlStore, knownAtCutoff, LogBrokenError, type StoredEvent } from "@tertial/core";
import { EXAMPLE_LOG } from "../finance/support.js";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();
const store = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });

const storedEvents = async (): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const event of store.read()) events.push(event);
  return events;
};

describe("the corrections pass over a file log", () => {
  it.each([undefined, "2020-09-22", "2020-10-15", "2020-12-31"])("takes back the same events by its quick scan as by a verified read (known at %s)", async (knownAt) => {
    const events = await storedEvents();
    const cutoff = knownAt === undefined ? undefined : knownAtCutoff(knownAt);
    const scanned = await indexCorrections(store, cutoff);
    const read = await indexCorrections(fromArray(events), cutoff);
    expect(events.map((event) => scanned.counts(event))).toEqual(events.map((event) => read.counts(event)));
    expect(scanned.size).toBe(read.size);
    // The example's corrections were recorded after the report was published: as known now, some are there.
    if (knownAt === undefined) expect(scanned.size).toBeGreaterThan(0);
  });

  it("still stops a replay at a changed line: the scan is never the only read", async () => {
    {
      const dir = await tempDir();
      const path = join(dir, "events.jsonl");
      await copyFile(EXAMPLE_LOG, path);
      await writeFile(path, (await readFile(path, "utf8")).replace('"amount":"38000"', '"amount":"48000"'));
      const changed = jsonlStore({ path, catalog: defaultCatalog });
      const replayAll = async (): Promise<void> => {
        for await (const _event of countingEvents(changed, defaultCatalog)) {
          // Reading is the test.
        }
      };
      await expect(replayAll()).rejects.toBeInstanceOf(LogBrokenError);
    }
  });
});
