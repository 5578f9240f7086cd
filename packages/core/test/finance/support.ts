import { resolve } from "node:path";
import { defaultCatalog, foldEvents, jsonlStore, memoryStore, period, replay, type DomainEvent, type EventDraft, type ProjectionOf } from "@tertial/core";

export const EXAMPLE_LOG = resolve(import.meta.dirname, "../../../../examples/kommunal-utveckling-2020/events.jsonl");

/**
 * The interim report as it could have been written: the example log also holds illustrative
 * corrections recorded later, which the printed figures cannot know.
 */
export const AS_PUBLISHED = "2020-10-15";

/** Replays one projection of the example log for a period, as known when the report was written. */
export const replayExample = async <R>(name: string, periodName: string): Promise<R> => {
  const projection = defaultCatalog.projection(name);
  if (projection === undefined) throw new Error(`no projection ${name}`);
  return (await replay(jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog }), defaultCatalog, projection, { period: period(periodName), knownAt: AS_PUBLISHED })) as R;
};

let counter = 0;

/** A decoded event as a projection sees it, for folding generated facts without a store. */
export const fact = (type: string, effectiveAt: string, data: unknown, id = `e${(counter += 1)}`): DomainEvent => ({
  id,
  type,
  schemaVersion: 1,
  effectiveAt,
  recordedAt: "2020-09-03T08:00:00.000Z",
  seq: counter,
  data,
  prevHash: "0".repeat(64),
  hash: "0".repeat(64),
});

/** A projection's result over the events for a period, typed by the projection. */
export const fold = <R>(projection: ProjectionOf<R>, events: readonly DomainEvent[], periodName: string): R => foldEvents(projection, events, { period: period(periodName) });

/** The reference data every bad-input test starts from. */
export const REFERENCE: EventDraft[] = [
  { id: "m-aneby", type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: "aneby", name: "Aneby" } },
  { id: "a-kok", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "kok", name: "Kurs och konferens", kind: "operation" } },
  { id: "a-fou", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fou", name: "FoUrum", kind: "partnership" } },
  { id: "f-forte", type: "reference.funder-established", effectiveAt: "2017-01-01", data: { funderId: "forte", name: "Forte", kind: "research-council" } },
];

/** A memory store holding the reference data, with a fixed clock. */
export const storeWithReference = async () => {
  const store = memoryStore({ catalog: defaultCatalog, clock: () => Date.UTC(2020, 8, 3) });
  const outcome = await store.append(REFERENCE);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return store;
};
