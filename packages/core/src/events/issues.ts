/**
 * One problem with one input, said so a person can act on it: where (file, line, column,
 * field path), what was expected, and what was found. Every input path of Tertial reports
 * its problems as these, all at once, rather than stopping at the first.
 */
export interface Issue {
  readonly code: IssueCode;
  readonly message: string;
  /** Dotted field path inside the event, e.g. "data.fte" or "data.seats[3].municipality". */
  readonly path: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly eventId?: string;
  /**
   * Where no file says it: the draft's place in the batch given to `append` (1 for the first), so a
   * caller that built the drafts in code can tell which one is meant, whatever id it was given.
   */
  readonly draft?: number;
}

export type IssueCode =
  | "not-json"
  | "not-utf8"
  | "too-long"
  | "not-an-object"
  | "unknown-type"
  | "unknown-version"
  | "invalid-field"
  | "unknown-field"
  | "duplicate-id"
  | "unknown-reference"
  | "conflict"
  | "torn-line"
  | "chain-broken"
  | "not-canonical"
  | "out-of-order"
  | "io";

export const issue = (code: IssueCode, path: string, message: string, extra: Partial<Omit<Issue, "code" | "path" | "message">> = {}): Issue => ({
  code,
  path,
  message,
  ...extra,
});

/** "file:line:column: path: message (expected …, got …)" — one line a person can act on; "draft 3: …" for a draft built in code. */
export const formatIssue = (found: Issue): string => {
  const filePlace = [found.file, found.line, found.column].filter((part) => part !== undefined).join(":");
  const place = filePlace === "" && found.draft !== undefined ? `draft ${found.draft}` : filePlace;
  const where = found.path === "" ? "" : `${found.path}: `;
  const detail = [found.expected === undefined ? undefined : `expected ${found.expected}`, found.actual === undefined ? undefined : `got ${found.actual}`]
    .filter((part) => part !== undefined)
    .join(", ");
  return `${place === "" ? "" : `${place}: `}${where}${found.message}${detail === "" ? "" : ` (${detail})`}`;
};

export const withPlace = (found: Issue, place: Pick<Issue, "file" | "line" | "column" | "draft">): Issue => ({ ...found, ...place });

/** A short, bounded rendering of an offending value for error messages. */
export const showValue = (value: unknown): string => {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
