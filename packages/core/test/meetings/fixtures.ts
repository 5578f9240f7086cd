import { defaultCatalog, memoryStore, type DomainEvent, type EventDraft } from "@tertial/core";

let counter = 0;

/** A decoded event for pure folds: the laws are stated on `foldEvents`, not on a store. */
export const domainEvent = (type: string, effectiveAt: string, data: unknown, id?: string): DomainEvent => {
  counter += 1;
  return { id: id ?? `e${counter}`, type, schemaVersion: 1, effectiveAt, recordedAt: "2020-09-01T00:00:00.000Z", seq: counter, data, prevHash: "0".repeat(64), hash: "0".repeat(64) };
};

export const MUNICIPALITIES = ["aneby", "eksjo", "habo"] as const;

/** Reference facts every test log starts from: three municipalities, two areas, a network with 3 kommun + 2 region seats. */
export const referenceDrafts = (): EventDraft[] => [
  ...MUNICIPALITIES.map((municipalityId) => ({ type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId, name: municipalityId } })),
  { type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fou", name: "FoU" } },
  { type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "aldre", name: "Äldre", parentId: "fou" } },
  {
    type: "reference.network-established",
    effectiveAt: "2017-01-01",
    data: {
      networkId: "net",
      name: "Nätverket",
      kind: "network",
      areaId: "aldre",
      seats: [...MUNICIPALITIES.map((municipalityId) => ({ seatId: municipalityId, side: "kommun", municipalityId })), { seatId: "r1", side: "region" }, { seatId: "r2", side: "region" }],
    },
  },
];

export const referenceEvents = (): DomainEvent[] => referenceDrafts().map((draft) => domainEvent(draft.type, draft.effectiveAt, draft.data));

/** A memory store holding the reference facts; the clock is fixed so nothing reads the time. */
export const storeWithReference = async () => {
  let tick = Date.UTC(2020, 8, 1);
  const store = memoryStore({ catalog: defaultCatalog, clock: () => (tick += 1000) });
  const outcome = await store.append(referenceDrafts());
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return store;
};

/** Appends one batch and returns its issues (empty when accepted) and how many events the store holds after. */
export const tryAppend = async (store: Awaited<ReturnType<typeof storeWithReference>>, drafts: EventDraft[]) => {
  const before = store.events().length;
  const outcome = await store.append(drafts);
  return { issues: outcome.ok ? [] : outcome.issues, appended: store.events().length - before };
};
