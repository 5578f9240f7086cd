import { defineRule } from "../../events/consistency.js";
import { issue, type Issue } from "../../events/issues.js";
import { Decimal, sum } from "../../numbers/decimal.js";
import { effectiveDateOf } from "../../time/effective.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { heldKeyIssues } from "../restated-keys.js";
import { EmploymentFormDefined, PositionChanged, PositionClosed, PositionOpened, StaffChangeRecorded, StaffFinancingDefined, StaffingSnapshotRecorded } from "./events.js";
import { definitionIn, staffDefinitionIssues, requireStaffTerm, type StaffVocabulary } from "./vocabulary.js";

interface StaffKnowledge {
  readonly references: KnownReferences;
  /** positionId → when it opened and closed, and the events opening and closing it: a correction may restate its own target's position, never another's. */
  readonly positions: Map<string, { opened: string; openedBy: string; closed?: string; closedBy?: string }>;
  /**
   * How many openings were learned for a position opened more than once (only those: the state is
   * saved with every append, and a log holds many positions). A position not here was opened once.
   */
  readonly reopened: Map<string, number>;
  /** The employment forms and financing kinds the log defined so far, by id, with the defining event. */
  readonly defined: Record<StaffVocabulary, Map<string, string>>;
}

/** Whether a breakdown's key names something the log knows: an area, or a term of one of the staff vocabularies. */
type KeyCheck = (key: string, path: string) => Issue[];

const breakdownIssues = (path: string, parts: Readonly<Record<string, string>> | undefined, total: string, checkKey: KeyCheck): Issue[] => {
  if (parts === undefined) return [];
  const found: Issue[] = [];
  for (const key of Object.keys(parts)) found.push(...checkKey(key, `${path}.${key}`));
  const added = sum(Object.values(parts).map((value) => new Decimal(value)));
  if (!added.equals(new Decimal(total))) found.push(issue("invalid-field", path, `adds up to ${added.toFixed()}, not to the total`, { expected: total, actual: added.toFixed() }));
  return found;
};

/**
 * Positions must be opened once, in a known area, before they change or close; snapshots must add
 * up; every employment form and financing kind a fact names is built in or defined earlier, and
 * each is defined once.
 */
export const staffIntegrity = defineRule<StaffKnowledge>({
  name: "staff-integrity",
  // 2: positions remembered which event opened them; 3: only positions opened more than once are counted;
  // 4: the state holds the employment forms and financing kinds the log defines; 5: the events opening and closing each position.
  revision: 5,
  learnsFrom: [...REFERENCE_FACTS, PositionOpened.type, PositionClosed.type, EmploymentFormDefined.type, StaffFinancingDefined.type],
  init: () => ({ references: new KnownReferences(), positions: new Map(), reopened: new Map(), defined: { "employment-form": new Map(), financing: new Map() } }),
  learn: (known, event) => {
    known.references.learn(event);
    const definition = definitionIn(event);
    if (definition !== undefined) known.defined[definition.vocabulary].set(definition.term.id, event.id);
    const date = effectiveDateOf(event.effectiveAt) ?? event.effectiveAt;
    if (PositionOpened.is(event)) {
      const { positionId } = event.data;
      if (known.positions.has(positionId)) known.reopened.set(positionId, (known.reopened.get(positionId) ?? 1) + 1);
      known.positions.set(positionId, { opened: date, openedBy: event.id });
    }
    if (PositionClosed.is(event)) {
      const position = known.positions.get(event.data.positionId);
      if (position !== undefined) {
        position.closed = date;
        position.closedBy = event.id;
      }
    }
  },
  // A restated position is forgotten when its opening is the only one learned (it is then the one
  // forgotten: only learned facts are): the position was unknown without it, and so was any
  // closing learned after it. Anything else starts over.
  forget: (known, event) => {
    if (!PositionOpened.is(event)) return false;
    const { positionId } = event.data;
    if (known.positions.get(positionId)?.openedBy !== event.id || known.reopened.has(positionId)) return false;
    known.positions.delete(positionId);
    return true;
  },
  check: (known, event) => {
    const date = effectiveDateOf(event.effectiveAt) ?? event.effectiveAt;
    const form: KeyCheck = (id, path) => requireStaffTerm("employment-form", known.defined["employment-form"], id, path);
    const financing: KeyCheck = (id, path) => requireStaffTerm("financing", known.defined.financing, id, path);
    const definition = definitionIn(event);
    if (definition !== undefined) {
      const { vocabulary, term } = definition;
      return staffDefinitionIssues(vocabulary, known.defined[vocabulary], term.id, event.supersedes, vocabulary === "financing" ? "data.kindId" : "data.formId");
    }
    if (PositionOpened.is(event)) {
      const found = [...known.references.requireArea(event.data.areaId, "data.areaId"), ...form(event.data.employmentForm, "data.employmentForm"), ...financing(event.data.financing, "data.financing")];
      const { positionId } = event.data;
      found.push(
        ...heldKeyIssues(known.positions.get(positionId)?.openedBy, event, { noun: "position", held: "opened", key: positionId, path: "data.positionId" }, () => [
          issue("conflict", "data.positionId", `position "${positionId}" is already open`),
        ]),
      );
      return found;
    }
    if (PositionChanged.is(event) || PositionClosed.is(event)) {
      const position = known.positions.get(event.data.positionId);
      if (position === undefined) return [issue("unknown-reference", "data.positionId", `unknown position "${event.data.positionId}"`, { expected: "a position opened earlier in the log" })];
      const found: Issue[] = [];
      if (date < position.opened) found.push(issue("invalid-field", "effectiveAt", `is before the position opened (${position.opened})`, { actual: event.effectiveAt }));
      const closed = (): Issue[] => (position.closed === undefined ? [] : [issue("conflict", "data.positionId", `position "${event.data.positionId}" closed on ${position.closed}`)]);
      // A change is no key: a correction of one may follow the closing. A closing is held once.
      if (PositionClosed.is(event)) found.push(...heldKeyIssues(position.closedBy, event, { noun: "position", held: "closed", key: event.data.positionId, path: "data.positionId" }, closed));
      else if (event.supersedes === undefined) found.push(...closed());
      if (PositionChanged.is(event)) {
        const { areaId, employmentForm, financing: kind } = event.data;
        if (areaId !== undefined) found.push(...known.references.requireArea(areaId, "data.areaId"));
        if (employmentForm !== undefined) found.push(...form(employmentForm, "data.employmentForm"));
        if (kind !== undefined) found.push(...financing(kind, "data.financing"));
      }
      return found;
    }
    if (StaffChangeRecorded.is(event)) {
      const { change, fromForm, employmentForm } = event.data;
      const found = [...known.references.requireArea(event.data.areaId, "data.areaId"), ...form(employmentForm, "data.employmentForm")];
      if (fromForm !== undefined) found.push(...form(fromForm, "data.fromForm"));
      if (change === "form-changed" && (fromForm === undefined || fromForm === employmentForm)) found.push(issue("invalid-field", "data.fromForm", "a change of employment form names the form it moved from, other than the new one", { expected: `a built-in or defined employment form other than "${employmentForm}"` }));
      if (change !== "form-changed" && fromForm !== undefined) found.push(issue("invalid-field", "data.fromForm", `is only for a change of employment form, not for "${change}"`));
      return found;
    }
    if (StaffingSnapshotRecorded.is(event)) {
      const found: Issue[] = [];
      if (event.data.asOf !== date) found.push(issue("invalid-field", "data.asOf", "must equal the event's effective date", { expected: date, actual: event.data.asOf }));
      found.push(...breakdownIssues("data.byEmploymentForm", event.data.byEmploymentForm, event.data.total, form));
      found.push(...breakdownIssues("data.byFinancing", event.data.byFinancing, event.data.total, financing));
      found.push(...breakdownIssues("data.byArea", event.data.byArea, event.data.total, (key, path) => known.references.requireArea(key, path)));
      return found;
    }
    return [];
  },
});
