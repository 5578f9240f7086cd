/**
 * Rebuilds examples/<name>/events.jsonl from the hand-written fact files in examples/<name>/facts/,
 * for the example folder given as argument, or for every folder under examples/ that has facts/.
 * A second argument writes the one example's log there instead (the staleness test compares it).
 * Every fact carries its own id and recordedAt, so the log (and its hashes) come out byte-identical
 * on every run. Facts are appended in recordedAt order (file order breaks ties) through the real
 * store, so they meet every validation rule a user's append meets.
 */
import { readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { defaultCatalog, forgetAppendState, formatIssue, jsonlStore, initLog, parseDrafts, type DraftPlace, type EventDraft } from "@tertial/core";

const EXAMPLES = "examples";

const hasFacts = async (dir: string): Promise<boolean> => (await stat(join(dir, "facts")).catch(() => undefined))?.isDirectory() === true;

/** The folders to build: the one named on the command line, or every example with facts, in name order. */
const exampleDirs = async (): Promise<string[]> => {
  const named = process.argv[2];
  if (named !== undefined) return [resolve(named)];
  const names = (await readdir(EXAMPLES)).sort();
  const dirs = names.map((name) => resolve(EXAMPLES, name));
  const withFacts = await Promise.all(dirs.map(hasFacts));
  return dirs.filter((_, index) => withFacts[index]);
};

const build = async (exampleDir: string, output?: string): Promise<number> => {
  const factsDir = join(exampleDir, "facts");
  const target = output === undefined ? join(exampleDir, "events.jsonl") : resolve(output);
  const temporary = `${target}.building`;
  const files = (await readdir(factsDir)).filter((name) => name.endsWith(".jsonl")).sort();
  const entries: { draft: EventDraft; place: DraftPlace; order: number }[] = [];
  const problems: string[] = [];
  for (const name of files) {
    const path = join("facts", name);
    const parsed = parseDrafts(await readFile(join(factsDir, name), "utf8"), path);
    problems.push(...parsed.issues.map(formatIssue));
    parsed.drafts.forEach((draft, index) => {
      const place = parsed.places[index] ?? { file: path };
      if (draft.recordedAt === undefined || draft.id === undefined) problems.push(`${path}:${place.line ?? "?"}: example facts need an explicit id and recordedAt, so the log is reproducible`);
      entries.push({ draft, place, order: entries.length });
    });
  }
  if (problems.length > 0) {
    process.stderr.write(`${problems.join("\n")}\n`);
    return 3;
  }
  entries.sort((a, b) => ((a.draft.recordedAt ?? "") < (b.draft.recordedAt ?? "") ? -1 : (a.draft.recordedAt ?? "") > (b.draft.recordedAt ?? "") ? 1 : a.order - b.order));
  await rm(temporary, { force: true });
  await initLog(temporary);
  const store = jsonlStore({ path: temporary, catalog: defaultCatalog });
  const outcome = await store.append(
    entries.map((entry) => entry.draft),
    { places: entries.map((entry) => entry.place) },
  );
  if (!outcome.ok) {
    process.stderr.write(`${outcome.issues.map(formatIssue).join("\n")}\n`);
    await rm(temporary, { force: true });
    return 3;
  }
  await rename(temporary, target);
  // The append state (its file and the id, content and rule files beside it) belongs to the temporary name; the committed example keeps only its log.
  await forgetAppendState(temporary);
  const sideFile = `${basename(temporary)}.append-`;
  for (const name of await readdir(dirname(temporary))) if (name.startsWith(sideFile)) await rm(join(dirname(temporary), name), { force: true });
  process.stdout.write(`${target}: ${outcome.appended.length} events, head ${outcome.head.hash}\n`);
  return 0;
};

const main = async (): Promise<number> => {
  for (const dir of await exampleDirs()) {
    const code = await build(dir, process.argv[3]);
    if (code !== 0) return code;
  }
  return 0;
};

process.exitCode = await main();
