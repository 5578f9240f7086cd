import pg from "pg";
import { describe, expect, it } from "vitest";
import { contentOf, defaultCatalog, fromArray, LogReadError, sealed, type EventDraft, type StoredEvent } from "@tertial/core";
import { conformanceDraft } from "@tertial/core/testing";
import { LocationError, migrate, parsePostgresLocation, poolConfig, postgresStore, type PostgresStore } from "@tertial/store-postgres";
import { fillContents } from "../src/contents.js";
import { freshLogUrl, withClient } from "./helpers.js";

const opened = async (url = freshLogUrl("store")): Promise<PostgresStore> => {
  const store = postgresStore({ location: url, catalog: defaultCatalog, pageSize: 3 });
  await store.create();
  return store;
};

const sql = async (store: PostgresStore, text: string, values: unknown[] = []): Promise<void> => {
  await withClient(store, (client) => client.query(text, values));
};

const collect = async (events: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> => {
  const out: StoredEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
};

const withEvents = async (count: number): Promise<PostgresStore> => {
  const store = await opened();
  const outcome = await store.append(Array.from({ length: count }, (_, index) => conformanceDraft(`e${index}`)));
  expect(outcome.ok).toBe(true);
  return store;
};

describe("locations", () => {
  it("take the log's name from ?log= and hide the password in what they show", () => {
    const location = parsePostgresLocation("postgres://bob:secret@db.example:5433/region?sslmode=require&log=eksjo");
    expect(location.log).toBe("eksjo");
    expect(location.connectionString).toBe("postgres://bob:secret@db.example:5433/region?sslmode=require");
    expect(location.display).toBe("postgres://bob:***@db.example:5433/region?sslmode=require&log=eksjo");
    expect(parsePostgresLocation("postgresql:///tertial?host=/run/postgresql").log).toBe("default");
  });

  it("with no host, take the host parameter (a Unix socket directory), user before it too, and otherwise say what is missing", () => {
    const socket = parsePostgresLocation("postgresql://tertial@/t?host=/run/postgresql&port=5433&log=x");
    expect(socket).toEqual({ connectionString: "postgresql://tertial@/t?host=%2Frun%2Fpostgresql&port=5433", log: "x", display: "postgresql://tertial@/t?host=%2Frun%2Fpostgresql&port=5433&log=x" });
    expect(parsePostgresLocation("postgres://bob:secret@/t?host=/run/postgresql").display).toBe("postgres://bob:***@/t?host=%2Frun%2Fpostgresql&log=default");
    const refusal = (location: string): string => {
      try {
        parsePostgresLocation(location);
      } catch (error) {
        expect(error).toBeInstanceOf(LocationError);
        return (error as Error).message;
      }
      throw new Error(`${location} was taken`);
    };
    const noHost = "names no host; give one (postgres://user:password@host:port/database?log=name) or a Unix socket directory as the host parameter (postgresql://user@/database?host=/var/run/postgresql)";
    expect(refusal("postgres:///db")).toBe(`postgres:///db: ${noHost}`);
    expect(refusal("postgres://:5432/db")).toBe(`postgres://:5432/db: ${noHost}`);
    expect(refusal("postgres://bob@/db")).toBe(`postgres://bob@/db: ${noHost}`);
    expect(refusal("postgres://bob@:5432/db?host=/run/postgresql")).toBe("postgres://bob@:5432/db?host=/run/postgresql: has a port (5432) but no host; with a socket directory, give the port as a parameter too (…?host=/var/run/postgresql&port=5432)");
    expect(refusal("postgres://db.example:99999/x")).toBe("postgres://db.example:99999/x: not a valid URL (expected postgres://user:password@host:port/database?log=name)");
  });

  it("refuse a log name that is not a plain name", () => {
    expect(() => parsePostgresLocation("postgres://db/x?log=a%20b")).toThrow(LocationError);
    expect(() => parsePostgresLocation("postgres://db/x?log=")).toThrow(LocationError);
  });
});

describe("the PostgreSQL store", () => {
  it("keeps many logs in one database apart: the same ids in two logs, two chains", async () => {
    const [first, second] = [await opened(), await opened()];
    try {
      expect((await first.append([conformanceDraft("same")])).ok).toBe(true);
      expect((await second.append([conformanceDraft("same"), conformanceDraft("other")])).ok).toBe(true);
      expect((await collect(first.read())).map((event) => event.id)).toEqual(["same"]);
      expect((await second.head()).seq).toBe(1);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it("creates its schema once, however many stores start at the same time", async () => {
    const stores = Array.from({ length: 5 }, () => postgresStore({ location: freshLogUrl("schema"), catalog: defaultCatalog }));
    try {
      await Promise.all(stores.map((store) => store.create()));
      const client = new pg.Client({ connectionString: stores[0]?.location.connectionString });
      await client.connect();
      try {
        await migrate(client);
        const versions = await client.query<{ version: number }>("SELECT version FROM tertial_schema_migrations ORDER BY version");
        // Each migration applied exactly once, in order: 1 (events), 2 (append states), 3 (snapshots), 4 (content fingerprints and types indexed), 5 (fingerprints filled), 6 (the rules' entries).
        expect(versions.rows.map((row) => row.version)).toEqual([1, 2, 3, 4, 5, 6]);
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it("reads across pages, from any seq", async () => {
    const store = await withEvents(10);
    try {
      expect((await collect(store.read())).map((event) => event.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect((await collect(store.read({ fromSeq: 7 }))).map((event) => event.id)).toEqual(["e7", "e8", "e9"]);
    } finally {
      await store.close();
    }
  });

  it("verify finds a deleted row, and a read stops at the gap", async () => {
    const store = await withEvents(8);
    try {
      await sql(store, "DELETE FROM tertial_events WHERE log = $1 AND seq = 4", [store.location.log]);
      const report = await store.verify(defaultCatalog);
      expect(report.issues.map((found) => [found.code, found.path])).toEqual([
        ["chain-broken", "seq"],
        ["chain-broken", "prevHash"],
      ]);
      await expect(collect(store.read())).rejects.toThrow(LogReadError);
    } finally {
      await store.close();
    }
  });

  it("verify finds a key column changed without its body", async () => {
    const store = await withEvents(3);
    try {
      await sql(store, "UPDATE tertial_events SET id = 'forged' WHERE log = $1 AND seq = 1", [store.location.log]);
      const report = await store.verify(defaultCatalog);
      expect(report.issues.map((found) => [found.code, found.path, found.line, found.actual])).toEqual([["chain-broken", "id", 2, "forged"]]);
    } finally {
      await store.close();
    }
  });

  it("import resumes onto a prefix of the same chain and refuses another chain", async () => {
    const source = await withEvents(6);
    const target = await opened();
    const other = await opened();
    try {
      const events = await collect(source.read());
      const first = await target.importEvents(fromArray(events.slice(0, 4)).read());
      expect(first.ok && [first.imported, first.skipped]).toEqual([4, 0]);
      const rest = await target.importEvents(source.read());
      expect(rest.ok && [rest.imported, rest.skipped, rest.head.hash]).toEqual([2, 4, events[5]?.hash]);
      expect(await collect(target.read())).toEqual(events);
      expect((await other.append([conformanceDraft("x")])).ok).toBe(true);
      const refused = await other.importEvents(source.read());
      expect(refused.ok ? [] : refused.issues.map((found) => found.code)).toEqual(["conflict"]);
      expect((await other.head()).seq).toBe(0);
    } finally {
      await Promise.all([source.close(), target.close(), other.close()]);
    }
  });

  it("refuses to import an event its catalog or the envelope refuses, at its line, importing nothing", async () => {
    const source = await withEvents(3);
    const target = await opened();
    try {
      const events = await collect(source.read());
      const resealed = events.map((event, index) => (index === 1 ? sealed({ ...event, prevHash: event.prevHash, data: { ...(event.data as object), name: 7 } }) : event));
      // The chain after the changed event no longer links; the check of its data comes first.
      const refused = await target.importEvents(fromArray(resealed).read());
      expect(refused.ok ? [] : refused.issues.map((found) => [found.code, found.path, found.line])).toEqual([["invalid-field", "data.name", 2]]);
      const notAnEvent = await target.importEvents((async function* () {
        yield {} as StoredEvent;
      })());
      expect(notAnEvent.ok ? [] : notAnEvent.issues.map((found) => found.line)).toEqual([1]);
      expect((await target.head()).seq).toBe(-1);
    } finally {
      await Promise.all([source.close(), target.close()]);
    }
  });

  it("hands a precondition the fingerprints of the batch it then writes", async () => {
    const store = await withEvents(1);
    try {
      let offered: readonly string[] | undefined;
      const drafts = [conformanceDraft("p-1"), conformanceDraft("p-2")].map(({ id: _id, ...draft }) => draft);
      const outcome = await store.append(drafts, {
        precondition: async (log) => {
          offered = log.batchContents?.();
          return [];
        },
      });
      expect(outcome.ok).toBe(true);
      expect(offered).toEqual((await collect(store.read())).slice(1).map(contentOf));
    } finally {
      await store.close();
    }
  });

  it("finds a batch appended before by its contents, fills the rows an earlier version wrote without them, and verify checks them", async () => {
    const store = await opened();
    const town = (id: string): EventDraft => ({ type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: `Kommun ${id}` } });
    const contentsOf = (drafts: readonly EventDraft[]): string[] => drafts.map((draft) => contentOf({ ...draft, schemaVersion: defaultCatalog.definition(draft.type)?.latest.version ?? 1 }));
    const unfilled = async (): Promise<number> =>
      withClient(store, async (client) => Number((await client.query<{ count: string }>("SELECT count(*) FROM tertial_events WHERE log = $1 AND content IS NULL", [store.location.log])).rows[0]?.count));
    try {
      const cost: EventDraft = { type: "finance.cost-booked", effectiveAt: "2020-04-30", data: { areaId: "fou", from: "2020-04-01", to: "2020-04-30", amount: "1000" } };
      const batch = [town("a"), cost];
      const area: EventDraft = { type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fou", name: "FoU" } };
      for (const drafts of [[area], batch, [town("y")], [cost]]) expect((await store.append(drafts)).ok).toBe(true);
      expect(await store.findContentRun?.(contentsOf(batch))).toEqual({ firstSeq: 1 });
      // The last run when there are several: the same cost stands at seq 2 and at seq 4.
      expect(await store.findContentRun?.(contentsOf([cost]))).toEqual({ firstSeq: 4 });
      expect(await store.findContentRun?.(contentsOf([...batch].reverse()))).toBeUndefined();
      expect(await store.findContentRun?.(contentsOf([...batch, town("y"), town("a"), town("z")]))).toBeUndefined();
      expect(await store.findContentRun?.([])).toBeUndefined();
      // Rows as an earlier version wrote them: without a fingerprint, a search cannot tell (the caller reads the log), until the migration fills them.
      await sql(store, "UPDATE tertial_events SET content = NULL WHERE log = $1 AND seq >= 2", [store.location.log]);
      expect((await store.verify(defaultCatalog)).issues).toEqual([]);
      expect(await store.findContentRun?.(contentsOf(batch))).toBe("unknown");
      expect(await unfilled()).toBe(3);
      await withClient(store, (client) => fillContents(client));
      expect(await unfilled()).toBe(0);
      expect(await store.findContentRun?.(contentsOf(batch))).toEqual({ firstSeq: 1 });
      expect(await store.findContentRun?.(contentsOf([cost]))).toEqual({ firstSeq: 4 });
      await sql(store, "UPDATE tertial_events SET content = 'forged' WHERE log = $1 AND seq = 2", [store.location.log]);
      expect((await store.verify(defaultCatalog)).issues.map((found) => [found.code, found.path, found.line, found.actual])).toEqual([["chain-broken", "content", 3, "forged"]]);
    } finally {
      await store.close();
    }
  });
});

describe("the store's connections", () => {
  const jitOf = async (connectionString: string): Promise<string | undefined> => {
    const client = new pg.Client(poolConfig(connectionString, 1));
    await client.connect();
    try {
      return (await client.query<{ jit: string }>("SHOW jit")).rows[0]?.jit;
    } finally {
      await client.end();
    }
  };

  it("run without JIT compilation, unless the URL's own options say otherwise", async () => {
    const { connectionString } = parsePostgresLocation(freshLogUrl("jit"));
    expect(await jitOf(connectionString)).toBe("off");
    const withOptions = new URL(connectionString);
    withOptions.searchParams.set("options", "-c jit=on");
    expect(await jitOf(withOptions.toString())).toBe("on");
  });
});
