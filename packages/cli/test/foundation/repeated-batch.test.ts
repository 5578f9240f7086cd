import { realpath } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCatalog, forgetAppendState, initLog, issue, jsonlStore, type EventDraft, type Issue, type LockedLog } from "@tertial/core";
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

  it("runs under the append's lock as its precondition: of two stores appending the same batch at once, one records it and the other is refused, neither reading the log whole", async () => {
    const { store } = await logWithoutState();
    const batch = [withoutId("n1"), withoutId("n2")];
    const wholeReads: number[] = [];
    const precondition = async (log: LockedLog): Promise<readonly Issue[]> => {
      const counted = { ...log, read: (options?: { readonly fromSeq?: number }) => (options?.fromSeq === undefined && wholeReads.push(1), log.read(options)) };
      const run = await findAppendedRun(counted, defaultCatalog, batch);
      return run === undefined ? [] : [issue("conflict", "", `appended before, as seq ${run.first.seq}–${run.last.seq}`)];
    };
    const other = jsonlStore({ path: store.path, catalog: defaultCatalog });
    const outcomes = await Promise.all([store.append(batch, { precondition }), other.append(batch, { precondition })]);
    expect(outcomes.map((outcome) => outcome.ok).sort()).toEqual([false, true]);
    expect(outcomes.flatMap((outcome) => (outcome.ok ? [] : outcome.issues.map((found) => found.message)))).toEqual(["appended before, as seq 4–5"]);
    const names: string[] = [];
    for await (const event of store.read()) names.push((event.data as { name: string }).name);
    expect(names.filter((name) => name === "Kommun n1")).toHaveLength(1);
    expect(wholeReads).toEqual([]);
  });
});
