import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog, initLog, jsonlStore, lineOf, sealed, type StoredEvent } from "@tertial/core";
import { describe, expect, it } from "vitest";

const municipality = (id: string) => ({ id: `m-${id}`, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: id } });

const logWithThreeEvents = async (): Promise<string> => {
  const path = join(await mkdtemp(join(tmpdir(), "tertial-tampered-")), "log.jsonl");
  await initLog(path);
  const outcome = await jsonlStore({ path, catalog: defaultCatalog }).append([municipality("a"), municipality("b"), municipality("c")]);
  expect(outcome.ok).toBe(true);
  return path;
};

describe("appending onto a broken chain", () => {
  it("refuses when a middle line was dropped, naming the line, and writes nothing", async () => {
    const path = await logWithThreeEvents();
    const lines = (await readFile(path, "utf8")).split("\n");
    await writeFile(path, [lines[0], lines[2], ""].join("\n"));
    const before = await readFile(path, "utf8");
    const outcome = await jsonlStore({ path, catalog: defaultCatalog }).append([municipality("d")]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]).toMatchObject({ code: "chain-broken", line: 2 });
    expect(await readFile(path, "utf8")).toBe(before);
  });

  it("refuses when two lines were swapped", async () => {
    const path = await logWithThreeEvents();
    const lines = (await readFile(path, "utf8")).split("\n");
    await writeFile(path, [lines[1], lines[0], lines[2], ""].join("\n"));
    const outcome = await jsonlStore({ path, catalog: defaultCatalog }).append([municipality("d")]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]?.code).toBe("chain-broken");
  });

  it("refuses when a fact the rules learn from no longer decodes, naming the log's line, not the batch (a chain sealed again over a changed line)", async () => {
    const path = await logWithThreeEvents();
    const events = (await readFile(path, "utf8")).trim().split("\n").map((line) => JSON.parse(line) as StoredEvent);
    let previous = (events[0] as StoredEvent).hash;
    const resealed = events.map((event, index) => {
      if (index === 0) return event;
      const { hash: _old, ...rest } = index === 1 ? { ...event, data: { municipalityId: "b", name: 5 } } : event;
      const again = sealed({ ...rest, prevHash: previous });
      previous = again.hash;
      return again;
    });
    await writeFile(path, resealed.map((event) => `${lineOf(event)}\n`).join(""));
    const before = await readFile(path, "utf8");
    const outcome = await jsonlStore({ path, catalog: defaultCatalog }).append([municipality("d")]);
    expect(outcome).toMatchObject({ ok: false, logBroken: true, issues: [{ code: "invalid-field", path: "data.name", file: path, line: 2, eventId: "m-b" }] });
    expect(await readFile(path, "utf8")).toBe(before);
  });
});
