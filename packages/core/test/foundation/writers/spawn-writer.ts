import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, "../../../../..");

export interface Writer {
  readonly child: ChildProcess;
  /** Batches whose append returned success, as the writer reported them. */
  readonly committed: () => readonly number[];
  readonly stderr: () => string;
  /** Resolves with the exit code (or the signal's name) once the process is gone and reaped. */
  readonly done: Promise<number | string>;
}

/** Starts a writer process appending `batches` batches of `size` events to `log`. */
export const spawnWriter = (log: string, writer: string, batches: number, size: number, killAt?: string): Writer => {
  const args = [log, writer, String(batches), String(size), ...(killAt === undefined ? [] : [killAt])];
  const child = spawn(process.execPath, ["--conditions=@tertial/source", "--import", "tsx", join(HERE, "append-batches.ts"), ...args], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const done = new Promise<number | string>((settle) => child.on("close", (code, signal) => settle(code ?? signal ?? -1)));
  return {
    child,
    committed: () => stdout.split("\n").flatMap((line) => (line.startsWith("ok ") ? [Number(line.slice(3))] : [])),
    stderr: () => stderr,
    done,
  };
};
