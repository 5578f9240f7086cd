import { defaultCatalog, memoryStore, type EventDraft, type StoredEvent } from "@tertial/core";
import { referencePreamble } from "@tertial/core/testing";

/** A ticking clock: each reading is one second after the last. */
export const tickingClock = (start = Date.parse("2020-09-01T08:00:00.000Z")): (() => number) => {
  let now = start - 1000;
  return () => (now += 1000);
};

/** A memory store holding the reference preamble (municipalities aneby, eksjo, habo; areas fou, ovrig, fou-barn, fou-aldre). */
export const seededStore = async (clock = tickingClock()) => {
  const store = memoryStore({ catalog: defaultCatalog, clock, newId: () => "generated" });
  const outcome = await store.append(referencePreamble().map((draft, index) => ({ ...draft, id: `pre${index}` })));
  if (!outcome.ok) throw new Error("the preamble must append");
  return store;
};

export const opened = (id: string, positionId: string, effectiveAt: string, fte = "1.00", extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "staff.position-opened",
  effectiveAt,
  data: { positionId, areaId: "fou-barn", employmentForm: "tillsvidare", fte, financing: "grund" },
  ...extra,
});

export const changed = (id: string, positionId: string, effectiveAt: string, data: Record<string, string>, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "staff.position-changed",
  effectiveAt,
  data: { positionId, ...data },
  ...extra,
});

export const closed = (id: string, positionId: string, effectiveAt: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "staff.position-closed", effectiveAt, data: { positionId }, ...extra });

export const retraction = (id: string, target: string): EventDraft => ({ id, type: "log.event-retracted", effectiveAt: "2020-01-01", retracts: target, data: { reason: "fel" } });

export const ids = (events: readonly StoredEvent[]): string[] => events.map((event) => event.id);

/** The error a call is refused with: its class and message. */
export const refusal = async (call: () => Promise<unknown>): Promise<[string, string]> => {
  try {
    await call();
  } catch (error) {
    return [(error as Error).constructor.name, (error as Error).message];
  }
  throw new Error("the call was not refused");
};
