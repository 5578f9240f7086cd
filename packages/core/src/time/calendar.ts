/** A calendar date "YYYY-MM-DD" in Europe/Stockholm, the only kind of date a period holds. */
export type IsoDate = string & { readonly __isoDate: unique symbol };

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The years Tertial reads from its input: dates, instants and periods outside 1900–2100 are
 * refused with an error that names this range. Europe/Stockholm's rules are encoded and tested
 * for exactly these years. Arithmetic inside the core (a comparison period one year before
 * 1900, say) may step outside; it is plain proleptic Gregorian integer arithmetic.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;
export const SUPPORTED_RANGE = `${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31`;

export const isSupportedYear = (year: number): boolean => Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const daysInMonth = (year: number, month: number): number => (month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0));

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by integer arithmetic only (H. Hinnant's
 * days_from_civil), so that no process time zone and no Date object takes part.
 */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

/** The inverse of `daysFromCivil`. */
export const civilFromDays = (days: number): CivilDate => {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export const weekdayOfDays = (days: number): number => (((days + 4) % 7) + 7) % 7;

const isCalendarDate = (year: number, month: number, day: number): boolean =>
  Number.isInteger(year) && year >= 0 && year <= 9999 && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

const formatDate = (year: number, month: number, day: number): IsoDate => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;

const digitsAt = (text: string, from: number, count: number): number => {
  let value = 0;
  for (let index = from; index < from + count; index += 1) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return Number.NaN;
    value = value * 10 + code;
  }
  return value;
};

/** Whether a year, month and day (-1 or NaN for digits that were not digits) name a real date in the supported years. */
export const isSupportedDate = (year: number, month: number, day: number): boolean => isSupportedYear(year) && isCalendarDate(year, month, day);

/** Reads "YYYY-MM-DD" as a proleptic Gregorian date of any four-digit year; for names the core made itself. */
export const parseCalendarDate = (text: string): IsoDate | undefined => {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return undefined;
  return isCalendarDate(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2)) ? (text as IsoDate) : undefined;
};

/** Reads an input date: a real calendar date "YYYY-MM-DD" inside the supported years (`SUPPORTED_RANGE`). */
export const parseIsoDate = (text: string): IsoDate | undefined => {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return undefined;
  const year = digitsAt(text, 0, 4);
  // Every read checks dates of every line: the year's range first, then the calendar, without a second pass.
  return isSupportedDate(year, digitsAt(text, 5, 2), digitsAt(text, 8, 2)) ? (text as IsoDate) : undefined;
};

export const isIsoDate = (text: string): text is IsoDate => parseIsoDate(text) !== undefined;

/** A date from its parts; throws on a day the calendar does not have (a bug, never input). */
export const isoDate = (year: number, month: number, day: number): IsoDate => {
  if (!isCalendarDate(year, month, day)) throw new RangeError(`not a calendar date: ${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
  return formatDate(year, month, day);
};

export const toCivil = (date: IsoDate): CivilDate => ({
  year: digitsAt(date, 0, 4),
  month: digitsAt(date, 5, 2),
  day: digitsAt(date, 8, 2),
});

export const daysOf = (date: IsoDate): number => {
  const { year, month, day } = toCivil(date);
  return daysFromCivil(year, month, day);
};

export const dateOfDays = (days: number): IsoDate => {
  const { year, month, day } = civilFromDays(days);
  return isoDate(year, month, day);
};

export const addDays = (date: IsoDate, days: number): IsoDate => dateOfDays(daysOf(date) + days);

export const lastDayOfMonth = (year: number, month: number): IsoDate => isoDate(year, month, daysInMonth(year, month));

/** The same calendar day a number of years away; 29 February falls back to 28 February. */
export const addYears = (date: IsoDate, years: number): IsoDate => {
  const { year, month, day } = toCivil(date);
  return isoDate(year + years, month, Math.min(day, daysInMonth(year + years, month)));
};

export const compareDates = (left: IsoDate, right: IsoDate): number => (left < right ? -1 : left > right ? 1 : 0);

export const minDate = (left: IsoDate, right: IsoDate): IsoDate => (left <= right ? left : right);
export const maxDate = (left: IsoDate, right: IsoDate): IsoDate => (left >= right ? left : right);
