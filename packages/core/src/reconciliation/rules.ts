import { defineRule } from "../events/consistency.js";
import { issue, type Issue } from "../events/issues.js";
import { isPeriodParseError, parsePeriod } from "../time/period.js";
import { FigureStated } from "./events.js";
import { readSwedishPrinted } from "./printed.js";

/**
 * A stated figure names a real period, and a number where its unit is numeric that the
 * document's rules read unambiguously, unless the event gives the value as the encoder read it.
 */
export const statedFigureIntegrity = defineRule<null>({
  name: "stated-figure-integrity",
  learnsFrom: [],
  init: () => null,
  learn: () => undefined,
  check: (_state, event) => {
    if (!FigureStated.is(event)) return [];
    const found: Issue[] = [];
    const period = parsePeriod(event.data.period);
    if (isPeriodParseError(period)) found.push(issue("invalid-field", "data.period", period.message, { actual: event.data.period }));
    const reading = event.data.unit === "text" || event.data.read !== undefined ? undefined : readSwedishPrinted(event.data.printed);
    if (reading !== undefined && !reading.ok) found.push(issue("invalid-field", "data.printed", reading.message, { expected: reading.expected, actual: event.data.printed }));
    if (event.data.unit === "text" && event.data.read !== undefined) found.push(issue("invalid-field", "data.read", "a categorical figure (unit text) has no numeric reading", { expected: "no read field", actual: event.data.read }));
    return found;
  },
});
