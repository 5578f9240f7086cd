import { readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fileSnapshots, SNAPSHOT_FORMAT, type ReplaySnapshot } from "@tertial/core";
import { useTempDir } from "../foundation/temp-dir.js";

const tempDir = useTempDir();
const PLAN = "0123456789abcdef0123456789abcdef";

const snapshotAt = (seq: number, recordedAt: string): ReplaySnapshot => ({
  format: SNAPSHOT_FORMAT,
  plan: PLAN,
  anchor: { seq, hash: String(seq % 10).repeat(64), position: `${seq * 100}:${seq * 100 + 100}:${seq + 1}` },
  recordedAt,
  events: seq + 1,
  lines: seq + 1,
  states: { "fold@2020": { seq }, "other@2020": { seq, names: ["å", "–"] }, "third@2019": null },
});

describe("snapshots kept beside a log file", () => {
  it("serve the nearest one recorded by the cut-off, and the next older one when the nearest vanished after the folder was listed", async () => {
    const log = join(await tempDir(), "events.jsonl");
    await writeFile(log, "");
    const beside = fileSnapshots(log);
    await beside.save(snapshotAt(10, "2020-03-01T10:00:00.000Z"));
    await beside.save(snapshotAt(20, "2020-04-01T10:00:00.000Z"));
    expect((await beside.nearest(PLAN, undefined))?.anchor.seq).toBe(20);
    expect((await beside.nearest(PLAN, Date.parse("2020-03-15T00:00:00Z")))?.anchor.seq).toBe(10);
    expect(await beside.nearest(PLAN, Date.parse("2020-02-01T00:00:00Z"))).toBeUndefined();
    // A name that lists but no longer reads (removed between the listing and the read, as a link to nothing does every time).
    const folder = join(`${log}.snapshots`, PLAN);
    const newest = (await readdir(folder)).sort().at(-1) as string;
    await rm(join(folder, newest));
    await symlink(join(folder, "gone.json"), join(folder, newest));
    expect((await beside.nearest(PLAN, undefined))?.anchor.seq).toBe(10);
  });

  afterEach(() => vi.restoreAllMocks());

  it("parse a state only when it is read, each once, and give back what was saved", async () => {
    const log = join(await tempDir(), "events.jsonl");
    await writeFile(log, "");
    const store = fileSnapshots(log);
    await store.save(snapshotAt(7, "2020-03-01T10:00:00.000Z"));
    const parse = vi.spyOn(JSON, "parse");
    const found = await store.nearest(PLAN, undefined);
    const afterOpening = parse.mock.calls.length;
    expect(afterOpening).toBe(1);
    expect(found?.states["other@2020"]).toEqual({ seq: 7, names: ["å", "–"] });
    expect(found?.states["other@2020"]).toBe(found?.states["other@2020"]);
    expect(parse.mock.calls.length).toBe(afterOpening + 1);
    expect(Object.keys(found?.states ?? {})).toEqual(["fold@2020", "other@2020", "third@2019"]);
    expect(found?.states["third@2019"]).toBeNull();
    expect({ ...found, states: { ...found?.states } }).toEqual(snapshotAt(7, "2020-03-01T10:00:00.000Z"));
  });

  it("skip, and say why, a file whose state lines were changed, cut short or added to since it was written", async () => {
    const log = join(await tempDir(), "events.jsonl");
    await writeFile(log, "");
    const ignored: string[] = [];
    const store = fileSnapshots(log, { onIgnored: (_file, problem) => ignored.push(problem) });
    await store.save(snapshotAt(10, "2020-03-01T10:00:00.000Z"));
    await store.save(snapshotAt(20, "2020-04-01T10:00:00.000Z"));
    const folder = join(`${log}.snapshots`, PLAN);
    const newest = join(folder, (await readdir(folder)).sort().at(-1) as string);
    const written = await readFile(newest, "latin1");
    const [first = "", ...states] = written.split("\n");
    const damaged = [
      [first, states[0]?.replace("20", "21"), ...states.slice(1)].join("\n"),
      [first, ...states.slice(0, 2), ""].join("\n"),
      [first, ...states, "{}", ""].join("\n"),
      written.slice(0, -1),
    ];
    for (const text of damaged) {
      await writeFile(newest, text, "latin1");
      expect((await store.nearest(PLAN, undefined))?.anchor.seq).toBe(10);
    }
    expect(ignored).toHaveLength(4);
    expect(ignored[0]).toContain("SHA-256");
    await writeFile(newest, written, "latin1");
    expect((await store.nearest(PLAN, undefined))?.anchor.seq).toBe(20);
  });
});
