import { describe, expect, it } from "vitest";
import { checkpoint, defaultCatalog, defineProjection, fromArray, generateReport, jsonlStore, period, replay, ReplayError, ReportError, resume, type ReplayOptions, type ReportOptions } from "@tertial/core";
import { EXAMPLE_LOG } from "../finance/support.js";
import { refusal } from "./helpers.js";

// Every bad option below is what plain JavaScript (or a cast) can hand the library: each must be a
// ReportError or ReplayError naming the entry point, the field, what was given and what was expected,
// never a TypeError from inside the calendar or a projection.

const example = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });
const empty = fromArray([]);
const interim = period("2020-T1..T2");
const courses = defaultCatalog.projection("courses");
if (courses === undefined) throw new Error("the catalog has courses");

const KINDS = "expected one of tertialrapport, delarsrapport, verksamhetsberattelse, resultatuppfoljning, verksamhetsplan";
const KNOWN_AT = 'expected a date "YYYY-MM-DD" or an instant with offset ("2020-10-15T12:00:00+02:00"), as a string, or no knownAt for as known now';

const report = (options: unknown) => refusal(() => generateReport(empty, defaultCatalog, options as ReportOptions));

describe("generateReport names a bad option: the field, what was given, what was expected", () => {
  it("a kind it does not know, with the near one named (a Swedish spelling too), or none", async () => {
    await expect(generateReport(empty, defaultCatalog, { kind: "annual", period: interim, generatedBy: "x" } as unknown as ReportOptions)).rejects.toBeInstanceOf(ReportError);
    expect(await report({ kind: "annual", period: interim, generatedBy: "x" })).toEqual(["ReportError", `generateReport: kind is "annual"; ${KINDS}`]);
    expect(await report({ kind: "delårsrapport", period: interim, generatedBy: "x" })).toEqual(["ReportError", `generateReport: kind is "delårsrapport" (did you mean delarsrapport?); ${KINDS}`]);
    expect(await report({ kind: "tertialrapprt", period: interim, generatedBy: "x" })).toEqual(["ReportError", `generateReport: kind is "tertialrapprt" (did you mean tertialrapport?); ${KINDS}`]);
    expect(await report({ period: interim, generatedBy: "x" })).toEqual(["ReportError", `generateReport: kind is missing; ${KINDS}`]);
    expect(await report({ kind: 3, period: interim, generatedBy: "x" })).toEqual(["ReportError", `generateReport: kind is 3; ${KINDS}`]);
  });

  it("a period given as text, or as an object that is not a Period", async () => {
    expect(await report({ kind: "delarsrapport", period: "2020-T1..T2", generatedBy: "x" })).toEqual(["ReportError", 'generateReport: period is the text "2020-T1..T2", not a Period; expected period("2020-T1..T2")']);
    expect(await report({ kind: "delarsrapport", generatedBy: "x" })).toEqual(["ReportError", 'generateReport: period is missing; expected a Period, made by period("2020-T1..T2")']);
    expect(await report({ kind: "delarsrapport", period: { start: "2020-01-01", end: "2020-08-31" }, generatedBy: "x" })).toEqual([
      "ReportError",
      'generateReport: period {"start":"2020-01-01","end":"2020-08-31"} is not a Period: its name is missing, and period() names it "2020-T1..T2"; expected a Period, made by period("2020-T1..T2")',
    ]);
  });

  it("a known-at that is not text, or text that is no date or instant", async () => {
    expect(await report({ kind: "delarsrapport", period: interim, generatedBy: "x", knownAt: new Date("2020-10-15T10:00:00Z") })).toEqual([
      "ReportError",
      `generateReport: knownAt is a Date (2020-10-15T10:00:00.000Z), not text; ${KNOWN_AT} (a Date's toISOString() is one)`,
    ]);
    expect(await report({ kind: "delarsrapport", period: interim, generatedBy: "x", knownAt: "15/10" })).toEqual(["ReportError", `generateReport: knownAt "15/10" is neither a date YYYY-MM-DD nor an instant with offset; ${KNOWN_AT}`]);
  });

  it("no options, no generatedBy, an onProgress that is not a function", async () => {
    expect(await report(undefined)).toEqual(["ReportError", "generateReport: options are missing; expected { kind, period, generatedBy, knownAt? }"]);
    expect(await report({ kind: "delarsrapport", period: interim })).toEqual(["ReportError", 'generateReport: generatedBy is missing; expected text for the provenance, e.g. "tertial 0.1.0"']);
    expect(await report({ kind: "delarsrapport", period: interim, generatedBy: "x", onProgress: true })).toEqual(["ReportError", "generateReport: onProgress is true; expected a function of the lines read, or no onProgress"]);
  });
});

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

const replayed = (options: unknown) => refusal(() => replay(empty, defaultCatalog, counter, options as ReplayOptions));

describe("replay, checkpoint and resume name a bad period or known-at", () => {
  it("a period given as text, missing, or no options at all", async () => {
    expect(await replayed({ period: "2020-T1..T2" })).toEqual(["ReplayError", 'replay: period is the text "2020-T1..T2", not a Period; expected period("2020-T1..T2")']);
    expect(await replayed({})).toEqual(["ReplayError", 'replay: period is missing; expected a Period, made by period("2020-T1..T2")']);
    expect(await replayed(undefined)).toEqual(["ReplayError", 'replay: options are missing; expected { period: period("2020-T1..T2"), knownAt?: "2020-10-15" }']);
    const [kind, message] = await replayed({ period: "2020-X" });
    expect(kind).toBe("ReplayError");
    expect(message).toMatch(/^replay: period is the text "2020-X", not a Period, and no period's text either; expected a Period, made by period\("…"\) from one of: 2020, 2020-T2, 2020-T1\.\.T2, /);
  });

  it("a period object whose name, dates or order are not a Period's", async () => {
    expect(await replayed({ period: { ...interim, name: "jan-aug" } })).toEqual([
      "ReplayError",
      'replay: period {"start":"2020-01-01","end":"2020-08-31","name":"jan-aug"} is not a Period: its name is the text "jan-aug", and period() names it "2020-T1..T2"; expected a Period, made by period("2020-T1..T2")',
    ]);
    expect((await replayed({ period: { start: "2020-02-30", end: "2020-08-31", name: "x" } }))[1]).toMatch(/^replay: period .* is not a Period: its start is the text "2020-02-30", not a date YYYY-MM-DD; /);
    expect((await replayed({ period: { start: "2020-09-01", end: "2020-08-31", name: "x" } }))[1]).toMatch(/^replay: period .* is not a Period: it ends before it starts; /);
    expect(await replayed({ period: 2020 })).toEqual(["ReplayError", 'replay: period is a number (2020), not a Period; expected a Period, made by period("2020-T1..T2")']);
  });

  it("a known-at that is a Date, a number or null", async () => {
    expect(await replayed({ period: interim, knownAt: new Date("2020-10-15T10:00:00Z") })).toEqual(["ReplayError", `replay: knownAt is a Date (2020-10-15T10:00:00.000Z), not text; ${KNOWN_AT} (a Date's toISOString() is one)`]);
    expect(await replayed({ period: interim, knownAt: 1602756000000 })).toEqual(["ReplayError", `replay: knownAt is a number (1602756000000), not text; ${KNOWN_AT}`]);
    expect(await replayed({ period: interim, knownAt: null })).toEqual(["ReplayError", `replay: knownAt is null, not text; ${KNOWN_AT}`]);
  });

  it("the error carries an issue at the field", async () => {
    const error = await replay(empty, defaultCatalog, counter, { period: interim, knownAt: null as unknown as string }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReplayError);
    expect((error as ReplayError).issues.map((found) => found.path)).toEqual(["knownAt"]);
  });

  it("checkpoint refuses a period given as text instead of writing a checkpoint of no period", async () => {
    expect(await refusal(() => checkpoint(empty, defaultCatalog, counter, { period: "2020" } as unknown as ReplayOptions))).toEqual(["ReplayError", 'checkpoint: period is the text "2020", not a Period; expected period("2020")']);
  });

  it("resume refuses them too, before it reads the checkpoint", async () => {
    const saved = await checkpoint(empty, defaultCatalog, counter, { period: interim });
    expect(await refusal(() => resume(empty, defaultCatalog, counter, { period: "2020-T1..T2" } as unknown as ReplayOptions, saved))).toEqual(["ReplayError", 'resume: period is the text "2020-T1..T2", not a Period; expected period("2020-T1..T2")']);
    expect(await refusal(() => resume(empty, defaultCatalog, counter, { period: interim, knownAt: 7 } as unknown as ReplayOptions, saved))).toEqual(["ReplayError", `resume: knownAt is a number (7), not text; ${KNOWN_AT}`]);
  });
});

describe("valid options give what they gave before", () => {
  it("a report of the example, as known at a date, with the period asked", async () => {
    const built = await generateReport(example, defaultCatalog, { kind: "delarsrapport", period: interim, knownAt: "2020-10-15", generatedBy: "test" });
    expect(built.document.kind).toBe("delarsrapport");
    expect(built.document.provenance).toMatchObject({ knownAt: "2020-10-15", period: { name: "2020-T1..T2", start: "2020-01-01", end: "2020-08-31" }, generatedBy: "test" });
  });

  it("a replay as known at a date equals one as known at the last instant of that day; checkpoint and resume agree with it", async () => {
    const byDate = await replay(example, defaultCatalog, courses, { period: period("2020"), knownAt: "2020-10-15" });
    expect(await replay(example, defaultCatalog, courses, { period: period("2020"), knownAt: "2020-10-15T23:59:59.999+02:00" })).toEqual(byDate);
    const saved = await checkpoint(example, defaultCatalog, courses, { period: period("2020"), knownAt: "2020-10-15" });
    expect(saved).toMatchObject({ projection: "courses", period: "2020", knownAt: "2020-10-15" });
    expect(await resume(example, defaultCatalog, courses, { period: period("2020"), knownAt: "2020-10-15" }, saved)).toEqual(byDate);
  });
});
