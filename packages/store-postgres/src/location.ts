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

const FORM = "postgres://user:password@host:port/database?log=name";
const SOCKET_FORM = "postgresql://user@/database?host=/var/run/postgresql";

/** Stands for an empty host while the URL is parsed: WHATWG URLs refuse credentials with no host, libpq reads them. */
const NO_HOST = "tertial-no-host.invalid";

/** The part between `//` and the path, and where the host starts and ends in the location. */
const authorityOf = (location: string): { host: string; port: string; hostStart: number; hostEnd: number } => {
  const start = location.indexOf("//") + 2;
  const rest = location.slice(start);
  const length = /^[^/?#]*/.exec(rest)?.[0].length ?? 0;
  const authority = rest.slice(0, length);
  const hostStart = authority.lastIndexOf("@") + 1;
  const hostAndPort = authority.slice(hostStart);
  const port = /^(?:\[[^\]]*\]|[^:]*)(:.*)?$/.exec(hostAndPort)?.[1] ?? "";
  return { host: hostAndPort.slice(0, hostAndPort.length - port.length), port, hostStart: start + hostStart, hostEnd: start + hostStart + hostAndPort.length - port.length };
};

/**
 * A location with no host: accepted when the host is given as a parameter (`?host=/socket/dir`,
 * as libpq and node-postgres read it), else refused with the reason. node-postgres would take a
 * missing host for localhost over TCP, where psql takes it for the default Unix socket: rather
 * than guess which was meant, the user is asked to say.
 */
const hostlessUrl = (location: string, hostStart: number, port: string): URL => {
  const withHost = `${location.slice(0, hostStart)}${NO_HOST}${location.slice(hostStart)}`;
  let url: URL;
  try {
    url = new URL(withHost);
  } catch {
    throw new LocationError(`${location}: not a valid URL (expected ${FORM})`);
  }
  if (!url.searchParams.has("host")) throw new LocationError(`${location}: names no host; give one (${FORM}) or a Unix socket directory as the host parameter (${SOCKET_FORM})`);
  if (port !== "") throw new LocationError(`${location}: has a port (${port.slice(1)}) but no host; with a socket directory, give the port as a parameter too (…?host=/var/run/postgresql&port=${port.slice(1)})`);
  return url;
};

/**
 * Reads `postgres://user:password@host:port/database?log=name` (or `postgresql://`). Every other
 * parameter (`host=/socket/dir`, `sslmode`, …) goes to node-postgres untouched. With no host in
 * the URL the host must be that parameter (see hostlessUrl).
 */
export const parsePostgresLocation = (location: string): PostgresLocation => {
  if (!isPostgresUrl(location)) throw new LocationError(`${location}: not a postgres:// or postgresql:// URL`);
  const { host, port, hostStart } = authorityOf(location);
  let url: URL;
  if (host === "") {
    url = hostlessUrl(location, hostStart, port);
  } else {
    try {
      url = new URL(location);
    } catch {
      throw new LocationError(`${location}: not a valid URL (expected ${FORM})`);
    }
  }
  const log = url.searchParams.get("log") ?? DEFAULT_LOG;
  if (!LOG_NAME.test(log)) throw new LocationError(`log name "${log}" must be 1 to 200 letters, digits, ".", "_" or "-", starting with a letter or digit`);
  url.searchParams.delete("log");
  // The placeholder goes again: node-postgres reads `user@/database` itself.
  const unplaced = (text: string): string => (host === "" ? text.replace(`@${NO_HOST}`, "@").replace(`//${NO_HOST}`, "//") : text);
  const connectionString = unplaced(url.toString());
  const shown = new URL(url.toString());
  if (shown.password !== "") shown.password = "***";
  shown.searchParams.set("log", log);
  return { connectionString, log, display: unplaced(shown.toString()) };
};
