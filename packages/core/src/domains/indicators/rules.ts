import { defineRule } from "../../events/consistency.js";
import { issue } from "../../events/issues.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { IndicatorValueRecorded } from "./events.js";

interface IndicatorKnowledge {
  readonly references: KnownReferences;
  /** indicatorId → the unit it was first recorded in. */
  readonly units: Map<string, string>;
}

/** An indicator keeps the unit it was first recorded in, and its area must be known. */
export const indicatorIntegrity = defineRule<IndicatorKnowledge>({
  name: "indicator-integrity",
  learnsFrom: [...REFERENCE_FACTS, IndicatorValueRecorded.type],
  init: () => ({ references: new KnownReferences(), units: new Map() }),
  learn: (known, event) => {
    known.references.learn(event);
    if (IndicatorValueRecorded.is(event) && !known.units.has(event.data.indicatorId)) known.units.set(event.data.indicatorId, event.data.unit);
  },
  check: (known, event) => {
    if (!IndicatorValueRecorded.is(event)) return [];
    const found = event.data.areaId === undefined ? [] : known.references.requireArea(event.data.areaId, "data.areaId");
    const unit = known.units.get(event.data.indicatorId);
    if (unit !== undefined && unit !== event.data.unit) found.push(issue("conflict", "data.unit", `indicator "${event.data.indicatorId}" is recorded in ${unit}`, { expected: unit, actual: event.data.unit }));
    return found;
  },
});
