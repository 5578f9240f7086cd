import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, defaultCatalog, defineProjection, effectiveDateOf, type Projection } from "@tertial/core";
import { arbFoundationLog, assertSame, correctionInvarianceLaw, determinismLaw, knownAtPrefixLaw, periodAdditivityLaw, stockAtEndLaw } from "@tertial/core/testing";

/**
 * The laws compare results as data, Maps, Sets, Decimals and undefined included, and refuse what
 * they cannot compare; an accessor that reads nothing fails the law instead of making it pass.
 * (Comparing JSON printed a Map as {}, so a result held in a Map could not fail a law.)
 */
const subject = { catalog: defaultCatalog, log: arbFoundationLog({ maxEvents: 6 }) };
const RUNS = { numRuns: 60 };
/** The first counterexample is proof enough where shrinking a whole log takes seconds. */
const UNSHRUNK = { ...RUNS, endOnFailure: true };

const failsWith = async (property: fc.IAsyncPropertyWithHooks<never[]> | fc.IAsyncPropertyWithHooks<unknown[]>, pattern: RegExp, parameters: fc.Parameters<unknown[]> = UNSHRUNK): Promise<void> => {
  const details = await fc.check(property as fc.IAsyncPropertyWithHooks<unknown[]>, parameters);
  expect(details.failed).toBe(true);
  expect(String(details.errorInstance)).toMatch(pattern);
};

const passes = async (property: fc.IAsyncPropertyWithHooks<never[]> | fc.IAsyncPropertyWithHooks<unknown[]>, parameters: fc.Parameters<unknown[]> = RUNS): Promise<void> => {
  const details = await fc.check(property as fc.IAsyncPropertyWithHooks<unknown[]>, parameters);
  expect(details.failed ? String(details.errorInstance) : "passed").toBe("passed");
};

const constantResult = <R>(name: string, result: (knownAt: string | undefined) => R): Projection<number, R> =>
  defineProjection({ name, description: "", init: () => 0, evolve: (n: number) => n, result: (_state, { knownAt }) => result(knownAt) });

/** Staff events counted by their effective date: kept when `keep` says so. */
const countOf = (name: string, keep: (date: string, start: string, end: string) => boolean): Projection<{ count: number }, { count: number }> =>
  defineProjection({
    name,
    description: "counts staff events",
    init: () => ({ count: 0 }),
    evolve: (state, event, { period }) => {
      const date = effectiveDateOf(event.effectiveAt) ?? "";
      if (event.type.startsWith("staff.") && keep(date, period.start, period.end)) state.count += 1;
      return state;
    },
    result: (state) => state,
  });

/** The FTE of the last staff fact effective by the period's end that names one: undefined until there is one. */
interface FteState {
  fte?: string;
  byPosition?: Record<string, string>;
}

const lastFte = (name: string, keep: (date: string, start: string, end: string) => boolean): Projection<FteState, { balance: string | undefined; byPosition: Map<string, string> }> =>
  defineProjection({
    name,
    description: "",
    init: (): FteState => ({}),
    evolve: (state: FteState, event, { period }) => {
      const date = effectiveDateOf(event.effectiveAt) ?? "";
      const data = event.data as { fte?: string; positionId?: string };
      if (data.fte !== undefined && keep(date, period.start, period.end)) {
        state.fte = data.fte;
        if (data.positionId !== undefined) state.byPosition = { ...state.byPosition, [data.positionId]: data.fte };
      }
      return state;
    },
    result: (state: FteState) => ({ balance: state.fte, byPosition: new Map(Object.entries(state.byPosition ?? {})) }),
  });

describe("results are compared as data: Maps, Sets, Decimals and undefined", () => {
  const violation = (run: () => void): string => {
    try {
      run();
    } catch (error) {
      return String(error);
    }
    return "no violation";
  };

  it("a Map or a Set compares by its contents, in any order unless the order is asked to count", () => {
    expect(violation(() => assertSame("law", new Map([["a", 1]]), new Map([["a", 2]])))).toMatch(/^Error: law\n {2}expected: Map\{"a"=>1\}\n {2}actual: {3}Map\{"a"=>2\}/);
    expect(violation(() => assertSame("law", new Set(["a"]), new Set(["b"])))).toMatch(/expected: Set\{"a"\}/);
    expect(violation(() => assertSame("law", { m: new Map() }, { m: {} }))).toMatch(/expected: \{"m":Map\{\}\}\n {2}actual: {3}\{"m":\{\}\}/);
    expect(violation(() => assertSame("law", new Map([["a", 1], ["b", 2]]), new Map([["b", 2], ["a", 1]])))).toBe("no violation");
    expect(violation(() => assertSame("law", new Set([1, 2]), new Set([2, 1])))).toBe("no violation");
    expect(violation(() => assertSame("law", new Map([["a", 1], ["b", 2]]), new Map([["b", 2], ["a", 1]]), { keyOrder: true }))).toMatch(/expected: Map\{"a"=>1,"b"=>2\}/);
    expect(violation(() => assertSame("law", { a: 1, b: 2 }, { b: 2, a: 1 }, { keyOrder: true }))).toMatch(/expected: \{"a":1,"b":2\}/);
  });

  it("undefined equals undefined, and only undefined; a field holding undefined is no field", () => {
    expect(violation(() => assertSame("law", undefined, undefined))).toBe("no violation");
    expect(violation(() => assertSame("law", { a: undefined }, {}))).toBe("no violation");
    expect(violation(() => assertSame("law", undefined, null))).toMatch(/expected: undefined\n {2}actual: {3}null/);
    expect(violation(() => assertSame("law", [undefined], [null]))).toMatch(/expected: \[undefined\]/);
  });

  it("a Decimal compares by its value, and not as a string", () => {
    expect(violation(() => assertSame("law", new Decimal("1.50"), new Decimal("1.5")))).toBe("no violation");
    expect(violation(() => assertSame("law", new Decimal("1.5"), new Decimal("1.51")))).toMatch(/expected: Decimal\(1\.5\)\n {2}actual: {3}Decimal\(1\.51\)/);
    expect(violation(() => assertSame("law", new Decimal("1.5"), "1.5"))).toMatch(/expected: Decimal\(1\.5\)/);
  });

  it("what a law cannot compare is refused, naming the law and the path", () => {
    class Money {
      constructor(readonly amount: string) {}
    }
    expect(violation(() => assertSame("my law", { rows: [{ paid: new Money("1") }] }, { rows: [{ paid: new Money("1") }] }))).toMatch(/^Error: my law\n {2}cannot compare: result\.rows\[0\]\.paid \(expected\) is an instance of Money/);
    expect(violation(() => assertSame("my law", { when: new Date(0) }, { when: new Date(0) }, { root: "stock" }))).toMatch(/cannot compare: stock\.when \(expected\) is an instance of Date/);
    expect(violation(() => assertSame("my law", { "a b": () => 1 }, {}))).toMatch(/cannot compare: result\["a b"\] \(expected\) is a function/);
    expect(violation(() => assertSame("my law", new Map([["k", { n: Number.NaN }]]), new Map()))).toMatch(/cannot compare: result\.get\("k"\)\.n \(expected\) is the number NaN/);
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    expect(violation(() => assertSame("my law", cycle, {}))).toMatch(/cannot compare: result\.self \(expected\) is the object that contains it \(a cycle\)/);
  });
});

describe("determinism and known-at prefix see into Maps and Sets", () => {
  it("determinism fails for a result that holds a random number in a Map, and passes for a deterministic one", async () => {
    await failsWith(determinismLaw(constantResult("random-map", () => ({ byId: new Map([["r", Math.random()]]) })), subject), /determinism: random-map for .* must give the same result, key order included\n {2}expected: \{"byId":Map\{"r"=>0\.\d+/);
    await passes(determinismLaw(constantResult("fixed-map", () => ({ byId: new Map([["r", new Decimal("0.5")]]), ids: new Set(["a", "b"]), absent: undefined })), subject), { numRuns: 20 });
  });

  it("determinism fails for a Set whose members come in another order each time", async () => {
    let calls = 0;
    await failsWith(determinismLaw(constantResult("shuffled-set", () => new Set((calls += 1) % 2 === 0 ? ["a", "b"] : ["b", "a"])), subject), /determinism: shuffled-set .*\n {2}expected: Set\{"b","a"\}\n {2}actual: {3}Set\{"a","b"\}/);
  });

  it("known-at prefix fails for a projection that leaks the known-at into a Map, and passes for one that keeps it out", async () => {
    await failsWith(knownAtPrefixLaw(constantResult("leak-map", (knownAt) => new Map([["asOf", knownAt]])), subject), /known-at prefix: leak-map .* must equal a plain replay .*\n {2}expected: Map\{"asOf"=>undefined\}\n {2}actual: {3}Map\{"asOf"=>"/);
    await passes(knownAtPrefixLaw(lastFte("fte-map", (date, _start, end) => date <= end), subject));
  });

  it("known-at prefix refuses a result it cannot compare, naming the law and the path", async () => {
    await failsWith(knownAtPrefixLaw(constantResult("dated", () => ({ at: new Date(0) })), subject), /known-at prefix: dated .*\n {2}cannot compare: result\.at \(expected\) is an instance of Date/);
  });
});

describe("an accessor that reads nothing fails the law; a figure absent in some runs does not", () => {
  const full = { catalog: defaultCatalog, log: arbFoundationLog() };
  const correctFlow = countOf("count", (date, start, end) => start <= date && date <= end);
  const cumulative = countOf("cumulative", (date, _start, end) => date <= end);
  const typo = (result: { count: number }): number | undefined => (result as unknown as { cuont?: number }).cuont;

  it("period additivity with a typo'd accessor says the figure is undefined in every run, for a broken flow and a correct one", async () => {
    const message = /period additivity \((cumulative|count)\): the figure read by your accessor is undefined in every run: check the accessor/;
    await failsWith(periodAdditivityLaw(cumulative, typo, subject), message, { numRuns: 10, endOnFailure: true });
    await failsWith(periodAdditivityLaw(correctFlow, typo, subject), message, { numRuns: 10, endOnFailure: true });
  });

  it("with the right accessor, the broken flow fails and the correct one passes", async () => {
    await failsWith(periodAdditivityLaw(cumulative, (result) => result.count, full), /period additivity: cumulative .* ≠ /);
    await passes(periodAdditivityLaw(correctFlow, (result) => result.count, full));
  });

  it("a figure absent where nothing happened counts as zero, and as a numeric string or a Decimal it sums", async () => {
    await passes(periodAdditivityLaw(correctFlow, (result) => (result.count === 0 ? undefined : String(result.count)), full));
    await passes(periodAdditivityLaw(correctFlow, (result) => (result.count === 0 ? null : new Decimal(result.count)), full));
  });

  it("period additivity fails, saying so, for a figure that is not a number, numeric string or Decimal", async () => {
    const notNumbers: readonly ((result: { count: number }) => unknown)[] = [(result) => result, (result) => `${result.count} st`, (result) => (result.count === 0 ? 0 : Number.NaN), () => true];
    for (const figure of notNumbers) {
      await failsWith(periodAdditivityLaw(correctFlow, figure as (result: { count: number }) => number, full), /period additivity \(count\): the figure read by your accessor for .* is .*, not a finite number, numeric string or Decimal: check the accessor/);
    }
  });

  it("stock at end passes for a stock that is rightly undefined in some runs, and compares a Map by its contents", async () => {
    const stock = lastFte("last-fte", (date, _start, end) => date <= end);
    await passes(stockAtEndLaw(stock, (result) => result.balance, full), { numRuns: 100 });
    await passes(stockAtEndLaw(stock, (result) => result.byPosition, full), { numRuns: 100 });
  });

  it("stock at end fails for a stock read only inside the period, held in a Map or undefined outside it", async () => {
    const windowed = lastFte("windowed-fte", (date, start, end) => start <= date && date <= end);
    await failsWith(stockAtEndLaw(windowed, (result) => result.byPosition, full), /stock at end: windowed-fte for .* must equal its stock on .*\n {2}expected: Map\{/);
    await failsWith(stockAtEndLaw(windowed, (result) => result.balance, full), /stock at end: windowed-fte .*\n {2}expected: (undefined|"[\d.]+")\n {2}actual: {3}(undefined|"[\d.]+")/);
  });

  it("stock at end with a typo'd accessor says the stock is undefined in every run", async () => {
    const stock = lastFte("last-fte", (date, _start, end) => date <= end);
    await failsWith(stockAtEndLaw(stock, (result) => (result as unknown as { balanse?: string }).balanse, subject), /stock at end \(last-fte\): the stock read by your accessor is undefined in every run: check the accessor/, { numRuns: 10, endOnFailure: true });
  });

  it("correction invariance with a factsOf that reads nothing says so; a factsOf that reads the facts passes", async () => {
    const counted = countOf("all", () => true);
    await failsWith(correctionInvarianceLaw(counted, { ...subject, factsOf: (result) => (result as { facts?: unknown }).facts }), /correction invariance \(all\): the facts read by your accessor \(subject\.factsOf\) are undefined in every run: check the accessor/, { numRuns: 80, endOnFailure: true });
    await passes(correctionInvarianceLaw(counted, { ...subject, factsOf: (result) => (result as { count: number }).count }), { numRuns: 80 });
  });
});
