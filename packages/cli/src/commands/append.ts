import { randomUUID } from "node:crypto";
import { describeRepair, issue, LogBrokenError, LogReadError, placeColumns, prepareAppend, readDraftFile, type AppendContext, type EventDraft, type EventSource, type Issue } from "@tertial/core";
import { EXIT, FileRefusal, isDamagedLine, logArg, UsageError, value, type Command } from "../command.js";
import { openStore } from "../store-location.js";
import { findAppendedRun, repeatedBatchMessage, type AppendedRun } from "../events/repeated-batch.js";
import { withDataIssues } from "../events/line-issues.js";
import { printIssues } from "../output.js";

/** --expect-seq: the last seq the caller saw, -1 for an empty log, written plainly (no sign, spaces, exponent or hex; within safe integers). */
const parseExpectedSeq = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const seq = /^(?:-1|0|[1-9]\d*)$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(seq)) throw new UsageError(`--expect-seq takes the last seq of the log (a whole number, -1 for an empty log), not "${text}"`);
  return seq;
};

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

/**
 * The one line after the problems: nothing was appended, and where the problems are. On a
 * damaged log the drafts were never checked, and saying "N problem(s)" would blame them.
 */
export const nothingAppended = (issues: readonly Issue[], draftsFile: string, log: string, damaged: boolean): string => {
  if (damaged) return `nothing appended: ${log} is damaged, so the drafts were not checked\n`;
  const counts = new Map<string, number>();
  for (const found of issues) counts.set(found.file ?? draftsFile, (counts.get(found.file ?? draftsFile) ?? 0) + 1);
  return `nothing appended: ${[...counts].map(([file, count]) => `${count} problem(s) in ${file}`).join(", ")}\n`;
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
    const expectedSeq = parseExpectedSeq(value(args, "expect-seq"));
    const eventsFile = value(args, "events") ?? "-";
    const { text, parsed } = await readDraftFile(eventsFile);
    const { store } = opened;
    const shownFile = eventsFile === "-" ? "<stdin>" : eventsFile;
    if (parsed.issues.length > 0) {
      // Unreadable lines stop the append, but the readable drafts are still checked, so one run lists every problem.
      const others = await dryRunIssues(store, parsed.drafts, { catalog, now: io.now(), newId: randomUUID, places: parsed.places });
      const issues = [...withDataIssues(catalog, text, parsed.issues, shownFile), ...placeColumns(text, others, shownFile)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      printIssues(io, issues);
      io.stderr(nothingAppended(issues, shownFile, opened.name, false));
      return EXIT.invalid;
    }
    // The search for a batch appended before runs under the log's lock, against the log as it
    // stands: two processes appending the same file at once record it once. Under the lock the
    // store has its append state (taking it first if it must), so the search reads the log only
    // to confirm a run it found.
    let repeated: AppendedRun | undefined;
    const outcome = await store.append(parsed.drafts, {
      places: parsed.places,
      ...(expectedSeq === undefined ? {} : { expectedSeq }),
      precondition: async (log) => {
        repeated = await findAppendedRun(log, catalog, parsed.drafts);
        return repeated === undefined ? [] : [issue("conflict", "", repeatedBatchMessage(parsed.drafts.length, repeated))];
      },
    });
    if (repeated !== undefined) {
      io.stderr(`tertial append: ${repeatedBatchMessage(parsed.drafts.length, repeated)}\n`);
      return EXIT.invalid;
    }
    if (!outcome.ok) {
      const damaged = outcome.logBroken === true && outcome.issues.some(isDamagedLine);
      const issues = placeColumns(text, outcome.issues, shownFile);
      printIssues(io, issues);
      io.stderr(nothingAppended(issues, shownFile, opened.name, damaged));
      return damaged ? EXIT.tampered : EXIT.invalid;
    }
    const present = outcome.alreadyPresent.length === 0 ? "" : ` (${outcome.alreadyPresent.length} already present, skipped)`;
    io.stdout(`appended ${outcome.appended.length} event(s)${present}; head seq ${outcome.head.seq} ${outcome.head.hash}\n`);
    return EXIT.ok;
  },
};
