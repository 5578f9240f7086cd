import { dec, sum } from "../../numbers/decimal.js";
import { defineProjection } from "../../projection/projection.js";
import { defineFigure, type FigureSource } from "../../reconciliation/figure-source.js";
import { effectiveDateOf } from "../../time/effective.js";
import { StaffChangeRecorded } from "./events.js";

export interface RecordedStaffChange {
  readonly date: string;
  readonly areaId: string;
  readonly change: string;
  readonly fte: string;
  readonly employmentForm: string;
  readonly project: string | null;
  readonly eventId: string;
}

export interface StaffChangesResult {
  readonly start: string;
  readonly end: string;
  /** Every change effective by the period's end, oldest first; a figure picks its window. */
  readonly changes: readonly RecordedStaffChange[];
}

/** Recorded staffing changes up to the period's end ("Förändring av tjänster under aktuell period"). */
export const staffChangesProjection = defineProjection<{ changes: RecordedStaffChange[] }, StaffChangesResult>({
  name: "staff-changes",
  description: "Staffing changes (FTE added, ended, moved between employment forms) effective by the period's end.",
  init: () => ({ changes: [] }),
  evolve: (state, event, { period }) => {
    const date = effectiveDateOf(event.effectiveAt);
    if (!StaffChangeRecorded.is(event) || date === undefined || date > period.end) return state;
    const { areaId, change, fte, employmentForm, project } = event.data;
    state.changes.push({ date, areaId, change, fte, employmentForm, project: project ?? null, eventId: event.id });
    return state;
  },
  result: (state, { period }) => ({ start: period.start, end: period.end, changes: [...state.changes].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) }),
});

/** FTE of the recorded changes that match, summed: "utökats med 0,50 årsarbetare", "rekryterades 3,75 årsarbetare". */
export const staffChangeFteFigure = defineFigure(staffChangesProjection, {
  key: "staffing.change-fte",
  description: "Årsarbetare of the staffing changes recorded in a window (default the period): added, ended or moved between forms, for an area, project or employment form.",
  params: {
    change: "added, ended or form-changed",
    area: "only changes in this area",
    project: "only changes for this project",
    form: "only changes to this employment form",
    from: "first day of the window (default the period's start)",
    to: "last day of the window (default the period's end)",
  },
  unit: "fte",
  example: { change: "added", area: "missbruk-och-beroende" },
  compute: (result, params) => {
    const from = params.from ?? result.start;
    const to = params.to ?? result.end;
    const matching = result.changes.filter(
      (entry) =>
        entry.date >= from &&
        entry.date <= to &&
        (params.change === undefined || entry.change === params.change) &&
        (params.area === undefined || entry.areaId === params.area) &&
        (params.project === undefined || entry.project === params.project) &&
        (params.form === undefined || entry.employmentForm === params.form),
    );
    if (matching.length === 0) return undefined;
    return { exact: sum(matching.map((entry) => dec(entry.fte))), evidence: matching.map((entry) => entry.eventId), derivation: `${matching.length} staffing change(s) ${from}..${to}` };
  },
});

export const staffChangeFigures: readonly FigureSource[] = [staffChangeFteFigure];
