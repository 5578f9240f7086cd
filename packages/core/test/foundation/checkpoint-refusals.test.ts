import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, checkpoint, CheckpointError, checkpointIssues, defaultCatalog, fromArray, jsonlStore, period, replay, ReplayError, resume, type Checkpoint, type StoredEvent } from "@tertial/core";
import { EXAMPLE_LOG } from "../finance/support.js";

const store = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });
const options = { period: period("2020") };
const courses = defaultCatalog.projection("courses");
if (courses === undefined) throw new Error("the catalog has courses");

const digestOf = (state: unknown): string => createHash("sha256").update(canonicalJson(state)).digest("hex");

/** The issues resume refuses a checkpoint with, as [path, message] pairs. */
const refusal = async (saved: unknown): Promise<[string, string][]> => {
  try {
    await resume(store, defaultCatalog, courses, options, saved as Checkpoint);
  } catch (error) {
    expect(error).toBeInstanceOf(CheckpointError);
    expect(error).toBeInstanceOf(ReplayError);
    return (error as CheckpointError).issues.map((found) => [found.path, found.message]);
  }
  throw new Error("resume took the checkpoint");
};

describe("resume refuses a checkpoint it cannot vouch for", () => {
  it("every projection's checkpoint of the example, written out as JSON and read back, resumes to the full replay", async () => {
    for (const projection of defaultCatalog.projections) {
      const saved = JSON.parse(JSON.stringify(await checkpoint(store, defaultCatalog, projection, options))) as Checkpoint;
      expect([projection.name, await resume(store, defaultCatalog, projection, options, saved)]).toEqual([projection.name, await replay(store, defaultCatalog, projection, options)]);
      expect(checkpointIssues(saved)).toEqual([]);
    }
  });

  it("every projection's checkpoint after a prefix of the example resumes over the whole of it to the full replay", async () => {
    const events: StoredEvent[] = [];
    for await (const stored of store.read()) events.push(stored);
    // The longest prefix that no later correction makes stale (its events are corrected late in the log).
    const correctedLater = (split: number): boolean => {
      const before = new Set(events.slice(0, split).map((event) => event.id));
      return events.slice(split).some((event) => [event.supersedes, event.retracts].some((target) => target !== undefined && before.has(target)));
    };
    let split = events.length - 1;
    while (correctedLater(split)) split -= 1;
    expect(split).toBeGreaterThan(100);
    const half = fromArray(events.slice(0, split));
    for (const projection of defaultCatalog.projections) {
      const saved = JSON.parse(JSON.stringify(await checkpoint(half, defaultCatalog, projection, options))) as Checkpoint;
      expect([projection.name, await resume(store, defaultCatalog, projection, options, saved)]).toEqual([projection.name, await replay(store, defaultCatalog, projection, options)]);
    }
  });

  it("a checkpoint without its state digest (with its state as written, null or a number)", async () => {
    const { stateDigest: _digest, ...older } = JSON.parse(JSON.stringify(await checkpoint(store, defaultCatalog, courses, options))) as Checkpoint;
    const missing = "is missing, so a state changed since it was written could not be told from the one written (a checkpoint written before checkpoints carried a digest has none); write it again with --checkpoint-out";
    expect(await refusal(older)).toEqual([["stateDigest", missing]]);
    expect(await refusal({ ...older, state: null })).toEqual([
      ["stateDigest", missing],
      ["state", "is not a state of courses"],
    ]);
    expect(await refusal({ ...older, state: 5 })).toEqual([
      ["stateDigest", missing],
      ["state", "is not a state of courses"],
    ]);
  });

  it("a state that is not one of the projection's is refused even with a digest that matches it", async () => {
    const saved = await checkpoint(store, defaultCatalog, courses, options);
    for (const state of [null, 5, [], "state"]) {
      expect(await refusal({ ...saved, state, stateDigest: digestOf(state) })).toEqual([["state", "is not a state of courses"]]);
    }
  });

  it("a state changed after it was written, and a state with no canonical JSON", async () => {
    const saved = JSON.parse(JSON.stringify(await checkpoint(store, defaultCatalog, courses, options))) as Checkpoint & { state: { courses: Record<string, { held: { participantsPerOccasion: number } }> } };
    const course = saved.state.courses["entreprenadjuridik-2020"];
    if (course === undefined) throw new Error("the example holds the course");
    course.held.participantsPerOccasion = 1500;
    expect(await refusal(saved)).toEqual([["stateDigest", "does not match the state: the state was changed after the checkpoint was written; write it again with --checkpoint-out"]]);
    course.held.participantsPerOccasion = Infinity;
    expect(await refusal(saved)).toEqual([["state", "has no canonical JSON (canonical JSON has no form for Infinity)"]]);
  });

  it("fields of the wrong type, missing or unknown, each named", async () => {
    const saved = await checkpoint(store, defaultCatalog, courses, options);
    expect(await refusal(null)).toEqual([["", "is not a checkpoint"]]);
    expect(await refusal([])).toEqual([["", "is not a checkpoint"]]);
    expect(await refusal({ ...saved, seq: "945", knownAt: 5, hash: "ABC", revision: 0, note: "mine" })).toEqual([
      ["knownAt", "is not a checkpoint's knownAt"],
      ["seq", "is not a checkpoint's seq"],
      ["hash", "is not a checkpoint's hash"],
      ["revision", "is not a checkpoint's revision"],
      ["note", "is not a field of a checkpoint"],
    ]);
    const { projection: _projection, state: _state, ...partial } = saved;
    expect(await refusal(partial)).toEqual([
      ["projection", "is missing"],
      ["state", "is missing"],
    ]);
    expect(await refusal({ ...saved, seq: -1 })).toEqual([["hash", "is not a checkpoint's hash"]]);
    expect(checkpointIssues({ ...saved, seq: 1.5 })[0]).toMatchObject({ path: "seq", expected: "a whole number, -1 or more: the seq of the last event folded", actual: "1.5" });
  });

  it("a checkpoint of another projection, period, known-at, revision or log", async () => {
    const saved = await checkpoint(store, defaultCatalog, courses, options);
    expect(await refusal({ ...saved, period: "2021" })).toEqual([["period", "was taken for courses 2021 known at now, not for this replay (courses 2020 known at now)"]]);
    expect(await refusal({ ...saved, projection: "staffing" })).toEqual([["projection", "was taken for staffing 2020 known at now, not for this replay (courses 2020 known at now)"]]);
    expect(await refusal({ ...saved, knownAt: "2020-10-15" })).toEqual([["knownAt", "was taken for courses 2020 known at 2020-10-15, not for this replay (courses 2020 known at now)"]]);
    const folds = saved.revision ?? 1;
    expect(await refusal({ ...saved, revision: folds + 1 })).toEqual([["revision", `holds a state of revision ${folds + 1} of courses, and this code folds revision ${folds}; write it again with --checkpoint-out`]]);
    expect(await refusal({ ...saved, hash: "0".repeat(64) })).toEqual([["hash", `is for another log: event ${saved.seq} has a different hash`]]);
    expect(await refusal({ ...saved, seq: 100000 })).toEqual([["seq", "is for another log: it has no event 100000"]]);
  });
});
