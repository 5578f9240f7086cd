import { describe, expect, it } from "vitest";
import { auditLog, auditStatedFigures, countingEvents, defaultCatalog, jsonlStore, period, type AuditFinding, type AuditOptions, type DomainEvent } from "@tertial/core";
import { AS_PUBLISHED, EXAMPLE_LOG } from "../finance/support.js";

const store = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });

const eventsAt = async (knownAt: string | undefined): Promise<DomainEvent[]> => {
  const events: DomainEvent[] = [];
  for await (const event of countingEvents(store, defaultCatalog, knownAt)) events.push(event);
  return events;
};

const CASES: readonly AuditOptions[] = [{}, { period: period("2020-T1..T2"), knownAt: AS_PUBLISHED }, { period: period("2020") }, { knownAt: "2020-09-22" }];

describe("the streamed audit of a log", () => {
  it.each(CASES.map((options) => [JSON.stringify(options), options] as const))("gives the same counts and findings, in the same order, as the audit of the events in memory (%s)", async (_name, options) => {
    const whole = auditStatedFigures(await eventsAt(options.knownAt), defaultCatalog, options);
    const streamed = await auditLog(store, defaultCatalog, options);
    const findings: AuditFinding[] = [];
    for await (const found of streamed.findings()) findings.push(found);
    const { findings: expected, ...summary } = whole;
    expect(streamed.summary).toEqual(summary);
    expect(findings).toEqual(expected);
    expect(findings.length).toBeGreaterThan(0);
  });
});
