import { randomUUID } from "node:crypto";
import { inject } from "vitest";

/** The test server's URL for a log of its own: every test gets a fresh log in the one database. */
export const freshLogUrl = (prefix = "test"): string => {
  const url = new URL(inject("postgresUrl"));
  url.searchParams.set("log", `${prefix}-${randomUUID()}`);
  return url.toString();
};
