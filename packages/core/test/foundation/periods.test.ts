import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { comparisonPeriod, contains, isPeriodParseError, parsePeriod, period, previousTertial, previousYear, samePeriodLastYear, selects, tertialOf, tertialsEndingIn, yearToDate, type IsoDate, type Period } from "@tertial/core";
import { arbEdgeDate, arbPeriod, arbPeriodName } from "@tertial/core/testing";

const span = (p: Period): string => `${p.start}..${p.end}`;

describe("period names", () => {
  it.each([
    ["2020", "2020-01-01..2020-12-31", "2020"],
    ["2020-T2", "2020-05-01..2020-08-31", "2020-T2"],
    ["2020-T1..T2", "2020-01-01..2020-08-31", "2020-T1..T2"],
    ["2020-H1", "2020-01-01..2020-06-30", "2020-H1"],
    ["2020-Q3", "2020-07-01..2020-09-30", "2020-Q3"],
    ["2020-M02", "2020-02-01..2020-02-29", "2020-M02"],
    ["2020-01-01..2020-08-31", "2020-01-01..2020-08-31", "2020-T1..T2"],
    ["2019-T3..2020-T1", "2019-09-01..2020-04-30", "2019-09-01..2020-04-30"],
    ["2020-05-01..2020-06-30", "2020-05-01..2020-06-30", "2020-05-01..2020-06-30"],
    ["2020-08-31", "2020-08-31..2020-08-31", "2020-08-31"],
    [" 2020-T3 ", "2020-09-01..2020-12-31", "2020-T3"],
  ])("%s is %s, named %s", (text, expectedSpan, name) => {
    const parsed = period(text);
    expect(span(parsed)).toBe(expectedSpan);
    expect(parsed.name).toBe(name);
  });

  it("every name parses back to the same period (property)", () => {
    fc.assert(
      fc.property(arbPeriodName(), (text) => {
        const parsed = parsePeriod(text);
        if (isPeriodParseError(parsed)) throw new Error(parsed.message);
        expect(period(parsed.name)).toEqual(parsed);
        expect(parsed.start <= parsed.end).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["2020-T4", "is not a period"],
    ["2020-T0", "is not a period"],
    ["2020-Q5", "is not a period"],
    ["2020-T1..T4", "names a part the year does not have"],
    ["2020-T1..Q2", "must be the same kind of part"],
    ["2020-T3..T1", "ends before it starts"],
    ["2020-08-31..2020-01-01", "ends before it starts"],
    ["2020-02-30", "is not a period"],
    ["T2 2020", "is not a period"],
    ["", "is not a period"],
    ["2020..2021..2022", "is not a period"],
    ["2020-T1..", "is not a range of two periods"],
  ])("%s is refused: %s", (text, message) => {
    const parsed = parsePeriod(text);
    expect(isPeriodParseError(parsed)).toBe(true);
    if (!isPeriodParseError(parsed)) return;
    expect(parsed.message).toContain(message);
    expect(parsed.input).toBe(text);
  });

  it.each(["1899", "1899-T1", "1899-M12", "0000", "1899..1900", "2101", "2100-T3..2101-T1", "1899-12-31", "1899-12-31..1900-01-31"])(
    "%s is refused as outside the supported years 1900–2100, without throwing",
    (text) => {
      const parsed = parsePeriod(text);
      expect(isPeriodParseError(parsed)).toBe(true);
      if (!isPeriodParseError(parsed)) return;
      expect(parsed.message).toContain("outside the years Tertial reads (1900–2100");
    },
  );

  it("reads the first and last supported years, and computes comparison periods before 1900", () => {
    expect(span(period("1900-T1"))).toBe("1900-01-01..1900-04-30");
    expect(span(period("2100-T3"))).toBe("2100-09-01..2100-12-31");
    const first = parsePeriod("1900");
    expect(isPeriodParseError(first)).toBe(false);
    if (isPeriodParseError(first)) return;
    expect(samePeriodLastYear(first).name).toBe("1899");
    expect(previousTertial(period("1900-T1")).name).toBe("1899-T3");
    expect(period(previousTertial(period("1900-T1")).name).start).toBe("1899-09-01");
  });

  it("lists the accepted forms when refusing", () => {
    const parsed = parsePeriod("tertial 2");
    expect(isPeriodParseError(parsed) && parsed.message).toContain("2020-T1..T2");
  });
});

describe("comparisons", () => {
  it("same period last year", () => {
    expect(samePeriodLastYear(period("2020-T2")).name).toBe("2019-T2");
    expect(samePeriodLastYear(period("2020-T1..T2")).name).toBe("2019-T1..T2");
    expect(samePeriodLastYear(period("2021-M02")).name).toBe("2020-M02");
    expect(span(samePeriodLastYear(period("2021-M02")))).toBe("2020-02-01..2020-02-29");
    expect(span(samePeriodLastYear(period("2020-M02")))).toBe("2019-02-01..2019-02-28");
  });

  it("same period last year of a single day is a single day, even on 28 February", () => {
    expect(span(samePeriodLastYear(period("2021-02-28")))).toBe("2020-02-28..2020-02-28");
    expect(span(samePeriodLastYear(period("2020-02-29")))).toBe("2019-02-28..2019-02-28");
    expect(span(samePeriodLastYear(period("2021-01-15..2021-02-28")))).toBe("2020-01-15..2020-02-28");
  });

  it("same period last year keeps the kind of named periods (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2040 }), fc.constantFrom("", "-T1", "-T2", "-T3", "-T1..T2", "-H1", "-H2", "-Q1", "-Q4", "-M02", "-M12"), (year, suffix) => {
        expect(samePeriodLastYear(period(`${year}${suffix}`)).name).toBe(`${year - 1}${suffix}`);
      }),
      { numRuns: 200 },
    );
  });

  it("previous year and previous tertial", () => {
    expect(previousYear(period("2020-T2")).name).toBe("2019");
    expect(previousTertial(period("2020-T2")).name).toBe("2020-T1");
    expect(previousTertial(period("2020-T1")).name).toBe("2019-T3");
    expect(previousTertial(period("2020-T1..T2")).name).toBe("2020-T1");
    expect(comparisonPeriod(period("2020-T3"), "previous-tertial").name).toBe("2020-T2");
    expect(comparisonPeriod(period("2020-T3"), "same-period-last-year").name).toBe("2019-T3");
    expect(comparisonPeriod(period("2020-T3"), "previous-year").name).toBe("2019");
    // A period across years (a plan of 2026–2027): the year before it, not a year it covers.
    expect(previousYear(period("2026..2027")).name).toBe("2025");
    expect(comparisonPeriod(period("2020-M12..2021-M02"), "previous-year").name).toBe("2019");
  });

  it("the tertial of a date contains it (property)", () => {
    fc.assert(
      fc.property(arbEdgeDate(), (date: IsoDate) => {
        const tertial = tertialOf(date);
        expect(contains(tertial, date)).toBe(true);
        expect(tertial.name).toMatch(/^\d{4}-T[123]$/);
        expect(contains(previousTertial(tertial), date)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("lists the tertials ending in a period, and the year to date", () => {
    expect(tertialsEndingIn(period("2019-01-01..2020-08-31")).map((p) => p.name)).toEqual(["2019-T1", "2019-T2", "2019-T3", "2020-T1", "2020-T2"]);
    expect(tertialsEndingIn(period("2020-03-01..2020-05-31")).map((p) => p.name)).toEqual(["2020-T1"]);
    expect(yearToDate(period("2020-T2")).name).toBe("2020-T1..T2");
  });

  it("flows select inside the period, stocks everything up to its end (property)", () => {
    fc.assert(
      fc.property(arbPeriod(), arbEdgeDate(), (p, date) => {
        expect(selects("flow", p, date)).toBe(p.start <= date && date <= p.end);
        expect(selects("stock", p, date)).toBe(date <= p.end);
      }),
      { numRuns: 200 },
    );
  });
});
