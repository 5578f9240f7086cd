import { readdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
  states: { "fold@2020": { seq } },
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
});
