import { appendFile, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  defaultCatalog,
  initLog,
  inspectLogEnd,
  jsonlStore,
  lineOf,
  pendingPath,
  recordPendingBatch,
  repairLogEnd,
  sealed,
  verifyLog,
  withLogLock,
  type EventDraft,
  type LogEnd,
  type LogHead,
  type StoredEvent,
} from "@tertial/core";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();
const municipality = (id: string): EventDraft => ({ id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: `Kommun ${id}` } });
const collect = async (source: { read: () => AsyncIterable<StoredEvent> }): Promise<string[]> => {
  const ids: string[] = [];
  for await (const event of source.read()) ids.push(event.id);
  return ids;
};

/** A log of three committed events. */
const committedLog = async (): Promise<{ path: string; head: LogHead }> => {
  const path = join(await tempDir(), "events.jsonl");
  await initLog(path);
  const outcome = await jsonlStore({ path, catalog: defaultCatalog }).append(["a", "b", "c"].map(municipality));
  if (!outcome.ok) throw new Error("the first batch must append");
  return { path, head: outcome.head };
};

/** The lines a batch of `count` events after `head` would add, chained as the store chains them. */
const batchLines = (head: LogHead, count: number): string[] => {
  let previous = head;
  return Array.from({ length: count }, (_, index) => {
    const { type, effectiveAt, data } = municipality(`x${index}`);
    const event = sealed({ id: `x${index}`, type, effectiveAt, data, schemaVersion: 1, recordedAt: "2099-01-01T00:00:00.000Z", seq: previous.seq + 1, prevHash: previous.hash });
    previous = { seq: event.seq, hash: event.hash };
    return `${lineOf(event)}\n`;
  });
};

/** What a writer killed in the middle of a batch leaves: the record, `whole` lines and part of the next. */
const interruptedBatch = async (path: string, head: LogHead, count: number, whole: number, partBytes: number): Promise<void> => {
  const lines = batchLines(head, count);
  const sizeBefore = (await stat(path)).size;
  const last = JSON.parse(lines[count - 1] as string) as StoredEvent;
  await recordPendingBatch(path, { sizeBefore, headBefore: head, events: count, sizeAfter: sizeBefore + Buffer.byteLength(lines.join("")), headAfter: { seq: last.seq, hash: last.hash } });
  await appendFile(path, lines.slice(0, whole).join("") + (lines[whole] ?? "").slice(0, partBytes));
};

describe("an append interrupted in the middle of a batch", () => {
  it("is named by verify as an incomplete batch, with the lines it spans, and verify says to run repair", async () => {
    const { path, head } = await committedLog();
    await interruptedBatch(path, head, 50, 26, 40);
    const report = await verifyLog(path, defaultCatalog);
    expect(report.events).toBe(3);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: "torn-line", line: 4 });
    expect(report.issues[0]?.message).toBe(`lines 4–30 are an incomplete batch (26 of 50 events written, the last line cut off): its append was interrupted and none of it was committed; run tertial repair ${path} to roll it back (to seq 2)`);
  });

  it("is never read: readers see the committed batches only", async () => {
    const { path, head } = await committedLog();
    await interruptedBatch(path, head, 10, 7, 0);
    const store = jsonlStore({ path, catalog: defaultCatalog });
    expect(await collect(store)).toEqual(["a", "b", "c"]);
    expect(await store.head()).toMatchObject({ seq: 2, hash: head.hash });
  });

  it("is rolled back by the next append, which says so and then appends", async () => {
    const { path, head } = await committedLog();
    await interruptedBatch(path, head, 10, 7, 12);
    const repaired: LogEnd[] = [];
    const store = jsonlStore({ path, catalog: defaultCatalog, onRepair: (end) => repaired.push(end) });
    const outcome = await store.append([municipality("d")]);
    expect(outcome.ok).toBe(true);
    expect(repaired).toEqual([expect.objectContaining({ kind: "incomplete", linesPresent: 7, torn: true, restoredHead: expect.objectContaining({ seq: 2, hash: head.hash }) })]);
    expect(await collect(store)).toEqual(["a", "b", "c", "d"]);
    expect((await verifyLog(path, defaultCatalog)).issues).toEqual([]);
  });

  it("is rolled back by repair, which restores the head before it and removes the record", async () => {
    const { path, head } = await committedLog();
    const before = await readFile(path, "utf8");
    await interruptedBatch(path, head, 30, 0, 0);
    const end = await repairLogEnd(path);
    expect(end).toMatchObject({ kind: "incomplete", linesPresent: 0, torn: false, restoredHead: { seq: 2, hash: head.hash } });
    expect(await readFile(path, "utf8")).toBe(before);
    expect(await stat(pendingPath(path)).catch(() => "gone")).toBe("gone");
    expect(await inspectLogEnd(path)).toEqual({ kind: "clean" });
  });

  it("keeps a batch that was written whole when only its record was left behind", async () => {
    const { path, head } = await committedLog();
    await interruptedBatch(path, head, 5, 5, 0);
    expect((await verifyLog(path, defaultCatalog)).issues).toEqual([]);
    expect(await repairLogEnd(path)).toMatchObject({ kind: "committed" });
    expect(await collect(jsonlStore({ path, catalog: defaultCatalog }))).toHaveLength(8);
  });

  it("repair cuts a cut-off last line left without a record (an earlier version's crash)", async () => {
    const { path, head } = await committedLog();
    const before = await readFile(path, "utf8");
    await appendFile(path, '{"id":"half');
    expect(await repairLogEnd(path)).toMatchObject({ kind: "torn-line", line: 4, restoredHead: { seq: 2, hash: head.hash } });
    expect(await readFile(path, "utf8")).toBe(before);
  });

  it("repair refuses to cut a last line the append state says was committed, and verify names that line once", async () => {
    const { path } = await committedLog();
    const appended = await jsonlStore({ path, catalog: defaultCatalog }).append([municipality("d")]);
    expect(appended.ok).toBe(true);
    await truncate(path, (await stat(path)).size - 30);
    const before = await readFile(path, "utf8");
    const end = await repairLogEnd(path);
    expect(end).toMatchObject({ kind: "inconsistent", line: 4 });
    expect(end.kind === "inconsistent" ? end.message : "").toMatch(/line 4\) is cut off, yet it was committed: the append state beside the log records events up to seq 3/);
    expect(await readFile(path, "utf8")).toBe(before);
    const report = await verifyLog(path, defaultCatalog);
    expect(report.issues).toEqual([expect.objectContaining({ code: "chain-broken", line: 4, message: expect.stringContaining("restore it from a copy") })]);
    expect((await jsonlStore({ path, catalog: defaultCatalog }).append([municipality("e")])).ok).toBe(false);
    expect(await readFile(path, "utf8")).toBe(before);
  });

  it("repair refuses when the record does not fit the log, and verify and append say why", async () => {
    const { path, head } = await committedLog();
    await interruptedBatch(path, head, 5, 2, 0);
    await writeFile(path, (await readFile(path, "utf8")).split("\n").slice(0, 2).join("\n") + "\n");
    const before = await readFile(path, "utf8");
    expect(await repairLogEnd(path)).toMatchObject({ kind: "inconsistent" });
    expect((await verifyLog(path, defaultCatalog)).issues.map((found) => found.message).join()).toContain("shorter");
    const outcome = await jsonlStore({ path, catalog: defaultCatalog }).append([municipality("d")]);
    expect(outcome.ok).toBe(false);
    expect(await readFile(path, "utf8")).toBe(before);
  });
});

describe("a last line that only lost its newline (an editor stripped it)", () => {
  /** The committed log with its final newline cut off, as `head -c -1` leaves it. */
  const strippedLog = async (): Promise<{ path: string; head: LogHead; before: string }> => {
    const { path, head } = await committedLog();
    const before = await readFile(path, "utf8");
    await truncate(path, Buffer.byteLength(before) - 1);
    return { path, head, before };
  };

  it("is named by verify as a committed line lacking its newline, its event checked and counted", async () => {
    const { path } = await strippedLog();
    const report = await verifyLog(path, defaultCatalog);
    expect(report.events).toBe(3);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: "torn-line", line: 3 });
    expect(report.issues[0]?.message).toBe(`the last line (line 3) lacks its final newline: its event is whole and chains onto the line before it, so it was committed and only the newline is missing (an editor may have stripped it); run tertial repair ${path} to add it`);
  });

  it("is mended by repair, which adds the newline and keeps the event", async () => {
    const { path, head, before } = await strippedLog();
    expect(await repairLogEnd(path)).toMatchObject({ kind: "missing-newline", line: 3, head: { seq: 2, hash: head.hash } });
    expect(await readFile(path, "utf8")).toBe(before);
    expect((await verifyLog(path, defaultCatalog)).issues).toEqual([]);
    expect(await jsonlStore({ path, catalog: defaultCatalog }).append([municipality("d")])).toMatchObject({ ok: true });
  });

  it("stops readers with a message that says the line was committed and repair adds its newline", async () => {
    const { path } = await strippedLog();
    await expect(collect(jsonlStore({ path, catalog: defaultCatalog }))).rejects.toThrow("the last line lacks its final newline (its event is whole and was committed); run tertial repair to add it");
  });

  it("is cut as before when the line does not chain onto the one before it, or was changed", async () => {
    const { path, head } = await committedLog();
    const lines = (await readFile(path, "utf8")).split("\n");
    // The last event again, with no newline: whole and intact, but not the event after the head.
    await appendFile(path, lines[2] ?? "");
    expect(await inspectLogEnd(path)).toMatchObject({ kind: "torn-line", line: 4, restoredHead: { seq: 2, hash: head.hash } });
    await writeFile(path, `${lines[0]}\n${lines[1]}\n${(lines[2] ?? "").replace("Kommun c", "Kommun C")}`);
    // The append state says line 3 was committed: a changed committed line is not cut.
    expect(await inspectLogEnd(path)).toMatchObject({ kind: "inconsistent", line: 3 });
    // Without it (a log an earlier version wrote), the line is cut as an append's unfinished line.
    await rm(`${path}.append-state`);
    expect(await inspectLogEnd(path)).toMatchObject({ kind: "torn-line", line: 3 });
  });
});

describe("a batch whose writer is alive and holds the log's lock", () => {
  it("is an append in progress for verify, which checks the committed lines and finds no problem; once the writer is gone it is interrupted", async () => {
    const { path, head } = await committedLog();
    const inProgress = await withLogLock(path, async (real) => {
      await interruptedBatch(real, head, 10, 4, 30);
      return verifyLog(path, defaultCatalog);
    });
    expect(inProgress).toMatchObject({ events: 3, issues: [], end: { kind: "in-progress", cutAt: expect.any(Number) } });
    // The lock released with the record still there: its writer gave up, so the batch was interrupted.
    const interrupted = await verifyLog(path, defaultCatalog);
    expect(interrupted.end.kind).toBe("incomplete");
    expect(interrupted.issues.map((found) => found.message).join()).toContain("its append was interrupted");
  });
});

describe("a .pending record left by a log deleted since", () => {
  /** A log whose append was interrupted, then deleted and made again under the same name. */
  const recreatedLog = async (): Promise<string> => {
    const { path, head } = await committedLog();
    await interruptedBatch(path, head, 10, 4, 30);
    await rm(path);
    await initLog(path);
    return path;
  };

  it("is recognised as another file's: verify passes, repair removes it, and an append goes ahead", async () => {
    const path = await recreatedLog();
    expect(await inspectLogEnd(path)).toEqual({ kind: "clean", staleRecord: true });
    expect((await verifyLog(path, defaultCatalog)).issues).toEqual([]);
    expect(await jsonlStore({ path, catalog: defaultCatalog }).append([municipality("d")])).toMatchObject({ ok: true });
    expect(await stat(pendingPath(path)).catch(() => "gone")).toBe("gone");
  });

  it("is removed by repair, which says so", async () => {
    const path = await recreatedLog();
    expect(await repairLogEnd(path)).toEqual({ kind: "clean", staleRecord: true });
    expect(await stat(pendingPath(path)).catch(() => "gone")).toBe("gone");
  });

  it("of an earlier version (no file named) still blocks the log, but the message says which file to remove", async () => {
    const path = await recreatedLog();
    const record = JSON.parse(await readFile(pendingPath(path), "utf8")) as Record<string, unknown>;
    delete record.file;
    await writeFile(pendingPath(path), JSON.stringify(record));
    const end = await repairLogEnd(path);
    expect(end.kind).toBe("inconsistent");
    expect(end.kind === "inconsistent" ? end.message : "").toContain(`remove ${pendingPath(path)}`);
  });
});
