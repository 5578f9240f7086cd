import { realpath } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCatalog, forgetAppendState, initLog, jsonlStore, type EventDraft } from "@tertial/core";
import { findAppendedRun } from "../../src/events/repeated-batch.js";
import { municipality, useTempDir } from "./cli.js";

const tempDir = useTempDir();

const withoutId = (id: string): EventDraft => {
  const { id: _id, ...draft } = municipality(id);
  return draft;
};

/** A log holding the id-less drafts m1, m2 between two other events, without its append state; and its store, whose whole reads are counted. */
const logWithoutState = async () => {
  const path = join(await tempDir(), "events.jsonl");
  await initLog(path);
  const store = jsonlStore({ path, catalog: defaultCatalog });
  for (const batch of [[municipality("m0")], [withoutId("m1"), withoutId("m2")], [municipality("m3")]]) expect((await store.append(batch)).ok).toBe(true);
  await forgetAppendState(await realpath(path));
  const wholeReads: number[] = [];
  const counted = { ...store, read: (options?: { readonly fromSeq?: number }) => (options?.fromSeq === undefined && wholeReads.push(1), store.read(options)) };
  return { store, counted, wholeReads };
};

describe("finding a batch of drafts without ids that was appended before", () => {
  it("reads the log whole when the store keeps no append state", async () => {
    const { counted, wholeReads } = await logWithoutState();
    const found = await findAppendedRun(counted, defaultCatalog, [withoutId("m1"), withoutId("m2")]);
    expect([found?.first.seq, found?.last.seq]).toEqual([1, 2]);
    expect(wholeReads).toHaveLength(1);
  });

  it("lets the store take its append state first, then answers from it without reading the log whole", async () => {
    const { store, counted, wholeReads } = await logWithoutState();
    let taken = 0;
    const found = await findAppendedRun(counted, defaultCatalog, [withoutId("m1"), withoutId("m2")], async () => {
      taken += 1;
      expect((await store.append([])).ok).toBe(true);
    });
    expect([found?.first.seq, found?.last.seq]).toEqual([1, 2]);
    expect([taken, wholeReads.length]).toEqual([1, 0]);
    expect(await findAppendedRun(counted, defaultCatalog, [withoutId("m1"), withoutId("m3")], async () => void (taken += 1))).toBeUndefined();
    expect([taken, wholeReads.length]).toEqual([1, 0]);
  });
});
