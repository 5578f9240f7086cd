import * as t from "io-ts";
import { Id, IsoDateC, NonEmptyString, NonNegativeDecimal, oneOf, recordOf, strictObject } from "../../events/codecs.js";
import { defineEvent } from "../../events/definition.js";

export const EMPLOYMENT_FORMS = ["tjanstekop", "tillsvidare", "visstid"] as const;
/** tjänsteköp (bought service, staff lent by a municipality or the region), tillsvidare (permanent), visstid (fixed-term). */
export const EmploymentForm = oneOf("EmploymentForm", EMPLOYMENT_FORMS);
export type EmploymentForm = t.TypeOf<typeof EmploymentForm>;

export const FINANCING_KINDS = ["grund", "extern"] as const;
/** grund: the municipalities' base funding, membership fee or special agreements; extern: external money. */
export const Financing = oneOf("Financing", FINANCING_KINDS);
export type Financing = t.TypeOf<typeof Financing>;

export const PositionOpened = defineEvent({
  type: "staff.position-opened",
  description: "A position is staffed from the effective date (its first day): FTE, employment form, area and financing.",
  data: strictObject(
    "PositionOpened",
    { positionId: Id, areaId: Id, employmentForm: EmploymentForm, fte: NonNegativeDecimal, financing: Financing },
    { title: NonEmptyString, project: NonEmptyString },
  ),
});

export const PositionChanged = defineEvent({
  type: "staff.position-changed",
  description: "From the effective date a position has another FTE, employment form, area or financing; fields left out stay as they were.",
  data: strictObject(
    "PositionChanged",
    { positionId: Id },
    { areaId: Id, employmentForm: EmploymentForm, fte: NonNegativeDecimal, financing: Financing, title: NonEmptyString, reason: NonEmptyString },
  ),
});

export const PositionClosed = defineEvent({
  type: "staff.position-closed",
  description: "A position ends; the effective date is its last staffed day.",
  data: strictObject("PositionClosed", { positionId: Id }, { reason: NonEmptyString }),
});

export const StaffingSnapshotRecorded = defineEvent({
  type: "staff.snapshot-recorded",
  description:
    "FTE totals at a date, for organisations that only keep period-end figures (an HR register's tertial-end totals). Any breakdown given must add up to the total; breakdowns not given stay unknown.",
  data: strictObject(
    "StaffingSnapshotRecorded",
    { asOf: IsoDateC, total: NonNegativeDecimal },
    {
      byEmploymentForm: recordOf(NonNegativeDecimal),
      byFinancing: recordOf(NonNegativeDecimal),
      byArea: recordOf(NonNegativeDecimal),
      note: NonEmptyString,
    },
  ),
});

export const STAFF_CHANGES = ["added", "ended", "form-changed"] as const;
/** added: FTE taken on; ended: FTE that left; form-changed: FTE that moved from one employment form to another. */
export const StaffChangeKind = oneOf("StaffChangeKind", STAFF_CHANGES);

export const StaffChangeRecorded = defineEvent({
  type: "staff.change-recorded",
  description:
    "A change in staffing on the effective date, for organisations that keep period-end totals (snapshots) rather than positions: FTE added, ended or moved between employment forms, in an area, optionally for a project. It never changes an FTE total (the snapshots give those); a text names it (\"utökats med 0,50 årsarbetare\") through the figure staffing.change-fte.",
  data: strictObject(
    "StaffChangeRecorded",
    { areaId: Id, change: StaffChangeKind, fte: NonNegativeDecimal, employmentForm: EmploymentForm },
    { fromForm: EmploymentForm, project: Id, title: NonEmptyString, note: NonEmptyString },
  ),
});

export const staffEvents = [PositionOpened, PositionChanged, PositionClosed, StaffingSnapshotRecorded, StaffChangeRecorded] as const;
