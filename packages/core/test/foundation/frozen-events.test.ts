import { describe, expect, it } from "vitest";
import { defaultCatalog, defineProjection, fromArray, memoryStore, period, replay, type EventDraft, type StoredEvent } from "@tertial/core";

const municipality = (id: string): EventDraft => ({ id: `m-${id}`, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: id } });

/** A projection that writes into the events it is handed: the fault the freezing is there to catch. */
const shouting = defineProjection<string[], string[]>({
  name: "shouting",
  description: "names, changed in place",
  init: () => [],
  evolve: (names, event) => {
    const data = event.data as { name?: string };
    if (typeof data.name === "string") {
      data.name = `${data.name}!`;
      names.push(data.name);
    }
    return names;
  },
  result: (names) => names,
});

describe("events held in memory are frozen", () => {
  it("a projection that changes an event throws, and the store's events stay as appended", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    expect((await store.append([municipality("a")])).ok).toBe(true);
    await expect(replay(store, defaultCatalog, shouting, { period: period("2020") })).rejects.toThrow(TypeError);
    expect((store.events()[0]?.data as { name: string }).name).toBe("a");
  });

  it("the caller's drafts stay the caller's: not frozen, and changing them later changes nothing stored", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const draft = municipality("b");
    const outcome = await store.append([draft]);
    expect(Object.isFrozen(draft.data)).toBe(false);
    (draft.data as { name: string }).name = "changed";
    expect((store.events()[0]?.data as { name: string }).name).toBe("b");
    expect(outcome.ok && Object.isFrozen(outcome.appended[0]?.data)).toBe(true);
  });

  it("fromArray freezes the events it is given, so a law blames the projection, not the log", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    await store.append([municipality("c")]);
    const events = store.events().map((event) => structuredClone(event) as StoredEvent);
    await expect(replay(fromArray(events), defaultCatalog, shouting, { period: period("2020") })).rejects.toThrow(TypeError);
    expect((events[0]?.data as { name: string }).name).toBe("c");
  });
});
