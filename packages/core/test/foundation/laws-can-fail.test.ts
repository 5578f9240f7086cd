import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, defineProjection, effectiveDateOf, period, replay, type Projection } from "@tertial/core";
import {
  arbFoundationDraft,
  arbFoundationLog,
  arbLogScript,
  arbStaffDraft,
  checkpointEquivalenceLaw,
  correctionInvarianceLaw,
  defaultWorld,
  determinismLaw,
  knownAtPrefixLaw,
  periodAdditivityLaw,
  referencePreamble,
  restateStaff,
  stockAtEndLaw,
  type Replayer,
} from "@tertial/core/testing";

/** Each law must catch the bug it is about: these projections and runners each have one. */
const subject = { catalog: defaultCatalog, log: arbFoundationLog() };
const RUNS = { numRuns: 100 };
/** The first counterexample is proof enough where shrinking a whole log to the smallest one takes seconds. */
const UNSHRUNK = { ...RUNS, endOnFailure: true };

const countOf = (name: string, keep: (date: string, start: string, end: string) => boolean): Projection<{ n: number }, { n: number }> =>
  defineProjection({
    name,
    description: "counts staff events",
    init: () => ({ n: 0 }),
    evolve: (state, event, { period }) => {
      const date = effectiveDateOf(event.effectiveAt) ?? "";
      if (event.type.startsWith("staff.") && keep(date, period.start, period.end)) state.n += 1;
      return state;
    },
    result: (state) => state,
  });

const failsWith = async (property: fc.IAsyncPropertyWithHooks<never[]> | fc.IAsyncPropertyWithHooks<unknown[]>, pattern: RegExp, parameters: fc.Parameters<unknown[]> = RUNS): Promise<void> => {
  const details = await fc.check(property as fc.IAsyncPropertyWithHooks<unknown[]>, parameters);
  expect(details.failed).toBe(true);
  expect(String(details.errorInstance)).toMatch(pattern);
};

describe("each law fails for the bug it is about", () => {
  it("determinism catches a result that depends on more than the log", async () => {
    let calls = 0;
    const flaky = defineProjection({ name: "flaky", description: "", init: () => 0, evolve: (n: number) => n, result: () => ({ call: (calls += 1) }) });
    await failsWith(determinismLaw(flaky, subject), /determinism/);
  });

  it("known-at prefix catches a runner that ignores the cut-off", async () => {
    const leaky: Replayer = (source, catalog, projection, options) => replay(source, catalog, projection, { period: options.period });
    await failsWith(knownAtPrefixLaw(countOf("all", () => true), { ...subject, replay: leaky }), /known-at prefix/);
  });

  it("correction invariance catches a runner that ignores corrections", async () => {
    const uncorrected: Replayer = async (source, catalog, projection, options) => {
      const withoutCorrections = async function* () {
        for await (const event of source.read()) {
          if (event.retracts !== undefined) continue;
          const { supersedes: _ignored, ...rest } = event;
          yield rest;
        }
      };
      const all = { read: () => withoutCorrections() };
      return replay(all, catalog, projection, options);
    };
    await failsWith(correctionInvarianceLaw(countOf("all", () => true), { ...subject, replay: uncorrected }), /correction invariance/);
  });

  it("checkpoint equivalence catches state that does not survive JSON", async () => {
    const mapped = defineProjection({
      name: "mapped",
      description: "",
      init: () => ({ seen: new Set<string>() }),
      evolve: (state: { seen: Set<string> }, event) => {
        state.seen.add(event.id);
        return state;
      },
      result: (state) => state.seen.size,
    });
    await failsWith(checkpointEquivalenceLaw(mapped, subject), /checkpoint equivalence|is not a function|not iterable|which JSON does not keep/);
  });

  it("period additivity catches a flow that counts from the beginning of time", async () => {
    const cumulative = countOf("cumulative", (date, _start, end) => date <= end);
    await failsWith(periodAdditivityLaw(cumulative, (result) => result.n, subject), /period additivity/);
  });

  it("stock at end catches a stock that reads only inside the period", async () => {
    const windowed = countOf("windowed", (date, start, end) => start <= date && date <= end);
    await failsWith(stockAtEndLaw(windowed, (result) => result.n, subject), /stock at end/);
  });
});

describe("known-at prefix and correction invariance hold the projection, not only the runner", () => {
  // Openings and changes of one position, so that a restated fact often has a later one to lose against.
  const world = { ...defaultWorld, positions: ["p1"] };
  const fteFacts = arbStaffDraft(world).filter((draft) => draft.type === "staff.position-opened" || draft.type === "staff.position-changed");
  const onePosition = { ...subject, log: arbLogScript({ preamble: referencePreamble(world), draft: fteFacts, restate: restateStaff }), restate: restateStaff, period: fc.constant(period("2021")) };

  it("known-at prefix catches a projection that applies a cut-off of its own and misreads a date", async () => {
    const misread = defineProjection({
      name: "misread-cut-off",
      description: "counts staff events recorded by the known-at, reading a known-at date as the start of that day in UTC",
      init: () => ({ n: 0 }),
      evolve: (state: { n: number }, event, { knownAt }) => {
        const tooLate = knownAt !== undefined && Date.parse(event.recordedAt) > Date.parse(knownAt);
        if (event.type.startsWith("staff.") && !tooLate) state.n += 1;
        return state;
      },
      result: (state) => state,
    });
    await failsWith(knownAtPrefixLaw(misread, subject), /known-at prefix: misread-cut-off .* must equal a plain replay/);
  });

  it("correction invariance catches a stock where the latest recording wins instead of the latest effective fact", async () => {
    const newestWins = defineProjection({
      name: "newest-recording-wins",
      description: "each position's FTE on the period's last day, taken from whichever fact was folded last",
      init: () => ({ fte: {} as Record<string, string> }),
      evolve: (state: { fte: Record<string, string> }, event, { period }) => {
        const data = event.data as { positionId?: string; fte?: string };
        const date = effectiveDateOf(event.effectiveAt) ?? "";
        if ((event.type === "staff.position-opened" || event.type === "staff.position-changed") && data.positionId !== undefined && data.fte !== undefined && date <= period.end) state.fte[data.positionId] = data.fte;
        return state;
      },
      result: (state) => state.fte,
    });
    await failsWith(correctionInvarianceLaw(newestWins, onePosition), /correction invariance: superseding .* must equal having recorded the replacement in its place \(newest-recording-wins/, UNSHRUNK);
  });
});

describe("laws count only the runs they checked", () => {
  const emptyLogs = { catalog: defaultCatalog, log: arbLogScript({ preamble: [], draft: arbFoundationDraft(), maxEvents: 0 }) };

  it("known-at prefix asked only about empty logs fails instead of passing vacuously", async () => {
    const details = await fc.check(knownAtPrefixLaw(countOf("all", () => true), emptyLogs), { numRuns: 20 });
    expect(details).toMatchObject({ failed: true, numRuns: 0 });
    expect(details.numSkips).toBeGreaterThan(0);
  });

  it("correction invariance asked only about logs with nothing to correct fails instead of passing vacuously", async () => {
    const details = await fc.check(correctionInvarianceLaw(countOf("all", () => true), emptyLogs), { numRuns: 20 });
    expect(details).toMatchObject({ failed: true, numRuns: 0 });
  });

  it("on the ready-made logs, nearly every run is checked", async () => {
    for (const law of [knownAtPrefixLaw(countOf("all", () => true), subject), correctionInvarianceLaw(countOf("all", () => true), subject)]) {
      const details = await fc.check(law as fc.IAsyncPropertyWithHooks<unknown[]>, { numRuns: 60 });
      expect(details.failed).toBe(false);
      expect(details.numSkips).toBeLessThan(10);
    }
  });
});
