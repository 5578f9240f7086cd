import { closeSync, openSync, readSync } from "node:fs";
import type { Io } from "./command.js";

/** How long a command runs before progress shows: quick runs stay quiet. */
const QUIET_MS = 1000;
const WIDTH = 24;

/** Lines in a log file, counted once when the bar first shows (a URL or an unreadable path: unknown). */
const linesIn = (path: string | undefined): number | undefined => {
  if (path === undefined) return undefined;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, "r");
    const buffer = Buffer.alloc(1 << 20);
    let lines = 0;
    for (let read = readSync(descriptor, buffer); read > 0; read = readSync(descriptor, buffer)) {
      for (let index = 0; index < read; index += 1) if (buffer[index] === 10) lines += 1;
    }
    return Math.max(1, lines);
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
};

const bar = (label: string, count: number, total: number | undefined): string => {
  if (total === undefined) return `\r${label}: ${count} events read…`;
  const share = Math.min(1, count / total);
  const filled = Math.round(share * WIDTH);
  return `\r${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)} %  ${count} events`;
};

/**
 * Progress on stderr for a long run: only when stderr is a terminal (never in pipes or files) and
 * once the command has run for more than a second; one line rewritten in place, cleared at the end.
 */
export const progressReporter = (io: Io, label: string, log?: string): { readonly onProgress?: (count: number) => void; readonly done: () => void } => {
  if (!io.stderrIsTty) return { done: () => undefined };
  const elapsed = io.elapsed ?? (() => performance.now());
  const started = elapsed();
  let shown = false;
  let total: number | undefined;
  return {
    onProgress: (count) => {
      if (elapsed() - started <= QUIET_MS) return;
      if (!shown) total = linesIn(log);
      shown = true;
      io.stderr(bar(label, count, total));
    },
    done: () => {
      if (shown) io.stderr("\r\x1b[K");
    },
  };
};
