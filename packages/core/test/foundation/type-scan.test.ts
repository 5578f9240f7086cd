import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, initLog, jsonlStore, LogBrokenError, type EventDraft, type EventSource, type StoredEvent } from "@tertial/core";
import { tailType } from "../../src/log/type-scan.js";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();

const tailOf = (text: string): string | undefined => {
  const bytes = Buffer.from(`garbage\n${text}\nmore`, "utf8");
  const start = Buffer.byteLength("garbage\n");
  return tailType(bytes, start, start + Buffer.byteLength(text));
};

// Keys and texts that make a line's end look like, or nearly like, a type key: quotes, backslashes, braces, other scripts.
const tricky = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("type", '"', "\\", '\\"', "}", '","type":"x', "å", "\u{1F600}", "a.b-c"));
const arbValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, tricky, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 3 }), tie("object")),
  object: fc.dictionary(fc.oneof(tricky, fc.constant("type")), tie("value"), { maxKeys: 4 }),
})).value;

const byTypes = (store: EventSource, types: ReadonlySet<string>): AsyncIterable<StoredEvent> => {
  if (store.readTypes === undefined) throw new Error("a file store reads by type");
  return store.readTypes(types);
};

const collect = async <T>(events: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const event of events) out.push(event);
  return out;
};

/** What a read that must fail throws. */
const refusalOf = async (events: AsyncIterable<unknown>): Promise<unknown> => {
  try {
    await collect(events);
  } catch (error) {
    return error;
  }
  throw new Error("the read was expected to fail, and gave every event");
};

describe("reading a line's type from its last bytes", () => {
  it("names the type JSON.parse gives the line, or nothing, for any JSON object written in any key order (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(tricky, fc.constant("type")), arbValue, { maxKeys: 5 }), fc.oneof(tricky, arbValue), fc.boolean(), (fields, type, last) => {
        const object = last ? { ...fields, type } : { type, ...fields };
        const text = JSON.stringify(object);
        const found = tailOf(text);
        if (found !== undefined) expect(found).toBe((JSON.parse(text) as { type: unknown }).type);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the type of every canonical line whose type needs no escape", () => {
    expect(tailOf('{"data":{"type":"inner"},"id":"a","type":"finance.cost-booked"}')).toBe("finance.cost-booked");
    expect(tailOf('{"id":"a","type":"områden"}')).toBe("områden");
    expect(tailOf('{"id":"a","type":"a\\"b"}')).toBeUndefined();
    expect(tailOf('{"type":"a","id":"b"}')).toBeUndefined();
    expect(tailOf('{"data":{"type":"inner"}}')).toBeUndefined();
  });
});

describe("a file store's read by type", () => {
  const area: EventDraft = { id: "area-fou", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fou", name: "FoU" } };
  const town = (id: string): EventDraft => ({ id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: `Kommun ${id}` } });
  const cost = (id: string): EventDraft => ({ id, type: "finance.cost-booked", effectiveAt: "2020-04-30", data: { areaId: "fou", from: "2020-04-01", to: "2020-04-30", amount: "1000" } });
  const wanted = new Set([area.type, "finance.cost-booked"]);

  const logWith = async (): Promise<{ path: string; lines: string[] }> => {
    const path = join(await tempDir(), "events.jsonl");
    await initLog(path);
    const store = jsonlStore({ path, catalog: defaultCatalog });
    expect((await store.append([town("a"), area, cost("c1"), town("b"), cost("c2"), town("c")])).ok).toBe(true);
    return { path, lines: (await readFile(path, "utf8")).trimEnd().split("\n") };
  };

  it("refuses a line of a type it reads written otherwise than canonically, as a read does: the line was changed", async () => {
    const { path, lines } = await logWith();
    // The same event with its keys in another order: its content still hashes to its hash, but a stored line is canonical JSON.
    const reordered = lines.map((line, index) => (index === 2 ? JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(line) as object).reverse())) : line));
    await writeFile(path, `${reordered.join("\n")}\n`);
    const store = jsonlStore({ path, catalog: defaultCatalog });
    for (const read of [store.read(), byTypes(store, wanted)]) {
      const refused = await refusalOf(read);
      expect(refused).toBeInstanceOf(LogBrokenError);
      expect(refused).toMatchObject({ issues: [{ code: "not-canonical", line: 3, column: 3 }] });
    }
  });

  it("names a last line with no newline as a read does, never passes over it: a whole committed line, or one cut off", async () => {
    const { path, lines } = await logWith();
    const store = jsonlStore({ path, catalog: defaultCatalog });
    // The last line is a town's, a type not read here: it must be named all the same, not taken for the log's end.
    await writeFile(path, lines.join("\n"));
    const lostNewline = { issues: [{ code: "torn-line", line: 6, message: expect.stringContaining("lacks its final newline") as unknown }] };
    expect(await refusalOf(store.read())).toMatchObject(lostNewline);
    expect(await refusalOf(byTypes(store, wanted))).toMatchObject(lostNewline);
    await writeFile(path, `${lines.slice(0, 5).join("\n")}\n${(lines[5] ?? "").slice(0, 40)}`);
    const cutOff = { issues: [{ code: "torn-line", line: 6, message: expect.stringContaining("cut off") as unknown }] };
    expect(await refusalOf(store.read())).toMatchObject(cutOff);
    expect(await refusalOf(byTypes(store, wanted))).toMatchObject(cutOff);
  });

  it("reads lines that cross the reads' chunk boundaries (16 KiB growing to 256 KiB), a line longer than a chunk too", async () => {
    const path = join(await tempDir(), "events.jsonl");
    await initLog(path);
    const store = jsonlStore({ path, catalog: defaultCatalog });
    const long = (id: string): EventDraft => ({ ...cost(id), data: { areaId: "fou", from: "2020-04-01", to: "2020-04-30", amount: "1000", note: `lång anteckning ${"å".repeat(20_000)}` } });
    const drafts = [area, ...Array.from({ length: 600 }, (_, index) => (index % 3 === 0 ? cost(`c${index}`) : index % 101 === 0 ? long(`long${index}`) : town(`t${index}`)))];
    expect((await store.append(drafts)).ok).toBe(true);
    const all = await collect(store.read());
    expect((await readFile(path)).length).toBeGreaterThan(300_000);
    expect(await collect(byTypes(store, wanted))).toEqual(all.filter((event: StoredEvent) => wanted.has(event.type)));
    // Every type wanted: every line read, the ones a chunk boundary cuts included.
    expect(await collect(byTypes(store, new Set(all.map((event) => event.type))))).toEqual(all);
  });

  it("refuses a changed line of a type it reads, and passes over the lines of other types unread", async () => {
    const { path, lines } = await logWith();
    const changed = async (index: number, from: string, to: string): Promise<ReturnType<typeof jsonlStore>> => {
      await writeFile(path, `${lines.map((line, at) => (at === index ? line.replace(from, to) : line)).join("\n")}\n`);
      return jsonlStore({ path, catalog: defaultCatalog });
    };
    await expect(collect(byTypes(await changed(2, '"amount":"1000"', '"amount":"9000"'), wanted))).rejects.toThrow(LogBrokenError);
    // A town's line is another type's: not read here, so not checked here (verify and every read still check it).
    expect((await collect(byTypes(await changed(0, "Kommun a", "Kommun z"), wanted))).map((event) => event.id)).toEqual(["area-fou", "c1", "c2"]);
  });
});
