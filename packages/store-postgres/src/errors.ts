// Apart from the store, so a command line can tell these errors apart without loading node-postgres for a file log.

/** `create` found the log already there: a database log is never overwritten. */
export class LogExistsError extends Error {}

/** The server could not be reached or refused us: a connection problem, not a bug. */
export class PostgresUnavailableError extends Error {}
