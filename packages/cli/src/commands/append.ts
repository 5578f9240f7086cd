import { randomUUID } from "node:crypto";
import { describeRepair, LogBrokenError, LogReadError, placeColumns, prepareAppend, readDraftFile, type AppendContext, type EventDraft, type EventSource, type Issue } from "@tertial/core";
import { EXIT, FileRefusal, logArg, UsageError, value, type Command } from "../command.js";
import { openStore } from "../store-location.js";
import { findAppendedRun, repeatedBatchMessage } from "../events/repeated-batch.js";
import { withDataIssues } from "../events/line-issues.js";
import { printIssues } from "../output.js";

/** The problems append would find in these drafts, without writing anything. */
const dryRunIssues = async (source: EventSource, drafts: readonly EventDraft[], context: AppendContext): Promise<readonly Issue[]> => {
  if (drafts.length === 0) return [];
  try {
    const prepared = await prepareAppend(source, drafts, context);
    return prepared.ok ? [] : prepared.issues;
  } catch (error) {
    if (error instanceof LogReadError && !(error instanceof LogBrokenError)) return error.issues;
    if (error instanceof LogBrokenError) throw error;
    throw error;
  }
};

export const appendCommand: Command = {
  name: "append",
  summary: "validate events (JSONL drafts) and append them to the log, all or none",
  usage: "tertial append <log> [--events <file>|-] [--expect-seq <n>]",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {
    events: { value: true, placeholder: "file", path: true, help: "file of event drafts, one JSON object a line (default: standard input). Drafts whose id is in the log already are skipped; a batch without ids that is already in the log is refused" },
    "expect-seq": { value: true, placeholder: "n", help: "fail unless the log's last seq is this (optimistic concurrency; -1 for an empty log)" },
  },
  run: async ({ args, io, catalog }) => {
    const log = logArg(args);
    const opened = openStore(log, {
      catalog,
      clock: io.now,
      onRepair: (end) => io.stderr(`${log}: before appending, ${describeRepair(end)}\n`),
      // A progress line only where someone watches: waiting is normal under load, never an error.
      ...(io.stderrIsTty ? { onLockWait: ({ ahead, holder }) => io.stderr(`${log}: waiting for ${ahead} writer(s) ahead (process ${holder} is writing)\n`) } : {}),
    });
    if (!(await opened.exists())) throw new FileRefusal(`${opened.name}: no such log (create it with tertial init)`);
    const expectRaw = value(args, "expect-seq");
    const expectedSeq = expectRaw === undefined ? undefined : Number(expectRaw);
    if (expectedSeq !== undefined && !Number.isInteger(expectedSeq)) throw new UsageError("--expect-seq takes a whole number");
    const eventsFile = value(args, "events") ?? "-";
    const { text, parsed } = await readDraftFile(eventsFile);
    const { store } = opened;
    const shownFile = eventsFile === "-" ? "<stdin>" : eventsFile;
    if (parsed.issues.length > 0) {
      // Unreadable lines stop the append, but the readable drafts are still checked, so one run lists every problem.
      const others = await dryRunIssues(store, parsed.drafts, { catalog, now: io.now(), newId: randomUUID, places: parsed.places });
      const issues = [...withDataIssues(catalog, text, parsed.issues, shownFile), ...placeColumns(text, others, shownFile)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      printIssues(io, issues);
      io.stderr(`nothing appended: ${issues.length} problem(s)\n`);
      return EXIT.invalid;
    }
    // Without the append state beside the log, the search for a repeated batch would read the
    // whole log, and the append then read it again to take that state: appending nothing takes
    // the state first (one read), and the search answers from it.
    const repeated = await findAppendedRun(store, catalog, parsed.drafts, async () => {
      await store.append([]);
    });
    if (repeated !== undefined) {
      io.stderr(`tertial append: ${repeatedBatchMessage(parsed.drafts.length, repeated)}\n`);
      return EXIT.invalid;
    }
    const outcome = await store.append(parsed.drafts, { places: parsed.places, ...(expectedSeq === undefined ? {} : { expectedSeq }) });
    if (!outcome.ok) {
      printIssues(io, placeColumns(text, outcome.issues, shownFile));
      io.stderr(`nothing appended: ${outcome.issues.length} problem(s)\n`);
      return outcome.logBroken === true && outcome.issues.some((found) => found.code === "chain-broken") ? EXIT.tampered : EXIT.invalid;
    }
    const present = outcome.alreadyPresent.length === 0 ? "" : ` (${outcome.alreadyPresent.length} already present, skipped)`;
    io.stdout(`appended ${outcome.appended.length} event(s)${present}; head seq ${outcome.head.seq} ${outcome.head.hash}\n`);
    return EXIT.ok;
  },
};
