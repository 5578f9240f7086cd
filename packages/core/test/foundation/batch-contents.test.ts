import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BatchContents, contentOf, defaultCatalog, initLog, jsonlStore, memoryStore, storedVersionOf, type EventDraft, type EventStore, type LockedLog, type StoredEvent } from "@tertial/core";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();

const town = (id: string, schemaVersion?: number): EventDraft => ({ type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { name: `Kommun ${id}`, municipalityId: id }, ...(schemaVersion === undefined ? {} : { schemaVersion }) });

const collect = async (events: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> => {
  const all: StoredEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

describe("a batch's content fingerprints", () => {
  it("are each draft's contentOf under the schema version it is stored with, made once for the batch", () => {
    const drafts = [town("a"), town("b", 1), town("a")];
    const contents = new BatchContents(drafts, defaultCatalog);
    const expected = drafts.map((draft) => contentOf({ ...draft, schemaVersion: storedVersionOf(draft, defaultCatalog) }));
    expect(contents.all()).toEqual(expected);
    expect(contents.of(0)).toBe(contents.of(2));
    // One batch's, for one call: a draft changed afterwards is not looked at again.
    (drafts[1] as { data: unknown }).data = { name: "Annan", municipalityId: "b" };
    expect(contents.of(1)).toBe(expected[1]);
    expect(() => contents.of(3)).toThrow(RangeError);
  });

  const stores: [string, () => Promise<EventStore>][] = [
    ["memory", async () => memoryStore({ catalog: defaultCatalog })],
    [
      "JSONL",
      async () => {
        const path = join(await tempDir(), "events.jsonl");
        await initLog(path);
        return jsonlStore({ path, catalog: defaultCatalog });
      },
    ],
  ];

  for (const [name, open] of stores) {
    it(`reach a precondition of the ${name} store as those of the events the append then writes`, async () => {
      const store = await open();
      expect((await store.append([town("x")])).ok).toBe(true);
      let offered: readonly string[] | undefined;
      const precondition = async (log: LockedLog) => {
        offered = log.batchContents?.();
        return [];
      };
      expect((await store.append([town("a"), town("b"), town("c")], { precondition })).ok).toBe(true);
      const written = (await collect(store.read())).slice(1);
      expect(offered).toEqual(written.map(contentOf));
    });
  }
});
