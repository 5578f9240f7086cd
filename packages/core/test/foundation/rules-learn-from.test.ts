import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeData, defaultCatalog, type ConsistencyRule, type DomainEvent, type StoredEvent } from "@tertial/core";
import { arbFoundationLog, buildLog } from "@tertial/core/testing";

/**
 * The law that makes `learnsFrom` safe to trust: an event of a type a rule does not declare
 * leaves the rule's state exactly as it was. Append relies on it to skip rebuilding the rules'
 * state when a batch corrects only such events (costs, attendance, figures).
 */

const EXAMPLE = resolve(import.meta.dirname, "../../../../examples/kommunal-utveckling-2020/events.jsonl");

/** The events that count as a log is appended to: decoded, neither retractions nor corrected. */
const counting = (events: readonly StoredEvent[]): DomainEvent[] => {
  const removed = new Set(events.flatMap((event) => [event.supersedes, event.retracts].filter((id): id is string => id !== undefined)));
  return events.flatMap((event) => {
    if (event.retracts !== undefined || removed.has(event.id)) return [];
    const decoded = decodeData(defaultCatalog, event);
    return decoded.ok ? [decoded.event] : [];
  });
};

/** A state as ordered plain data: Maps and Sets in insertion order, undefined kept apart from null. */
const snapshot = (value: unknown): unknown => {
  if (value instanceof Map) return { map: [...value].map(([key, item]) => [snapshot(key), snapshot(item)]) };
  if (value instanceof Set) return { set: [...value].map(snapshot) };
  if (Array.isArray(value)) return value.map(snapshot);
  if (value === undefined) return { undefined: true };
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, snapshot(item)]));
};
const frozen = (state: unknown): string => JSON.stringify(snapshot(state));

interface Material {
  /** Logs to learn realistic states from: the example, and generated reference and staff logs (positions opened, changed, closed). */
  readonly logs: readonly (readonly DomainEvent[])[];
  /** Data to put in probe events: every shape seen, the first and last of each type, and all of them merged into one. */
  readonly data: readonly unknown[];
}

const materialOf = async (): Promise<Material> => {
  const example = readFileSync(EXAMPLE, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as StoredEvent);
  const scripts = fc.sample(arbFoundationLog({ maxEvents: 40 }), { numRuns: 8, seed: 14 });
  const generated = await Promise.all(scripts.map(async (script) => counting((await buildLog(defaultCatalog, script)).events)));
  const logs = [counting(example), ...generated];
  const byType = new Map<string, unknown[]>();
  for (const event of logs.flat()) byType.set(event.type, [...(byType.get(event.type) ?? []), event.data]);
  const data = [...byType.values()].flatMap((list) => [list[0], list[list.length - 1]]);
  return { logs, data: [...data, Object.assign({}, ...data.filter((item): item is object => typeof item === "object"))] };
};

const learnt = (rule: ConsistencyRule<unknown>, log: readonly DomainEvent[]): unknown => {
  const state = rule.init();
  for (const event of log) rule.learn(state, event);
  return state;
};

const probe = (type: string, data: unknown, index: number): DomainEvent => ({
  id: `probe-${index}`,
  type,
  schemaVersion: defaultCatalog.definition(type)?.latest.version ?? 1,
  effectiveAt: "2020-06-30",
  recordedAt: "2030-01-01T00:00:00.000Z",
  seq: 1_000_000 + index,
  data,
  prevHash: "0".repeat(64),
  hash: "0".repeat(64),
});

/**
 * Whether learning events of this type (with every data shape of the material) changes the
 * rule's state learnt from some log. A learn that throws on data of a shape it did not expect
 * reads that data, so it counts as a change too.
 */
const changedBy = (rule: ConsistencyRule<unknown>, type: string, material: Material): boolean =>
  material.logs.some((log) => {
    const state = learnt(rule, log);
    const before = frozen(state);
    try {
      material.data.forEach((data, index) => rule.learn(state, probe(type, data, index)));
    } catch {
      return true;
    }
    return frozen(state) !== before;
  });

const types = defaultCatalog.definitions.map((definition) => definition.type);

describe("what a consistency rule declares it learns from (learnsFrom)", () => {
  let material: Material;
  beforeAll(async () => {
    material = await materialOf();
  }, 60_000);

  it("is declared by every built-in rule, naming only known event types", () => {
    for (const rule of defaultCatalog.rules) {
      expect(rule.learnsFrom, rule.name).toBeDefined();
      for (const type of rule.learnsFrom ?? []) expect(types, `${rule.name} learns from ${type}`).toContain(type);
    }
  });

  it("is all a rule learns from: events of every other type leave its state exactly as it was", () => {
    const violations = defaultCatalog.rules.flatMap((rule) => types.filter((type) => !(rule.learnsFrom ?? types).includes(type) && changedBy(rule, type, material)).map((type) => `${rule.name} learns from ${type}`));
    expect(violations).toEqual([]);
  });

  it("would catch a declaration that leaves a type out: learning each declared type changes some state", () => {
    const idle = defaultCatalog.rules.flatMap((rule) => (rule.learnsFrom ?? []).filter((type) => !changedBy(rule, type, material)).map((type) => `${rule.name}: ${type}`));
    expect(idle).toEqual([]);
  });

  it("learns realistic states: the example log leaves something in every rule that keeps facts", () => {
    for (const rule of defaultCatalog.rules) {
      const empty = frozen(rule.init());
      if ((rule.learnsFrom ?? types).length > 0) expect(frozen(learnt(rule, material.logs[0] ?? [])), rule.name).not.toBe(empty);
    }
  });
});
