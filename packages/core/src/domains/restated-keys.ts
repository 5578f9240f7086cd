import type { DomainEvent } from "../events/envelope.js";
import { issue, type Issue } from "../events/issues.js";

/**
 * A key a fact holds (a municipality's id, a goal's id) that no other fact may hold too, and who
 * holds it: the id of the event that established it.
 */
export interface HeldKey {
  /** What the key names, as an issue says it ("municipality", "focus area"). */
  readonly noun: string;
  /** What holding it is called ("established", "defined"). */
  readonly held: string;
  readonly key: string;
  /** The field of the new event that names the key ("data.municipalityId"). */
  readonly path: string;
}

/**
 * Whether an event may take a key, as the rules see the facts before it: `holder` is the event that
 * holds the key now (undefined when none does). A new fact may not take a held key: `taken` says so
 * in its rule's words. A correction is checked against the facts as they stand without the one it
 * supersedes, so it may restate that fact's key (append checks it while that fact is still known,
 * validate once it is forgotten: both see it as its own), never another fact's: a correction of
 * one fact that took another's key would silently delete the first and hold the second twice.
 */
export const heldKeyIssues = (holder: string | undefined, event: DomainEvent, held: HeldKey, taken: () => Issue[]): Issue[] => {
  if (holder === undefined || holder === event.supersedes) return [];
  if (event.supersedes === undefined) return taken();
  const target = event.supersedes;
  return [issue("conflict", held.path, `${held.noun} "${held.key}" is already ${held.held} by event ${holder}; a correction of ${target} may restate ${target}'s ${held.noun}, not another's`, { actual: held.key })];
};
