import { combineFacts, emptyFactSum, factValue, type FactSum } from "./fact-sum.js";
import { type LedgerLine, type LedgerState, type YearBooks } from "./ledger.js";

/** A line's closing balance of the year before a period, from the books: what the period's opening balance is when none is recorded. */
export interface CarriedBalance {
  readonly areaId: string;
  readonly line: LedgerLine["line"];
  /** The year whose books give the closing balance (the year before the period's first). */
  readonly year: number;
  readonly closing: FactSum;
  /** Kvarvarande at 31 December as that year's report prints it: the recorded balance of the area, or ingående + erhållna − utfall. */
  readonly from: "recorded-balance" | "flows";
}

const isBlank = (tally: FactSum): boolean => tally.exact === null && !tally.unknown;

/** One year's closing of one line: its recorded year-end balance, else its opening (recorded, or the year before's closing) plus what came in less what went out. */
const closingOf = (books: YearBooks | undefined, before: CarriedBalance | undefined, year: number): CarriedBalance | undefined => {
  if (books === undefined) return before === undefined ? undefined : { ...before, year };
  const { areaId, line } = books;
  if (books.balance !== null) return { areaId, line, year, closing: books.balance, from: "recorded-balance" };
  const opening = isBlank(books.opening) && before !== undefined ? before.closing : books.opening;
  const closing = combineFacts([{ sum: opening }, { sum: books.received }, { sum: books.outcome, sign: -1 }]);
  return isBlank(closing) ? undefined : { areaId, line, year, closing, from: "flows" };
};

/**
 * Each line's closing balance at the end of the year before `carryYear`, rolled forward year by
 * year from the first year the books name: a year that records no opening balance for a line
 * opens with the year before's closing, and a year with no facts for a line keeps its balance.
 */
export const carriedBalances = (history: LedgerState["history"], carryYear: number): Map<string, CarriedBalance> => {
  const years = Object.keys(history).map(Number).filter((year) => year < carryYear);
  let closings = new Map<string, CarriedBalance>();
  if (years.length === 0) return closings;
  for (let year = Math.min(...years); year < carryYear; year += 1) {
    const books = history[String(year)] ?? {};
    const next = new Map<string, CarriedBalance>();
    for (const key of new Set([...closings.keys(), ...Object.keys(books)])) {
      const closing = closingOf(books[key], closings.get(key), year);
      if (closing !== undefined) next.set(key, closing);
    }
    closings = next;
  }
  return closings;
};

/** A line's opening balance for the period: the recorded one always wins; without it, the books' closing of the year before. */
export const openingWithCarry = (line: LedgerLine, carried: CarriedBalance | undefined): LedgerLine =>
  carried === undefined || !isBlank(line.opening) ? line : { ...line, opening: carried.closing };

/** A line the period's books do not name yet, opened by what the year before left it (nothing when that is zero or not known). */
export const carriedOnlyLine = (carried: CarriedBalance): LedgerLine | undefined => {
  const value = factValue(carried.closing);
  if (value === undefined || value.isZero()) return undefined;
  return { areaId: carried.areaId, line: carried.line, opening: carried.closing, received: emptyFactSum(), receivedBySource: {}, budget: emptyFactSum(), outcome: emptyFactSum(), outcomeBySource: {}, forecast: emptyFactSum() };
};
