import * as t from "io-ts";
import { DecimalString, Id, NonEmptyString, describe, oneOf, recordOf, strictObject } from "../events/codecs.js";
import { defineEvent, unchanged } from "../events/definition.js";
import { UNITS } from "../numbers/units.js";

export const STATED_UNITS = ["text", ...Object.keys(UNITS)] as unknown as readonly [string, ...string[]];
/** The unit a document printed the figure in; "text" for categorical figures (status symbols, arrows, names). */
export const StatedUnit = oneOf("StatedUnit", STATED_UNITS);

const Integer = describe(
  t.refinement(t.number, (value) => Number.isSafeInteger(value), "Integer"),
  "a whole number (negative rounds to tens, hundreds, thousands: -3 for whole thousands)",
  { type: "integer" },
);

export const StatedRounding = strictObject("StatedRounding", { decimals: Integer, mode: oneOf("RoundingMode", ["half-up", "half-even", "truncate", "floor", "ceil"]) });

const REQUIRED = { document: NonEmptyString, figureKey: NonEmptyString, period: NonEmptyString, printed: t.string, unit: StatedUnit };
const OPTIONAL = {
  section: NonEmptyString,
  table: NonEmptyString,
  label: NonEmptyString,
  params: recordOf(NonEmptyString),
  rounding: StatedRounding,
  footing: strictObject("Footing", { group: Id, role: oneOf("FootingRole", ["part", "total"]) }),
};

/** Version 1 had no `read`: its printed text was read leniently. Every v1 event is a valid v2 event. */
const FigureStatedV1 = strictObject("FigureStatedV1", REQUIRED, OPTIONAL);

export const FigureStated = defineEvent({
  type: "reconciliation.figure-stated",
  description:
    "A published document printed a value for a named figure: where (document, section, table, row/column label), which figure (key and parameters, as registered by a domain), for which period, the text as printed (empty for a blank cell), its unit and, when not the unit's own, the rounding as printed. The printed text is read by the document's rules (Swedish: decimal comma, digits grouped by three with a space); text they cannot read unambiguously (\"12.5\") needs `read`, the value as the encoder read it, in the printed magnitude (\"12.5\" for twelve and a half). Optionally part of a printed column with a total (footing).",
  data: strictObject("FigureStated", REQUIRED, { ...OPTIONAL, read: DecimalString }),
  older: [{ version: 1, data: FigureStatedV1, upcast: unchanged }],
});

export const reconciliationEvents = [FigureStated] as const;
