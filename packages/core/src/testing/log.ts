import * as fc from "fast-check";
import type { Catalog } from "../events/catalog.js";
import type { EventDraft, StoredEvent } from "../events/envelope.js";
import { EventRetracted } from "../corrections/correction-events.js";
import { memoryStore } from "../log/memory-store.js";
import { formatInstant, stockholmDateOf } from "../time/stockholm.js";

/** One draft of a generated log and the instant (epoch ms) the store's clock shows when it is appended. */
export interface ScriptEntry {
  readonly draft: EventDraft;
  readonly at: number;
}

/**
 * A generated history: drafts in the order they are appended, each with its own id and
 * recording instant. `buildLog` turns it into a real chained log through the memory store.
 */
export interface LogScript {
  readonly entries: readonly ScriptEntry[];
}

export interface LogArbitraryOptions {
  /** Drafts every log starts with (e.g. `referencePreamble()`), recorded one second apart. */
  readonly preamble?: readonly EventDraft[];
  /** The domain facts to draw from. */
  readonly draft: fc.Arbitrary<EventDraft>;
  /** How a supersede restates an earlier draft (`variant` varies it); without it, only retractions. */
  readonly restate?: (draft: EventDraft, variant: number) => EventDraft | undefined;
  /** At most this many drafts after the preamble (default 16): keep logs small so laws run fast. */
  readonly maxEvents?: number;
  /** Whether to mix in supersede and retract corrections (default true). */
  readonly corrections?: boolean;
}

/** First recording instants: an ordinary morning, and evenings before both clock changes. */
const STARTS = ["2020-09-01T06:00:00.000Z", "2020-10-24T20:30:00.000Z", "2021-03-27T21:30:00.000Z", "2020-12-31T22:59:59.000Z"].map((text) => Date.parse(text));

/** Gaps between recordings: none (same instant), a millisecond, minutes, hours, days. */
const arbGap = fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 1, max: 3_600_000 }), fc.integer({ min: 3_600_000, max: 3 * 86_400_000 }));

type Step =
  | { readonly kind: "fact"; readonly draft: EventDraft; readonly gap: number }
  | { readonly kind: "retract"; readonly target: number; readonly gap: number }
  | { readonly kind: "supersede"; readonly target: number; readonly variant: number; readonly gap: number };

const arbStep = (options: LogArbitraryOptions): fc.Arbitrary<Step> => {
  const fact = fc.record({ kind: fc.constant("fact" as const), draft: options.draft, gap: arbGap });
  if (options.corrections === false) return fact;
  return fc.oneof(
    { weight: 6, arbitrary: fact },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("retract" as const), target: fc.nat(), gap: arbGap }) },
    { weight: options.restate === undefined ? 0 : 2, arbitrary: fc.record({ kind: fc.constant("supersede" as const), target: fc.nat(), variant: fc.nat(), gap: arbGap }) },
  );
};

/** A retraction of an earlier event, as a draft. */
export const retractionOf = (target: Pick<StoredEvent, "id" | "effectiveAt">, id: string, reason = "felaktigt registrerad"): EventDraft => ({
  id,
  type: EventRetracted.type,
  effectiveAt: target.effectiveAt,
  retracts: target.id,
  data: { reason },
});

/** Corrections aim at the facts after the preamble when there are any (retracting the area tree is rarely interesting). */
const targetOf = (earlier: readonly ScriptEntry[], preambleLength: number, pick: number): EventDraft | undefined => {
  const facts = earlier.length - preambleLength;
  return (facts > 0 ? earlier[preambleLength + (pick % facts)] : earlier[pick % Math.max(earlier.length, 1)])?.draft;
};

const entryOf = (step: Step, index: number, earlier: readonly ScriptEntry[], preambleLength: number, restate: LogArbitraryOptions["restate"]): EventDraft | undefined => {
  const id = `e${index}`;
  if (step.kind === "fact") return { ...step.draft, id };
  const target = targetOf(earlier, preambleLength, step.target);
  if (target?.id === undefined) return undefined;
  if (step.kind === "retract") return retractionOf({ id: target.id, effectiveAt: target.effectiveAt }, id);
  const restated = restate?.(target, step.variant);
  return restated === undefined ? undefined : { ...restated, id, supersedes: target.id };
};

const toScript = (preamble: readonly EventDraft[], start: number, steps: readonly Step[], restate: LogArbitraryOptions["restate"]): LogScript => {
  const entries: ScriptEntry[] = preamble.map((draft, index) => ({ draft: { ...draft, id: draft.id ?? `pre${index}` }, at: start + index * 1000 }));
  let at = start + preamble.length * 1000;
  steps.forEach((step, index) => {
    at += step.gap;
    const draft = entryOf(step, index, entries, preamble.length, restate);
    if (draft !== undefined) entries.push({ draft, at });
  });
  return { entries };
};

/**
 * Whole logs: a preamble, then facts mixed with supersedes and retractions of earlier entries,
 * recorded at instants that sometimes coincide and sometimes straddle a Stockholm midnight or a
 * clock change. Drafts the real rules refuse are dropped by `buildLog`, so every log is valid.
 */
export const arbLogScript = (options: LogArbitraryOptions): fc.Arbitrary<LogScript> =>
  fc
    .tuple(fc.constantFrom(...STARTS), fc.array(arbStep(options), { maxLength: options.maxEvents ?? 16, size: "max" }))
    .map(([start, steps]) => toScript(options.preamble ?? [], start, steps, options.restate));

export interface BuiltLog {
  readonly events: readonly StoredEvent[];
  /** Ids of script drafts the store refused (rules, corrections of refused events). */
  readonly refused: readonly string[];
}

/**
 * Appends a script's drafts one by one to a memory store whose clock shows each entry's instant,
 * keeping what the store accepts. The same script always gives the same bytes.
 */
export const buildLog = async (catalog: Catalog, script: LogScript, initial: readonly StoredEvent[] = []): Promise<BuiltLog> => {
  let now = 0;
  let generated = 0;
  const store = memoryStore({ catalog, clock: () => now, newId: () => `generated-${(generated += 1)}` }, initial);
  const refused: string[] = [];
  for (const entry of script.entries) {
    now = entry.at;
    const outcome = await store.append([entry.draft]);
    if (!outcome.ok) refused.push(entry.draft.id ?? "?");
  }
  return { events: [...store.events()], refused };
};

/** Appends more drafts after a built log (one by one, from `at` on); throws if the store refuses one. */
export const appendAll = async (catalog: Catalog, events: readonly StoredEvent[], drafts: readonly EventDraft[], at: number): Promise<StoredEvent[] | undefined> => {
  const built = await buildLog(catalog, { entries: drafts.map((draft, index) => ({ draft, at: at + index })) }, events);
  return built.refused.length > 0 ? undefined : [...built.events];
};

/** Which known-at cut-off to ask about, resolved against a built log by `knownAtFor`. */
export interface KnownAtPick {
  readonly event: number;
  /** The event's own instant, one millisecond before it, the same instant written with +01:00, or its Stockholm date. */
  readonly form: "instant" | "just-before" | "offset" | "date";
}

export const arbKnownAtPick: fc.Arbitrary<KnownAtPick> = fc.record({ event: fc.nat(), form: fc.constantFrom("instant", "just-before", "offset", "date") });

const withOffset = (ms: number): string => `${formatInstant(ms + 3_600_000).slice(0, -1)}+01:00`;

/** A known-at text for a built log: cut-offs at, just before, or on the day of a recorded event. */
export const knownAtFor = (events: readonly StoredEvent[], pick: KnownAtPick): string | undefined => {
  const event = events[pick.event % Math.max(events.length, 1)];
  if (event === undefined) return undefined;
  const ms = Date.parse(event.recordedAt);
  switch (pick.form) {
    case "instant":
      return event.recordedAt;
    case "just-before":
      return formatInstant(ms - 1);
    case "offset":
      return withOffset(ms);
    case "date":
      return stockholmDateOf(ms);
  }
};

/** The draft an event was appended from: what a restatement starts from. */
export const draftOf = (event: StoredEvent): EventDraft => ({
  type: event.type,
  effectiveAt: event.effectiveAt,
  data: event.data,
  ...(event.source === undefined ? {} : { source: event.source }),
});
