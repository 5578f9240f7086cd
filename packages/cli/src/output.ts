import { formatIssue, type Issue } from "@tertial/core";
import type { Io } from "./command.js";

/** Stable, pretty JSON: the same value always prints the same bytes. */
export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export const printIssues = (io: Io, issues: readonly Issue[]): void => {
  for (const found of issues) io.stderr(`${formatIssue(found)}\n`);
};

/** Paths printed relative to the working directory, so output does not depend on where a repo lives. */
export const shownPath = (io: Io, path: string): string => (path.startsWith(`${io.cwd}/`) ? path.slice(io.cwd.length + 1) : path);
