import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addYears, dateOfDays, daysFromCivil, daysOf, effectiveDateOf, weekdayOfDays, formatInstant, isoDate, knownAtCutoff, parseInstant, parseIsoDate, startOfStockholmDay, stockholmDateOf, stockholmOffsetMinutes, type IsoDate } from "@tertial/core";
import { arbEdgeDate, arbInstantText, arbIsoDate, dstSwitchDates } from "@tertial/core/testing";

const utc = (text: string): number => Date.parse(text);

describe("calendar dates", () => {
  it("accepts real dates only", () => {
    expect(parseIsoDate("2020-02-29")).toBe("2020-02-29");
    for (const bad of ["2021-02-29", "2020-13-01", "2020-00-10", "2020-04-31", "20-01-01", "2020-1-1", "1899-12-31", "2020-01-01T00:00"]) expect(parseIsoDate(bad)).toBeUndefined();
  });

  it("adds days as the UTC calendar does (property)", () => {
    fc.assert(
      fc.property(arbIsoDate(), fc.integer({ min: -800, max: 800 }), (date, days) => {
        expect(addDays(date, days)).toBe(new Date(utc(date) + days * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 300 },
    );
  });

  it("counts days by integer arithmetic, as the UTC calendar does, from 1900 to 2100 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1899, 1, 1), max: daysFromCivil(2101, 12, 31) }), (days) => {
        const date = new Date(days * 86_400_000).toISOString().slice(0, 10) as IsoDate;
        expect(dateOfDays(days)).toBe(date);
        expect(daysOf(date)).toBe(days);
        expect(weekdayOfDays(days)).toBe(new Date(days * 86_400_000).getUTCDay());
      }),
      { numRuns: 3000 },
    );
  });

  it("reads every real date of 1900–2100 and nothing outside", () => {
    let count = 0;
    for (let day = isoDate(1899, 12, 25); day <= "2101-01-07"; day = addDays(day, 1)) {
      const inside = day >= "1900-01-01" && day <= "2100-12-31";
      expect([day, parseIsoDate(day)]).toEqual([day, inside ? day : undefined]);
      if (inside) count += 1;
    }
    expect(count).toBe(daysFromCivil(2101, 1, 1) - daysFromCivil(1900, 1, 1));
    for (const bad of ["1900-02-29", "2100-02-29", "0000-01-01", "２０２０-01-01", "2020-01-01 ", "+2020-01-01"]) expect(parseIsoDate(bad)).toBeUndefined();
    expect(parseIsoDate("2000-02-29")).toBe("2000-02-29");
  });

  it("moves 29 February to 28 February a year away", () => {
    expect(addYears(isoDate(2020, 2, 29), -1)).toBe("2019-02-28");
    expect(addYears(isoDate(2020, 2, 29), 4)).toBe("2024-02-29");
  });
});

describe("Europe/Stockholm without a time-zone database", () => {
  it("knows the switch moments: since 1996 01:00 UTC on the last Sundays of March and October; earlier Sweden's own", () => {
    expect(dstSwitchDates(2020)).toEqual(["2020-03-29", "2020-10-25"]);
    expect(dstSwitchDates(2021)).toEqual(["2021-03-28", "2021-10-31"]);
    expect(dstSwitchDates(1985)).toEqual(["1985-03-31", "1985-09-29"]);
    expect(dstSwitchDates(1980)).toEqual(["1980-04-06", "1980-09-28"]);
    expect(dstSwitchDates(1975)).toEqual([]);
    expect(dstSwitchDates(1916)).toEqual(["1916-05-15", "1916-10-01"]);
    expect(stockholmOffsetMinutes(utc("2020-03-29T00:59:59.999Z"))).toBe(60);
    expect(stockholmOffsetMinutes(utc("2020-03-29T01:00:00.000Z"))).toBe(120);
    expect(stockholmOffsetMinutes(utc("2020-10-25T00:59:59.999Z"))).toBe(120);
    expect(stockholmOffsetMinutes(utc("2020-10-25T01:00:00.000Z"))).toBe(60);
  });

  it("places instants on their Stockholm date", () => {
    expect(stockholmDateOf(utc("2020-08-31T21:59:59.999Z"))).toBe("2020-08-31");
    expect(stockholmDateOf(utc("2020-08-31T22:00:00.000Z"))).toBe("2020-09-01");
    expect(stockholmDateOf(utc("2020-12-31T22:59:59.999Z"))).toBe("2020-12-31");
    expect(stockholmDateOf(utc("2020-12-31T23:00:00.000Z"))).toBe("2021-01-01");
  });

  it("starts each day at Stockholm midnight, DST days included (property)", () => {
    fc.assert(
      fc.property(arbEdgeDate({ fromYear: 1996, toYear: 2030 }), (date) => {
        const start = startOfStockholmDay(date);
        expect(stockholmDateOf(start)).toBe(date);
        expect(stockholmDateOf(start - 1)).toBe(addDays(date, -1));
      }),
      { numRuns: 300 },
    );
  });

  it("has days of 23 and 25 hours when the clocks change", () => {
    const hours = (date: IsoDate): number => (startOfStockholmDay(addDays(date, 1)) - startOfStockholmDay(date)) / 3_600_000;
    expect(hours(isoDate(2020, 3, 29))).toBe(23);
    expect(hours(isoDate(2020, 10, 25))).toBe(25);
    expect(hours(isoDate(2020, 8, 31))).toBe(24);
  });
});

describe("known-at cut-offs", () => {
  it("a date means the whole Stockholm day, through its last millisecond", () => {
    expect(formatInstant(knownAtCutoff("2020-10-15") ?? 0)).toBe("2020-10-15T21:59:59.999Z");
    expect(formatInstant(knownAtCutoff("2020-12-01") ?? 0)).toBe("2020-12-01T22:59:59.999Z");
    expect(formatInstant(knownAtCutoff("2020-03-29") ?? 0)).toBe("2020-03-29T21:59:59.999Z");
    expect(formatInstant(knownAtCutoff("2020-10-25") ?? 0)).toBe("2020-10-25T22:59:59.999Z");
    expect(formatInstant(knownAtCutoff("2020-12-31") ?? 0)).toBe("2020-12-31T22:59:59.999Z");
  });

  it("a date's cut-off is the last instant of that Stockholm date (property)", () => {
    fc.assert(
      fc.property(arbEdgeDate({ fromYear: 1996, toYear: 2030 }), (date) => {
        const cutoff = knownAtCutoff(date) ?? Number.NaN;
        expect(stockholmDateOf(cutoff)).toBe(date);
        expect(stockholmDateOf(cutoff + 1)).toBe(addDays(date, 1));
      }),
      { numRuns: 300 },
    );
  });

  it("an instant means itself, whatever its offset", () => {
    expect(knownAtCutoff("2020-10-15T09:30:00+02:00")).toBe(utc("2020-10-15T07:30:00.000Z"));
    expect(knownAtCutoff("2020-10-15T07:30:00.000Z")).toBe(utc("2020-10-15T07:30:00.000Z"));
    expect(knownAtCutoff("15 oktober 2020")).toBeUndefined();
    expect(knownAtCutoff("2020-10-15T09:30:00")).toBeUndefined();
  });
});

describe("instants and effective time", () => {
  it("parses instants with an offset and refuses the rest", () => {
    expect(parseInstant("2020-10-15T09:30:00.123+02:00")).toBe(utc("2020-10-15T07:30:00.123Z"));
    expect(parseInstant("2020-10-15T09:30Z")).toBe(utc("2020-10-15T09:30:00.000Z"));
    for (const bad of ["2020-10-15T24:00:00Z", "2020-10-15T09:60:00Z", "2020-10-15 09:30:00Z", "2020-02-30T00:00:00Z", "2020-10-15T09:30:00"]) expect(parseInstant(bad)).toBeUndefined();
  });

  it("an effective instant belongs to its Stockholm date (property)", () => {
    fc.assert(
      fc.property(arbInstantText(), (text) => {
        const ms = parseInstant(text);
        expect(ms).toBeDefined();
        expect(effectiveDateOf(text)).toBe(stockholmDateOf(ms ?? 0));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses, without throwing, an instant written before 1900; one written on 1900-01-01 may fall on 1899-12-31", () => {
    expect(effectiveDateOf("1899-12-31T23:30:00+01:00")).toBeUndefined();
    expect(effectiveDateOf("1900-01-01T00:30:00+02:00")).toBe("1899-12-31");
    expect(effectiveDateOf("1900-01-01T00:30:00+01:00")).toBe("1900-01-01");
  });

  it("a late evening in UTC can be the next day in Stockholm", () => {
    expect(effectiveDateOf("2020-08-31T22:30:00Z")).toBe("2020-09-01");
    expect(effectiveDateOf("2020-08-31T23:30:00+02:00")).toBe("2020-08-31");
    expect(effectiveDateOf("2020-08-31")).toBe("2020-08-31");
    expect(effectiveDateOf("31/8 2020")).toBeUndefined();
  });
});
