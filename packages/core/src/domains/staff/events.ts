import * as t from "io-ts";
import { Id, IsoDateC, NonEmptyString, NonNegativeDecimal, oneOf, recordOf, strictObject } from "../../events/codecs.js";
import { defineEvent, unchanged } from "../../events/definition.js";

/** The employment forms every log knows without defining them, in the order the staff tables print them. */
export const EMPLOYMENT_FORMS = ["tjanstekop", "tillsvidare", "visstid"] as const;
/** One of the built-in forms only (version 1 of a position or change): tjänsteköp (staff lent by a municipality or the region), tillsvidare (permanent), visstid (fixed-term). */
export const EmploymentForm = oneOf("EmploymentForm", EMPLOYMENT_FORMS);
export type EmploymentForm = t.TypeOf<typeof EmploymentForm>;

/** The staff financing kinds every log knows without defining them, in the order the staff tables print them. */
export const FINANCING_KINDS = ["grund", "extern"] as const;
/** One of the built-in kinds only (version 1 of a position): grund (the members' base funding), extern (external money). */
export const Financing = oneOf("Financing", FINANCING_KINDS);
export type Financing = t.TypeOf<typeof Financing>;

/**
 * An employment form or staff financing kind as a fact names it: a built-in one, or one the log
 * defines. The codec takes any id; the staff rule refuses one that is neither, since only the log
 * so far knows which ids are defined.
 */
export const StaffTermId = Id;

export const EmploymentFormDefined = defineEvent({
  type: "staff.employment-form-defined",
  description:
    "An employment form of the organisation's own (projektanställning, say), beside the built-in `tjanstekop`, `tillsvidare` and `visstid`; from then on positions, staffing changes and the snapshots' `byEmploymentForm` may name `formId`. `name` is the form as a sentence names it, in lower case (\"projektanställning\"); `label` heads its column in the table \"Antal medarbetare och anställningsformer\", its series in the chart and its column on the staff slide (\"Projektanställd\"). The tables print the built-in forms first, then the defined ones in the order they were defined, and only those the printed rows name. A form is defined once; supersede the definition to rename it.",
  data: strictObject("EmploymentFormDefined", { formId: StaffTermId, name: NonEmptyString, label: NonEmptyString }),
});

export const StaffFinancingDefined = defineEvent({
  type: "staff.financing-defined",
  description:
    "A way the organisation finances staff of its own (a regional grant, say), beside the built-in `grund` and `extern`; from then on positions and the snapshots' `byFinancing` may name `kindId`. `name` is the kind as a sentence names it, in lower case (\"regionbidrag\"); `label` heads its row in the staff financing table and on the staff slide (\"Regionbidrag\"). The tables print the built-in kinds first, then the defined ones in the order they were defined, and only those the period's end names. A kind is defined once; supersede the definition to rename it.",
  data: strictObject("StaffFinancingDefined", { kindId: StaffTermId, name: NonEmptyString, label: NonEmptyString }),
});

const PositionOpenedV1 = strictObject(
  "PositionOpened",
  { positionId: Id, areaId: Id, employmentForm: EmploymentForm, fte: NonNegativeDecimal, financing: Financing },
  { title: NonEmptyString, project: NonEmptyString },
);

const PositionOpenedV2 = strictObject(
  "PositionOpened",
  { positionId: Id, areaId: Id, employmentForm: StaffTermId, fte: NonNegativeDecimal, financing: StaffTermId },
  { title: NonEmptyString, project: NonEmptyString },
);

export const PositionOpened = defineEvent({
  type: "staff.position-opened",
  description:
    "A position is staffed from the effective date (its first day): FTE, employment form, area and financing. Version 2 takes an employment form (`staff.employment-form-defined`) or financing kind (`staff.financing-defined`) the log defines as well as the built-in ones.",
  data: PositionOpenedV2,
  older: [{ version: 1, data: PositionOpenedV1, upcast: unchanged }],
});

const PositionChangedV1 = strictObject(
  "PositionChanged",
  { positionId: Id },
  { areaId: Id, employmentForm: EmploymentForm, fte: NonNegativeDecimal, financing: Financing, title: NonEmptyString, reason: NonEmptyString },
);

const PositionChangedV2 = strictObject(
  "PositionChanged",
  { positionId: Id },
  { areaId: Id, employmentForm: StaffTermId, fte: NonNegativeDecimal, financing: StaffTermId, title: NonEmptyString, reason: NonEmptyString },
);

export const PositionChanged = defineEvent({
  type: "staff.position-changed",
  description:
    "From the effective date a position has another FTE, employment form, area or financing; fields left out stay as they were. Version 2 takes a defined employment form or financing kind as well as the built-in ones.",
  data: PositionChangedV2,
  older: [{ version: 1, data: PositionChangedV1, upcast: unchanged }],
});

export const PositionClosed = defineEvent({
  type: "staff.position-closed",
  description: "A position ends; the effective date is its last staffed day.",
  data: strictObject("PositionClosed", { positionId: Id }, { reason: NonEmptyString }),
});

export const StaffingSnapshotRecorded = defineEvent({
  type: "staff.snapshot-recorded",
  description:
    "FTE totals at a date, for organisations that only keep period-end figures (an HR register's tertial-end totals). `byEmploymentForm` is keyed by a built-in or defined employment form, `byFinancing` by a built-in or defined financing kind, `byArea` by an area. Any breakdown given must add up to the total; breakdowns not given stay unknown.",
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

const StaffChangeRecordedV1 = strictObject(
  "StaffChangeRecorded",
  { areaId: Id, change: StaffChangeKind, fte: NonNegativeDecimal, employmentForm: EmploymentForm },
  { fromForm: EmploymentForm, project: Id, title: NonEmptyString, note: NonEmptyString },
);

const StaffChangeRecordedV2 = strictObject(
  "StaffChangeRecorded",
  { areaId: Id, change: StaffChangeKind, fte: NonNegativeDecimal, employmentForm: StaffTermId },
  { fromForm: StaffTermId, project: Id, title: NonEmptyString, note: NonEmptyString },
);

export const StaffChangeRecorded = defineEvent({
  type: "staff.change-recorded",
  description:
    "A change in staffing on the effective date, for organisations that keep period-end totals (snapshots) rather than positions: FTE added, ended or moved between employment forms, in an area, optionally for a project. It never changes an FTE total (the snapshots give those); a text names it (\"utökats med 0,50 årsarbetare\") through the figure staffing.change-fte. Version 2 takes a defined employment form (`staff.employment-form-defined`) as well as the built-in ones.",
  data: StaffChangeRecordedV2,
  older: [{ version: 1, data: StaffChangeRecordedV1, upcast: unchanged }],
});

export const staffEvents = [EmploymentFormDefined, StaffFinancingDefined, PositionOpened, PositionChanged, PositionClosed, StaffingSnapshotRecorded, StaffChangeRecorded] as const;
