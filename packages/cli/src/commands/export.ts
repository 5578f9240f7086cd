import { open, rm } from "node:fs/promises";
import { lineOf, verifyLog, type StoredEvent } from "@tertial/core";
import { EXIT, UsageError, type Command } from "../command.js";
import { printIssues } from "../output.js";
import { isPostgresUrl, openStore } from "../store-location.js";

/** Bytes gathered before each write: few system calls, bounded memory. */
const CHUNK_BYTES = 1 << 20;

/** Writes events as JSONL to a file that must not exist yet; on any failure the file is removed. */
const writeNewLog = async (path: string, events: AsyncIterable<StoredEvent>): Promise<void> => {
  const handle = await open(path, "wx");
  try {
    let chunk: string[] = [];
    let size = 0;
    for await (const event of events) {
      const line = `${lineOf(event)}\n`;
      chunk.push(line);
      size += line.length;
      if (size >= CHUNK_BYTES) {
        await handle.write(chunk.join(""));
        chunk = [];
        size = 0;
      }
    }
    await handle.write(chunk.join(""));
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
};

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
    await writeNewLog(target, opened.store.read());
    const copy = await verifyLog(target, catalog);
    if (copy.issues.length > 0 || copy.events < checked.events) {
      await rm(target, { force: true });
      printIssues(io, copy.issues);
      io.stderr(`${target}: the copy does not verify; removed\n`);
      return EXIT.io;
    }
    io.stdout(`exported ${copy.events} event(s) from ${opened.name} to ${target}; head ${copy.head}\n`);
    return EXIT.ok;
  },
};
