import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defaultCatalog, initLog, jsonlStore, type EventDraft } from "@tertial/core";
import { run, type Io } from "@tertial/cli";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const EXAMPLE_DIR = join(ROOT, "examples/kommunal-utveckling-2020");
export const EXAMPLE_LOG = join(EXAMPLE_DIR, "events.jsonl");

/** Runs `tertial` in-process and keeps what it printed. */
export const tertial = async (argv: readonly string[], cwd = ROOT, stderrIsTty = false, more: Partial<Io> = {}): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stderrIsTty, cwd, now: () => Date.UTC(2021, 0, 1), ...more };
  const code = await run(argv, io);
  return { code, stdout, stderr };
};

export const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), "tertial-report-"));

/** A staffing snapshot fact as the HR register gives it. */
export const snapshot = (id: string, asOf: string, recordedAt: string, forms: { tjanstekop: string; tillsvidare: string; visstid: string }, total: string, supersedes?: string): EventDraft => ({
  id,
  type: "staff.snapshot-recorded",
  effectiveAt: asOf,
  recordedAt,
  data: { asOf, total, byEmploymentForm: forms },
  ...(supersedes === undefined ? {} : { supersedes }),
});

export const writeLog = async (dir: string, drafts: readonly EventDraft[]): Promise<string> => {
  const path = join(dir, "events.jsonl");
  await initLog(path);
  const outcome = await jsonlStore({ path, catalog: defaultCatalog }).append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return path;
};
