import { decodeWith, parseStrictJson, placeColumns, type Catalog, type Issue } from "@tertial/core";

/**
 * The data problems of a line whose envelope is already wrong, so one run shows both: the data is
 * checked against its type's codec (the version the line names, else the latest) whenever the
 * type is known. Problems already reported for the same field are not repeated.
 */
export const dataIssuesOfBrokenLine = (catalog: Catalog, text: string, reported: readonly Issue[]): Issue[] => {
  // The strict reader's depth limit keeps a hostile line from exhausting the stack in the codec walk.
  const parsed = parseStrictJson(text);
  if (!parsed.ok) return [];
  const value: unknown = parsed.value;
  if (typeof value !== "object" || value === null || !("data" in value) || !("type" in value) || typeof value.type !== "string") return [];
  const definition = catalog.definition(value.type);
  if (definition === undefined) return [];
  const named = "schemaVersion" in value ? definition.versions.find((version) => version.version === value.schemaVersion) : undefined;
  const decoded = decodeWith((named ?? definition.latest).data, value.data, "data");
  if (decoded.ok) return [];
  const seen = new Set(reported.map((found) => found.path));
  return decoded.issues.filter((found) => !seen.has(found.path) && !reported.some((other) => found.path.startsWith(`${other.path}.`)));
};

/** Adds, to the envelope issues of each line, the data issues of that line, placed at their columns. */
export const withDataIssues = (catalog: Catalog, text: string, issues: readonly Issue[], file: string): Issue[] => {
  const lines = text.split("\n");
  const byLine = new Map<number, Issue[]>();
  for (const found of issues) if (found.line !== undefined && found.code !== "not-json") byLine.set(found.line, [...(byLine.get(found.line) ?? []), found]);
  const added: Issue[] = [];
  for (const [line, reported] of byLine) {
    added.push(...dataIssuesOfBrokenLine(catalog, lines[line - 1] ?? "", reported).map((found) => ({ ...found, file, line })));
  }
  return [...issues, ...placeColumns(text, added, file)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
};
