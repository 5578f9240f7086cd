import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import type { PostgresStore } from "@tertial/store-postgres";

/** The test server's URL for a log of its own: every test gets a fresh log in the one database. */
export const freshLogUrl = (prefix = "test"): string => {
  const url = new URL(inject("postgresUrl"));
  url.searchParams.set("log", `${prefix}-${randomUUID()}`);
  return url.toString();
};

/** A connection of its own to a store's database, for a test to look at or change the tables. */
export const withClient = async <T>(store: Pick<PostgresStore, "location">, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: store.location.connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};
