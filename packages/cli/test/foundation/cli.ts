import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import { run, type Io } from "@tertial/cli";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The installed binary's shim; it runs the bundle in dist/bundle/ (built by vitest's global setup). */
export const BIN = join(REPO, "packages/cli/bin/tertial.js");

/** The real CLI as a user runs it: a separate node process on the built binary. */
export const spawnCli = (args: readonly string[], options: { readonly input?: string; readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, stdio: ["pipe", "pipe", "pipe"], ...(options.env === undefined ? {} : { env: options.env }) });
    let stdout = "";
    let stderr = "";
    // Decoded by the streams, so a character split across two chunks ("†" is three bytes) stays whole.
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (stdout += chunk));
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });

/** The same `run` the binary calls, in this process (fast enough for properties), with captured output. */
export const runCli = async (args: readonly string[], now = Date.parse("2020-09-01T08:00:00.000Z"), more: Partial<Io> = {}): Promise<CliResult> => {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stderrIsTty: false, cwd: REPO, now: () => now, ...more };
  const code = await run(args, io);
  return { code, stdout, stderr };
};

/** A fresh temporary directory per test, removed afterwards. */
export const useTempDir = (): (() => Promise<string>) => {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), "tertial-cli-"));
    made.push(dir);
    return dir;
  };
};

/** Drafts as a JSONL text. */
export const jsonl = (values: readonly unknown[]): string => values.map((value) => `${JSON.stringify(value)}\n`).join("");

export const municipality = (id: string) => ({ id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: `Kommun ${id}` } });
