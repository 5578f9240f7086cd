import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dec, defaultCatalog, draftEnvelopeIssues, formatIssue, initLog, jsonlStore, verifyLog, type EventDraft, type Issue } from "@tertial/core";
import { referencePreamble } from "@tertial/core/testing";
import { opened, seededStore } from "./helpers.js";
import { useTempDir } from "./temp-dir.js";

const good = opened("ok-1", "p1", "2020-01-01");
const cases: { name: string; draft: EventDraft; path: string; says: RegExp }[] = [
  { name: "a month that does not exist", draft: { ...good, id: "bad-1", effectiveAt: "2020-13-01" }, path: "effectiveAt", says: /there is no month 13/ },
  { name: "a day the month lacks", draft: { ...good, id: "bad-2", effectiveAt: "2020-02-30" }, path: "effectiveAt", says: /February 2020 has 29 days/ },
  { name: "a word for a date", draft: { ...good, id: "bad-3", effectiveAt: "yesterday" }, path: "effectiveAt", says: /is not valid/ },
  { name: "no effective date", draft: { ...good, id: "bad-4", effectiveAt: undefined as unknown as string }, path: "effectiveAt", says: /is missing/ },
  { name: "a recorded time that is no instant", draft: { ...good, id: "bad-5", recordedAt: "soon" }, path: "recordedAt", says: /is not valid/ },
  { name: "an id with spaces", draft: { ...good, id: "Luleå stad 1" }, path: "id", says: /is not valid/ },
  { name: "an empty id", draft: { ...good, id: "" }, path: "id", says: /is not valid/ },
  { name: "provenance of the wrong shape", draft: { ...good, id: "bad-6", source: { document: 5, foo: "bar" } as unknown as NonNullable<EventDraft["source"]> }, path: "source.document", says: /not text/ },
  { name: "a Decimal in the data", draft: { ...good, id: "bad-7", data: { ...(good.data as object), fte: dec("1.00") } }, path: "data.fte", says: /is a Decimal object, not a JSON value: .*"45.30"/ },
  { name: "a Date in the data", draft: { ...good, id: "bad-8", data: { ...(good.data as object), from: new Date(0) } }, path: "data.from", says: /is a Date object, not a JSON value/ },
  { name: "a function in the data", draft: { ...good, id: "bad-9", data: { ...(good.data as object), fte: () => "1.00" } }, path: "data.fte", says: /is a function, not a JSON value/ },
  { name: "NaN in the data", draft: { ...good, id: "bad-10", data: { ...(good.data as object), n: Number.NaN } }, path: "data.n", says: /is NaN, not a JSON value/ },
  { name: "a hole in a list", draft: { ...good, id: "bad-11", data: { ...(good.data as object), list: [1, undefined, 3] } }, path: "data.list[1]", says: /undefined \(or a hole\) in a list/ },
  { name: "a big integer in the data", draft: { ...good, id: "bad-12", data: { ...(good.data as object), n: { deep: [1n] } } }, path: "data.n.deep[0]", says: /is a bigint, not a JSON value/ },
  { name: "a Date as the effective date", draft: { ...good, id: "bad-14", effectiveAt: new Date(0) as unknown as string }, path: "effectiveAt", says: /^is a Date object, not a JSON value/ },
  { name: "a Map as provenance", draft: { ...good, id: "bad-13", source: new Map() as unknown as NonNullable<EventDraft["source"]> }, path: "source", says: /is a Map object, not a JSON value/ },
];

const issueAt = (issues: readonly Issue[], path: string): Issue | undefined => issues.find((found) => found.path === path);

describe("a draft built in code is held to the rules a drafts file is", () => {
  for (const { name, draft, path, says } of cases) {
    it(`refuses ${name} at ${path}, with the draft's id, and writes nothing`, async () => {
      const store = await seededStore();
      const before = await store.head();
      const outcome = await store.append([good, draft]);
      expect(outcome.ok).toBe(false);
      const issues = outcome.ok ? [] : outcome.issues;
      const found = issueAt(issues, path);
      expect(found?.message, JSON.stringify(issues)).toMatch(says);
      expect(found?.eventId).toBe(draft.id ?? "generated");
      expect(await store.head()).toEqual(before);
    });
  }

  it("places each issue at its draft's place in the batch, which formatIssue prints where no file line is given", async () => {
    const store = await seededStore();
    const { id: _id, ...withoutId } = good;
    const outcome = await store.append([{ ...withoutId, effectiveAt: "2020-13-01" }, opened("ok-2", "p2", "2020-01-01"), { ...withoutId, data: { ...(good.data as object), fte: 1.5 } }]);
    if (outcome.ok) throw new Error("two drafts are bad");
    expect(outcome.issues.map((found) => [found.draft, found.path])).toEqual([[1, "effectiveAt"], [3, "data.fte"]]);
    expect(formatIssue(outcome.issues[1] as Issue)).toMatch(/^draft 3: data\.fte: /);
    const placed = await store.append([{ ...withoutId, effectiveAt: "2020-13-01" }], { places: [{ file: "drafts.jsonl", line: 7 }] });
    expect(placed.ok ? [] : placed.issues.map((found) => [found.draft, formatIssue(found).slice(0, 17)])).toEqual([[undefined, "drafts.jsonl:7: e"]]);
  });

  it("says a single draft, or anything else, is not the list append takes", async () => {
    const store = await seededStore();
    const outcome = await store.append(good as unknown as EventDraft[]);
    expect(outcome.ok ? [] : outcome.issues.map((found) => found.message)).toEqual(["append takes a list of drafts (an array), not a single value"]);
  });

  it("names every problem of a draft at once", () => {
    const issues = draftEnvelopeIssues({ ...good, id: "a b", effectiveAt: "2020-13-01", data: { fte: dec("1"), at: new Date(0) } });
    expect(issues.map((found) => found.path).sort()).toEqual(["data.at", "data.fte", "effectiveAt", "id"]);
    // A Date where a date belongs is named once, as what it is, without advice meant for a drafts file.
    expect(draftEnvelopeIssues({ ...good, effectiveAt: new Date(0) as unknown as string }).map((found) => found.message)).toEqual([expect.stringMatching(/^is a Date object, not a JSON value/) as unknown]);
  });

  it("leaves out an object's key whose value is undefined, as JSON does, and accepts plain JSON", () => {
    // A draft built by spreading optional fields (JavaScript callers, or types without exactOptionalPropertyTypes).
    const spread = { ...good, supersedes: undefined } as unknown as EventDraft;
    expect(draftEnvelopeIssues({ ...spread, data: { ...(good.data as object), note: undefined, list: [null, "x", 1.5, { a: true }] } })).toEqual([]);
    expect(draftEnvelopeIssues({ ...good, data: Object.assign(Object.create(null) as object, { a: 1 }) })).toEqual([]);
  });

  it("keeps a file log readable: what verify would refuse is never written", async () => {
    const dir = await useTempDir()();
    const path = join(dir, "log.jsonl");
    await initLog(path);
    const store = jsonlStore({ path, catalog: defaultCatalog });
    expect((await store.append(referencePreamble())).ok).toBe(true);
    const written = await readFile(path, "utf8");
    for (const { draft } of cases) expect((await store.append([draft])).ok).toBe(false);
    expect(await readFile(path, "utf8")).toBe(written);
    expect((await store.append([good])).ok).toBe(true);
    const verified = await verifyLog(path, defaultCatalog);
    expect(verified.issues).toEqual([]);
  });
});
