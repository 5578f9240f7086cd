import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { parsePostgresLocation } from "@tertial/store-postgres";
import { EXAMPLE_OUTPUTS } from "../../../scripts/example-outputs.js";
import { freshLogUrl } from "../../store-postgres/test/helpers.js";
import { defaultCatalog } from "@tertial/core";
import { findAppendedRun } from "../src/events/repeated-batch.js";
import { openStore } from "../src/store-location.js";
import { jsonl, municipality, runCli, useTempDir } from "./foundation/cli.js";

const tempDir = useTempDir();
const EXAMPLE_LOG = "examples/kommunal-utveckling-2020/events.jsonl";

const withDatabase = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: parsePostgresLocation(url).connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const importedExample = async (): Promise<string> => {
  const url = freshLogUrl("example");
  const imported = await runCli(["import", EXAMPLE_LOG, url]);
  expect(imported.stderr).toBe("");
  expect(imported.code).toBe(0);
  return url;
};

describe("the CLI on a PostgreSQL log", () => {
  it("export ∘ import gives back the example log byte for byte, and both verify with the same head", async () => {
    const url = await importedExample();
    const target = join(await tempDir(), "exported.jsonl");
    const exported = await runCli(["export", url, target]);
    expect([exported.code, exported.stderr]).toEqual([0, ""]);
    expect(await readFile(target)).toEqual(await readFile(EXAMPLE_LOG));
    const fromFile = await runCli(["verify", EXAMPLE_LOG]);
    const fromDatabase = await runCli(["verify", url]);
    expect([fromFile.code, fromDatabase.code]).toEqual([0, 0]);
    const head = (text: string): string | undefined => / head ([0-9a-f]{64})/.exec(text)?.[1];
    expect(head(fromDatabase.stdout)).toBe(head(fromFile.stdout));
    expect(head(exported.stdout)).toBe(head(fromFile.stdout));
  });

  it("prints every example report, audit and diff exactly as from the JSONL file", async () => {
    const url = await importedExample();
    const shown = parsePostgresLocation(url).display;
    for (const output of EXAMPLE_OUTPUTS) {
      const fromFile = await runCli(output.argv);
      const fromDatabase = await runCli(output.argv.map((arg) => (arg === EXAMPLE_LOG ? url : arg)));
      expect([fromDatabase.code, fromDatabase.stderr]).toEqual([fromFile.code, fromFile.stderr]);
      expect(fromDatabase.stdout.replaceAll(shown, EXAMPLE_LOG)).toBe(fromFile.stdout);
    }
  });

  it("keeps snapshots in the database, and reports from them exactly as from the first event", async () => {
    const url = await importedExample();
    const interim = ["--kind", "delarsrapport", "--period", "2020-T1..T2"];
    const taken = await runCli(["snapshot", url, ...interim, "--every", "150", "--daily"]);
    expect([taken.code, taken.stderr]).toEqual([0, ""]);
    expect(taken.stdout).toMatch(/snapshot\(s\) taken, the latest after event \d+ .* in the database/);
    const rows = await withDatabase(url, (client) => client.query<{ count: string }>("SELECT count(*) AS count FROM tertial_snapshots WHERE log = $1", [parsePostgresLocation(url).log]));
    expect(Number(rows.rows[0]?.count)).toBeGreaterThan(5);
    for (const knownAt of ["2020-09-15", "2020-10-15", "2020-10-20T12:00:00+02:00", "now"]) {
      const warm = await runCli(["report", url, ...interim, "--known-at", knownAt]);
      const cold = await runCli(["report", url, ...interim, "--known-at", knownAt, "--no-snapshots"]);
      expect([warm.code, warm.stderr]).toEqual([0, cold.stderr]);
      expect(warm.stdout).toBe(cold.stdout);
    }
    // A damaged row is skipped and said so; the report is still the same.
    await withDatabase(url, (client) => client.query("UPDATE tertial_snapshots SET body = '{ no' WHERE log = $1 AND seq = (SELECT max(seq) FROM tertial_snapshots WHERE log = $1)", [parsePostgresLocation(url).log]));
    const damaged = await runCli(["report", url, ...interim]);
    expect(damaged.stderr).toContain("is not JSON");
    expect(damaged.stdout).toBe((await runCli(["report", url, ...interim, "--no-snapshots"])).stdout);
  });

  it("init, append, validate and verify work on a database log; a second init is refused", async () => {
    const url = freshLogUrl("cli");
    expect((await runCli(["init", url])).code).toBe(0);
    const again = await runCli(["init", url]);
    expect([again.code, again.stderr]).toEqual([6, `tertial init: ${parsePostgresLocation(url).display}: already exists; tertial init never overwrites a log\n`]);
    const drafts = join(await tempDir(), "drafts.jsonl");
    await writeFile(drafts, jsonl([municipality("m1"), municipality("m2")]));
    const appended = await runCli(["append", url, "--events", drafts]);
    expect([appended.code, appended.stderr]).toEqual([0, ""]);
    expect(appended.stdout).toMatch(/^appended 2 event\(s\); head seq 1 [0-9a-f]{64}\n$/);
    expect((await runCli(["append", url, "--events", drafts])).stdout).toContain("2 already present");
    expect((await runCli(["validate", url])).stdout).toContain("valid, 2 events");
    expect((await runCli(["verify", url])).stdout).toContain("ok, 2 events");
  });

  it("refuses drafts without ids appended before, found by the content column, with the same words as from a file", async () => {
    const url = freshLogUrl("cli");
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    const drafts = join(dir, "drafts.jsonl");
    await writeFile(drafts, jsonl([municipality("m1"), municipality("m2")].map(({ id: _id, ...draft }) => draft)));
    for (const target of [url, log]) {
      expect((await runCli(["init", target])).code).toBe(0);
      expect((await runCli(["append", target, "--events", drafts])).code).toBe(0);
    }
    const fromDatabase = await runCli(["append", url, "--events", drafts]);
    const fromFile = await runCli(["append", log, "--events", drafts]);
    expect(fromDatabase.code).toBe(3);
    expect(fromDatabase.stderr).toMatch(/^tertial append: these 2 draft\(s\) were already appended, as seq 0–1 \(recorded /);
    // The same refusal as from the file, but for the generated ids and recorded times.
    const general = (stderr: string): string => stderr.replace(/\(recorded [^)]*\)/, "(recorded …)");
    expect(general(fromDatabase.stderr)).toEqual(general(fromFile.stderr));
    expect((await runCli(["verify", url])).stdout).toContain("ok, 2 events");
  });

  it("finds drafts without ids appended before from the content column, reading only the run it found", async () => {
    const url = freshLogUrl("cli");
    const opened = openStore(url, { catalog: defaultCatalog });
    await opened.create();
    const drafts = [municipality("m1"), municipality("m2")].map(({ id: _id, ...draft }) => draft);
    for (const batch of [[municipality("m0")], drafts, [municipality("m3")]]) expect((await opened.store.append(batch)).ok).toBe(true);
    const fromSeqs: (number | undefined)[] = [];
    const counted = { ...opened.store, read: (options?: { readonly fromSeq?: number }) => (fromSeqs.push(options?.fromSeq), opened.store.read(options)) };
    const found = await findAppendedRun(counted, defaultCatalog, drafts);
    expect([found?.first.seq, found?.last.seq]).toEqual([1, 2]);
    expect(fromSeqs).toEqual([1]);
  });

  it("verify --head takes a head noted before later appends, and validate names a changed row, as on a file", async () => {
    const url = freshLogUrl("cli");
    expect((await runCli(["init", url])).code).toBe(0);
    const dir = await tempDir();
    const [first, second] = [join(dir, "first.jsonl"), join(dir, "second.jsonl")];
    await writeFile(first, jsonl([municipality("m1")]));
    await writeFile(second, jsonl([municipality("m2"), municipality("m3")]));
    const noted = /head seq 0 ([0-9a-f]{64})/.exec((await runCli(["append", url, "--events", first])).stdout)?.[1] ?? "";
    expect((await runCli(["append", url, "--events", second])).code).toBe(0);
    const display = parsePostgresLocation(url).display;
    const anchored = await runCli(["verify", url, "--head", noted]);
    expect([anchored.code, anchored.stderr]).toEqual([0, `${display}: note: --head is the hash of seq 0: the log up to it is unchanged, and 2 event(s) were appended after it\n`]);
    expect((await runCli(["verify", url, "--head", "f".repeat(64)])).code).toBe(4);
    expect((await runCli(["verify", url, "--head", noted.toUpperCase()])).code).toBe(2);
    await withDatabase(url, (client) => client.query("UPDATE tertial_events SET body = replace(body, '\"name\":\"Kommun m2\"', '\"name\":\"Kommun M2\"') WHERE log = $1", [parsePostgresLocation(url).log]));
    const validate = await runCli(["validate", url]);
    expect(validate.code).toBe(4);
    expect(validate.stderr).toBe(`${display}:2: hash: does not match the event's content: the event was changed\n${display}: 1 problem(s); the hash chain is broken (see tertial verify)\n`);
  });

  it("verify, report, replay and audit exit 4 and name the event when a row is changed in the database", async () => {
    const url = await importedExample();
    const { log } = parsePostgresLocation(url);
    await withDatabase(url, (client) => client.query("UPDATE tertial_events SET body = replace(body, '\"amount\":\"38000\"', '\"amount\":\"48000\"') WHERE log = $1 AND body LIKE '%\"amount\":\"38000\"%'", [log]));
    const verify = await runCli(["verify", url]);
    expect(verify.code).toBe(4);
    expect(verify.stderr).toMatch(/:\d+: hash: does not match the event's content/);
    // Every read checks each row as it streams: the report, the replay and the audit stop too, with exit 4.
    for (const argv of [
      ["report", url, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--no-snapshots"],
      ["replay", url, "--projection", "budget-follow-up", "--period", "2020-T1..T2"],
      ["audit", url, "--period", "2020-T1..T2"],
    ]) {
      const read = await runCli(argv);
      expect([argv[0], read.code]).toEqual([argv[0], 4]);
      expect(read.stderr).toMatch(/hash: does not match the event's content: the row was changed/);
    }
  });

  it("a row whose body was re-serialised (same content, not canonical JSON) is a changed row to every read, as on a file: exit 4 naming event and column", async () => {
    const url = freshLogUrl("spaced");
    expect((await runCli(["init", url])).code).toBe(0);
    const drafts = join(await tempDir(), "drafts.jsonl");
    await writeFile(drafts, jsonl([municipality("m1"), municipality("m2")]));
    expect((await runCli(["append", url, "--events", drafts])).code).toBe(0);
    const { log, display } = parsePostgresLocation(url);
    // A space after the first colon: the content, and so the hash of its canonical form, is unchanged.
    await withDatabase(url, (client) => client.query("UPDATE tertial_events SET body = replace(body, '{\"data\":', '{\"data\": ') WHERE log = $1 AND seq = 1", [log]));
    expect((await runCli(["verify", url])).code).toBe(4);
    for (const argv of [
      ["replay", url, "--projection", "budget-follow-up", "--period", "2020-T1..T2"],
      ["report", url, "--kind", "tertialrapport", "--period", "2020-T1", "--no-snapshots"],
      ["audit", url, "--period", "2020-T1..T2"],
    ]) {
      const read = await runCli(argv);
      expect([argv[0], read.code]).toEqual([argv[0], 4]);
      expect(read.stderr).toContain(`${display}:2:9: is not the canonical JSON of its event (it has a space where the canonical JSON has "{"): the stored bytes were changed; run tertial verify\n`);
    }
  });

  it("a log that was never created is an error, not an empty log", async () => {
    const url = freshLogUrl("missing");
    const verify = await runCli(["verify", url]);
    expect([verify.code, verify.stderr]).toEqual([6, `tertial verify: ${parsePostgresLocation(url).display}: no such log (create it with tertial init)\n`]);
    const report = await runCli(["report", url, "--kind", "tertialrapport", "--period", "2020-T1"]);
    expect(report.code).toBe(6);
  });

  it("an unreachable server is one line on stderr and exit 6", async () => {
    const result = await runCli(["verify", "postgresql:///tertial?host=/nonexistent-socket-dir&log=x"]);
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/^tertial verify: postgresql:.*cannot connect: .*\n$/);
  });

  it("import refuses a target that is not a prefix of the log, and writes nothing", async () => {
    const url = freshLogUrl("clash");
    expect((await runCli(["init", url])).code).toBe(0);
    const drafts = join(await tempDir(), "drafts.jsonl");
    await writeFile(drafts, jsonl([municipality("other")]));
    expect((await runCli(["append", url, "--events", drafts])).code).toBe(0);
    const imported = await runCli(["import", EXAMPLE_LOG, url]);
    expect(imported.code).toBe(3);
    expect(imported.stderr).toContain("not a prefix");
    expect((await runCli(["verify", url])).stdout).toContain("ok, 1 events");
  });
});
