import { defineRule } from "../events/consistency.js";
import { issue, type Issue } from "../events/issues.js";
import { parsePrintedNumber } from "../numbers/format.js";
import { isPeriodParseError, parsePeriod } from "../time/period.js";
import { FigureStated } from "./events.js";

/** A stated figure names a real period, and a number where its unit is numeric. */
export const statedFigureIntegrity = defineRule<null>({
  name: "stated-figure-integrity",
  init: () => null,
  learn: () => undefined,
  check: (_state, event) => {
    if (!FigureStated.is(event)) return [];
    const found: Issue[] = [];
    const period = parsePeriod(event.data.period);
    if (isPeriodParseError(period)) found.push(issue("invalid-field", "data.period", period.message, { actual: event.data.period }));
    const printed = event.data.printed.trim();
    if (event.data.unit !== "text" && printed !== "" && parsePrintedNumber(printed) === undefined) {
      found.push(issue("invalid-field", "data.printed", "is not a printed number", { expected: 'a number as printed, e.g. "−547", "45,30", "76 %", or "" for a blank cell', actual: event.data.printed }));
    }
    return found;
  },
});
