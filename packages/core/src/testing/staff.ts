import * as fc from "fast-check";
import type { EventDraft } from "../events/envelope.js";
import { EMPLOYMENT_FORMS, FINANCING_KINDS, STAFF_CHANGES } from "../domains/staff/events.js";
import { centsToDecimalString } from "./numbers.js";
import { arbEdgeDate, arbInstantText, type YearRange } from "./time.js";
import { defaultWorld, type DraftWorld } from "./world.js";

/**
 * The forms and kinds a generated log may name: the built-in ones and one of the log's own each,
 * which it may define (a fact naming one before its definition is refused, and dropped as the
 * store would).
 */
const DEFINED_FORM = "projektanstalld";
const DEFINED_KIND = "regionbidrag";
const FORMS = [...EMPLOYMENT_FORMS, DEFINED_FORM];
const KINDS = [...FINANCING_KINDS, DEFINED_KIND];

const fte = fc.integer({ min: 0, max: 150 }).map((cents) => centsToDecimalString(cents * 5));

/** A business date, sometimes an instant with an offset (the fact then belongs to its Stockholm date). */
const effective = (range: YearRange) => fc.oneof({ weight: 4, arbitrary: arbEdgeDate(range) }, { weight: 1, arbitrary: arbInstantText(range) });

/** Openings lean to the first year of the range, so later changes and closings find them open. */
const earlyRange = (range: YearRange): YearRange => ({ fromYear: range.fromYear ?? 2019, toYear: range.fromYear ?? 2019 });

const opened = (world: DraftWorld, range: YearRange) =>
  fc
    .record({
      effectiveAt: fc.oneof({ weight: 2, arbitrary: effective(earlyRange(range)) }, { weight: 1, arbitrary: effective(range) }),
      positionId: fc.constantFrom(...world.positions),
      areaId: fc.constantFrom(...world.areas),
      employmentForm: fc.constantFrom(...FORMS),
      fte,
      financing: fc.constantFrom(...KINDS),
    })
    .map(({ effectiveAt, ...data }): EventDraft => ({ type: "staff.position-opened", effectiveAt, data }));

const changed = (world: DraftWorld, range: YearRange) =>
  fc
    .record(
      {
        effectiveAt: effective(range),
        positionId: fc.constantFrom(...world.positions),
        areaId: fc.constantFrom(...world.areas),
        employmentForm: fc.constantFrom(...FORMS),
        fte,
        financing: fc.constantFrom(...KINDS),
      },
      { requiredKeys: ["effectiveAt", "positionId"] },
    )
    .map(({ effectiveAt, ...data }): EventDraft => ({ type: "staff.position-changed", effectiveAt, data }));

const closed = (world: DraftWorld, range: YearRange) =>
  fc.tuple(effective(range), fc.constantFrom(...world.positions)).map(([effectiveAt, positionId]): EventDraft => ({ type: "staff.position-closed", effectiveAt, data: { positionId } }));

/** A recorded staffing change; a change of form names the form it left, any other change none. */
const changeRecorded = (world: DraftWorld, range: YearRange) =>
  fc
    .record({
      effectiveAt: effective(range),
      areaId: fc.constantFrom(...world.areas),
      change: fc.constantFrom(...STAFF_CHANGES),
      fte,
      forms: fc.shuffledSubarray(FORMS, { minLength: 2, maxLength: 2 }),
    })
    .map(({ effectiveAt, change, forms: [employmentForm, fromForm], ...data }): EventDraft => ({
      type: "staff.change-recorded",
      effectiveAt,
      data: { ...data, change, employmentForm, ...(change === "form-changed" ? { fromForm } : {}) },
    }));

/** Splits a whole number of hundredths into named parts that add up to it exactly. */
const split = (total: number, keys: readonly string[], weights: readonly number[]): Record<string, string> => {
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const parts = keys.map((_, index) => Math.floor((total * (weights[index] ?? 0)) / weightSum));
  parts[0] = (parts[0] ?? 0) + total - parts.reduce((a, b) => a + b, 0);
  return Object.fromEntries(keys.map((key, index) => [key, centsToDecimalString(parts[index] ?? 0)]));
};

const snapshot = (world: DraftWorld, range: YearRange) =>
  fc
    .record({
      asOf: arbEdgeDate(range),
      total: fc.integer({ min: 0, max: 6000 }),
      weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }),
      parts: fc.subarray(["byEmploymentForm", "byFinancing", "byArea"] as const),
    })
    .map(({ asOf, total, weights, parts }): EventDraft => {
      const breakdowns = {
        byEmploymentForm: split(total, FORMS, weights),
        byFinancing: split(total, KINDS, weights),
        byArea: split(total, world.areas.slice(0, 3), weights),
      };
      return { type: "staff.snapshot-recorded", effectiveAt: asOf, data: { asOf, total: centsToDecimalString(total), ...Object.fromEntries(parts.map((key) => [key, breakdowns[key]])) } };
    });

/** The definition of the log's own employment form or financing kind, under one of two labels (a second definition is a rename, refused unless it supersedes). */
const definition = (range: YearRange) =>
  fc.record({ effectiveAt: arbEdgeDate(range), which: fc.boolean(), label: fc.constantFrom("Projekt", "Region") }).map(({ effectiveAt, which, label }): EventDraft =>
    which
      ? { type: "staff.employment-form-defined", effectiveAt, data: { formId: DEFINED_FORM, name: "projektanställning", label } }
      : { type: "staff.financing-defined", effectiveAt, data: { kindId: DEFINED_KIND, name: "regionbidrag", label } },
  );

/**
 * One staff draft: a position opened, changed or closed, an HR snapshot whose breakdowns add
 * up, or the definition of an employment form or financing kind of the log's own. Positions and areas come from the world, so drafts meet; some break the staff rules (a
 * change before the opening), and the log builder drops those as the store would refuse them.
 */
export const arbStaffDraft = (world: DraftWorld = defaultWorld, range: YearRange = {}): fc.Arbitrary<EventDraft> =>
  fc.oneof({ weight: 4, arbitrary: opened(world, range) }, { weight: 4, arbitrary: changed(world, range) }, { weight: 2, arbitrary: closed(world, range) }, { weight: 1, arbitrary: snapshot(world, range) }, { weight: 1, arbitrary: changeRecorded(world, range) }, { weight: 1, arbitrary: definition(range) });

/** A restatement of a staff draft with another FTE, for supersede corrections; undefined for other types. */
export const restateStaff = (draft: EventDraft, variant: number): EventDraft | undefined => {
  if (draft.type === "staff.position-opened" || draft.type === "staff.position-changed") {
    return { ...draft, data: { ...(draft.data as Record<string, unknown>), fte: centsToDecimalString((variant % 150) * 5) } };
  }
  if (draft.type === "staff.position-closed") return { ...draft, data: { ...(draft.data as Record<string, unknown>), reason: `rättelse ${variant}` } };
  if (draft.type === "staff.employment-form-defined" || draft.type === "staff.financing-defined") return { ...draft, data: { ...(draft.data as Record<string, unknown>), label: `Rättad ${variant}` } };
  return undefined;
};
