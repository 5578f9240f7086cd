import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, isDecimalString, isPeriodParseError, knownAtCutoff, NonNegativeDecimal, parsePeriod } from "@tertial/core";
import { applyTampering, arbDecimalString, arbFoundationLog, arbKnownAtPick, arbLogScript, arbPeriodName, arbSplitPeriod, arbStaffDraft, buildLog, knownAtFor, referencePreamble, retractionOf } from "@tertial/core/testing";

describe("@tertial/core/testing arbitraries", () => {
  it("decimal strings: non-negative ones are NonNegativeDecimal", () => {
    fc.assert(
      fc.property(arbDecimalString({ nonNegative: true, maxDecimals: 2 }), (text) => {
        expect(isDecimalString(text)).toBe(true);
        expect(NonNegativeDecimal.is(text)).toBe(true);
        expect(text.split(".")[1]?.length ?? 0).toBeLessThanOrEqual(2);
      }),
      { numRuns: 200 },
    );
  });

  it("period names all parse", () => {
    fc.assert(fc.property(arbPeriodName(), (text) => {
        expect(isPeriodParseError(parsePeriod(text))).toBe(false);
      }), { numRuns: 200 });
  });

  it("split periods are adjacent and cover the whole", () => {
    fc.assert(
      fc.property(arbSplitPeriod(), ({ first, second, whole }) => {
        expect([first.start, second.end]).toEqual([whole.start, whole.end]);
        expect(Date.parse(second.start) - Date.parse(first.end)).toBe(86_400_000);
      }),
      { numRuns: 200 },
    );
  });

  it("staff drafts decode against the catalog", () => {
    fc.assert(
      fc.property(arbStaffDraft(), (draft) => {
        const definition = defaultCatalog.definition(draft.type);
        expect(definition?.latest.data.decode(draft.data)._tag).toBe("Right");
      }),
      { numRuns: 200 },
    );
  });

  it("built logs keep what the store accepts, with corrections among them", async () => {
    let corrected = 0;
    let staffed = 0;
    await fc.assert(
      fc.asyncProperty(arbFoundationLog(), async (script) => {
        const { events, refused } = await buildLog(defaultCatalog, script);
        expect(events.length + refused.length).toBe(script.entries.length);
        corrected += events.filter((event) => event.supersedes !== undefined || event.retracts !== undefined).length;
        staffed += events.filter((event) => event.type.startsWith("staff.")).length;
      }),
      { numRuns: 100 },
    );
    expect(corrected).toBeGreaterThan(20);
    expect(staffed).toBeGreaterThan(100);
  });

  it("logs of your own drafts: without restate only retractions, without corrections none, drafts without ids get distinct ones", async () => {
    const drafts = arbStaffDraft().map(({ id: _id, ...draft }) => draft);
    await fc.assert(
      fc.asyncProperty(arbLogScript({ preamble: referencePreamble(), draft: drafts }), arbLogScript({ draft: drafts, corrections: false }), async (some, plain) => {
        expect(some.entries.some((entry) => entry.draft.supersedes !== undefined)).toBe(false);
        expect(plain.entries.some((entry) => entry.draft.retracts !== undefined)).toBe(false);
        const anonymous = { entries: some.entries.map(({ draft: { id: _id, ...draft }, at }) => ({ draft, at })) };
        const { events } = await buildLog(defaultCatalog, anonymous);
        expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
      }),
      { numRuns: 50 },
    );
  });

  it("known-at picks resolve to cut-offs around recorded events", async () => {
    const [script] = fc.sample(arbFoundationLog(), { numRuns: 1, seed: 7 });
    const { events } = await buildLog(defaultCatalog, script!);
    fc.assert(
      fc.property(arbKnownAtPick, (pick) => {
        const knownAt = knownAtFor(events, pick) ?? "";
        const event = events[pick.event % events.length]!;
        const cutoff = knownAtCutoff(knownAt) ?? Number.NaN;
        expect(cutoff >= Date.parse(event.recordedAt)).toBe(pick.form !== "just-before");
      }),
      { numRuns: 200 },
    );
    expect(knownAtFor([], { event: 0, form: "date" })).toBeUndefined();
  });

  it("tampering always changes the lines, and keepLast never drops the last", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(true, false), (lines, keepLast) => {
        for (const tampering of fc.sample(fc.constant(null).chain(() => fc.record({ kind: fc.constant("drop" as const), line: fc.nat() })), 5)) {
          const out = applyTampering(lines, tampering, { keepLast });
          if (out === undefined) continue;
          expect(out.length).toBe(lines.length - 1);
          if (keepLast) expect(out[out.length - 1]).toBe(lines[lines.length - 1]);
        }
      }),
      { numRuns: 100 },
    );
    expect(applyTampering(["a"], { kind: "change", line: 0, at: 0, char: "a" })).toEqual(["0"]);
  });

  it("retractionOf drafts a valid retraction", () => {
    expect(retractionOf({ id: "e1", effectiveAt: "2020-01-01" }, "r1")).toEqual({ id: "r1", type: "log.event-retracted", effectiveAt: "2020-01-01", retracts: "e1", data: { reason: "felaktigt registrerad" } });
  });
});
