import { describe, expect, it } from "vitest";
import { decodeData, defaultCatalog, memoryStore, PositionChanged, PositionOpened, StaffChangeRecorded, termsIn, type EventDraft, type StoredEvent } from "@tertial/core";

const draft = (id: string, type: string, effectiveAt: string, data: Record<string, unknown>, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type, effectiveAt, data, ...extra });
const area = draft("a1", "reference.area-established", "2020-01-01", { areaId: "cirklar", name: "Studiecirklar", kind: "operation" });
const defineForm = (id: string, formId: string, extra: Partial<EventDraft> = {}): EventDraft => draft(id, "staff.employment-form-defined", "2020-01-01", { formId, name: formId, label: formId }, extra);
const defineKind = (id: string, kindId: string): EventDraft => draft(id, "staff.financing-defined", "2020-01-01", { kindId, name: kindId, label: kindId });
const position = (id: string, employmentForm: string, financing: string): EventDraft =>
  draft(id, "staff.position-opened", "2020-01-01", { positionId: id, areaId: "cirklar", employmentForm, fte: "1.00", financing }, { schemaVersion: 2 });
const snapshot = (id: string, byEmploymentForm: Record<string, string>, byFinancing: Record<string, string>): EventDraft =>
  draft(id, "staff.snapshot-recorded", "2020-04-30", { asOf: "2020-04-30", total: "1.00", byEmploymentForm, byFinancing });

const storeWithArea = async () => {
  const store = memoryStore({ catalog: defaultCatalog });
  const outcome = await store.append([area]);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return store;
};

describe("employment forms and staff financing kinds a log defines", () => {
  it("refuses a position, a change or a snapshot naming a form or kind neither built in nor defined, saying where and what was expected, and appends nothing", async () => {
    const store = await storeWithArea();
    const cases: readonly (readonly [EventDraft, string, string, string])[] = [
      [position("p1", "projektanstalld", "grund"), "data.employmentForm", "projektanstalld", 'unknown employment form "projektanstalld"'],
      [position("p2", "tillsvidare", "regionbidrag"), "data.financing", "regionbidrag", 'unknown staff financing kind "regionbidrag"'],
      [draft("c1", "staff.change-recorded", "2020-03-01", { areaId: "cirklar", change: "added", fte: "0.50", employmentForm: "projektanstalld" }, { schemaVersion: 2 }), "data.employmentForm", "projektanstalld", 'unknown employment form "projektanstalld"'],
      [snapshot("s1", { projektanstalld: "1.00" }, { grund: "1.00" }), "data.byEmploymentForm.projektanstalld", "projektanstalld", 'unknown employment form "projektanstalld"'],
      [snapshot("s2", { tillsvidare: "1.00" }, { regionbidrag: "1.00" }), "data.byFinancing.regionbidrag", "regionbidrag", 'unknown staff financing kind "regionbidrag"'],
    ];
    for (const [event, path, actual, message] of cases) {
      const outcome = await store.append([event]);
      expect(outcome.ok, path).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.issues).toEqual([expect.objectContaining({ code: "unknown-reference", path, actual, message })]);
    }
    const refused = await store.append([position("p3", "projektanstalld", "grund")]);
    expect(!refused.ok && refused.issues[0]?.expected).toBe("a built-in employment form (tjanstekop, tillsvidare, visstid) or one defined earlier by staff.employment-form-defined (none is)");
    // A batch with one bad fact stores none of it.
    expect((await store.append([defineForm("d0", "projektanstalld"), position("p4", "tillsvidare", "regionbidrag")])).ok).toBe(false);
    expect(store.events().map((event) => event.id)).toEqual(["a1"]);
  });

  it("accepts a defined form and kind from then on, and names the defined ones when it refuses another", async () => {
    const store = await storeWithArea();
    const accepted = await store.append([
      defineForm("d1", "projektanstalld"),
      defineKind("d2", "regionbidrag"),
      position("p1", "projektanstalld", "regionbidrag"),
      draft("pc", "staff.position-changed", "2020-03-01", { positionId: "p1", employmentForm: "tillsvidare", financing: "regionbidrag" }, { schemaVersion: 2 }),
      draft("c1", "staff.change-recorded", "2020-03-01", { areaId: "cirklar", change: "form-changed", fte: "1.00", employmentForm: "tillsvidare", fromForm: "projektanstalld" }, { schemaVersion: 2 }),
      snapshot("s1", { projektanstalld: "0.25", visstid: "0.75" }, { regionbidrag: "1.00" }),
    ]);
    expect(accepted.ok ? [] : accepted.issues).toEqual([]);
    const outcome = await store.append([position("p2", "timanstalld", "grund")]);
    expect(!outcome.ok && outcome.issues[0]?.expected).toBe("a built-in employment form (tjanstekop, tillsvidare, visstid) or one defined earlier by staff.employment-form-defined (projektanstalld)");
  });

  it("refuses to define a built-in id, or one already defined unless the definition is superseded", async () => {
    const store = await storeWithArea();
    const refused = async (event: EventDraft) => {
      const outcome = await store.append([event]);
      return outcome.ok ? undefined : outcome.issues[0];
    };
    expect(await refused(defineForm("d1", "visstid"))).toEqual(expect.objectContaining({ code: "conflict", path: "data.formId", actual: "visstid" }));
    expect(await refused(defineKind("d2", "extern"))).toEqual(expect.objectContaining({ code: "conflict", path: "data.kindId", actual: "extern" }));
    expect((await store.append([defineForm("d3", "projektanstalld")])).ok).toBe(true);
    expect(await refused(defineForm("d4", "projektanstalld"))).toEqual(expect.objectContaining({ code: "conflict", path: "data.formId" }));
    expect((await store.append([defineForm("d5", "projektanstalld", { supersedes: "d3", data: { formId: "projektanstalld", name: "projektanställning", label: "Projekt" } })])).ok).toBe(true);
  });

  it("orders the terms a breakdown names: built-in first in their fixed order, then defined as defined; an id never defined is printed by its id, last", () => {
    const terms = [
      { id: "tjanstekop", name: "tjänsteköp", label: "Tjänsteköp" },
      { id: "tillsvidare", name: "tillsvidare", label: "Tillsvidare" },
      { id: "projekt", name: "projekt", label: "Projekt" },
      { id: "timmar", name: "timmar", label: "Timanställd" },
    ];
    expect(termsIn(terms, [{ timmar: "1", tillsvidare: "2" }, null, { zzz: "1", projekt: "0" }]).map((term) => term.label)).toEqual(["Tillsvidare", "Projekt", "Timanställd", "zzz"]);
    expect(termsIn(terms, [null])).toEqual([]);
  });
});

describe("staff.position-opened, staff.position-changed and staff.change-recorded versions", () => {
  const stored = (type: string, schemaVersion: number, data: unknown) => ({ id: "x", type, schemaVersion, effectiveAt: "2020-01-01", recordedAt: "2020-09-03T08:00:00.000Z", seq: 1, data, prevHash: "0".repeat(64), hash: "0".repeat(64) }) as StoredEvent;
  const opening = { positionId: "p1", areaId: "fou", employmentForm: "projektanstalld", fte: "1.00", financing: "regionbidrag" };
  const change = { areaId: "fou", change: "form-changed", fte: "0.50", employmentForm: "projektanstalld", fromForm: "visstid" };

  it("take a defined form or kind from version 2 on; version 1 never knew one and refuses it", () => {
    expect([PositionOpened.latest.version, PositionChanged.latest.version, StaffChangeRecorded.latest.version]).toEqual([2, 2, 2]);
    expect(decodeData(defaultCatalog, stored(PositionOpened.type, 2, opening)).ok).toBe(true);
    expect(decodeData(defaultCatalog, stored(PositionChanged.type, 2, { positionId: "p1", financing: "regionbidrag" })).ok).toBe(true);
    expect(decodeData(defaultCatalog, stored(StaffChangeRecorded.type, 2, change)).ok).toBe(true);
    for (const [type, data, path] of [
      [PositionOpened.type, opening, "data.employmentForm"],
      [PositionChanged.type, { positionId: "p1", financing: "regionbidrag" }, "data.financing"],
      [StaffChangeRecorded.type, change, "data.employmentForm"],
    ] as const) {
      const old = decodeData(defaultCatalog, stored(type, 1, data));
      expect(old.ok).toBe(false);
      if (!old.ok) expect(old.issues[0]).toEqual(expect.objectContaining({ path }));
    }
  });

  it("lift version 1 unchanged, field order and all", () => {
    for (const [type, data] of [
      [PositionOpened.type, { financing: "grund", positionId: "p1", areaId: "fou", employmentForm: "visstid", fte: "1.00", title: "Utredare" }],
      [PositionChanged.type, { positionId: "p1", employmentForm: "tillsvidare", reason: "Fast anställd" }],
      [StaffChangeRecorded.type, { areaId: "fou", change: "form-changed", fte: "0.50", employmentForm: "tillsvidare", fromForm: "visstid" }],
    ] as const) {
      const decoded = decodeData(defaultCatalog, stored(type, 1, data));
      expect(decoded.ok && JSON.stringify(decoded.event.data)).toBe(JSON.stringify(data));
    }
  });
});
