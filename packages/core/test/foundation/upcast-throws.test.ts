import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { createCatalog, defineEvent, defineProjection, GENESIS_HASH, lineOf, period, replay, ReplayError, sealed, strictObject, verifyLog, fromArray, type StoredEvent } from "@tertial/core";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();

const V1 = strictObject("DemoV1", { amount: t.string });
const V2 = strictObject("DemoV2", { amount: t.number });
const broken = defineEvent({
  type: "demo.amount-noted",
  description: "an amount, once text",
  data: V2,
  older: [{ version: 1, data: V1, upcast: (): { amount: number } => { throw new Error("upcast bug"); } }],
});
const catalog = createCatalog([{ name: "demo", events: [broken] }]);

/** A log of one event stored at version 1, as an earlier release wrote it. */
const storedV1 = (): StoredEvent => sealed({ id: "d1", type: "demo.amount-noted", schemaVersion: 1, effectiveAt: "2020-01-01", recordedAt: "2020-01-02T00:00:00.000Z", seq: 0, prevHash: GENESIS_HASH, data: { amount: "5" } });

const amounts = defineProjection<number[], number[]>({ name: "amounts", description: "amounts", init: () => [], evolve: (all, event) => [...all, (event.data as { amount: number }).amount], result: (all) => all });

describe("an upcast that throws", () => {
  it("is an issue at the event's line for verify, saying whose fault it is", async () => {
    const path = join(await tempDir(), "events.jsonl");
    await writeFile(path, `${lineOf(storedV1())}\n`);
    const report = await verifyLog(path, catalog);
    expect(report.issues).toEqual([expect.objectContaining({ code: "invalid-field", path: "data", line: 1, message: "the upcast of demo.amount-noted from version 1 to 2 threw: upcast bug; the stored line is valid, its upcast is wrong" })]);
  });

  it("stops a replay with a ReplayError naming the event, not the upcast's own error", async () => {
    const replayed = replay(fromArray([storedV1()]), catalog, amounts, { period: period("2020") });
    await expect(replayed).rejects.toBeInstanceOf(ReplayError);
    await expect(replayed).rejects.toThrow(/event d1 \(seq 0\) does not decode: .*upcast of demo\.amount-noted from version 1 to 2 threw: upcast bug/);
  });

  it("is refused when defined as anything but a function", () => {
    expect(() => defineEvent({ type: "demo.thing-noted", description: "x", data: V2, older: [{ version: 1, data: V1, upcast: "nope" as never }] })).toThrow("demo.thing-noted v1: an older version needs an upcast, a function from its data to the next version's (or `unchanged`), not string");
  });
});
