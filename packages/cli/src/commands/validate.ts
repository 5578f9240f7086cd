import { randomUUID } from "node:crypto";
import { ConsistencyChecker, CorrectionIndex, decodeData, LogReadError, placeColumns, prepareAppend, readDraftFile, type Catalog, type Issue } from "@tertial/core";
import { EXIT, UsageError, value, type Command } from "../command.js";
import { printIssues } from "../output.js";
import { openStore, type OpenedLog } from "../store-location.js";

/** Every problem in a log: unreadable lines, invalid data, and broken consistency rules, in one run. */
const validateLog = async (log: OpenedLog, catalog: Catalog): Promise<{ issues: Issue[]; events: number }> => {
  const issues: Issue[] = [];
  const corrections = new CorrectionIndex();
  for await (const { parsed } of log.lines()) {
    if (parsed.ok) corrections.learn(parsed.event, undefined);
  }
  const checker = new ConsistencyChecker(catalog.rules);
  let events = 0;
  for await (const line of log.lines()) {
    const { parsed } = line;
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    events += 1;
    const place = { file: log.name, line: line.number };
    const placed = (found: readonly Issue[]): Issue[] => placeColumns(line.text, found.map((item) => ({ ...item, ...place, line: 1 }))).map((item) => ({ ...item, line: line.number }));
    const decoded = decodeData(catalog, parsed.event);
    if (!decoded.ok) {
      issues.push(...placed(decoded.issues));
      continue;
    }
    if (!corrections.counts(parsed.event)) continue;
    issues.push(...placed(checker.accept(decoded.event)).map((found) => ({ ...found, eventId: parsed.event.id })));
  }
  return { issues, events };
};

export const validateCommand: Command = {
  name: "validate",
  summary: "list every problem in a log, or in a file of events before appending it (dry run)",
  usage: "tertial validate <log> [--events <file>|-]",
  flags: {
    events: { value: true, help: "check these drafts against the log as append would, without writing" },
  },
  run: async ({ args, io, catalog }) => {
    const [log] = args.positionals;
    if (log === undefined) throw new UsageError("tertial validate needs a log");
    const eventsFile = value(args, "events");
    const opened = openStore(log, { catalog, clock: io.now });
    if (eventsFile === undefined) {
      const { issues, events } = await validateLog(opened, catalog);
      if (issues.length > 0) {
        printIssues(io, issues);
        io.stderr(`${opened.name}: ${issues.length} problem(s)\n`);
        return EXIT.invalid;
      }
      io.stdout(`${opened.name}: valid, ${events} events\n`);
      return EXIT.ok;
    }
    const { text, parsed } = await readDraftFile(eventsFile);
    const issues: Issue[] = [...parsed.issues];
    if (parsed.drafts.length > 0) {
      const { store } = opened;
      try {
        const prepared = await prepareAppend(store, parsed.drafts, { catalog, now: io.now(), newId: randomUUID, places: parsed.places });
        if (!prepared.ok) issues.push(...placeColumns(text, prepared.issues, eventsFile === "-" ? "<stdin>" : eventsFile));
      } catch (error) {
        if (!(error instanceof LogReadError)) throw error;
        issues.push(...error.issues);
      }
    }
    if (issues.length > 0) {
      printIssues(io, [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
      io.stderr(`${eventsFile}: ${issues.length} problem(s); nothing would be appended\n`);
      return EXIT.invalid;
    }
    io.stdout(`${eventsFile}: ${parsed.drafts.length} event(s) valid against ${opened.name}\n`);
    return EXIT.ok;
  },
};
