import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCatalog, StoredEventCodec, type StoredEvent } from "@tertial/core";

const EXAMPLES = ["kommunal-utveckling-2020", "kommunal-utveckling-2022-plan"].map((name) => resolve(import.meta.dirname, `../../../../examples/${name}/events.jsonl`));

describe("the read path's fast checks", () => {
  it("accept every stored line of the examples by `is` alone (envelope and data), so reads rarely decode", () => {
    let lines = 0;
    for (const file of EXAMPLES) {
      for (const text of readFileSync(file, "utf8").split("\n").filter((line) => line !== "")) {
        const raw = JSON.parse(text) as StoredEvent;
        expect([raw.id, StoredEventCodec.is(raw)]).toEqual([raw.id, true]);
        const version = defaultCatalog.definition(raw.type)?.versions.find((each) => each.version === raw.schemaVersion);
        expect([raw.id, version?.data.is(raw.data)]).toEqual([raw.id, true]);
        lines += 1;
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });
});
