import { fileURLToPath } from "node:url";
import type { ProcessCommand, WriterJob } from "@tertial/core/testing";

/** A TypeScript writer script run by Node as the tests run the sources: through tsx, with the source condition. */
export const writerCommand = (script: URL, args: readonly string[], mode: "write" | "kill", job: WriterJob): ProcessCommand => ({
  command: process.execPath,
  args: ["--conditions=@tertial/source", "--import", "tsx", fileURLToPath(script), ...args, mode, JSON.stringify(job)],
});
