import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCatalog, initLog, jsonlStore, memoryStore, type AppendOptions, type EventDraft, type EventStore } from "@tertial/core";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();
const municipality = (id: string): EventDraft => ({ id: `m-${id}`, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: id } });

/** Both stores in this package, each with one event, and a way to see the bytes a file store holds. */
const stores = async (): Promise<{ readonly name: string; readonly store: EventStore; readonly bytes: () => Promise<string> }[]> => {
  const memory = memoryStore({ catalog: defaultCatalog });
  await memory.append([municipality("a")]);
  const path = join(await tempDir(), "events.jsonl");
  await initLog(path);
  const file = jsonlStore({ path, catalog: defaultCatalog });
  await file.append([municipality("a")]);
  return [
    { name: "memory", store: memory, bytes: async () => JSON.stringify(memory.events()) },
    { name: "jsonl", store: file, bytes: () => readFile(path, "utf8") },
  ];
};

/** Arguments a caller in plain JavaScript may pass, and the path of the issue each must get. */
const wrongArguments: readonly (readonly [string, unknown, unknown, string])[] = [
  ["no drafts", undefined, undefined, ""],
  ["null for drafts", null, undefined, ""],
  ["a null draft", [null], undefined, ""],
  ["options that are text", [municipality("b")], "fast", "options"],
  ["expectedSeq as text", [municipality("b")], { expectedSeq: "0" }, "expectedSeq"],
  ["expectedSeq below -1", [municipality("b")], { expectedSeq: -2 }, "expectedSeq"],
  ["places that are text", [municipality("b")], { places: "file.jsonl" }, "places"],
  ["places of another length", [municipality("b")], { places: [] }, "places"],
  ["a precondition that is no function", [municipality("b")], { precondition: true }, "precondition"],
  ["a precondition returning text", [municipality("b")], { precondition: async () => "no" }, "precondition"],
];

describe("append's own arguments, as a plain-JavaScript caller may pass them", () => {
  it.each(wrongArguments)("%s: an issue naming the argument, nothing written", async (_name, drafts, options, path) => {
    for (const { name, store, bytes } of await stores()) {
      const before = await bytes();
      const outcome = await store.append(drafts as EventDraft[], options as AppendOptions);
      expect([name, outcome.ok]).toEqual([name, false]);
      if (!outcome.ok) expect(outcome.issues[0]?.path).toBe(path);
      expect(await bytes()).toBe(before);
    }
  });

  it("a precondition that returns nothing is taken as finding nothing wrong; expectedSeq 0 as a number is as before", async () => {
    for (const { name, store } of await stores()) {
      const outcome = await store.append([municipality("b")], { expectedSeq: 0, precondition: async () => undefined as never });
      expect([name, outcome.ok]).toEqual([name, true]);
    }
  });
});

describe("a store's options, as a plain-JavaScript caller may pass them", () => {
  it("are refused when the store is made, with what it takes", () => {
    expect(() => jsonlStore("log.jsonl" as never)).toThrow('jsonlStore takes an object of options, jsonlStore({ path, catalog }), not the text "log.jsonl"');
    expect(() => jsonlStore({ path: "log.jsonl" } as never)).toThrow("jsonlStore needs a catalog (jsonlStore({ path, catalog })): defaultCatalog, or one made by createCatalog");
    expect(() => jsonlStore({ catalog: defaultCatalog } as never)).toThrow("jsonlStore needs the log's path as text (jsonlStore({ path, catalog }))");
    expect(() => memoryStore({} as never)).toThrow("memoryStore needs a catalog");
    expect(() => memoryStore({ catalog: defaultCatalog, clock: 5 } as never)).toThrow("memoryStore's clock is a function returning epoch milliseconds, not number");
  });
});
