import { randomUUID } from "node:crypto";
import { ChainCheck, decodeData, SeqExpectation, issue, LogBrokenError, LogReadError, placeColumns, prepareAppend, readDraftFile, type Catalog, type Issue, type StoredEvent } from "@tertial/core";
import { EXIT, isDamagedLine, logArg, UsageError, value, type Command, type Io } from "../command.js";
import { findAppendedRun, repeatedBatchMessage } from "../events/repeated-batch.js";
import { dataIssuesOfBrokenLine, withDataIssues } from "../events/line-issues.js";
import { printIssues, toJson } from "../output.js";
import { Restatements } from "../events/restatements.js";
import { SoundRules, typeOfUnreadLine, type UncheckedRules } from "../events/sound-rules.js";
import { openStore, type OpenedLog } from "../store-location.js";

const MOVED: Readonly<Record<OpenedLog["unit"], string>> = { line: "a line was dropped, duplicated or moved", event: "an event was deleted or moved" };

/**
 * Every problem in a log: unreadable lines (envelope and data together), a broken hash chain,
 * invalid data, and broken consistency rules, in one run. The rules check each fact that counts
 * now at its own line, against the facts before it as they count now; a correction stands in the
 * place of the fact it restates (see `Restatements`), so a log append built is valid. The rules
 * check every line they can: a rule that could not learn from an unreadable or invalid line is set
 * aside from it on (see `SoundRules`), and `unchecked` says which and where.
 */
const validateLog = async (log: OpenedLog, catalog: Catalog): Promise<{ issues: Issue[]; events: number; chainBroken: boolean; unchecked: UncheckedRules[] }> => {
  const issues: Issue[] = [];
  const restatements = new Restatements();
  for await (const { parsed } of log.lines()) {
    if (parsed.ok) restatements.learn(parsed.event);
  }
  const { corrections } = restatements;
  const checker = new SoundRules(catalog.rules, restatements.any);
  // Corrections learnt in the place of the fact they restate: at their own line they are checked as append checked them.
  const learntEarly = new Set<string>();
  // verify's checks of each stored event; its data checks are left to decodeData below, which places them in the line.
  const chain = new ChainCheck(log.unit);
  let chainBroken = false;
  const seq = new SeqExpectation();
  let events = 0;
  for await (const line of log.lines()) {
    const { parsed } = line;
    const place = { file: log.name, line: line.number };
    const placed = (found: readonly Issue[]): Issue[] => placeColumns(line.text, found.map((item) => ({ ...item, ...place, line: 1 }))).map((item) => ({ ...item, line: line.number }));
    if (!parsed.ok) {
      issues.push(...parsed.issues, ...(line.terminated ? placed(dataIssuesOfBrokenLine(catalog, line.text, parsed.issues)) : []));
      // A line cut off, not JSON or too long is damage to the log, as verify says (exit 4); an envelope this catalog refuses is invalid input (3).
      if (parsed.issues.some(isDamagedLine)) chainBroken = true;
      checker.missed(line.number, line.terminated ? typeOfUnreadLine(line.text) : undefined);
      seq.skipUnreadable();
      continue;
    }
    events += 1;
    const inOrder = seq.fits(parsed.event.seq);
    if (inOrder && seq.followsLostEvent(parsed.event.seq)) chain.forgetLink();
    const linked = [
      ...(inOrder ? [] : [issue("chain-broken", "seq", `expected ${seq.expected}: ${MOVED[log.unit]}`, { ...place, actual: String(parsed.event.seq) })]),
      ...(chain.problems(parsed.event, line.text, log.name, line.number, parsed.intact) ?? []),
    ];
    seq.read(parsed.event.seq);
    if (linked.length > 0) {
      chainBroken = true;
      issues.push(...linked);
    }
    const decoded = decodeData(catalog, parsed.event);
    if (!decoded.ok) {
      issues.push(...placed(decoded.issues));
      checker.missed(line.number, parsed.event.type);
      continue;
    }
    if (!corrections.counts(parsed.event)) {
      learnRestatement(catalog, checker, restatements.of(parsed.event), learntEarly);
      continue;
    }
    if (learntEarly.has(parsed.event.id)) checker.forget(decoded.event);
    issues.push(...placed(checker.accept(decoded.event)).map((found) => ({ ...found, eventId: parsed.event.id })));
  }
  return { issues, events, chainBroken, unchecked: checker.unchecked };
};

/** A fact's restatement, learnt in its place (unchecked: it is checked at its own line); one whose data is invalid is left to its line. */
const learnRestatement = (catalog: Catalog, checker: SoundRules, restatement: StoredEvent | undefined, learntEarly: Set<string>): void => {
  if (restatement === undefined) return;
  const decoded = decodeData(catalog, restatement);
  if (!decoded.ok) return;
  checker.learn(decoded.event);
  learntEarly.add(restatement.id);
};

/** Every problem append would find in a drafts file, without writing: envelope, data, rules, and a batch already appended. */
const validateDrafts = async (log: OpenedLog, eventsFile: string, io: Io, catalog: Catalog): Promise<{ issues: Issue[]; events: number; repeated?: string; chainBroken?: boolean }> => {
  const { text, parsed } = await readDraftFile(eventsFile);
  const shownFile = eventsFile === "-" ? "<stdin>" : eventsFile;
  const issues: Issue[] = withDataIssues(catalog, text, parsed.issues, shownFile);
  if (parsed.drafts.length === 0) return { issues, events: 0 };
  const { store } = log;
  let chainBroken = false;
  try {
    const repeated = await findAppendedRun(store, catalog, parsed.drafts);
    if (repeated !== undefined) return { issues, events: parsed.drafts.length, repeated: repeatedBatchMessage(parsed.drafts.length, repeated) };
    const prepared = await prepareAppend(store, parsed.drafts, { catalog, now: io.now(), newId: randomUUID, places: parsed.places });
    if (!prepared.ok) issues.push(...placeColumns(text, prepared.issues, shownFile));
  } catch (error) {
    if (!(error instanceof LogReadError)) throw error;
    issues.push(...error.issues);
    // The log itself is damaged: exit 4, as from every command that reads it.
    chainBroken = error instanceof LogBrokenError || error.issues.some(isDamagedLine);
  }
  return { issues: [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), events: parsed.drafts.length, chainBroken };
};

export const validateCommand: Command = {
  name: "validate",
  summary: "list every problem in a log (its hash chain too), or in a file of events before appending it (dry run)",
  usage: "tertial validate <log> [--events <file>|-] [--format text|json]",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {
    events: { value: true, placeholder: "file", path: true, help: "check these drafts against the log as append would, without writing" },
    format: { value: true, placeholder: "format", choices: ["text", "json"], help: "text (default) or json on standard output: { log, events (the drafts file, with --events), valid, count (the log's events), issues, alreadyAppended (a batch the log holds already), uncheckedRules (rules not checked from a line on) }" },
  },
  run: async ({ args, io, catalog }) => {
    const opened = openStore(logArg(args), { catalog, clock: io.now });
    const log = opened.name;
    const format = value(args, "format") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not "${format}"`);
    const eventsFile = value(args, "events");
    const result = eventsFile === undefined ? await validateLog(opened, catalog) : await validateDrafts(opened, eventsFile, io, catalog);
    const repeated = "repeated" in result ? result.repeated : undefined;
    const valid = result.issues.length === 0 && repeated === undefined;
    const chainBroken = "chainBroken" in result && result.chainBroken === true;
    const unchecked = "unchecked" in result ? result.unchecked : [];
    // A changed, dropped or moved line is what verify fails on, and exits as verify does.
    const code = valid ? EXIT.ok : chainBroken ? EXIT.tampered : EXIT.invalid;
    if (format === "json") {
      io.stdout(toJson({ log, ...(eventsFile === undefined ? {} : { events: eventsFile }), valid, count: result.events, issues: result.issues, ...(repeated === undefined ? {} : { alreadyAppended: repeated }), ...(unchecked.length === 0 ? {} : { uncheckedRules: unchecked }) }));
      return code;
    }
    printIssues(io, result.issues);
    if (repeated !== undefined) io.stderr(`tertial validate: ${repeated}\n`);
    for (const { fromLine, rules } of unchecked) io.stderr(`${log}:${fromLine}: ${rules.length === 1 ? `the rule ${rules[0] ?? ""} was` : `the rules ${rules.join(", ")} were`} not checked from this line on: they learn from events of its type, and this one could not be read or is invalid; fix it and validate again\n`);
    const subject = eventsFile ?? log;
    if (!valid) io.stderr(`${subject}: ${result.issues.length + (repeated === undefined ? 0 : 1)} problem(s)${eventsFile === undefined ? (chainBroken ? "; the hash chain is broken (see tertial verify)" : "") : "; nothing would be appended"}\n`);
    else io.stdout(eventsFile === undefined ? `${log}: valid, ${result.events} events\n` : `${eventsFile}: ${result.events} event(s) valid against ${log}\n`);
    return code;
  },
};
