import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeData, defaultCatalog, initLog, jsonlStore, type ConsistencyRule, type DomainEvent, type EventDraft, type StoredEvent } from "@tertial/core";
import { referencePreamble } from "@tertial/core/testing";
import { useTempDir } from "./temp-dir.js";

/**
 * A fact held once (a study's completion, an application's decision) follows a fact that the log
 * may correct later (the study's start, the application's submission). The rules' state must keep
 * the first whichever order it meets the two in: append's rebuild learns the correction at its own
 * place, after the completion (a correction of a fact some rule learned from rebuilds the rules
 * unless they can forget it; so does a store whose saved state is gone), validate learns it in the
 * place of the fact it restates, before. Either way a second completion or decision is refused.
 */

interface Case {
  readonly rule: string;
  /** Facts the keyed fact needs (a funder for an application). */
  readonly setup: readonly EventDraft[];
  /** The fact a correction restates: a start, a submission. */
  readonly first: (id: string, extra?: Partial<EventDraft>) => EventDraft;
  /** The fact held once that follows it: a completion, a decision. */
  readonly once: (id: string, extra?: Partial<EventDraft>) => EventDraft;
  /** The issue refusing a second `once` where `held` holds it. */
  readonly again: (held: string) => { code: string; path: string; message: string };
}

const study = (id: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "research.study-started", effectiveAt: "2020-01-01", data: { studyId: "s", title: `Studie (${id})` }, ...extra });
const completion = (id: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "research.study-completed", effectiveAt: "2020-06-30", data: { studyId: "s", outcome: `Rapport (${id})` }, ...extra });
const forte: EventDraft = { id: "forte", type: "reference.funder-established", effectiveAt: "2017-01-01", data: { funderId: "forte", name: "Forte", kind: "region" } };
const submission = (id: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "grants.application-submitted", effectiveAt: "2020-03-01", data: { applicationId: "a", title: `Ansökan (${id})`, funderId: "forte", amount: "100000" }, ...extra });
const decision = (id: string, extra: Partial<EventDraft> = {}): EventDraft => ({ id, type: "grants.application-decided", effectiveAt: "2020-05-01", data: { applicationId: "a", decision: "rejected", note: `Beslut (${id})` }, ...extra });

const CASES: readonly Case[] = [
  { rule: "research-integrity", setup: [], first: study, once: completion, again: () => ({ code: "conflict", path: "data.studyId", message: `study "s" is already completed` }) },
  {
    rule: "grants-integrity",
    setup: [forte],
    first: submission,
    once: decision,
    again: (held) => ({ code: "conflict", path: "data.applicationId", message: `application "a" is already decided (event ${held}); supersede that decision to change it` }),
  },
];

const newDir = useTempDir();
const preamble = (): EventDraft[] => referencePreamble().map((draft, index) => ({ ...draft, id: `pre${index}` }));

const openLog = async () => {
  const path = join(await newDir(), "log.jsonl");
  await initLog(path);
  return { path, store: jsonlStore({ path, catalog: defaultCatalog }) };
};

const issuesOf = (outcome: { ok: true } | { ok: false; issues: readonly unknown[] }): readonly unknown[] => (outcome.ok ? [] : outcome.issues);

describe.each(CASES)("$rule, the restated fact corrected after the one held once", (rule) => {
  const restated = (): EventDraft => rule.first("f2", { supersedes: "f1" });
  const refusal = (draft: number) => [{ ...rule.again("o1"), eventId: "o2", draft }];

  it("refuses a second one from the state the correcting append left", async () => {
    const { path, store } = await openLog();
    expect(issuesOf(await store.append([...preamble(), ...rule.setup, rule.first("f1"), rule.once("o1")]))).toEqual([]);
    expect(issuesOf(await store.append([restated()]))).toEqual([]);
    expect(issuesOf(await store.append([rule.once("o2")]))).toEqual(refusal(1));
    // A store opening the log afresh, from the state saved beside it, says the same.
    expect(issuesOf(await jsonlStore({ path, catalog: defaultCatalog }).append([rule.once("o2")]))).toEqual(refusal(1));
  });

  it("refuses a second one once the saved append state is thrown away and rebuilt from the log", async () => {
    const { path, store } = await openLog();
    expect(issuesOf(await store.append([...preamble(), ...rule.setup, rule.first("f1"), rule.once("o1"), restated()]))).toEqual([]);
    await rm(`${path}.append-state`);
    expect(issuesOf(await jsonlStore({ path, catalog: defaultCatalog }).append([rule.once("o2")]))).toEqual(refusal(1));
  });

  it("refuses a second one in the batch that corrects", async () => {
    const { store } = await openLog();
    expect(issuesOf(await store.append([...preamble(), ...rule.setup, rule.first("f1"), rule.once("o1")]))).toEqual([]);
    expect(issuesOf(await store.append([restated(), rule.once("o2")]))).toEqual(refusal(2));
  });

  it("still takes a correction of the one held once, after the restated fact was corrected and the state rebuilt", async () => {
    const { path, store } = await openLog();
    expect(issuesOf(await store.append([...preamble(), ...rule.setup, rule.first("f1"), rule.once("o1"), restated()]))).toEqual([]);
    await rm(`${path}.append-state`);
    const again = jsonlStore({ path, catalog: defaultCatalog });
    expect(issuesOf(await again.append([rule.once("o2", { supersedes: "o1" })]))).toEqual([]);
    expect(issuesOf(await again.append([rule.once("o3")]))).toEqual([{ ...rule.again("o2"), eventId: "o3", draft: 1 }]);
  });
});

describe.each(CASES)("$rule, the legitimate flows", (rule) => {
  it("takes a correction before the one held once, then that one once", async () => {
    const { path, store } = await openLog();
    expect(issuesOf(await store.append([...preamble(), ...rule.setup, rule.first("f1")]))).toEqual([]);
    expect(issuesOf(await store.append([rule.first("f2", { supersedes: "f1" })]))).toEqual([]);
    await rm(`${path}.append-state`);
    const again = jsonlStore({ path, catalog: defaultCatalog });
    expect(issuesOf(await again.append([rule.once("o1")]))).toEqual([]);
    expect(issuesOf(await again.append([rule.once("o2")]))).toEqual([{ ...rule.again("o1"), eventId: "o2", draft: 1 }]);
  });

  it("takes the one held once, and a correction of it, in one batch and in two", async () => {
    const { store } = await openLog();
    expect(issuesOf(await store.append([...preamble(), ...rule.setup, rule.first("f1"), rule.once("o1"), rule.once("o2", { supersedes: "o1" })]))).toEqual([]);
    expect(issuesOf(await store.append([rule.once("o3", { supersedes: "o2" })]))).toEqual([]);
  });
});

/** The rule's state after learning these facts in this order. */
const ruleNamed = (name: string): ConsistencyRule<unknown> => {
  const found = defaultCatalog.rules.find((rule) => rule.name === name);
  if (found === undefined) throw new Error(`no rule ${name}`);
  return found;
};

const factsOf = (drafts: readonly EventDraft[]): DomainEvent[] =>
  drafts.map((draft, seq) => {
    const stored = { schemaVersion: 1, recordedAt: "2020-12-31T12:00:00.000Z", seq, prevHash: "", hash: "", ...draft } as StoredEvent;
    const decoded = decodeData(defaultCatalog, stored);
    if (!decoded.ok) throw new Error(`${draft.id}: ${JSON.stringify(decoded.issues)}`);
    return decoded.event;
  });

const learnt = (rule: ConsistencyRule<unknown>, facts: readonly DomainEvent[]): unknown => {
  const state = rule.init();
  for (const fact of facts) rule.learn(state, fact);
  return state;
};

describe.each(CASES)("$rule, learning a restatement in either place", (rule) => {
  const rules = ruleNamed(rule.rule);
  const [restated, once, second, onceCorrected] = factsOf([rule.first("f2", { supersedes: "f1" }), rule.once("o1"), rule.once("o2"), rule.once("o3", { supersedes: "o1" })]) as [DomainEvent, DomainEvent, DomainEvent, DomainEvent];
  const before = factsOf([...preamble(), ...rule.setup]);

  it("comes to the same state, which refuses a second one and takes a correction of the first", () => {
    // A rebuild learns the correction at its own place in the log; validate in the place of the fact it restates.
    const rebuilt = learnt(rules, [...before, once, restated]);
    const validated = learnt(rules, [...before, restated, once]);
    expect(rebuilt).toStrictEqual(validated);
    expect(rules.check(rebuilt, second)).toEqual([rule.again("o1")]);
    expect(rules.check(rebuilt, onceCorrected)).toEqual([]);
  });

  it("takes the correction at its own line as validate checks it: against the facts before it, without the fact it restates or itself", () => {
    expect(rules.check(learnt(rules, [...before, once]), restated)).toEqual([]);
  });
});
