import * as fc from "fast-check";
import { deserialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { AppendStateLearner, defaultCatalog, encodeAppendCore, learnLog, lineOf, memoryStore, type EventDraft, type EventSource, type StoredEvent } from "@tertial/core";
import { arbFoundationLog, buildLog } from "@tertial/core/testing";

const municipality = (id: string, name = `Kommun ${id}`): EventDraft => ({ id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name } });

/** A source over these events that counts how often it is read, whole or by type; it gives their lines' positions as a file of them would. */
const counted = (events: readonly StoredEvent[]): EventSource & { reads: number } => {
  const source = {
    reads: 0,
    readAfter: () => {
      source.reads += 1;
      let offset = 0;
      const positions = events.map((event) => {
        const end = offset + Buffer.byteLength(lineOf(event), "utf8") + 1;
        const position = `${offset}:${end}:${event.seq + 1}`;
        offset = end;
        return position;
      });
      return (async function* () {
        yield { events, positionAt: (index: number) => positions[index] ?? "" };
      })();
    },
    read: () => {
      source.reads += 1;
      return (async function* () {
        yield* events;
      })();
    },
    readTypes: (types: ReadonlySet<string>) => {
      source.reads += 1;
      return (async function* () {
        for (const event of events) if (types.has(event.type)) yield event;
      })();
    },
  };
  return source;
};

/** The events as a copy gives them back: each line parsed (keys in canonical order, as a store reads them). */
const readBack = (events: readonly StoredEvent[]): StoredEvent[] => events.map((event) => JSON.parse(lineOf(event)) as StoredEvent);

/**
 * The learner's state, taught the events as handed over (built in code: keys in any order), and
 * the one `learnLog` rebuilds from the copy, each in the bytes a store keeps.
 */
const bothStates = async (events: readonly StoredEvent[]) => {
  const learner = new AppendStateLearner(defaultCatalog, { ids: true });
  for (const event of events) learner.add(event);
  const copy = counted(readBack(events));
  const learnt = await learner.finish(copy);
  const rebuilt = await learnLog(counted(readBack(events)), defaultCatalog);
  // The rules' states as V8 writes them and reads them back: its bytes may tell a packed array from a
  // holey one (an optimised `map` makes either), which no state means, so the states are compared read back.
  const bytes = (state: typeof learnt) => ({ core: readBack8(encodeAppendCore(state!)), ids: state?.ids?.toBuffer().toString("hex"), contents: state?.contents?.toBuffer().toString("hex"), head: state?.head });
  return { learnt: bytes(learnt), rebuilt: bytes(rebuilt), reads: copy.reads };
};

const readBack8 = (encoded: Buffer | undefined): unknown => (encoded === undefined ? undefined : deserialize(encoded));

const logOf = async (drafts: readonly EventDraft[]): Promise<StoredEvent[]> => {
  const store = memoryStore({ catalog: defaultCatalog, clock: () => Date.UTC(2030, 0, 1) });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return [...store.events()];
};

describe("the append state learnt while a log is copied", () => {
  it("is the state learnLog rebuilds from the copy (property, corrections included)", async () => {
    await fc.assert(
      fc.asyncProperty(arbFoundationLog({ maxEvents: 24 }), async (script) => {
        const { events } = await buildLog(defaultCatalog, script);
        const { learnt, rebuilt } = await bothStates(events);
        expect(learnt.core).toBeDefined();
        expect(learnt).toEqual(rebuilt);
      }),
      { numRuns: 150 },
    );
  });

  it("reads the copy again only when a later event corrects a fact the rules learned, and is then still the rebuilt state", async () => {
    const plain = await logOf([municipality("a"), municipality("b"), { id: "r-x", type: "log.event-retracted", effectiveAt: "2017-01-01", retracts: "a", data: { reason: "test" } }].slice(0, 2));
    const once = await bothStates(plain);
    expect(once.reads).toBe(0);
    expect(once.learnt).toEqual(once.rebuilt);

    const corrected = await logOf([municipality("a"), municipality("b"), { ...municipality("a2", "Kommun A"), supersedes: "a" }, { id: "r-b", type: "log.event-retracted", effectiveAt: "2017-01-01", retracts: "b", data: { reason: "test" } }]);
    const twice = await bothStates(corrected);
    expect(twice.reads).toBe(1);
    expect(twice.learnt).toEqual(twice.rebuilt);
  });

  it("would differ from the rebuilt state without that second read: the check above can fail", async () => {
    const corrected = await logOf([municipality("a"), { ...municipality("a2", "Kommun A"), supersedes: "a" }]);
    const learner = new AppendStateLearner(defaultCatalog, { ids: false });
    for (const event of corrected) learner.add(event);
    // A copy that yields nothing: the rules learn no fact at all, unlike learnLog's.
    const learnt = await learner.finish({ read: () => (async function* () {})() });
    const rebuilt = await learnLog(counted(readBack(corrected)), defaultCatalog);
    expect(deserialize(encodeAppendCore(learnt!) ?? Buffer.alloc(0))).not.toEqual(deserialize(encodeAppendCore(rebuilt) ?? Buffer.alloc(0)));
  });

  it("learns nothing from events that are not one chain from seq 0 (a resumed copy)", async () => {
    const events = await logOf([municipality("a"), municipality("b")]);
    const learner = new AppendStateLearner(defaultCatalog, { ids: true });
    for (const event of events.slice(1)) learner.add(event);
    expect(await learner.finish(counted(events))).toBeUndefined();
  });
});
