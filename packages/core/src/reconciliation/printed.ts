import { Decimal } from "../numbers/decimal.js";

/**
 * How a Swedish document prints a number: an optional sign (+, -, −), whole digits either
 * ungrouped or grouped by three with a space, no-break space or thin space, an optional decimal
 * comma with digits, then at most words (a unit: "kr", "%", "miljoner kronor").
 */
const SWEDISH_NUMBER = /^([+\-\u2212]?)[\s\u00a0\u202f]*([0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+|[0-9]+)(?:,([0-9]+))?(?![0-9])/;

export type PrintedReading =
  | { readonly ok: true; readonly value: Decimal | undefined }
  | { readonly ok: false; readonly message: string; readonly expected: string };

const refuse = (message: string): PrintedReading => ({
  ok: false,
  message,
  expected: 'a number as a Swedish document prints it ("−547", "45,30", "39 103 816", "76 %"), or "" for a blank cell; or give the value as you read it in `read`',
});

/**
 * Reads a printed figure strictly by Swedish rules, in the printed magnitude (76 for "76 %").
 * Blank is no value. Text the rules cannot read unambiguously is refused, never guessed: "12.5"
 * could be twelve and a half or twelve thousand five hundred, and is never read as 12.
 */
export const readSwedishPrinted = (printed: string): PrintedReading => {
  const text = printed.trim();
  if (text === "") return { ok: true, value: undefined };
  const match = SWEDISH_NUMBER.exec(text);
  if (match === null) return refuse("is not a printed number");
  const [whole, sign = "", integerPart = "", fraction] = match;
  const rest = text.slice(whole.length);
  if (/^[.,'’]?[0-9]/.test(rest) || /^[ \u00a0\u202f][0-9]/.test(rest)) {
    return refuse(`"${printed}" cannot be read unambiguously: in a Swedish document the decimal sign is a comma and digits are grouped by three with a space, so "${whole}${rest.slice(0, 2)}…" is neither`);
  }
  if (/[0-9]/.test(rest)) return refuse(`"${printed}" has more than one number`);
  const digits = integerPart.replace(/[\s\u00a0\u202f]/g, "");
  const value = new Decimal(fraction === undefined ? digits : `${digits}.${fraction}`);
  return { ok: true, value: sign === "-" || sign === "\u2212" ? value.negated() : value };
};

/** The stated value: the encoder's own reading when the event carries one, else the strict reading of the printed text. */
export const statedValue = (data: { readonly printed: string; readonly read?: string }): PrintedReading =>
  data.read !== undefined ? { ok: true, value: new Decimal(data.read) } : readSwedishPrinted(data.printed);
