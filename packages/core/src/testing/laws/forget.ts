import { isDeepStrictEqual, inspect } from "node:util";
import * as fc from "fast-check";
import { decodeData } from "../../events/catalog.js";
import type { ConsistencyRule } from "../../events/consistency.js";
import type { DomainEvent } from "../../events/envelope.js";
import { buildLog, type LogScript } from "../log.js";
import { LawViolation, type LawSubject } from "./common.js";

/** The facts of a log a rule learns from, as append learns them: decoded, in log order, neither superseded nor retracted, no retraction. */
const factsFor = async (rule: ConsistencyRule<unknown>, subject: LawSubject, script: LogScript): Promise<DomainEvent[]> => {
  const { events } = await buildLog(subject.catalog, script);
  const removed = new Set(events.flatMap((event) => [event.supersedes, event.retracts].filter((id): id is string => id !== undefined)));
  return events.flatMap((event) => {
    if (event.retracts !== undefined || removed.has(event.id) || (rule.learnsFrom !== undefined && !rule.learnsFrom.includes(event.type))) return [];
    const decoded = decodeData(subject.catalog, event);
    return decoded.ok ? [decoded.event] : [];
  });
};

const learnt = (rule: ConsistencyRule<unknown>, facts: readonly DomainEvent[]): unknown => {
  const state = rule.init();
  for (const fact of facts) rule.learn(state, fact);
  return state;
};

/**
 * Forgetting is exact: after a rule learned a log's facts, `forget` of any one of them either says
 * it cannot (false) or leaves the state deeply equal (maps and sets by their entries, class
 * instances by their fields) to the state of learning every other fact in order. Append trusts a
 * `true` instead of starting the rule over, so a rule that forgets wrongly would judge later
 * events against facts that no longer count. Also checks that forgetting is tried at all: the law
 * fails when `forget` is absent.
 */
export const forgetLaw = (rule: ConsistencyRule<unknown>, subject: LawSubject): fc.IAsyncPropertyWithHooks<[LogScript, number]> =>
  fc.asyncProperty(subject.log, fc.nat(), async (script, pick) => {
    const forget = rule.forget;
    if (forget === undefined) throw new LawViolation(`forget: rule "${rule.name}" has no forget`);
    const facts = await factsFor(rule, subject, script);
    if (facts.length === 0) return;
    const index = pick % facts.length;
    const state = learnt(rule, facts);
    if (!forget(state, facts[index] as DomainEvent)) return;
    const expected = learnt(rule, [...facts.slice(0, index), ...facts.slice(index + 1)]);
    if (!isDeepStrictEqual(state, expected)) {
      throw new LawViolation(`forget: rule "${rule.name}" forgot ${(facts[index] as DomainEvent).id} inexactly\n  expected: ${inspect(expected, { depth: 4 }).slice(0, 1500)}\n  actual:   ${inspect(state, { depth: 4 }).slice(0, 1500)}`);
    }
  });
