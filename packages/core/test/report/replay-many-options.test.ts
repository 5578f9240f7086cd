import { describe, expect, it } from "vitest";
import { defaultCatalog, defineProjection, fromArray, jsonlStore, period, replay, replayMany, ReplayError, type ReplayManyOptions, type ReportProjectionNeed } from "@tertial/core";
import { EXAMPLE_LOG } from "../finance/support.js";
import { refusal } from "../foundation/helpers.js";

// replayMany takes replay's period and knownAt, and checks them as replay does, before any fold
// starts: a period given as text was folded under a period of no dates before, with no error.

const empty = fromArray([]);
const interim = period("2020-T1..T2");
const KNOWN_AT = 'expected a date "YYYY-MM-DD" or an instant with offset ("2020-10-15T12:00:00+02:00"), as a string, or no knownAt for as known now';

const counter = defineProjection<{ ids: string[] }, string[]>({
  name: "counter",
  description: "ids of the events",
  init: () => ({ ids: [] }),
  evolve: (state, event) => {
    state.ids.push(event.id);
    return state;
  },
  result: (state) => state.ids,
});
const needs: ReportProjectionNeed[] = [{ projection: counter, period: "report" }];

const many = (options: unknown) => refusal(() => replayMany(empty, defaultCatalog, needs, options as ReplayManyOptions));
const one = (options: unknown) => refusal(() => replay(empty, defaultCatalog, counter, options as ReplayManyOptions));

describe("replayMany names a bad period or known-at, as replay does", () => {
  it("a period given as text, missing, a number, or no options at all", async () => {
    expect(await many({ period: "2020-T1..T2" })).toEqual(["ReplayError", 'replayMany: period is the text "2020-T1..T2", not a Period; expected period("2020-T1..T2")']);
    expect(await many({ period: "2020" })).toEqual(["ReplayError", 'replayMany: period is the text "2020", not a Period; expected period("2020")']);
    expect(await many({})).toEqual(["ReplayError", 'replayMany: period is missing; expected a Period, made by period("2020-T1..T2")']);
    expect(await many({ period: 2020 })).toEqual(["ReplayError", 'replayMany: period is a number (2020), not a Period; expected a Period, made by period("2020-T1..T2")']);
    expect(await many(undefined)).toEqual(["ReplayError", 'replayMany: options are missing; expected { period: period("2020-T1..T2"), knownAt?: "2020-10-15" }']);
    const [kind, message] = await many({ period: "2020-X" });
    expect(kind).toBe("ReplayError");
    expect(message).toMatch(/^replayMany: period is the text "2020-X", not a Period, and no period's text either; expected a Period, made by period\("…"\) from one of: 2020, 2020-T2, 2020-T1\.\.T2, /);
  });

  it("a period object whose name, dates or order are not a Period's", async () => {
    expect(await many({ period: { ...interim, name: "jan-aug" } })).toEqual([
      "ReplayError",
      'replayMany: period {"start":"2020-01-01","end":"2020-08-31","name":"jan-aug"} is not a Period: its name is the text "jan-aug", and period() names it "2020-T1..T2"; expected a Period, made by period("2020-T1..T2")',
    ]);
    expect(await many({ period: { start: "2020-01-01", end: "2020-08-31" } })).toEqual([
      "ReplayError",
      'replayMany: period {"start":"2020-01-01","end":"2020-08-31"} is not a Period: its name is missing, and period() names it "2020-T1..T2"; expected a Period, made by period("2020-T1..T2")',
    ]);
    expect((await many({ period: { start: "2020-02-30", end: "2020-08-31", name: "x" } }))[1]).toMatch(/^replayMany: period .* is not a Period: its start is the text "2020-02-30", not a date YYYY-MM-DD; /);
    expect((await many({ period: { start: "2020-09-01", end: "2020-08-31", name: "x" } }))[1]).toMatch(/^replayMany: period .* is not a Period: it ends before it starts; /);
  });

  it("a known-at that is a Date, a number, null, or text that is no date or instant", async () => {
    expect(await many({ period: interim, knownAt: new Date("2020-10-15T10:00:00Z") })).toEqual(["ReplayError", `replayMany: knownAt is a Date (2020-10-15T10:00:00.000Z), not text; ${KNOWN_AT} (a Date's toISOString() is one)`]);
    expect(await many({ period: interim, knownAt: 1602756000000 })).toEqual(["ReplayError", `replayMany: knownAt is a number (1602756000000), not text; ${KNOWN_AT}`]);
    expect(await many({ period: interim, knownAt: null })).toEqual(["ReplayError", `replayMany: knownAt is null, not text; ${KNOWN_AT}`]);
    expect(await many({ period: interim, knownAt: "15/10" })).toEqual(["ReplayError", `replayMany: knownAt "15/10" is neither a date YYYY-MM-DD nor an instant with offset; ${KNOWN_AT}`]);
  });

  it("says what replay says, for the same options, after its own name", async () => {
    const given: unknown[] = [undefined, {}, { period: "2020" }, { period: [interim] }, { period: { ...interim, end: "2020-13-01" } }, { period: interim, knownAt: "2020-10-15 12:00" }, { period: interim, knownAt: new Date(0) }];
    for (const options of given) {
      const [kind, message] = await many(options);
      expect([kind, message.replace(/^replayMany: /, "")]).toEqual((await one(options)).map((part) => part.replace(/^replay: /, "")));
    }
  });

  it("the error carries an issue at the field, and nothing is read", async () => {
    let reads = 0;
    const counted = { read: (options?: { readonly fromSeq?: number }) => ((reads += 1), empty.read(options)) };
    const error = await replayMany(counted, defaultCatalog, needs, { period: interim, knownAt: null as unknown as string }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReplayError);
    expect((error as ReplayError).issues.map((found) => found.path)).toEqual(["knownAt"]);
    const missing = await replayMany(counted, defaultCatalog, needs, { period: "2020" } as unknown as ReplayManyOptions).catch((caught: unknown) => caught);
    expect((missing as ReplayError).issues.map((found) => found.path)).toEqual(["period"]);
    expect(reads).toBe(0);
  });
});

describe("valid options give what they gave before", () => {
  it("the example, as known at a date and as known now, folded as replay folds it", async () => {
    const example = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });
    for (const options of [{ period: interim, knownAt: "2020-10-15" }, { period: period("2020") }, { period: interim, knownAt: "2020-10-15T23:59:59.999+02:00" }]) {
      const folded = await replayMany(example, defaultCatalog, needs, options);
      expect(folded.results.get(counter)).toEqual(await replay(example, defaultCatalog, counter, options));
    }
  });
});
