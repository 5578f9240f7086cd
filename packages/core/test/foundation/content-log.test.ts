import { appendFile, realpath } from "node:fs/promises";
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentOf, defaultCatalog, initLog, jsonlStore, type EventDraft } from "@tertial/core";
import { ContentLog } from "../../src/log/content-log.js";
import { CONTENT_HEX } from "../../src/log/id-index.js";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();

// A few fingerprints, some sharing their first bytes, so runs repeat, overlap and nearly match across record boundaries.
const fingerprint = fc.constantFrom("a", "b", "ab", "ba", "0").map((seed) => seed.repeat(CONTENT_HEX).slice(0, CONTENT_HEX));

const lastRunBySearch = (log: readonly string[], wanted: readonly string[]): number | undefined => {
  for (let seq = log.length - wanted.length; seq >= 0; seq -= 1) if (wanted.every((content, offset) => log[seq + offset] === content)) return seq;
  return undefined;
};

describe("the content log", () => {
  it("finds the last run of consecutive fingerprints as a search of every position would", () => {
    fc.assert(
      fc.property(fc.array(fingerprint, { maxLength: 40 }), fc.array(fingerprint, { minLength: 1, maxLength: 4 }), (log, wanted) => {
        const contents = new ContentLog();
        for (const content of log) contents.push(content);
        const reloaded = new ContentLog(contents.toBuffer());
        expect(contents.lastRun(wanted)).toBe(lastRunBySearch(log, wanted));
        expect(reloaded.lastRun(wanted)).toBe(lastRunBySearch(log, wanted));
        expect(reloaded.size).toBe(log.length);
      }),
      { numRuns: 2000 },
    );
  });

  it("is kept beside a log file and answers where an appended batch stands, or that it cannot tell when the file changed", async () => {
    const log = join(await tempDir(), "events.jsonl");
    await initLog(log);
    const store = jsonlStore({ path: log, catalog: defaultCatalog });
    const town = (id: string): EventDraft => ({ type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: `Kommun ${id}` } });
    const batch = [town("a"), town("b")];
    expect((await store.append([town("x")])).ok).toBe(true);
    expect((await store.append(batch)).ok).toBe(true);
    expect((await store.append([town("y")])).ok).toBe(true);
    const keys = batch.map((draft) => contentOf({ ...draft, schemaVersion: 1 }));
    expect(await store.findContentRun?.(keys)).toEqual({ firstSeq: 1 });
    expect(await store.findContentRun?.([...keys].reverse())).toBeUndefined();
    // A log changed behind the state's back: the state no longer describes it.
    await appendFile(await realpath(log), "");
    await appendFile(await realpath(log), "\n");
    expect(await store.findContentRun?.(keys)).toBe("unknown");
  });
});
