import * as fc from "fast-check";
import { deserialize } from "node:v8";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultCatalog, memoryStore, rulesFingerprint, sealed, type EventDraft, type StoredEvent } from "@tertial/core";
import { arbFoundationLog, buildLog } from "@tertial/core/testing";
import { postgresStore, type PostgresStore } from "@tertial/store-postgres";
import { freshLogUrl, withClient } from "./helpers.js";

const CLOCK = () => Date.UTC(2030, 0, 1);

interface StateRow {
  readonly head_seq: string;
  readonly head_hash: string;
  readonly rules_fingerprint: string;
  readonly state: Buffer;
}

const stateRow = (store: PostgresStore): Promise<StateRow | undefined> =>
  withClient(store, async (client) => (await client.query<StateRow>("SELECT head_seq, head_hash, rules_fingerprint, state FROM tertial_append_states WHERE log = $1", [store.location.log])).rows[0]);

const dropStateRow = (store: PostgresStore): Promise<void> =>
  withClient(store, async (client) => {
    await client.query("DELETE FROM tertial_append_states WHERE log = $1", [store.location.log]);
  });

const eventCount = (store: PostgresStore): Promise<number> =>
  withClient(store, async (client) => Number((await client.query<{ count: string }>("SELECT count(*) AS count FROM tertial_events WHERE log = $1", [store.location.log])).rows[0]?.count));

const municipality = (id: string, name = `Kommun ${id}`, municipalityId = id): EventDraft => ({ id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId, name } });

const open = (prefix: string): PostgresStore => postgresStore({ location: freshLogUrl(prefix), catalog: defaultCatalog, clock: CLOCK });

const each = async function* (events: readonly StoredEvent[]) {
  yield* events;
};

const logOf = async (drafts: readonly EventDraft[]): Promise<StoredEvent[]> => {
  const store = memoryStore({ catalog: defaultCatalog, clock: CLOCK });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return [...store.events()];
};

/**
 * The row a rebuild writes: the row dropped, then an append the rules refuse (an id reused with
 * other content), which learns the whole log and commits the state it learnt, head unchanged.
 */
const rebuiltRow = async (store: PostgresStore, reused: EventDraft): Promise<StateRow | undefined> => {
  await dropStateRow(store);
  const refused = await store.append([{ ...reused, data: { ...(reused.data as object), troublemaker: true } }]);
  expect(refused.ok).toBe(false);
  return stateRow(store);
};

describe("an import into PostgreSQL", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("writes the append state bound to its head, the state a rebuild writes (property, corrections included)", async () => {
    await fc.assert(
      fc.asyncProperty(arbFoundationLog({ maxEvents: 12 }), async (script) => {
        const { events } = await buildLog(defaultCatalog, script);
        const store = open("import-state");
        try {
          const outcome = await store.importEvents(each(events));
          expect(outcome.ok).toBe(true);
          const last = events[events.length - 1];
          const imported = await stateRow(store);
          expect([imported?.head_seq, imported?.head_hash, imported?.rules_fingerprint]).toEqual([String(last?.seq), last?.hash, rulesFingerprint(defaultCatalog)]);
          const rebuilt = await rebuiltRow(store, events[0] as EventDraft);
          // Compared as V8 reads them back: its bytes may tell a packed array from a holey one, which no state means.
          expect(deserialize(rebuilt?.state ?? Buffer.alloc(0))).toEqual(deserialize(imported?.state ?? Buffer.alloc(0)));
        } finally {
          await store.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it("leaves the first append reading no event rows but the head and the ids it names", async () => {
    const events = await logOf([...Array.from({ length: 300 }, (_, index) => municipality(`m${index}`)), { ...municipality("m0-again", "Kommun noll", "m0"), supersedes: "m0" }]);
    const store = open("import-state");
    try {
      expect((await store.importEvents(each(events))).ok).toBe(true);
      let rowsRead = 0;
      const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
      vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
        const result = query.apply(this, args);
        const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? "");
        if (/(FROM|JOIN) tertial_events\b/.test(text) && result instanceof Promise) result.then((found: pg.QueryResult) => (rowsRead += found.rows.length), () => undefined);
        return result;
      } as typeof pg.Client.prototype.query);
      const outcome = await store.append([municipality("m9"), municipality("new-1")]);
      expect(outcome.ok && outcome.appended.map((event) => event.id)).toEqual(["new-1"]);
      // The head (one row) and the one named id that exists (m9).
      expect(rowsRead).toBe(2);
      // The state learnt knows the correction: m0 may be established again, under its new name it is taken.
      expect((await store.append([municipality("m0-third", "Kommun noll", "m0")])).ok).toBe(false);
    } finally {
      await store.close();
    }
  });

  it("that fails leaves no state claiming a head the log does not have: the state of before, at the head of before", async () => {
    const events = await logOf(Array.from({ length: 10 }, (_, index) => municipality(`m${index}`)));
    const store = open("import-state-failed");
    try {
      await store.create();
      // A broken hash near the end: the import is refused, all of it.
      const broken = [...events.slice(0, 9), { ...(events[9] as StoredEvent), hash: "0".repeat(64) }];
      expect((await store.importEvents(each(broken))).ok).toBe(false);
      expect([await eventCount(store), await stateRow(store)]).toEqual([0, undefined]);
      // Interrupted: the events stop with an error mid-way (a source that fails, a killed reader).
      const interrupted = async function* () {
        yield* events.slice(0, 6);
        throw new Error("the source went away");
      };
      await expect(store.importEvents(interrupted())).rejects.toThrow("the source went away");
      expect([await eventCount(store), await stateRow(store)]).toEqual([0, undefined]);
      // Onto a log with a state: a failed resumed import leaves that state, still at the log's head.
      expect((await store.importEvents(each(events.slice(0, 4)))).ok).toBe(true);
      const before = await stateRow(store);
      expect(before?.head_hash).toBe(events[3]?.hash);
      const forked = sealed({ ...(events[4] as StoredEvent), id: "fork", prevHash: "f".repeat(64) });
      expect((await store.importEvents(each([...events.slice(0, 4), forked])).then((outcome) => outcome.ok))).toBe(false);
      expect(await stateRow(store)).toEqual(before);
      expect((await store.head()).hash).toBe(before?.head_hash);
    } finally {
      await store.close();
    }
  });

  it("that resumes learns the state from the source's copy of the prefix the target held: the rebuild's state, at the new head", async () => {
    const events = await logOf([...Array.from({ length: 6 }, (_, index) => municipality(`m${index}`)), { ...municipality("m1-again", "Kommun ett", "m1"), supersedes: "m1" }]);
    const store = open("import-state-resumed");
    try {
      expect((await store.importEvents(each(events.slice(0, 3)))).ok).toBe(true);
      expect((await stateRow(store))?.head_seq).toBe("2");
      const resumed = await store.importEvents(each(events));
      expect(resumed.ok && resumed.skipped).toBe(3);
      const learnt = await stateRow(store);
      expect([learnt?.head_seq, learnt?.head_hash]).toEqual(["6", events[6]?.hash]);
      const rebuilt = await rebuiltRow(store, events[0] as EventDraft);
      expect(deserialize(rebuilt?.state ?? Buffer.alloc(0))).toEqual(deserialize(learnt?.state ?? Buffer.alloc(0)));
    } finally {
      await store.close();
    }
  });

  it("that resumes from a source whose copy of the prefix does not chain drops the state; the first append rebuilds it, by the head check", async () => {
    const events = await logOf(Array.from({ length: 6 }, (_, index) => municipality(`m${index}`)));
    const store = open("import-state-resumed-unchained");
    try {
      expect((await store.importEvents(each(events.slice(0, 3)))).ok).toBe(true);
      // The source's event 1 was changed after sealing: its own chain is broken, though its head is the target's.
      const changed = [events[0], { ...(events[1] as StoredEvent), data: { municipalityId: "m1", name: "Ändrad" } }, ...events.slice(2)] as StoredEvent[];
      const resumed = await store.importEvents(each(changed));
      expect(resumed.ok && resumed.skipped).toBe(3);
      expect(await stateRow(store)).toBeUndefined();
      expect((await store.append([municipality("m1-again", "Kommun m1", "m1")])).ok).toBe(false);
      expect((await stateRow(store))?.head_seq).toBe("5");
    } finally {
      await store.close();
    }
  });
});
