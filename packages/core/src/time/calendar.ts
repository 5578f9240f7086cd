import { addDays as addDaysLocal } from "date-fns/addDays";
import { getDaysInMonth } from "date-fns/getDaysInMonth";

/** A calendar date "YYYY-MM-DD" in Europe/Stockholm, the only kind of date a period holds. */
export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const daysInMonth = (year: number, month: number): number => getDaysInMonth(new Date(year, month - 1, 1));

export const parseIsoDate = (text: string): IsoDate | undefined => {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return text as IsoDate;
};

export const isIsoDate = (text: string): text is IsoDate => parseIsoDate(text) !== undefined;

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

export const isoDate = (year: number, month: number, day: number): IsoDate => {
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  const parsed = parseIsoDate(text);
  if (parsed === undefined) throw new RangeError(`not a calendar date: ${text}`);
  return parsed;
};

export const toCivil = (date: IsoDate): CivilDate => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
});

/** Day arithmetic through local-time Date fields only, which is correct in any process time zone. */
export const addDays = (date: IsoDate, days: number): IsoDate => {
  const { year, month, day } = toCivil(date);
  const moved = addDaysLocal(new Date(year, month - 1, day), days);
  return isoDate(moved.getFullYear(), moved.getMonth() + 1, moved.getDate());
};

export const lastDayOfMonth = (year: number, month: number): IsoDate => isoDate(year, month, daysInMonth(year, month));

/** The same calendar day a number of years away; 29 February falls back to 28 February. */
export const addYears = (date: IsoDate, years: number): IsoDate => {
  const { year, month, day } = toCivil(date);
  return isoDate(year + years, month, Math.min(day, daysInMonth(year + years, month)));
};

export const compareDates = (left: IsoDate, right: IsoDate): number => (left < right ? -1 : left > right ? 1 : 0);

export const minDate = (left: IsoDate, right: IsoDate): IsoDate => (left <= right ? left : right);
export const maxDate = (left: IsoDate, right: IsoDate): IsoDate => (left >= right ? left : right);
