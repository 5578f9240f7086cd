import { auditStatedFigures, countingEvents, defaultCatalog, generateReport, jsonlStore, period, reportFiguresOf, type DomainEvent } from "@tertial/core";
const LOG = "examples/kommunal-utveckling-2020/events.jsonl";
const events: DomainEvent[] = [];
for await (const e of countingEvents(jsonlStore({ path: LOG, catalog: defaultCatalog }), defaultCatalog, "2020-10-15")) events.push(e);
const audit = auditStatedFigures(events, defaultCatalog, { period: period("2020-T1..T2"), knownAt: "2020-10-15" });
const listed = new Set(audit.findings.map((f) => f.statedEventId));
const { document } = await generateReport(jsonlStore({ path: LOG, catalog: defaultCatalog }), defaultCatalog, { kind: "delarsrapport", period: period("2020-T1..T2"), knownAt: "2020-10-15", generatedBy: "x" });
const idOf = (key: string, params: Record<string, string>, p: string) => `${key}|${JSON.stringify(Object.entries(params).sort())}|${p}`;
const defined = new Set([...reportFiguresOf(document).values()].flatMap((e) => (e.figure.definition === undefined ? [] : [idOf(e.figure.definition.key, e.figure.definition.params, e.figure.definition.period)])));
const byKey: Record<string, [number, number]> = {};
for (const e of events) {
  if (e.type !== "reconciliation.figure-stated" || listed.has(e.id)) continue;
  const d = e.data as { figureKey: string; params?: Record<string, string>; period: string; table?: string; printed: string; unit: string };
  if (d.table === undefined || d.printed === "" || d.unit === "text") continue;
  const hit = defined.has(idOf(d.figureKey, d.params ?? {}, d.period));
  const entry = (byKey[d.figureKey] ??= [0, 0]);
  entry[hit ? 0 : 1] += 1;
  if (!hit && d.figureKey.startsWith("staffing")) console.log("miss", e.id, JSON.stringify(d.params), d.period);
}
console.log(byKey);
