/**
 * Maps each field path of a JSON text to the column where its value starts, so that an error
 * in "data.fte" can point at line 12, column 87. JSON.parse keeps no positions; this walks the
 * text once more, only when there is an error to place.
 */
export const valueColumns = (text: string): Map<string, number> => {
  const columns = new Map<string, number>();
  let index = 0;
  const skipSpace = (): void => {
    while (index < text.length && " \t\r\n".includes(text[index] ?? "")) index += 1;
  };
  const readString = (): string => {
    const start = index;
    index += 1;
    while (index < text.length && text[index] !== '"') index += text[index] === "\\" ? 2 : 1;
    index += 1;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const child = (path: string, key: string | number): string =>
    typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;
  const readValue = (path: string): void => {
    skipSpace();
    columns.set(path, index + 1);
    const head = text[index];
    if (head === "{") {
      index += 1;
      skipSpace();
      if (text[index] === "}") {
        index += 1;
        return;
      }
      for (;;) {
        skipSpace();
        const key = readString();
        skipSpace();
        index += 1; // ':'
        readValue(child(path, key));
        skipSpace();
        const separator = text[index];
        index += 1;
        if (separator !== ",") return;
      }
    }
    if (head === "[") {
      index += 1;
      skipSpace();
      if (text[index] === "]") {
        index += 1;
        return;
      }
      for (let position = 0; ; position += 1) {
        readValue(child(path, position));
        skipSpace();
        const separator = text[index];
        index += 1;
        if (separator !== ",") return;
      }
    }
    if (head === '"') {
      readString();
      return;
    }
    while (index < text.length && !",]} \t\r\n".includes(text[index] ?? "")) index += 1;
  };
  try {
    readValue("");
  } catch {
    // A text JSON.parse accepted always walks; anything else keeps the columns found so far.
  }
  return columns;
};

/** The column of the deepest known ancestor of a path ("data.seats[3].x" falls back to "data.seats[3]"). */
export const columnOf = (columns: Map<string, number>, path: string): number | undefined => {
  let current = path;
  for (;;) {
    const found = columns.get(current);
    if (found !== undefined) return found;
    if (current === "") return undefined;
    const cut = Math.max(current.lastIndexOf("."), current.lastIndexOf("["));
    current = cut < 0 ? "" : current.slice(0, cut);
  }
};
