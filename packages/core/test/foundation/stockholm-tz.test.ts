import { existsSync, readFileSync } from "node:fs";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, END_INSTANT, FIRST_INSTANT, effectiveDateOf, startOfStockholmDay, type IsoDate, formatInstant, parseInstant, stockholmDateOf, stockholmOffsetMinutes, stockholmTransitions } from "@tertial/core";

/**
 * Tertial's coded Europe/Stockholm against two time-zone databases. Intl is allowed here, in a
 * test, and only as an oracle: the core never asks it.
 *
 * ICU (the runtime's) follows the default tz build, in which Europe/Stockholm has been a link to
 * Europe/Berlin since tzdata 2022b: identical since 1970, Berlin's history before. So ICU is the
 * oracle from 1970 to 2100. Before 1970 the oracle is the tz database's own Stockholm zone, as
 * its `backzone` file has it (Debian's tzdata is built with it), read from the TZif file.
 */
const HOUR = 3_600_000;
const DAY = 86_400_000;

// eslint-disable-next-line no-restricted-globals -- a test may ask ICU as an oracle; the core never does
const icu = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Stockholm",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** ICU's offset in minutes at an instant (whole seconds), from the local wall-clock fields it prints. */
const icuOffsetMinutes = (epochMs: number): number => {
  const at = Math.floor(epochMs / 1000) * 1000;
  const parts = Object.fromEntries(icu.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((local - at) / 60_000);
};

/** The UTC date of the first and last day of a year range, in epoch ms. */
const yearStart = (year: number): number => Date.UTC(year, 0, 1);

/** Every instant where ICU's offset changes inside [from, to), found by a 6-hour scan and bisection. */
const icuTransitions = (from: number, to: number): number[] => {
  const found: number[] = [];
  let previous = icuOffsetMinutes(from);
  for (let at = from + 6 * HOUR; at <= to; at += 6 * HOUR) {
    const current = icuOffsetMinutes(at);
    if (current === previous) continue;
    let [low, high] = [at - 6 * HOUR, at];
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (icuOffsetMinutes(middle) === previous) low = middle;
      else high = middle;
    }
    found.push(high);
    previous = current;
  }
  return found;
};

const ours = (fromYear: number, toYear: number): number[] => {
  const out: number[] = [];
  for (let year = fromYear; year <= toYear; year += 1) out.push(...stockholmTransitions(year));
  return out;
};

describe("Europe/Stockholm against ICU, 1970–2100", () => {
  it("has exactly ICU's transitions, to the second", () => {
    const expected = icuTransitions(yearStart(1970), yearStart(2101));
    expect(expected.length).toBeGreaterThan(240);
    expect(ours(1970, 2100).map(formatInstant)).toEqual(expected.map(formatInstant));
  });

  it("has ICU's offset either side of every transition", () => {
    for (const at of ours(1970, 2100)) {
      for (const instant of [at - 1000, at]) expect([formatInstant(instant), stockholmOffsetMinutes(instant)]).toEqual([formatInstant(instant), icuOffsetMinutes(instant)]);
    }
  });

  it("has ICU's offset at 200 000 random instants", () => {
    const random = fc.sample(fc.integer({ min: yearStart(1970), max: END_INSTANT - 1 }), { numRuns: 200_000, seed: 15 });
    const wrong = random.filter((at) => stockholmOffsetMinutes(at) !== icuOffsetMinutes(at));
    expect(wrong.map(formatInstant).slice(0, 5)).toEqual([]);
  });

  it("dates the instants the issue found wrong", () => {
    expect(effectiveDateOf("1985-09-29T22:30:00Z")).toBe("1985-09-29");
    expect(effectiveDateOf("1975-07-01T22:30:00Z")).toBe("1975-07-01");
    expect(effectiveDateOf("1985-09-29T21:30:00Z")).toBe("1985-09-29");
    expect(effectiveDateOf("1980-04-06T00:59:59Z")).toBe("1980-04-06");
  });
});

/** A TZif file (RFC 8536), version 2 or later: its 64-bit transitions and their UTC offsets in seconds. */
const readTzif = (bytes: Buffer): { readonly times: number[]; readonly offsets: number[]; readonly initial: number } => {
  const counts = (at: number): number[] => [0, 1, 2, 3, 4, 5].map((index) => bytes.readUInt32BE(at + 20 + index * 4));
  const [isut1, isstd1, leap1, time1, type1, char1] = counts(0) as [number, number, number, number, number, number];
  const second = 44 + time1 * 5 + type1 * 6 + char1 + leap1 * 8 + isstd1 + isut1;
  const [, , , timecnt, typecnt] = counts(second) as [number, number, number, number, number, number];
  let at = second + 44;
  const times = Array.from({ length: timecnt }, (_, index) => Number(bytes.readBigInt64BE(at + index * 8)) * 1000);
  at += timecnt * 8;
  const indices = Array.from({ length: timecnt }, (_, index) => bytes.readUInt8(at + index));
  at += timecnt;
  const typeOffsets = Array.from({ length: typecnt }, (_, index) => bytes.readInt32BE(at + index * 6));
  return { times, offsets: indices.map((index) => typeOffsets[index] ?? Number.NaN), initial: typeOffsets[0] ?? Number.NaN };
};

const TZIF = "/usr/share/zoneinfo/Europe/Stockholm";

describe("Europe/Stockholm against the tz database's own zone, 1900–1979", () => {
  it("summer time only in 1916 before 1980, as tzdata's backzone and Swedish law have it", () => {
    expect(ours(1900, 1979).map(formatInstant)).toEqual(["1916-05-14T22:00:00.000Z", "1916-09-30T23:00:00.000Z"]);
    expect(effectiveDateOf("1916-05-14T22:30:00Z")).toBe("1916-05-15");
    expect(effectiveDateOf("1941-07-01T22:30:00Z")).toBe("1941-07-01");
  });

  // Only a tz build with backzone keeps Stockholm's own pre-1970 history; Debian's (this CI's) does.
  const tzif = existsSync(TZIF) ? readTzif(readFileSync(TZIF)) : undefined;
  const backzone = tzif !== undefined && tzif.times.some((time) => time === Date.UTC(1916, 4, 14, 22));
  it.runIf(backzone)("has the TZif file's transitions and offsets from 1900 to 2037", () => {
    if (tzif === undefined) return;
    const inRange = tzif.times.map((time, index) => ({ time, offset: tzif.offsets[index] ?? 0 })).filter(({ time }) => time >= FIRST_INSTANT && time < Date.UTC(2038, 0, 1));
    expect(ours(1900, 2037).map(formatInstant)).toEqual(inRange.map(({ time }) => formatInstant(time)));
    for (const { time, offset } of inRange) expect(stockholmOffsetMinutes(time)).toBe(offset / 60);
  });
});

describe("the supported range, 1900–2100", () => {
  it("reads instants written with a date in 1900–2100, and refuses the rest", () => {
    expect(stockholmDateOf(FIRST_INSTANT)).toBe("1900-01-01");
    expect(stockholmDateOf(END_INSTANT - 1)).toBe("2100-12-31");
    expect(parseInstant("1900-01-01T00:00:00+01:00")).toBe(FIRST_INSTANT);
    expect(parseInstant("1899-12-31T23:59:59Z")).toBeUndefined();
    expect(parseInstant("2100-12-31T22:59:59.999Z")).toBe(END_INSTANT - 1);
    expect(parseInstant("2101-01-01T00:00:00+14:00")).toBeUndefined();
    expect(effectiveDateOf("2101-01-01")).toBeUndefined();
    expect(effectiveDateOf("1899-12-31")).toBeUndefined();
    // The rule is on the written text; an offset may carry the instant a few hours outside.
    expect(effectiveDateOf("2100-12-31T23:30:00Z")).toBe("2101-01-01");
  });

  it("refuses offsets beyond ±14:00 and minutes of 60 or more", () => {
    for (const bad of ["2020-01-01T00:00:00+99:99", "2020-01-01T00:00:00+24:00", "2020-01-01T00:00:00+14:01", "2020-01-01T00:00:00-15:00", "2020-01-01T00:00:00+01:60"]) {
      expect([bad, parseInstant(bad)]).toEqual([bad, undefined]);
    }
    expect(parseInstant("2020-01-01T00:00:00+14:00")).toBe(Date.UTC(2019, 11, 31, 10));
    expect(parseInstant("2020-01-01T00:00:00-12:00")).toBe(Date.UTC(2020, 0, 1, 12));
    expect(parseInstant("2020-01-01T00:00:00+05:45")).toBe(Date.UTC(2019, 11, 31, 18, 15));
  });

  it("every day starts at its first instant, the 1916 switch days included (property over 1900–2100)", () => {
    expect(formatInstant(startOfStockholmDay("1916-05-15" as IsoDate))).toBe("1916-05-14T22:00:00.000Z");
    expect(formatInstant(startOfStockholmDay("1916-10-01" as IsoDate))).toBe("1916-09-30T22:00:00.000Z");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 73_413 }), (offset) => {
        const date = addDays("1900-01-01" as IsoDate, offset);
        const start = startOfStockholmDay(date);
        expect(stockholmDateOf(start)).toBe(date);
        if (date > "1900-01-01") expect(stockholmDateOf(start - 1)).toBe(addDays(date, -1));
      }),
      { numRuns: 3000 },
    );
  });

  it("day boundaries hold in every year (property over 1900–2100)", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_INSTANT, max: END_INSTANT - 1 }), (at) => {
        const local = at + stockholmOffsetMinutes(at) * 60_000;
        expect(stockholmDateOf(at)).toBe(new Date(Math.floor(local / DAY) * DAY).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });
});
