import { jsonlStore, logExists, placeColumns, readDraftFile } from "@tertial/core";
import { EXIT, UsageError, value, type Command } from "../command.js";
import { printIssues } from "../output.js";

export const appendCommand: Command = {
  name: "append",
  summary: "validate events (JSONL drafts) and append them to the log, all or none",
  usage: "tertial append <log> [--events <file>|-] [--expect-seq <n>]",
  flags: {
    events: { value: true, help: "file of event drafts, one JSON object a line (default: standard input)" },
    "expect-seq": { value: true, help: "fail unless the log's last seq is this (optimistic concurrency; -1 for an empty log)" },
  },
  run: async ({ args, io, catalog }) => {
    const [log] = args.positionals;
    if (log === undefined) throw new UsageError("tertial append needs the log to append to");
    if (!(await logExists(log))) {
      io.stderr(`${log}: no such log (create it with tertial init)\n`);
      return EXIT.io;
    }
    const expectRaw = value(args, "expect-seq");
    const expectedSeq = expectRaw === undefined ? undefined : Number(expectRaw);
    if (expectedSeq !== undefined && !Number.isInteger(expectedSeq)) throw new UsageError("--expect-seq takes a whole number");
    const eventsFile = value(args, "events") ?? "-";
    const { text, parsed } = await readDraftFile(eventsFile);
    if (parsed.issues.length > 0) {
      printIssues(io, parsed.issues);
      io.stderr(`nothing appended: ${parsed.issues.length} problem(s)\n`);
      return EXIT.invalid;
    }
    const store = jsonlStore({ path: log, catalog, clock: io.now });
    const outcome = await store.append(parsed.drafts, { places: parsed.places, ...(expectedSeq === undefined ? {} : { expectedSeq }) });
    if (!outcome.ok) {
      printIssues(io, placeColumns(text, outcome.issues, eventsFile === "-" ? "<stdin>" : eventsFile));
      io.stderr(`nothing appended: ${outcome.issues.length} problem(s)\n`);
      return EXIT.invalid;
    }
    const present = outcome.alreadyPresent.length === 0 ? "" : ` (${outcome.alreadyPresent.length} already present, skipped)`;
    io.stdout(`appended ${outcome.appended.length} event(s)${present}; head seq ${outcome.head.seq} ${outcome.head.hash}\n`);
    return EXIT.ok;
  },
};
