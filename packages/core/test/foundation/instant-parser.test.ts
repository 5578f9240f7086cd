import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysOf, parseInstant, parseIsoDate, type IsoDate } from "@tertial/core";
import { arbInstantText } from "@tertial/core/testing";

/**
 * The parsers as they were written with regular expressions, before every read's hot path read
 * them by character codes: the new ones must accept and reject exactly the same texts, and give
 * the same instants.
 */
const REFERENCE_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

const referenceIsoDate = (text: string): IsoDate | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return year >= 1900 && year <= 2100 && day >= 1 && day <= days ? (text as IsoDate) : undefined;
};

const referenceOffset = (zone: string): number | undefined => {
  if (zone === "Z") return 0;
  const [hours, minutes] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
  if (minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined;
  return (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
};

const referenceInstant = (text: string): number | undefined => {
  const match = REFERENCE_INSTANT.exec(text);
  if (match === null) return undefined;
  const [, date = "", hours = "", minutes = "", seconds = "0", fraction = "0", zone = ""] = match;
  const day = referenceIsoDate(date);
  const offset = referenceOffset(zone);
  if (day === undefined || offset === undefined) return undefined;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  const localMs = daysOf(day) * 86_400_000 + Number(hours) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds) * 1000 + Number(fraction.padEnd(3, "0").slice(0, 3));
  return localMs - offset * 60_000;
};

/** Two digits, mostly in range, sometimes not, sometimes not digits. */
const arbPart = (width: number, max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max }).map((value) => String(value).padStart(width, "0")) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 10 ** width - 1 }).map((value) => String(value).padStart(width, "0")) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("0", "1", "9", "a", " ", "-", ":", "+", "٣", "\u0000"), minLength: 0, maxLength: width + 1 }) },
  );

const arbDateText = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1890, max: 2110 }).map(String) }, { weight: 1, arbitrary: arbPart(4, 9999) }), arbPart(2, 12), arbPart(2, 31)).map(([year, month, day]) => `${year}-${month}-${day}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** The first choice nine times in ten, else one of the others. */
const mostly = (usual: string, ...others: string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 9, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...others) });

/** Texts shaped like instants, each part sometimes broken: what the two parsers must agree on. */
const arbNearInstant: fc.Arbitrary<string> = fc
  .record({
    date: arbDateText,
    t: mostly("T", " ", "t"),
    hours: arbPart(2, 24),
    colon: mostly(":", "."),
    minutes: arbPart(2, 60),
    seconds: fc.option(arbPart(2, 60), { nil: undefined }),
    secondsColon: mostly(":", "", "."),
    fraction: fc.option(fc.string({ unit: mostly("0", "x").chain((zero) => (zero === "0" ? fc.constantFrom("0", "1", "5", "9") : fc.constant(zero))), minLength: 0, maxLength: 11 }), { nil: undefined }),
    dot: mostly(".", ",", ""),
    zone: fc.oneof(
      mostly("Z", "+01:00", "+02:00"),
      fc.constantFrom("Z", "z", "", "+00:00", "-00:00", "+14:00", "-14:00", "+14:01", "+13:59", "-12:00", "+05:45", "+0200", "+02", "+02:00Z", "Z "),
      fc.tuple(fc.constantFrom("+", "-", "−"), arbPart(2, 15), fc.constantFrom(":", ":", "."), arbPart(2, 60)).map((parts) => parts.join("")),
    ),
  })
  .map(({ date, t, hours, colon, minutes, seconds, secondsColon, fraction, dot, zone }) => {
    const withSeconds = seconds === undefined ? "" : `${secondsColon}${seconds}${fraction === undefined ? "" : `${dot}${fraction}`}`;
    return `${date}${t}${hours}${colon}${minutes}${withSeconds}${zone}`;
  });

describe("parsing instants and dates by character codes", () => {
  it("accepts and rejects exactly what the regular expressions did, with the same instant (property)", () => {
    fc.assert(
      fc.property(fc.oneof(arbNearInstant, arbInstantText(), fc.string({ maxLength: 40 })), (text) => {
        expect([text, parseInstant(text)]).toEqual([text, referenceInstant(text)]);
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads dates exactly as the pattern and calendar did (property)", () => {
    fc.assert(
      fc.property(fc.oneof(arbDateText, fc.string({ maxLength: 12 })), (text) => {
        expect([text, parseIsoDate(text)]).toEqual([text, referenceIsoDate(text)]);
      }),
      { numRuns: 20_000 },
    );
  });

  it("the generator reaches both sides: texts each parser accepts and texts it refuses", () => {
    const samples = fc.sample(arbNearInstant, { numRuns: 5_000, seed: 14 });
    const accepted = samples.filter((text) => referenceInstant(text) !== undefined).length;
    expect(accepted).toBeGreaterThan(100);
    expect(samples.length - accepted).toBeGreaterThan(100);
  });
});
