import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog, initLog, jsonlStore } from "@tertial/core";
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
});
