import type { Catalog } from "../events/catalog.js";
import type { EventOf } from "../events/definition.js";
import { statedValue } from "./printed.js";
import type { FigureStated } from "./events.js";
import type { AuditFinding } from "./audit.js";

type Stated = EventOf<typeof FigureStated>;

/** One figure as a document names it: the same key, parameters (in one spelling) and period. */
const sameFigure = (stated: Stated, catalog: Catalog): string => {
  const source = catalog.figure(stated.data.figureKey);
  const params = source === undefined ? (stated.data.params ?? {}) : source.canonicalParams(stated.data.params ?? {});
  return JSON.stringify([stated.data.document, stated.data.figureKey, stated.data.period, Object.entries(params).sort()]);
};

const placeOf = (stated: Stated): string => [stated.data.section, stated.data.table, stated.data.label].filter((part) => part !== undefined).join(" › ");

/**
 * A document that prints one figure in two places with two values contradicts itself: where one
 * place agrees with the facts, that is the cause of the other's disagreement. Fills the cause of
 * such disagreements that have none; every other finding is returned as it was.
 */
export const explainContradictions = (findings: readonly AuditFinding[], stated: readonly Stated[], catalog: Catalog): AuditFinding[] => {
  const disagreeing = new Set(findings.filter((found) => found.kind === "disagreement").map((found) => found.statedEventId));
  const agreeing = new Map<string, Stated[]>();
  for (const event of stated) {
    if (disagreeing.has(event.id) || !statedValue(event.data).ok) continue;
    const key = sameFigure(event, catalog);
    agreeing.set(key, [...(agreeing.get(key) ?? []), event]);
  }
  const byId = new Map(stated.map((event) => [event.id, event]));
  return findings.map((found) => {
    const event = byId.get(found.statedEventId);
    if (found.kind !== "disagreement" || found.cause !== null || event === undefined) return found;
    const other = agreeing.get(sameFigure(event, catalog))?.find((candidate) => candidate.id !== event.id && candidate.data.printed.trim() !== event.data.printed.trim());
    if (other === undefined) return found;
    return { ...found, cause: `the document contradicts itself: ${placeOf(other)} prints ${other.data.printed} for the same figure, which the facts give` };
  });
};
