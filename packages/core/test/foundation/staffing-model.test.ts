import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countingEvents, dec, defaultCatalog, effectiveDateOf, fromArray, replay, staffingProjection, sum, toFixedString, type DomainEvent, type Period } from "@tertial/core";
import { arbFoundationLog, arbPeriod, buildLog } from "@tertial/core/testing";

interface Fields {
  fte: string;
  employmentForm: string;
}

/**
 * An independent, deliberately naive model of FTE on a date: for each position, the opening that
 * counts, then its changes from the opening day on in date order (log order within a day), unless
 * a closing before the date ended it.
 */
const modelFte = (events: readonly DomainEvent[], date: string): { total: string; byForm: Record<string, string> } | null => {
  const dated = events.map((event, order) => ({ event, order, date: effectiveDateOf(event.effectiveAt) ?? "" })).filter((item) => item.date <= date);
  const positions = new Set(dated.filter((item) => item.event.type === "staff.position-opened").map((item) => (item.event.data as { positionId: string }).positionId));
  const inForce: Fields[] = [];
  for (const positionId of positions) {
    const own = dated.filter((item) => (item.event.data as { positionId?: string }).positionId === positionId);
    const opening = own.filter((item) => item.event.type === "staff.position-opened").pop();
    const closing = own.filter((item) => item.event.type === "staff.position-closed").pop();
    if (opening === undefined || (closing !== undefined && closing.date < date)) continue;
    const fields = { ...(opening.event.data as Fields) };
    own
      .filter((item) => item.event.type === "staff.position-changed" && item.date >= opening.date)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order))
      .forEach((item) => Object.assign(fields, item.event.data));
    inForce.push(fields);
  }
  if (inForce.length === 0) return null;
  const byForm: Record<string, string> = {};
  for (const form of [...new Set(inForce.map((fields) => fields.employmentForm))].sort()) byForm[form] = toFixedString(sum(inForce.filter((f) => f.employmentForm === form).map((f) => dec(f.fte))), 2);
  return { total: toFixedString(sum(inForce.map((fields) => dec(fields.fte))), 2), byForm };
};

describe("staffing against a naive model", () => {
  it("FTE at the period's end from positions equals the model's, corrections included (property)", async () => {
    await fc.assert(
      fc.asyncProperty(arbFoundationLog(), arbPeriod(), async (script, period: Period) => {
        const { events } = await buildLog(defaultCatalog, script);
        const counting: DomainEvent[] = [];
        for await (const event of countingEvents(fromArray(events), defaultCatalog)) counting.push(event);
        const result = await replay(fromArray(events), defaultCatalog, staffingProjection, { period });
        // The model knows positions only; an HR snapshot at the end is another law's business.
        fc.pre(result.atEnd?.source !== "snapshot");
        const expected = modelFte(counting, period.end);
        expect(result.atEnd === null ? null : { total: result.atEnd.total, byForm: result.atEnd.byEmploymentForm }).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
