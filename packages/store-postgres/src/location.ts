/** Where a log lives in PostgreSQL: the server, and the log's name inside the database. */
export interface PostgresLocation {
  /** The connection string handed to node-postgres, without Tertial's own `log` parameter. */
  readonly connectionString: string;
  /** The log's name: one database holds many logs, e.g. one per organisation. */
  readonly log: string;
  /** The location as shown in messages: the password left out. */
  readonly display: string;
}

export const DEFAULT_LOG = "default";

const LOG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

export class LocationError extends Error {}

/**
 * Reads `postgres://user:password@host:port/database?log=name` (or `postgresql://`). Every other
 * parameter (`host=/socket/dir`, `sslmode`, …) goes to node-postgres untouched.
 */
export const parsePostgresLocation = (location: string): PostgresLocation => {
  if (!isPostgresUrl(location)) throw new LocationError(`${location}: not a postgres:// or postgresql:// URL`);
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new LocationError(`${location}: not a valid URL`);
  }
  const log = url.searchParams.get("log") ?? DEFAULT_LOG;
  if (!LOG_NAME.test(log)) throw new LocationError(`log name "${log}" must be 1 to 200 letters, digits, ".", "_" or "-", starting with a letter or digit`);
  url.searchParams.delete("log");
  const connectionString = url.toString();
  const shown = new URL(connectionString);
  if (shown.password !== "") shown.password = "***";
  shown.searchParams.set("log", log);
  return { connectionString, log, display: shown.toString() };
};
