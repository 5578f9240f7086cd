import { describe, expect, it } from "vitest";
import { eventDraft, FundsReceived, NarrativeWritten, PositionOpened } from "@tertial/core";
import { seededStore } from "./helpers.js";

describe("a draft typed by its event's definition", () => {
  it("takes the latest version's data with plain strings for ids and amounts, and appends", async () => {
    const draft = eventDraft(PositionOpened, { id: "p-typed", effectiveAt: "2020-01-01", data: { positionId: "p-typed", areaId: "fou", employmentForm: "visstid", fte: "1.00", financing: "grund" } });
    expect(draft).toEqual({ id: "p-typed", type: "staff.position-opened", effectiveAt: "2020-01-01", data: { positionId: "p-typed", areaId: "fou", employmentForm: "visstid", fte: "1.00", financing: "grund" } });
    const store = await seededStore();
    expect((await store.append([draft])).ok).toBe(true);
  });

  it("does not compile with a misspelt field, a member outside a closed list, a number for text, or a field left out (the type-check of the tests holds each)", () => {
    const wrong = [
      // @ts-expect-error: "fteX" is no field of the data
      eventDraft(PositionOpened, { effectiveAt: "2020-01-01", data: { positionId: "p", areaId: "fou", employmentForm: "visstid", fteX: "1.00", financing: "grund" } }),
      // @ts-expect-error: "essay" is no kind of text
      eventDraft(NarrativeWritten, { effectiveAt: "2020-08-31", data: { narrativeId: "n", kind: "essay", from: "2020-01-01", to: "2020-08-31", section: "1", markdown: "x" } }),
      // @ts-expect-error: an amount is written as text
      eventDraft(FundsReceived, { effectiveAt: "2020-01-01", data: { areaId: "fou", amount: 100, from: "2020-01-01", to: "2020-01-31" } }),
      // @ts-expect-error: the area is left out
      eventDraft(PositionOpened, { effectiveAt: "2020-01-01", data: { positionId: "p", employmentForm: "visstid", fte: "1.00", financing: "grund" } }),
    ];
    expect(wrong).toHaveLength(4);
  });
});
