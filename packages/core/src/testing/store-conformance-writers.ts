import { spawn, type ChildProcess } from "node:child_process";
import type { EventDraft } from "../events/envelope.js";
import type { EventStore } from "../log/store.js";

/** What one writer appends: `batches` batches of `batchSize` events, all ids its own but one shared. */
export interface WriterJob {
  readonly writer: number;
  readonly batches: number;
  readonly batchSize: number;
}

/** The id every writer appends with the same content: it must land exactly once. */
export const SHARED_WRITER_EVENT_ID = "conformance-shared";

/** A fact no consistency rule objects to, whatever else the log holds: a municipality of its own. */
export const conformanceDraft = (id: string): EventDraft => ({
  id,
  type: "reference.municipality-established",
  effectiveAt: "2017-01-01",
  data: { municipalityId: id, name: `Kommun ${id}` },
});

/** The drafts of one batch of a writer's job; batch 0 also carries the shared event. */
export const writerBatch = (job: WriterJob, batch: number): EventDraft[] => [
  ...(batch === 0 ? [conformanceDraft(SHARED_WRITER_EVENT_ID)] : []),
  ...Array.from({ length: job.batchSize }, (_, index) => conformanceDraft(`w${job.writer}-b${batch}-e${index}`)),
];

/** The ids a finished job leaves in the log, shared event aside. */
export const writerIds = (job: WriterJob): string[] =>
  Array.from({ length: job.batches }, (_, batch) => writerBatch(job, batch).map((draft) => draft.id ?? "").filter((id) => id !== SHARED_WRITER_EVENT_ID)).flat();

/** Runs a job against a store; what a writer process does with its own store handle. */
export const runWriterJob = async (store: EventStore, job: WriterJob): Promise<void> => {
  for (let batch = 0; batch < job.batches; batch += 1) {
    const outcome = await store.append(writerBatch(job, batch));
    if (!outcome.ok) throw new Error(`writer ${job.writer}, batch ${batch}: ${outcome.issues.map((found) => found.message).join("; ")}`);
  }
};

/** The line a writer process prints just before the append that a kill test interrupts. */
export const APPENDING_MARK = "appending";

/** The one batch a writer that is to be killed appends: `batchSize` events of its own. */
export const killedWriterBatch = (job: WriterJob): EventDraft[] => Array.from({ length: job.batchSize }, (_, index) => conformanceDraft(`k${job.writer}-e${index}`));

/** What a writer process under a kill test does: say it is appending, then append one large batch. */
export const runKilledWriterJob = async (store: EventStore, job: WriterJob, say: (line: string) => void): Promise<void> => {
  const drafts = killedWriterBatch(job);
  say(`${APPENDING_MARK}\n`);
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(`writer ${job.writer}: ${outcome.issues.map((found) => found.message).join("; ")}`);
};

export interface ProcessCommand {
  readonly command: string;
  readonly args: readonly string[];
}

const exited = (child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });

/** Runs writer processes at once; rejects with a writer's stderr if any of them fails. */
export const runWriterProcesses = async (commands: readonly ProcessCommand[]): Promise<void> => {
  const runs = commands.map(async ({ command, args }) => {
    const child = spawn(command, [...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const { code, signal } = await exited(child);
    if (code !== 0) throw new Error(`writer ${command} ${args.join(" ")} ended with ${signal ?? `exit ${code}`}: ${stderr.slice(-2000)}`);
  });
  await Promise.all(runs);
};

/**
 * Starts a writer process and kills it with SIGKILL at the moment `when` resolves (it is called once
 * the writer says it is appending): no cleanup of any kind runs in the writer, as when a machine
 * loses power or the OOM killer strikes. `when` is told through its signal if the writer ends first.
 */
export const killWriterProcess = async ({ command, args }: ProcessCommand, when: (writerEnded: AbortSignal) => Promise<void>): Promise<void> => {
  const child = spawn(command, [...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const started = new Promise<void>((resolve) => {
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (stdout.includes(APPENDING_MARK)) resolve();
    });
  });
  const ended = exited(child);
  const first = await Promise.race([started.then(() => "started" as const), ended.then(() => "ended" as const)]);
  if (first === "ended") throw new Error(`writer ended before it began appending: ${stderr.slice(-2000)}`);
  const writerEnded = new AbortController();
  void ended.then(() => writerEnded.abort());
  try {
    await when(writerEnded.signal);
  } finally {
    child.kill("SIGKILL");
    await ended;
  }
};
