import type { DomainEvent } from "../../events/envelope.js";
import { Decimal, toFixedString } from "../../numbers/decimal.js";
import { defineProjection } from "../../projection/projection.js";
import { isoDate, toCivil, type IsoDate } from "../../time/calendar.js";
import { effectiveDateOf } from "../../time/effective.js";
import { periodOf, tertialsEndingIn } from "../../time/period.js";
import { emptyDirectory, learnReference, rootOf, type Directory } from "../reference/directory.js";
import { PositionChanged, PositionClosed, PositionOpened, StaffingSnapshotRecorded } from "./events.js";
import { knownTerms, learnTerm, noDefinedTerms, type DefinedStaffTerms, type StaffTerm } from "./vocabulary.js";

interface PositionState {
  areaId: string;
  /** A built-in or defined employment form's id. */
  employmentForm: string;
  fte: string;
  /** A built-in or defined financing kind's id. */
  financing: string;
}

interface PositionStep extends Partial<PositionState> {
  from: string;
  seq: number;
  eventId: string;
}

interface PositionTimeline {
  steps: PositionStep[];
  /** The first staffed day; absent while only changes are known (an opening restated later in the log). */
  opened?: string;
  closed?: string;
}

interface Snapshot {
  eventId: string;
  total: string;
  byEmploymentForm?: Record<string, string>;
  byFinancing?: Record<string, string>;
  byArea?: Record<string, string>;
}

export interface StaffingState {
  directory: Directory;
  /** The employment forms and financing kinds the log defined, whatever their date: a definition is no fact of a period. */
  terms: DefinedStaffTerms;
  positions: Record<string, PositionTimeline>;
  snapshots: Record<string, Snapshot>;
  changes: StaffChange[];
}

export interface StaffChange {
  readonly date: string;
  readonly positionId: string;
  readonly kind: "opened" | "changed" | "closed";
  readonly eventId: string;
}

/** FTE at one date, as exact decimal strings with two decimals ("45.30"). */
export interface FteBreakdown {
  readonly asOf: string;
  /** Where the figure comes from: a recorded snapshot, or the positions in force that day. */
  readonly source: "snapshot" | "positions";
  readonly total: string;
  /** null where the facts do not say (a snapshot without that breakdown). */
  readonly byEmploymentForm: Readonly<Record<string, string>> | null;
  readonly byFinancing: Readonly<Record<string, string>> | null;
  readonly byArea: Readonly<Record<string, string>> | null;
  /** byArea rolled up to the top of the area tree (FoU-verksamhet, ledning och stab, övrig verksamhet). */
  readonly byAreaGroup: Readonly<Record<string, string>> | null;
  /** The events the figures rest on: the snapshot, or the position events in force. */
  readonly evidence: readonly string[];
  /**
   * From positions: the events behind each part (by employment form, financing, area and area
   * group), so a figure of one part cites only the positions counted in it. Absent for a snapshot,
   * which is one fact for every part.
   */
  readonly evidenceByPart?: {
    readonly form: Readonly<Record<string, readonly string[]>>;
    readonly financing: Readonly<Record<string, readonly string[]>>;
    readonly area: Readonly<Record<string, readonly string[]>>;
    readonly group: Readonly<Record<string, readonly string[]>>;
  };
}

export interface StaffingResult {
  readonly period: string;
  readonly atEnd: FteBreakdown | null;
  /** The table "Antal medarbetare och anställningsformer": each tertial end from the previous year's first. */
  readonly tertials: readonly { readonly tertial: string; readonly fte: FteBreakdown | null }[];
  readonly changes: readonly StaffChange[];
  /** Every employment form the log knows, in print order (built-in first, then defined); a table prints those its rows name. */
  readonly employmentForms: readonly StaffTerm[];
  /** Every staff financing kind the log knows, in print order (built-in first, then defined). */
  readonly financingKinds: readonly StaffTerm[];
}

const fixed = (value: Decimal): string => toFixedString(value, 2);

const addTo = (totals: Map<string, Decimal>, key: string, value: Decimal): void => {
  totals.set(key, (totals.get(key) ?? new Decimal(0)).plus(value));
};

const sortedRecord = (totals: Map<string, Decimal>): Record<string, string> =>
  Object.fromEntries([...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => [key, fixed(value)]));

const positionOn = (timeline: PositionTimeline, date: IsoDate): PositionState | undefined => {
  if (timeline.opened === undefined || date < timeline.opened) return undefined;
  if (timeline.closed !== undefined && timeline.closed < date) return undefined;
  const state: Partial<PositionState> = {};
  for (const step of timeline.steps) {
    if (step.from > date) break;
    Object.assign(state, Object.fromEntries(Object.entries(step).filter(([key]) => key !== "from" && key !== "seq" && key !== "eventId")));
  }
  return state.areaId === undefined || state.employmentForm === undefined || state.fte === undefined || state.financing === undefined ? undefined : (state as PositionState);
};

const rollUp = (directory: Directory, byArea: Readonly<Record<string, string>>): Record<string, string> => {
  const totals = new Map<string, Decimal>();
  for (const [areaId, fte] of Object.entries(byArea)) addTo(totals, rootOf(directory, areaId), new Decimal(fte));
  return sortedRecord(totals);
};

const citeIn = (cited: Record<string, string[]>, key: string, events: readonly string[]): void => {
  (cited[key] ??= []).push(...events);
};

const sortedLists = (cited: Record<string, string[]>): Record<string, readonly string[]> => Object.fromEntries(Object.entries(cited).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, events]) => [key, events.sort()]));

const fromPositions = (state: StaffingState, date: IsoDate): FteBreakdown | null => {
  const byForm = new Map<string, Decimal>();
  const byFinancing = new Map<string, Decimal>();
  const byArea = new Map<string, Decimal>();
  let total = new Decimal(0);
  const evidence: string[] = [];
  const cited = { form: {} as Record<string, string[]>, financing: {} as Record<string, string[]>, area: {} as Record<string, string[]>, group: {} as Record<string, string[]> };
  for (const timeline of Object.values(state.positions)) {
    const position = positionOn(timeline, date);
    if (position === undefined) continue;
    const events = timeline.steps.filter((step) => step.from <= date).map((step) => step.eventId);
    evidence.push(...events);
    citeIn(cited.form, position.employmentForm, events);
    citeIn(cited.financing, position.financing, events);
    citeIn(cited.area, position.areaId, events);
    citeIn(cited.group, rootOf(state.directory, position.areaId), events);
    const fte = new Decimal(position.fte);
    total = total.plus(fte);
    addTo(byForm, position.employmentForm, fte);
    addTo(byFinancing, position.financing, fte);
    addTo(byArea, position.areaId, fte);
  }
  if (evidence.length === 0) return null;
  const areas = sortedRecord(byArea);
  return {
    asOf: date,
    source: "positions",
    total: fixed(total),
    byEmploymentForm: sortedRecord(byForm),
    byFinancing: sortedRecord(byFinancing),
    byArea: areas,
    byAreaGroup: rollUp(state.directory, areas),
    evidence: evidence.sort(),
    evidenceByPart: { form: sortedLists(cited.form), financing: sortedLists(cited.financing), area: sortedLists(cited.area), group: sortedLists(cited.group) },
  };
};

const normalise = (parts: Readonly<Record<string, string>> | undefined): Record<string, string> | null =>
  parts === undefined ? null : sortedRecord(new Map(Object.entries(parts).map(([key, value]) => [key, new Decimal(value)])));

/** FTE at a date: the snapshot recorded for that date if there is one, else the positions in force. */
export const fteOn = (state: StaffingState, date: IsoDate): FteBreakdown | null => {
  const snapshot = state.snapshots[date];
  if (snapshot === undefined) return fromPositions(state, date);
  const byArea = normalise(snapshot.byArea);
  return {
    asOf: date,
    source: "snapshot",
    total: fixed(new Decimal(snapshot.total)),
    byEmploymentForm: normalise(snapshot.byEmploymentForm),
    byFinancing: normalise(snapshot.byFinancing),
    byArea,
    byAreaGroup: byArea === null ? null : rollUp(state.directory, byArea),
    evidence: [snapshot.eventId],
  };
};

const timelineOf = (state: StaffingState, positionId: string): PositionTimeline => {
  const timeline = state.positions[positionId] ?? { steps: [] };
  state.positions[positionId] = timeline;
  return timeline;
};

/** Keeps steps in date order; a change lands after the steps of its day, an opening before them. */
const insertStep = (timeline: PositionTimeline, step: PositionStep, opening = false): void => {
  const at = timeline.steps.findIndex((existing) => (opening ? existing.from >= step.from : existing.from > step.from));
  if (at === -1) timeline.steps.push(step);
  else timeline.steps.splice(at, 0, step);
};

const defined = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;

const evolveStaffing = (state: StaffingState, event: DomainEvent, periodStart: IsoDate, periodEnd: IsoDate): StaffingState => {
  learnTerm(state.terms, event);
  const date = effectiveDateOf(event.effectiveAt);
  if (date === undefined || date > periodEnd) return state;
  learnReference(state.directory, event);
  const noteChange = (positionId: string, kind: StaffChange["kind"]): void => {
    if (date >= periodStart) state.changes.push({ date, positionId, kind, eventId: event.id });
  };
  if (PositionOpened.is(event)) {
    // Merged, not replaced: an opening restated (superseded) later in the log keeps the changes
    // and the closing recorded before the correction.
    const { positionId, areaId, employmentForm, fte, financing } = event.data;
    const timeline = timelineOf(state, positionId);
    insertStep(timeline, { from: date, seq: event.seq, eventId: event.id, areaId, employmentForm, fte, financing }, true);
    timeline.opened = date;
    noteChange(positionId, "opened");
  } else if (PositionChanged.is(event)) {
    const { areaId, employmentForm, fte, financing } = event.data;
    insertStep(timelineOf(state, event.data.positionId), { from: date, seq: event.seq, eventId: event.id, ...defined({ areaId, employmentForm, fte, financing }) });
    noteChange(event.data.positionId, "changed");
  } else if (PositionClosed.is(event)) {
    timelineOf(state, event.data.positionId).closed = date;
    noteChange(event.data.positionId, "closed");
  } else if (StaffingSnapshotRecorded.is(event)) {
    const { total, byEmploymentForm, byFinancing, byArea } = event.data;
    state.snapshots[event.data.asOf] = { eventId: event.id, total, ...defined({ byEmploymentForm, byFinancing, byArea }) };
  }
  return state;
};

const byDateThenId = (a: StaffChange, b: StaffChange): number => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.positionId < b.positionId ? -1 : a.positionId > b.positionId ? 1 : 0);

/**
 * Staffing: FTE by employment form, financing and area on the period's last day (a stock),
 * the tertial-end table from the first tertial of the previous year, and the position changes
 * effective inside the period (a flow).
 */
export const staffingProjection = defineProjection<StaffingState, StaffingResult>({
  name: "staffing",
  description: "FTE (årsarbetare) by employment form, financing and area at the period's end; FTE at each tertial end since the previous year began; position changes in the period.",
  // 2: the state holds the employment forms and financing kinds the log defines.
  revision: 2,
  init: () => ({ directory: emptyDirectory(), terms: noDefinedTerms(), positions: {}, snapshots: {}, changes: [] }),
  evolve: (state, event, { period }) => evolveStaffing(state, event, period.start, period.end),
  result: (state, { period }) => {
    const fromPreviousYear = periodOf(isoDate(toCivil(period.end).year - 1, 1, 1), period.end);
    return {
      period: period.name,
      atEnd: fteOn(state, period.end),
      tertials: tertialsEndingIn(fromPreviousYear).map((tertial) => ({ tertial: tertial.name, fte: fteOn(state, tertial.end) })),
      changes: [...state.changes].sort(byDateThenId),
      employmentForms: knownTerms(state.terms, "employment-form"),
      financingKinds: knownTerms(state.terms, "financing"),
    };
  },
});
