import { Decimal } from "./decimal.js";
import type { RoundingRule } from "./rounding.js";

/**
 * A unit as printed in the organisation's documents. `scale` converts the exact base value
 * (kronor, årsarbetare, a ratio 0..1, a count) into the printed magnitude; `rounding` is the
 * house rule for that unit; `suffix` is what follows the number after a no-break space.
 */
export interface Unit {
  readonly id: UnitId;
  readonly suffix: string;
  readonly scale: Decimal;
  readonly rounding: RoundingRule;
}

export type UnitId = "kr" | "kronor" | "tkr" | "mkr" | "miljoner-kronor" | "percent" | "fte" | "count" | "st" | "participants" | "courses" | "plain";

const unit = (id: UnitId, suffix: string, scale: string, decimals: number): Unit => ({
  id,
  suffix,
  scale: new Decimal(scale),
  rounding: { decimals, mode: "half-up" },
});

export const UNITS: Readonly<Record<UnitId, Unit>> = {
  kr: unit("kr", "kr", "1", 0),
  kronor: unit("kronor", "kronor", "1", 0),
  tkr: unit("tkr", "tkr", "0.001", 0),
  mkr: unit("mkr", "mnkr", "0.000001", 1),
  "miljoner-kronor": unit("miljoner-kronor", "miljoner kronor", "0.000001", 1),
  percent: unit("percent", "%", "100", 0),
  fte: unit("fte", "årsarbetare", "1", 2),
  count: unit("count", "", "1", 0),
  st: unit("st", "st.", "1", 0),
  participants: unit("participants", "deltagare", "1", 0),
  courses: unit("courses", "kurser", "1", 0),
  plain: unit("plain", "", "1", 2),
};

export const isUnitId = (text: string): text is UnitId => Object.prototype.hasOwnProperty.call(UNITS, text);
