/**
 * `@tertial/store-postgres`: Tertial's EventStore on PostgreSQL, through node-postgres. Same
 * envelope, canonical JSON and SHA-256 chain as the JSONL store, so a log moves between the two
 * with identical hashes; many logs (organisations) per database; appends serialised per log.
 */
export * from "./location.js";
export * from "./store.js";
export type { EventRow } from "./rows.js";
export { migrate } from "./schema.js";
