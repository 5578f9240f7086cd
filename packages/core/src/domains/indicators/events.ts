import { DecimalString, Id, NonEmptyString, oneOf, strictObject } from "../../events/codecs.js";
import { defineEvent } from "../../events/definition.js";
import { UNITS, type UnitId } from "../../numbers/units.js";

/** The units an indicator is measured in: the house's figure units. */
export const IndicatorUnit = oneOf("IndicatorUnit", Object.keys(UNITS) as [UnitId, ...UnitId[]]);

/**
 * A key figure (nyckeltal) measured on the effective date that no register of its own holds:
 * followers of an account, a rate agreed in a contract, how many municipalities have finished an
 * introduction. It is shown only where a text names it (`{{indicator.value indicator=…}}`), never
 * in a table of its own, and it is the value in force at the period's end.
 */
export const IndicatorValueRecorded = defineEvent({
  type: "indicator.value-recorded",
  description:
    "A key figure (nyckeltal) no other register holds, measured or in force from the effective date: its id, name, unit and value, optionally for one area. Shown only where a text names it ({{indicator.value indicator=…}}); the report takes the value in force at the period's end. An indicator keeps one unit.",
  data: strictObject("IndicatorValueRecorded", { indicatorId: Id, name: NonEmptyString, unit: IndicatorUnit, value: DecimalString }, { areaId: Id, note: NonEmptyString }),
});

export const indicatorEvents = [IndicatorValueRecorded] as const;
