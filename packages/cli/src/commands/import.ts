import { jsonlStore, verifyLog } from "@tertial/core";
import { EXIT, UsageError, type Command } from "../command.js";
import { printIssues } from "../output.js";
import { isPostgresUrl } from "../store-location.js";

export const importCommand: Command = {
  name: "import",
  summary: "copy a JSONL log into PostgreSQL, every hash unchanged, all or nothing",
  usage: "tertial import <source.jsonl> <postgres-url>",
  positionals: [
    { name: "source.jsonl", required: true },
    { name: "postgres-url", required: true },
  ],
  flags: {},
  run: async ({ args, io, catalog }) => {
    const [source, target, ...extra] = args.positionals;
    if (source === undefined || target === undefined) throw new UsageError("tertial import needs the JSONL log to read and the postgres:// URL to write to");
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (!isPostgresUrl(target)) throw new UsageError(`the target must be a postgres:// or postgresql:// URL, not "${target}"`);
    const checked = await verifyLog(source, catalog);
    if (checked.issues.length > 0) {
      printIssues(io, checked.issues);
      io.stderr(`${source}: FAILED verify: ${checked.issues.length} problem(s); nothing imported\n`);
      return EXIT.tampered;
    }
    const { postgresStore } = await import("@tertial/store-postgres");
    const store = postgresStore({ location: target, catalog });
    try {
      // The events go in as they are, not re-appended: recorded times, seq and hashes stay the file's.
      const outcome = await store.importEvents(jsonlStore({ path: source, catalog }).read());
      if (!outcome.ok) {
        printIssues(io, outcome.issues);
        io.stderr(`nothing imported: ${outcome.issues.length} problem(s)\n`);
        return EXIT.invalid;
      }
      const after = await store.verify(catalog);
      if (after.issues.length > 0) {
        printIssues(io, after.issues);
        io.stderr(`${store.location.display}: FAILED verify after the import: ${after.issues.length} problem(s)\n`);
        return EXIT.tampered;
      }
      const resumed = outcome.skipped === 0 ? "" : ` (${outcome.skipped} already there)`;
      io.stdout(`imported ${outcome.imported} event(s) from ${source} into ${store.location.display}${resumed}; head seq ${outcome.head.seq} ${outcome.head.hash}\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
