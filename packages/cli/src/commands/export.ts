import { stat, type FileHandle } from "node:fs/promises";
import { AppendStateLearner, jsonlStore, lineOf, saveAppendState, verifyLog, withLogLock, type Catalog, type Issue, type StoredEvent } from "@tertial/core";
import { EXIT, UsageError, type Command } from "../command.js";
import { printIssues, writeNewFile } from "../output.js";
import { isPostgresUrl, openStore } from "../store-location.js";

/** Bytes gathered before each write: few system calls, bounded memory. */
const CHUNK_BYTES = 1 << 20;

/** Writes events as JSONL lines, a chunk at a time, each event shown to the learner of the copy's append state. */
const writeLines = async (handle: FileHandle, events: AsyncIterable<StoredEvent>, learner: AppendStateLearner): Promise<void> => {
  let chunk: string[] = [];
  let size = 0;
  for await (const event of events) {
    const line = `${lineOf(event)}\n`;
    learner.add(event, line);
    chunk.push(line);
    size += line.length;
    if (size >= CHUNK_BYTES) {
      await handle.write(chunk.join(""));
      chunk = [];
      size = 0;
    }
  }
  await handle.write(chunk.join(""));
};

/** The file the copy was written to and verified in, by inode and size: the one whose state was learnt. */
interface Written {
  readonly ino: bigint;
  readonly size: bigint;
  readonly events: number;
  readonly head: string;
}

/**
 * Saves the append state learnt while copying beside the copy, so its first append is O(batch).
 * Taken under the log's lock, and only while the file is still the one written (same inode, same
 * size: no append came between); the state's mark is taken then, after the copy got its name
 * (linking it changes its ctime). Returns why it was not saved, if it was not; the copy stands
 * either way, and then its first append rebuilds the state.
 */
const saveCopyState = async (target: string, catalog: Catalog, learner: AppendStateLearner, written: Written): Promise<string | undefined> =>
  withLogLock(target, async (real) => {
    const now = await stat(real, { bigint: true });
    if (now.ino !== written.ino || now.size !== written.size) return "the copy changed before its append state was saved";
    const learnt = await learner.finish(jsonlStore({ path: real, catalog }));
    if (learnt?.ids === undefined || learnt.contents === undefined || learnt.head.seq + 1 !== written.events || learnt.head.hash !== written.head) return "the events copied were not the whole chain";
    await saveAppendState(real, catalog, { ...learnt, ids: learnt.ids });
    return undefined;
  });

/** The written copy failed its own verify: it never reaches the target's name. */
class CopyRejected extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super("the copy does not verify");
  }
}

export const exportCommand: Command = {
  name: "export",
  summary: "copy a log (PostgreSQL or JSONL) into a new JSONL file, every hash unchanged",
  usage: "tertial export <log> <target.jsonl>",
  positionals: [
    { name: "log", required: true, log: true },
    { name: "target.jsonl", required: true },
  ],
  flags: {},
  run: async ({ args, io, catalog }) => {
    const [source, target, ...extra] = args.positionals;
    if (source === undefined || target === undefined) throw new UsageError("tertial export needs the log to export and the JSONL file to write");
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (isPostgresUrl(target)) throw new UsageError("export writes a JSONL file; to copy a JSONL log into PostgreSQL use tertial import");
    const opened = openStore(source, { catalog });
    // A broken chain is not copied on: the copy would verify no better, and hide where it broke.
    const checked = await opened.verify(catalog);
    if (checked.issues.length > 0) {
      printIssues(io, checked.issues);
      io.stderr(`${opened.name}: FAILED verify: ${checked.issues.length} problem(s); nothing exported\n`);
      return EXIT.tampered;
    }
    // Written beside the target and verified there, then put at its name: an interrupted or
    // failed export leaves no file that looks like a shorter, valid log.
    let copy: Awaited<ReturnType<typeof verifyLog>> | undefined;
    let written: Written | undefined;
    const checkCopy = async (temporary: string): Promise<void> => {
      copy = await verifyLog(temporary, catalog);
      if (copy.issues.length > 0 || copy.events < checked.events) throw new CopyRejected(copy.issues);
      const file = await stat(temporary, { bigint: true });
      written = { ino: file.ino, size: file.size, events: copy.events, head: copy.head };
    };
    const learner = new AppendStateLearner(catalog, { ids: true });
    try {
      await writeNewFile({ path: target, replace: false, forceable: false, protect: [source] }, (handle) => writeLines(handle, opened.store.read(), learner), checkCopy);
    } catch (error) {
      if (!(error instanceof CopyRejected)) throw error;
      printIssues(io, error.issues);
      io.stderr(`${target}: the copy does not verify; nothing written\n`);
      return EXIT.io;
    }
    const unsaved = written === undefined ? "nothing was written" : await saveCopyState(target, catalog, learner, written).catch((error: unknown) => (error as Error).message);
    if (unsaved !== undefined) io.stderr(`${target}: the append state was not saved (${unsaved}); the first append rebuilds it\n`);
    io.stdout(`exported ${copy?.events ?? 0} event(s) from ${opened.name} to ${target}; head ${copy?.head ?? ""}\n`);
    return EXIT.ok;
  },
};
