import type { Io } from "./command.js";

/** Progress on stderr, only when it is a terminal: one line, rewritten in place, cleared at the end. */
export const progressReporter = (io: Io, label: string): { readonly onProgress?: (count: number) => void; readonly done: () => void } => {
  if (!io.stderrIsTty) return { done: () => undefined };
  let shown = false;
  return {
    onProgress: (count) => {
      shown = true;
      io.stderr(`\r${label}: ${count} events…`);
    },
    done: () => {
      if (shown) io.stderr("\r\x1b[K");
    },
  };
};
