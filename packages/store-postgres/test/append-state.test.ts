import { createHash } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import * as fc from "fast-check";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultCatalog, encodeAppendCore, learnLog, memoryStore, rulesFingerprint, type AppendOutcome, type EventDraft } from "@tertial/core";
import { arbFoundationLog } from "@tertial/core/testing";
import { postgresStore, type PostgresStore } from "@tertial/store-postgres";
import { freshLogUrl, withClient } from "./helpers.js";

const CLOCK = () => Date.UTC(2030, 0, 1);

const opened = async (): Promise<PostgresStore> => {
  const store = postgresStore({ location: freshLogUrl("append-state"), catalog: defaultCatalog, clock: CLOCK });
  await store.create();
  return store;
};


interface StateRow {
  readonly head_seq: string;
  readonly head_hash: string;
  readonly rules_fingerprint: string;
  readonly state: Buffer;
}

const stateRow = (store: PostgresStore): Promise<StateRow | undefined> =>
  withClient(store, async (client) => (await client.query<StateRow>("SELECT head_seq, head_hash, rules_fingerprint, state FROM tertial_append_states WHERE log = $1", [store.location.log])).rows[0]);

const putStateRow = (store: PostgresStore, row: StateRow): Promise<void> =>
  withClient(store, async (client) => {
    await client.query(
      `INSERT INTO tertial_append_states (log, head_seq, head_hash, rules_fingerprint, state) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (log) DO UPDATE SET head_seq = EXCLUDED.head_seq, head_hash = EXCLUDED.head_hash, rules_fingerprint = EXCLUDED.rules_fingerprint, state = EXCLUDED.state`,
      [store.location.log, row.head_seq, row.head_hash, row.rules_fingerprint, row.state],
    );
  });

const dropStateRow = (store: PostgresStore): Promise<void> =>
  withClient(store, async (client) => {
    await client.query("DELETE FROM tertial_append_states WHERE log = $1", [store.location.log]);
  });

const municipality = (id: string, name = `Kommun ${id}`, municipalityId = id): EventDraft => ({ id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId, name } });
const retraction = (id: string, retracts: string): EventDraft => ({ id, type: "log.event-retracted", effectiveAt: "2017-01-01", retracts, data: { reason: "test" } });

const verdict = (outcome: AppendOutcome) => (outcome.ok ? { ok: true, appended: outcome.appended.map((event) => event.id), present: outcome.alreadyPresent } : { ok: false, issues: outcome.issues.map((found) => [found.code, found.eventId, found.path]) });

/** Each append asks the state something else; the last one writes, so it goes last. */
const CHECKS: readonly { readonly name: string; readonly batch: readonly EventDraft[] }[] = [
  { name: "an id reused with other content", batch: [municipality("a", "Kommun A")] },
  { name: "an id already present with the same content", batch: [municipality("a")] },
  { name: "a correction of an unknown id", batch: [retraction("r-nobody", "nobody")] },
  { name: "a correction of an event already corrected", batch: [retraction("r-again", "b")] },
  { name: "a consistency rule: a municipality established twice", batch: [municipality("a-again", "Kommun a", "a")] },
  { name: "a consistency rule forgets a retracted fact", batch: [municipality("b-again", "Kommun b", "b")] },
];

const EXPECTED = [
  { ok: false, issues: [["duplicate-id", "a", "id"]] },
  { ok: true, appended: [], present: ["a"] },
  { ok: false, issues: [["unknown-reference", "r-nobody", "retracts"]] },
  { ok: false, issues: [["conflict", "r-again", "retracts"]] },
  { ok: false, issues: [["conflict", "a-again", "data.municipalityId"]] },
  { ok: true, appended: ["b-again"], present: [] },
];

/** A log whose state knows corrections the first state row did not: b retracted, c superseded. */
const scenario = async (): Promise<{ store: PostgresStore; before: StateRow }> => {
  const store = await opened();
  expect((await store.append(["a", "b", "c"].map((id) => municipality(id)))).ok).toBe(true);
  const before = await stateRow(store);
  if (before === undefined) throw new Error("the first append must save a state");
  expect((await store.append([retraction("r-b", "b"), { ...municipality("c2", "Kommun C", "c"), supersedes: "c" }])).ok).toBe(true);
  return { store, before };
};

/** The state row of before the corrections, passed off as taken at the current head: wrong answers if used. */
const forgedAtHead = async (store: PostgresStore, before: StateRow, fingerprint: string): Promise<StateRow> => {
  const head = await store.head();
  const state = serialize({ ...(deserialize(before.state) as object), head });
  return { head_seq: String(head.seq), head_hash: head.hash, rules_fingerprint: fingerprint, state };
};

/** The row as the previous version (format 1, its fingerprint: no learnsFrom in it) wrote it, at the current head. */
const previousVersion = async (store: PostgresStore, before: StateRow): Promise<StateRow> => {
  const fingerprint = createHash("sha256")
    .update("tertial-append-state/1")
    .update(defaultCatalog.rules.map((rule) => `${rule.name}\n${String(rule.init)}\n${String(rule.learn)}`).join("\n\n"))
    .digest("hex");
  const row = await forgedAtHead(store, before, fingerprint);
  return { ...row, state: serialize({ ...(deserialize(row.state) as object), format: "tertial-append-state/1" }) };
};

const TAMPERINGS: Record<string, (store: PostgresStore, before: StateRow) => Promise<void>> = {
  "kept as saved": async () => undefined,
  missing: dropStateRow,
  "taken at an earlier head": putStateRow,
  "saved by other rules": async (store, before) => putStateRow(store, await forgedAtHead(store, before, "other rules")),
  "written by the previous version (format 1)": async (store, before) => putStateRow(store, await previousVersion(store, before)),
  "unreadable bytes": async (store, before) => putStateRow(store, { ...(await forgedAtHead(store, before, rulesFingerprint(defaultCatalog))), state: Buffer.from("not a state") }),
};

const runChecks = async (tamper: (store: PostgresStore, before: StateRow) => Promise<void>): Promise<unknown[]> => {
  const { store, before } = await scenario();
  try {
    const verdicts: unknown[] = [];
    for (const check of CHECKS) {
      await tamper(store, before);
      // A store of its own for each append, as each CLI run has: it knows the log only from the database.
      const writer = postgresStore({ location: store.location, catalog: defaultCatalog, clock: CLOCK });
      try {
        verdicts.push(verdict(await writer.append(check.batch)));
      } finally {
        await writer.close();
      }
      const row = await stateRow(store);
      const head = await store.head();
      expect([row?.head_seq, row?.head_hash, row?.rules_fingerprint]).toEqual([String(head.seq), head.hash, rulesFingerprint(defaultCatalog)]);
    }
    return verdicts;
  } finally {
    await store.close();
  }
};

describe("the append state kept in PostgreSQL", () => {
  for (const [name, tamper] of Object.entries(TAMPERINGS)) {
    it(`gives every verdict a full read of the log gives, with the state ${name} (then rebuilt and saved)`, async () => {
      const verdicts = await runChecks(tamper);
      expect(verdicts).toEqual(EXPECTED);
    });
  }

  it("would give other verdicts from a wrong state: the checks above can tell a rebuilt state from a stale one", async () => {
    const verdicts = await runChecks(async (store, before) => putStateRow(store, await forgedAtHead(store, before, rulesFingerprint(defaultCatalog))));
    expect(verdicts).not.toEqual(EXPECTED);
    // The forged state forgot that b was retracted: a second retraction of b passes.
    expect(verdicts[3]).toEqual({ ok: true, appended: ["r-again"], present: [] });
  });

  it("is not taken from a writer's own memory once another writer moved the log on", async () => {
    const { store: first } = await scenario();
    const second = postgresStore({ location: first.location, catalog: defaultCatalog, clock: CLOCK });
    try {
      expect(verdict(await first.append([municipality("d")]))).toEqual({ ok: true, appended: ["d"], present: [] });
      expect(verdict(await second.append([retraction("r-d", "d")]))).toEqual({ ok: true, appended: ["r-d"], present: [] });
      expect(verdict(await first.append([retraction("r-d-again", "d")]))).toEqual({ ok: false, issues: [["conflict", "r-d-again", "retracts"]] });
      expect(verdict(await first.append([municipality("d-again", "Kommun d", "d")]))).toEqual({ ok: true, appended: ["d-again"], present: [] });
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it("is learnt again by an import that moves the head, from the source's copy of the prefix: the next appends judge as before", async () => {
    const { store } = await scenario();
    const target = postgresStore({ location: freshLogUrl("append-state-import"), catalog: defaultCatalog, clock: CLOCK });
    try {
      const prefix = async function* () {
        for await (const event of store.read()) if (event.seq <= 2) yield event;
      };
      expect((await target.importEvents(prefix())).ok).toBe(true);
      expect(verdict(await target.append(CHECKS[0]?.batch ?? []))).toEqual(EXPECTED[0]);
      expect((await stateRow(target))?.head_seq).toBe("2");
      expect((await target.importEvents(store.read())).ok).toBe(true);
      expect((await stateRow(target))?.head_seq).toBe(String((await store.head()).seq));
      const verdicts: unknown[] = [];
      for (const check of CHECKS) verdicts.push(verdict(await target.append(check.batch)));
      expect(verdicts).toEqual(EXPECTED);
    } finally {
      await Promise.all([store.close(), target.close()]);
    }
  });

  it("never changes what an append accepts: the same outcomes and hashes as a store that reads its whole log, whatever becomes of the state row (property)", async () => {
    const arbTamper = fc.constantFrom<keyof typeof TAMPERINGS | "none">("none", "none", "missing", "saved by other rules", "unreadable bytes");
    await fc.assert(
      fc.asyncProperty(arbFoundationLog({ maxEvents: 8 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), arbTamper), { minLength: 10, maxLength: 10 }), async (script, plan) => {
        let drawn = 0;
        let referenceDrawn = 0;
        const store = postgresStore({ location: freshLogUrl("append-state-property"), catalog: defaultCatalog, clock: CLOCK, newId: () => `generated-${(drawn += 1)}` });
        const reference = memoryStore({ catalog: defaultCatalog, clock: CLOCK, newId: () => `generated-${(referenceDrawn += 1)}` });
        try {
          await store.create();
          const drafts = script.entries.map((entry) => entry.draft);
          // Troublemakers: an id reused with other content, a second retraction of the same event.
          const first = drafts[0];
          if (first?.id !== undefined) drafts.push({ ...first, data: { ...(first.data as object), troublemaker: true } }, retraction("t1", first.id), retraction("t2", first.id));
          // Without an id the store draws one: the second, same municipality again, is refused by its rule.
          const anonymous: EventDraft = { type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: "anon", name: "Kommun anon" } };
          drafts.push(anonymous, anonymous);
          let start = 0;
          for (const [size, tamper] of plan) {
            if (start >= drafts.length) break;
            const batch = drafts.slice(start, start + size);
            start += size;
            const row = await stateRow(store);
            if (tamper === "missing") await dropStateRow(store);
            else if (tamper !== "none" && row !== undefined) await putStateRow(store, { ...row, ...(tamper === "saved by other rules" ? { rules_fingerprint: "other rules" } : { state: Buffer.from("not a state") }) });
            expect(verdict(await store.append(batch))).toEqual(verdict(await reference.append(batch)));
          }
          const hashes: string[] = [];
          for await (const event of store.read()) hashes.push(event.hash);
          expect(hashes).toEqual(reference.events().map((event) => event.hash));
        } finally {
          await store.close();
        }
      }),
      { numRuns: 15 },
    );
  });
});

const area: EventDraft = { id: "area-x", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "x", name: "X", kind: "group" } };
const costs = Array.from({ length: 50 }, (_, index) => `cost-${index}`);
const cost = (id: string, amount: string, supersedes?: string): EventDraft => ({
  id,
  type: "finance.cost-booked",
  effectiveAt: "2020-01-31",
  ...(supersedes === undefined ? {} : { supersedes }),
  data: { areaId: "x", from: "2020-01-01", to: "2020-01-31", amount },
});

describe("an append onto a PostgreSQL log", () => {
  let rowsRead = 0;
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Counts the event rows every query on the events table returns, whichever connection runs it. */
  const countEventRows = (): void => {
    vi.restoreAllMocks();
    rowsRead = 0;
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const result = query.apply(this, args);
      const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? "");
      if (/(FROM|JOIN) tertial_events\b/.test(text) && result instanceof Promise) {
        result.then((found: pg.QueryResult) => (rowsRead += found.rows.length), () => undefined);
      }
      return result;
    } as typeof pg.Client.prototype.query);
  };

  it("reads no event rows but the head and the ids its batch names, once the state is saved", async () => {
    const store = await opened();
    try {
      expect((await store.append(Array.from({ length: 300 }, (_, index) => municipality(`m${index}`)))).ok).toBe(true);
      countEventRows();
      const outcome = await store.append([municipality("m7"), municipality("new-1"), municipality("new-2"), { ...municipality("new-3", "Kommun ny", "new-3"), supersedes: "m8" }]);
      expect(verdict(outcome)).toEqual({ ok: true, appended: ["new-1", "new-2", "new-3"], present: ["m7"] });
      // Correcting a fact the rules keep (a municipality) re-reads the log once: the rules cannot unlearn it.
      expect(rowsRead).toBeGreaterThan(300);
      expect(rowsRead).toBeLessThan(2 * 300);
      countEventRows();
      const plain = await store.append([municipality("m9"), municipality("new-4")]);
      expect(verdict(plain)).toEqual({ ok: true, appended: ["new-4"], present: ["m9"] });
      // The head (one row) and the one named id that exists (m9).
      expect(rowsRead).toBe(2);
      expect((await store.append([area, ...costs.map((id) => cost(id, "100"))])).ok).toBe(true);
      countEventRows();
      const corrected = await store.append(costs.map((id) => cost(`${id}-again`, "200", id)));
      expect(verdict(corrected)).toEqual({ ok: true, appended: costs.map((id) => `${id}-again`), present: [] });
      // Correcting costs (no rule keeps one): the head and the 50 costs the batch names, nothing else.
      expect(rowsRead).toBe(1 + costs.length);
      await dropStateRow(store);
      countEventRows();
      expect((await store.append([municipality("new-5")])).ok).toBe(true);
      // Without a state the log is read in full (twice: corrections, then ids and rules): the count sees reads.
      expect(rowsRead).toBeGreaterThanOrEqual(2 * 405);
    } finally {
      await store.close();
    }
  });

  /** Counts the rule entries read from and written to their table, whichever connection runs the query. */
  const entryTraffic = (): { read: number; written: number } => {
    vi.restoreAllMocks();
    const traffic = { read: 0, written: 0 };
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const result = query.apply(this, args);
      const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? "");
      const values = (Array.isArray(args[1]) ? args[1] : []) as unknown[];
      if (/^SELECT .* FROM tertial_append_records/.test(text) && result instanceof Promise) result.then((found: pg.QueryResult) => (traffic.read += found.rows.length), () => undefined);
      if (/^(INSERT INTO|DELETE FROM) tertial_append_records/.test(text)) traffic.written += values.filter(Array.isArray).reduce((most: number, list) => Math.max(most, (list as unknown[]).length), 0);
      return result;
    } as typeof pg.Client.prototype.query);
    return traffic;
  };

  const position = (n: number): EventDraft => ({ id: `open-${n}`, type: "staff.position-opened", effectiveAt: "2020-01-01", data: { positionId: `pos-${n}`, areaId: "x", employmentForm: "visstid", fte: "1.00", financing: "grund" } });

  it("reads and writes the rules' entries its batch touches, not the thousands a rule keeps, from a state row that stays small", async () => {
    const store = await opened();
    try {
      expect((await store.append([area, position(0)])).ok).toBe(true);
      const small = (await stateRow(store))?.state.length ?? 0;
      expect((await store.append(Array.from({ length: 1999 }, (_, index) => position(index + 1)))).ok).toBe(true);
      // The staff rule knows 2 000 positions now, not one: the row names its collections and holds none of their entries.
      expect(((await stateRow(store))?.state.length ?? Infinity) - small).toBeLessThan(16);
      const kept = await withClient(store, async (client) => (await client.query<{ count: string }>("SELECT count(*) FROM tertial_append_records WHERE log = $1 AND collection LIKE '%positions%'", [store.location.log])).rows[0]?.count);
      expect(kept).toBe("2000");
      const traffic = entryTraffic();
      // A store of its own, as a CLI run: it has nothing at hand.
      const writer = postgresStore({ location: store.location, catalog: defaultCatalog, clock: CLOCK });
      try {
        const batch: EventDraft[] = [
          position(2000),
          { id: "change-7", type: "staff.position-changed", effectiveAt: "2020-06-01", data: { positionId: "pos-7", fte: "0.50" } },
          { id: "close-8", type: "staff.position-closed", effectiveAt: "2020-07-01", data: { positionId: "pos-8" } },
          { id: "change-9999", type: "staff.position-changed", effectiveAt: "2020-06-01", data: { positionId: "pos-9999", fte: "0.50" } },
        ];
        const refused = await writer.append(batch);
        expect(verdict(refused)).toEqual({ ok: false, issues: [["unknown-reference", "change-9999", "data.positionId"]] });
        expect(verdict(await writer.append(batch.slice(0, 3)))).toEqual({ ok: true, appended: ["open-2000", "change-7", "close-8"], present: [] });
        // The positions the batches name (and the area): a few entries each way, not 2 000.
        expect(traffic.read).toBeGreaterThan(0);
        expect(traffic.read).toBeLessThanOrEqual(2 * 5);
        expect(traffic.written).toBeGreaterThan(0);
        expect(traffic.written).toBeLessThanOrEqual(3);
        vi.restoreAllMocks();
        // What was written is what a full read of the log would learn: pos-8 closed, pos-2000 opened.
        expect(verdict(await writer.append([{ id: "close-8-again", type: "staff.position-closed", effectiveAt: "2020-08-01", data: { positionId: "pos-8" } }]))).toEqual({ ok: false, issues: [["conflict", "close-8-again", "data.positionId"]] });
        expect(verdict(await writer.append([{ ...position(2000), id: "open-2000-again" }]))).toEqual({ ok: false, issues: [["conflict", "open-2000-again", "data.positionId"]] });
      } finally {
        await writer.close();
      }
    } finally {
      await store.close();
    }
  });

  it("restates facts a rule keeps (positions) without reading the log: the rule forgets each from the event the batch's lookup brought", async () => {
    const store = await opened();
    try {
      expect((await store.append([area, ...Array.from({ length: 300 }, (_, index) => position(index))])).ok).toBe(true);
      countEventRows();
      const restated = [1, 2, 3].map((n) => ({ ...position(n), id: `restated-${n}`, supersedes: `open-${n}`, data: { ...(position(n).data as object), fte: "0.50" } }));
      expect(verdict(await store.append(restated))).toEqual({ ok: true, appended: ["restated-1", "restated-2", "restated-3"], present: [] });
      // The head and the three events named, nothing else: no rebuild read the positions of the log.
      expect(rowsRead).toBe(1 + 3);
      vi.restoreAllMocks();
      // As a full read judges: the positions are open (once), and the restated ones can be restated again.
      expect(verdict(await store.append([{ ...position(2), id: "open-2-again" }]))).toEqual({ ok: false, issues: [["conflict", "open-2-again", "data.positionId"]] });
      expect(verdict(await store.append([{ ...position(2), id: "restated-2-again", supersedes: "restated-2" }]))).toEqual({ ok: true, appended: ["restated-2-again"], present: [] });
      const reference = memoryStore({ catalog: defaultCatalog, clock: CLOCK });
      for await (const event of store.read()) expect((await reference.append([{ id: event.id, type: event.type, effectiveAt: event.effectiveAt, data: event.data, ...(event.supersedes === undefined ? {} : { supersedes: event.supersedes }) }])).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("rebuilds a state row of the previous version, which held every entry in its bytes (format 3)", async () => {
    const store = await opened();
    try {
      expect((await store.append([area, position(1), position(2)])).ok).toBe(true);
      const learnt = await learnLog(store, defaultCatalog);
      const bytes = encodeAppendCore(learnt);
      if (bytes === undefined) throw new Error("the state must encode");
      const head = await store.head();
      await putStateRow(store, { head_seq: String(head.seq), head_hash: head.hash, rules_fingerprint: rulesFingerprint(defaultCatalog), state: bytes });
      await withClient(store, (client) => client.query("DELETE FROM tertial_append_records WHERE log = $1", [store.location.log]));
      const writer = postgresStore({ location: store.location, catalog: defaultCatalog, clock: CLOCK });
      try {
        // Had the row been taken for a state over the (emptied) entries table, pos-1 would be unknown and opening it again accepted.
        expect(verdict(await writer.append([{ ...position(1), id: "open-1-again" }]))).toEqual({ ok: false, issues: [["conflict", "open-1-again", "data.positionId"]] });
        expect((await stateRow(store))?.state.subarray(0, 64).includes("tertial-append-core-apart/1")).toBe(true);
      } finally {
        await writer.close();
      }
    } finally {
      await store.close();
    }
  });
});

const position = (positionId: string): EventDraft => ({ id: `opened-${positionId}`, type: "staff.position-opened", effectiveAt: "2020-01-01", data: { positionId, areaId: "x", employmentForm: "visstid", fte: "0.50", financing: "grund" } });

describe("the queries of an append of a thousand events", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The plan nodes of an EXPLAIN (FORMAT JSON), every level. */
  const planNodes = (plan: Record<string, unknown>): Record<string, unknown>[] => [plan, ...((plan.Plans as Record<string, unknown>[] | undefined) ?? []).flatMap(planNodes)];

  it("probe the events and the rules' entries by index, never reading the whole log or a whole collection, even where the planner would read it rather than probe a thousand values", async () => {
    const store = await opened();
    try {
      expect((await store.append([area])).ok).toBe(true);
      for (let start = 0; start < 20_000; start += 5_000) {
        expect((await store.append(Array.from({ length: 5_000 }, (_, index) => cost(`bulk-${start + index}`, String(100 + index))))).ok).toBe(true);
      }
      // Positions, whose entries the staff rules keep in the records table: the batch changes a thousand of them.
      expect((await store.append(Array.from({ length: 5_000 }, (_, index) => position(`position-${index}`)))).ok).toBe(true);
      await withClient(store, async (client) => client.query("ANALYZE tertial_events, tertial_append_records"));
      const asked: { text: string; values: unknown[] }[] = [];
      const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
      vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
        const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? "");
        const values = (Array.isArray(args[1]) ? args[1] : []) as unknown[];
        if (/^\s*SELECT/.test(text) && /tertial_(events|append_records)/.test(text) && values.some((value) => Array.isArray(value) && value.length >= 1_000)) asked.push({ text, values });
        return query.apply(this, args);
      } as typeof pg.Client.prototype.query);
      // A store of its own, as a command run has: the entries are not at hand, so its rules fetch them.
      const fresh = postgresStore({ location: store.location, catalog: defaultCatalog, clock: CLOCK });
      const outcome = await fresh.append(Array.from({ length: 1_000 }, (_, index) => ({ id: `changed-${index}`, type: "staff.position-changed", effectiveAt: "2020-06-01", data: { positionId: `position-${index * 5}`, fte: "1.00" } })));
      vi.restoreAllMocks();
      await fresh.close();
      expect(outcome.ok && outcome.appended.length).toBe(1_000);
      // The lookup of the batch's ids and of the positions it changes, at least.
      expect(asked.filter(({ text }) => /tertial_events/.test(text)).length).toBeGreaterThanOrEqual(1);
      expect(asked.filter(({ text }) => /tertial_append_records/.test(text)).length).toBeGreaterThanOrEqual(1);
      for (const { text, values } of asked) {
        const [explained] = await withClient(store, async (client) => (await client.query<{ "QUERY PLAN": [{ Plan: Record<string, unknown> }] }>(`EXPLAIN (FORMAT JSON) ${text}`, values)).rows);
        const scans = planNodes(explained?.["QUERY PLAN"][0].Plan ?? {}).filter((node) => node["Node Type"] === "Seq Scan" && /^tertial_(events|append_records)$/.test(String(node["Relation Name"])));
        expect({ text, scans: scans.length }).toEqual({ text, scans: 0 });
      }
    } finally {
      await store.close();
    }
  });
});
