import type { Catalog } from "../events/catalog.js";
import type { EventOf } from "../events/definition.js";
import type { DomainEvent } from "../events/envelope.js";
import { Decimal, toDecimalString } from "../numbers/decimal.js";
import { UNITS } from "../numbers/units.js";
import { foldIdentity, foldState, type AnyProjection, type DomainFold, type ProjectionContext } from "../projection/projection.js";
import { ProjectionResults } from "../projection/results.js";
import { isPeriodParseError, parsePeriod, type Period } from "../time/period.js";
import { agrees, likelyCause, printedForm, readingOf, showFigure, type Reading } from "./compare.js";
import { contradictionExplainer, disagreeingIds } from "./contradictions.js";
import { statedValue } from "./printed.js";
import { FigureStated } from "./events.js";
import type { ComputedFigure, FigureSource, ResultReader, RowCoverage } from "./figure-source.js";

type Stated = EventOf<typeof FigureStated>;

/** The stated number, strictly read; undefined for a blank cell or text the rules cannot read (reported on its own). */
const printedNumber = (stated: Stated): Decimal | undefined => {
  const reading = statedValue(stated.data);
  return reading.ok ? reading.value : undefined;
};

export type FindingKind =
  /** The printed value differs from the value the facts give. */
  | "disagreement"
  /** Two independent fact bases behind the figure disagree with each other. */
  | "facts-disagree"
  /** No domain can compute the figure key named. */
  | "unknown-figure"
  /** The printed text cannot be read unambiguously by the document's rules, and the event gives no reading ("12.5" in a Swedish document). */
  | "unreadable"
  /** A note, not a disagreement: printed parts do not add up to the printed total. */
  | "footing"
  /** A note, not a disagreement: a figure that could be set against the books of a closed year is not, because the facts do not say which of their amounts it is. */
  | "not-checked";

export interface AuditFinding {
  readonly kind: FindingKind;
  readonly statedEventId: string;
  readonly figureKey: string;
  readonly params: Readonly<Record<string, string>>;
  readonly period: string;
  readonly place: string;
  readonly printed: string;
  /** The computed value as the document would print it; null when the facts give none. */
  readonly computed: string | null;
  /** The exact computed value in the figure's base unit (kr, a ratio, a count). */
  readonly computedExact: string | null;
  /**
   * printed − computed, in the printed unit, when both are numbers; for a footing note, printed
   * total − sum of the printed parts; where two fact bases disagree, the figure's less the other's.
   * One sign everywhere.
   */
  readonly difference: string | null;
  readonly evidence: readonly string[];
  readonly derivation: string | null;
  readonly cause: string | null;
  readonly explanation: string;
}

export interface AuditReport {
  readonly period: string | null;
  readonly knownAt: string | null;
  readonly stated: number;
  /** Stated figures every check of which agreed with the facts. */
  readonly agreeing: number;
  /** Stated figures with no disagreement that the facts could not check (a "not checked" finding), counted apart from those that agree. */
  readonly unchecked: number;
  readonly disagreements: number;
  readonly notes: number;
  readonly findings: readonly AuditFinding[];
}

export interface AuditOptions {
  /** Audit only figures whose period overlaps this one; also tried as "another period" a printed value may be copied from. */
  readonly period?: Period;
  readonly knownAt?: string;
}

const overlaps = (left: Period, right: Period): boolean => left.start <= right.end && right.start <= left.end;

const placeOf = (stated: Stated): string => [stated.data.document, stated.data.section, stated.data.table, stated.data.label].filter((part) => part !== undefined).join(" › ");

/** A domain fold's state for a period: folded from events in memory, or taken from a streamed pass. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FoldStates = (fold: DomainFold<any>, period: Period, context: ProjectionContext) => unknown;

/**
 * Computes figures from the same events: each domain fold once per period (every money table
 * shares the finance ledger), each projection's result once per period.
 */
export class FigureComputer {
  private readonly states = new Map<string, unknown>();
  private readonly results = new Map<string, ProjectionResults>();
  private readonly foldStates: FoldStates;

  constructor(
    events: readonly DomainEvent[] | FoldStates,
    private readonly knownAt: string | undefined,
  ) {
    this.foldStates = typeof events === "function" ? events : (fold, _period, context) => foldState(fold, events, context);
  }

  private contextOf(period: Period): ProjectionContext {
    return this.knownAt === undefined ? { period } : { period, knownAt: this.knownAt };
  }

  private stateOf(projection: AnyProjection, period: Period): unknown {
    const fold = foldIdentity(projection);
    const key = `${fold.name}\u0000${period.name}`;
    if (!this.states.has(key)) this.states.set(key, this.foldStates(fold, period, this.contextOf(period)));
    return this.states.get(key);
  }

  private readerOf(period: Period): ResultReader {
    const results = this.results.get(period.name) ?? new ProjectionResults();
    this.results.set(period.name, results);
    return (projection) => results.memo(projection, () => projection.result(this.stateOf(projection, period), this.contextOf(period)));
  }

  compute(source: FigureSource, params: Readonly<Record<string, string>>, period: Period): ComputedFigure | undefined {
    return source.evaluate(this.readerOf(period), params);
  }

  /** The rows the figure's table has for the period, when the figure can list them. */
  rows(source: FigureSource, period: Period): readonly string[] | undefined {
    return source.rows?.(this.readerOf(period));
  }
}

interface Check {
  readonly stated: Stated;
  readonly period: Period;
  readonly reading: Reading;
  readonly figure: ComputedFigure | undefined;
  /** The same figure for other periods the printed value may have been copied from; computed only when needed. */
  readonly elsewhere: () => readonly { readonly period: Period; readonly figure: ComputedFigure | undefined }[];
}

const finding = (check: Check, kind: FindingKind, explanation: string, extra: Partial<AuditFinding> = {}): AuditFinding => {
  const { stated, figure, reading } = check;
  const printed = printedNumber(stated);
  const rounded = figure === undefined || figure.text !== undefined ? undefined : printedForm(figure.exact, reading);
  return {
    kind,
    statedEventId: stated.id,
    figureKey: stated.data.figureKey,
    params: stated.data.params ?? {},
    period: check.period.name,
    place: placeOf(stated),
    printed: stated.data.printed,
    computed: figure === undefined ? null : figure.text ?? showFigure(figure.exact, reading),
    computedExact: figure === undefined || figure.text !== undefined ? null : toDecimalString(figure.exact),
    difference: printed === undefined || rounded === undefined ? null : toDecimalString(printed.minus(rounded)),
    evidence: figure?.evidence ?? [],
    derivation: figure?.derivation ?? null,
    cause: null,
    explanation,
    ...extra,
  };
};

const periodCopiedFrom = (check: Check, printed: Decimal) =>
  check.elsewhere().find(({ figure }) => figure !== undefined && figure.text === undefined && agrees(printed, figure, check.reading));

const otherPeriodCause = (check: Check, printed: Decimal): string | undefined => {
  const other = periodCopiedFrom(check, printed);
  return other === undefined ? undefined : `copied from another period: it is the figure for ${other.period.name}, not for ${check.period.name}`;
};

const compareText = (check: Check, figure: ComputedFigure & { text: string }): AuditFinding[] =>
  figure.text === check.stated.data.printed.trim() ? [] : [finding(check, "disagreement", `printed "${check.stated.data.printed}", the facts give "${figure.text}"`)];

const compareNumber = (check: Check, figure: ComputedFigure): AuditFinding[] => {
  const printed = printedNumber(check.stated);
  // A document may leave a zero cell blank; a blank is only wrong where the facts give a non-zero value.
  if (printed === undefined) return figure.exact.isZero() ? [] : [finding(check, "disagreement", `the cell is blank, but the facts give ${showFigure(figure.exact, check.reading)}`, { cause: "a blank where a value exists" })];
  if (agrees(printed, figure, check.reading)) return [];
  const cause = likelyCause(printed, figure, check.reading) ?? otherPeriodCause(check, printed);
  return [finding(check, "disagreement", `printed ${check.stated.data.printed}, the facts give ${showFigure(figure.exact, check.reading)}`, cause === undefined ? {} : { cause })];
};

/** Where two fact bases disagree: the figure's less the other's, each as the document would print it (the printed value plays no part). */
const basesDifference = (figure: Decimal, other: Decimal, check: Check): string | null => {
  const [own, theirs] = [printedForm(figure, check.reading), printedForm(other, check.reading)];
  return own === undefined || theirs === undefined ? null : toDecimalString(own.minus(theirs));
};

const conflictsOf = (check: Check, figure: ComputedFigure): AuditFinding[] =>
  (figure.conflicts ?? []).map((conflict) => {
    const known = new Set(figure.evidence);
    return finding(check, "facts-disagree", `${conflict.cause}: ${showFigure(conflict.exact, check.reading)} against ${showFigure(figure.exact, check.reading)}`, {
      evidence: [...figure.evidence, ...conflict.evidence.filter((id) => !known.has(id))],
      cause: "two fact bases for the same amount disagree",
      difference: basesDifference(figure.exact, conflict.exact, check),
    });
  });

/** Whether a cross-check's other figure is still open at the audit's cut-off (its facts not yet complete). */
const stillOpen = (knownAt: string | undefined, closedAfter: string): boolean => knownAt !== undefined && knownAt.slice(0, 10) <= closedAfter;

/**
 * A figure that names another figure for the same amount (`crossChecks`) is set against it once
 * the other's facts are complete as known at the cut-off: when the two differ by more than their
 * rounding allows, the two fact bases disagree, and the finding names both numbers and the events
 * behind each.
 */
const crossChecked = (check: Check, figure: ComputedFigure, computer: FigureComputer, catalog: Catalog, knownAt: string | undefined): AuditFinding[] =>
  (figure.crossChecks ?? []).flatMap((cross) => {
    const source = catalog.figure(cross.figureKey);
    const period = parsePeriod(cross.period);
    if (source === undefined || isPeriodParseError(period) || stillOpen(knownAt, cross.closedAfter)) return [];
    const other = computer.compute(source, cross.params, period);
    if (other === undefined || other.text !== undefined) return [];
    if (cross.unchecked !== undefined) return [finding(check, "not-checked", `${cross.cause}: not checked against the books, ${cross.unchecked}`, { evidence: figure.evidence, cause: null, difference: null })];
    const slack = (figure.uncertainty ?? new Decimal(0)).plus(other.uncertainty ?? 0);
    if (figure.exact.minus(other.exact).abs().lessThanOrEqualTo(slack)) return [];
    const known = new Set(figure.evidence);
    const named = `${cross.figureKey}${Object.keys(cross.params).length === 0 ? "" : ` ${Object.entries(cross.params).map(([key, value]) => `${key}=${value}`).join(" ")}`} for ${cross.period}`;
    return [
      finding(check, "facts-disagree", `${cross.cause}: the figure gives ${showFigure(figure.exact, check.reading)} (${figure.evidence.join(", ") || "no events"}), ${named} gives ${showFigure(other.exact, check.reading)} (${other.evidence.join(", ") || "no events"})`, {
        evidence: [...figure.evidence, ...other.evidence.filter((id) => !known.has(id))],
        cause: "two fact bases for the same amount disagree",
        difference: basesDifference(figure.exact, other.exact, check),
      }),
    ];
  });

/** One row of another table that the figure's table has no row for, with the amount its facts give the row. */
const leftOut = (check: Check, figure: ComputedFigure, coverage: RowCoverage, row: string, other: ComputedFigure): AuditFinding => {
  const known = new Set(figure.evidence);
  const amount = printedForm(other.exact, check.reading);
  return finding(check, "facts-disagree", `${coverage.cause}: ${coverage.figureKey} ${coverage.over}=${row} for ${coverage.period} gives ${showFigure(other.exact, check.reading)} (${other.evidence.join(", ") || "no events"}), and the figure's table has no row for ${row}`, {
    evidence: [...figure.evidence, ...other.evidence.filter((id) => !known.has(id))],
    cause: `a row the other table has is left out: ${row}`,
    // What the figure lacks for the row left out: the one base less the other, as for any two bases that disagree.
    difference: amount === undefined ? null : toDecimalString(amount.negated()),
  });
};

/**
 * A figure that names the rows another table should have (`coverage`) is set against that
 * table's rows once their facts are complete: each row it leaves out whose amount is not zero
 * (beyond what rounding allows) is a finding, naming the row, its amount and the events behind it.
 */
const uncovered = (check: Check, figure: ComputedFigure, computer: FigureComputer, catalog: Catalog, knownAt: string | undefined): AuditFinding[] =>
  (figure.coverage ?? []).flatMap((coverage) => {
    const source = catalog.figure(coverage.figureKey);
    const period = parsePeriod(coverage.period);
    if (source === undefined || isPeriodParseError(period) || stillOpen(knownAt, coverage.closedAfter)) return [];
    const has = new Set(coverage.has);
    return (computer.rows(source, period) ?? [])
      .filter((row) => !has.has(row))
      .flatMap((row) => {
        const other = computer.compute(source, { [coverage.over]: row }, period);
        if (other === undefined || other.text !== undefined || other.exact.abs().lessThanOrEqualTo(other.uncertainty ?? 0)) return [];
        return [leftOut(check, figure, coverage, row, other)];
      });
  });

const checkOne = (check: Check): AuditFinding[] => {
  const { figure, stated } = check;
  const reading = stated.data.unit === "text" ? undefined : statedValue(stated.data);
  if (reading !== undefined && !reading.ok) return [finding(check, "unreadable", `${reading.message}; it is not compared (record the value as read in \`read\`)`, { cause: "printed text the document's rules cannot read unambiguously" })];
  if (figure === undefined) {
    const printed = printedNumber(stated);
    if (stated.data.printed.trim() === "") return [];
    const cause = printed === undefined ? undefined : otherPeriodCause(check, printed);
    const copiedFrom = printed === undefined ? undefined : periodCopiedFrom(check, printed);
    return [finding(check, "disagreement", `printed ${stated.data.printed}, but no facts give this figure for ${check.period.name}`, { cause: cause ?? "a printed value with no facts behind it", evidence: copiedFrom?.figure?.evidence ?? [] })];
  }
  const compared = figure.text !== undefined ? compareText(check, figure as ComputedFigure & { text: string }) : compareNumber(check, figure);
  return [...compared, ...conflictsOf(check, figure)];
};

/** Printed parts of one table and their printed total. */
interface FootingGroup {
  readonly name: string;
  readonly total: Check | undefined;
  readonly parts: readonly Check[];
}

/** Groups the encoder tied by hand (`footing`), for parts and totals the figures cannot relate (another figure's total). */
const tiedGroups = (checks: readonly Check[]): FootingGroup[] => {
  const groups = new Map<string, Check[]>();
  for (const check of checks) {
    const group = check.stated.data.footing?.group;
    if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), check]);
  }
  return [...groups].map(([name, members]) => ({
    name,
    total: members.find((check) => check.stated.data.footing?.role === "total"),
    parts: members.filter((check) => check.stated.data.footing?.role === "part"),
  }));
};

const withoutParam = (params: Readonly<Record<string, string>>, name: string): Record<string, string> => Object.fromEntries(Object.entries(params).filter(([key]) => key !== name));

/**
 * Groups read from the table structure: stated figures of one table, one figure key, period and
 * unit that differ only in a parameter the figure declares as adding up (Tabell 1's rows, a
 * breakdown by employment form), with the row where it is the total. No hand ties needed.
 */
const tableGroups = (checks: readonly Check[], catalog: Catalog): FootingGroup[] => {
  const groups = new Map<string, { name: string; total: Check | undefined; parts: Check[] }>();
  for (const check of checks) {
    const data = check.stated.data;
    const source = catalog.figure(data.figureKey);
    if (data.footing !== undefined || data.table === undefined || data.unit === "text" || source === undefined) continue;
    const params = source.canonicalParams(data.params ?? {});
    for (const dimension of source.footing) {
      const rest = withoutParam(params, dimension.over);
      if (dimension.alone === true && Object.keys(rest).length > 0) continue;
      if (source.footing.some((other) => other.over !== dimension.over && rest[other.over] !== undefined)) continue;
      const value = params[dimension.over];
      const isTotal = dimension.total === undefined ? value === undefined : value === dimension.total;
      if (value === undefined && !isTotal) continue;
      const key = [data.document, data.table, data.figureKey, check.period.name, data.unit, JSON.stringify(data.rounding ?? null), JSON.stringify(Object.entries(rest).sort()), dimension.over].join("\u0000");
      const group = groups.get(key) ?? { name: `${data.table}: ${data.figureKey} by ${dimension.over}`, total: undefined, parts: [] };
      if (isTotal) group.total = check;
      else group.parts.push(check);
      groups.set(key, group);
    }
  }
  return [...groups.values()].filter((group) => group.parts.length >= 2);
};

/** Printed parts of a column should add up to its printed total; when rounding makes them not, say so. */
const footingNotes = (groups: readonly FootingGroup[]): AuditFinding[] => {
  const notes: AuditFinding[] = [];
  for (const { name: group, total, parts } of groups) {
    const printedTotal = total === undefined ? undefined : printedNumber(total.stated);
    if (total === undefined || printedTotal === undefined) continue;
    const partSum = parts.reduce((sum, check) => sum.plus(printedNumber(check.stated) ?? 0), new Decimal(0));
    if (partSum.equals(printedTotal)) continue;
    // Here the "computed" side is the sum of the printed parts, so the difference keeps the one sign convention: printed − computed.
    const partsInBase = total.reading.unit === "text" ? partSum : partSum.dividedBy(UNITS[total.reading.unit].scale);
    notes.push(
      finding(total, "footing", `the printed parts of "${group}" add up to ${partSum.toFixed()}, the printed total is ${total.stated.data.printed}: each part is rounded on its own, so rounded parts need not add up to the total`, {
        computed: showFigure(partsInBase, total.reading),
        computedExact: null,
        derivation: `sum of the ${parts.length} printed parts: ${parts.map((part) => part.stated.data.printed).join(" + ")}`,
        cause: "rounded parts do not add up to the rounded total",
        difference: toDecimalString(printedTotal.minus(partSum)),
      }),
    );
  }
  return notes;
};

/** The distinct periods each document states figures for, parsed once. */
const periodsByDocument = (stated: readonly Stated[]): Map<string, Period[]> => {
  const out = new Map<string, Period[]>();
  for (const event of stated) {
    const parsed = parsePeriod(event.data.period);
    if (isPeriodParseError(parsed)) continue;
    const periods = out.get(event.data.document) ?? [];
    if (!periods.some((known) => known.name === parsed.name)) periods.push(parsed);
    out.set(event.data.document, periods);
  }
  return out;
};

/**
 * Periods a printed value may have been copied from: the audited period, and the periods of the
 * same document's other figures that enclose this one (a "first half-year" figure that is really
 * the January–August one).
 */
const otherPeriods = (own: Period, documentPeriods: readonly Period[], audited: Period | undefined): Period[] => {
  const enclosing = documentPeriods.filter((candidate) => candidate.start <= own.start && own.end <= candidate.end);
  const out: Period[] = [];
  for (const candidate of [...(audited === undefined ? [] : [audited]), ...enclosing]) {
    if (candidate.name !== own.name && !out.some((known) => known.name === candidate.name)) out.push(candidate);
  }
  return out;
};

/** An audit's counts: what its output says before the findings. */
export type AuditSummary = Omit<AuditReport, "findings">;

/**
 * The findings, one by one, in the order the audit reports them: each stated figure's checks in
 * log order, then the footing notes. Keeps the stated figures' checks (for the footing groups),
 * never the findings; the caller may write each and drop it.
 */
export function* auditFindings(stated: readonly Stated[], computer: FigureComputer, catalog: Catalog, options: AuditOptions = {}): Generator<AuditFinding> {
  const documentPeriods = periodsByDocument(stated);
  const checks: Check[] = [];
  for (const event of stated) {
    const period = parsePeriod(event.data.period);
    if (isPeriodParseError(period) || (options.period !== undefined && !overlaps(period, options.period))) continue;
    const reading = readingOf(event.data.unit, event.data.rounding);
    const source = catalog.figure(event.data.figureKey);
    const params = event.data.params ?? {};
    if (source === undefined) {
      const check: Check = { stated: event, period, reading, figure: undefined, elsewhere: () => [] };
      checks.push(check);
      yield finding(check, "unknown-figure", `no domain computes the figure "${event.data.figureKey}"`);
      continue;
    }
    const unknown = source.unknownParams(params);
    if (unknown.length > 0) {
      // Never drop a parameter silently: the figure without it is another figure (a total, not a row).
      const check: Check = { stated: event, period, reading, figure: undefined, elsewhere: () => [] };
      checks.push(check);
      const takes = Object.keys(source.params);
      yield finding(check, "unknown-figure", `the figure "${source.key}" takes no parameter ${unknown.map((name) => `"${name}"`).join(", ")} (it takes ${takes.length === 0 ? "none" : takes.join(", ")}; see tertial figures ${source.key})`);
      continue;
    }
    const check: Check = {
      stated: event,
      period,
      reading,
      figure: computer.compute(source, params, period),
      elsewhere: () => otherPeriods(period, documentPeriods.get(event.data.document) ?? [], options.period).map((other) => ({ period: other, figure: computer.compute(source, params, other) })),
    };
    // Only the groups need a check after its findings; the others are dropped with their computed figures.
    checks.push(event.data.footing !== undefined || event.data.table !== undefined ? check : { ...check, figure: undefined });
    yield* checkOne(check);
    if (check.figure !== undefined) yield* crossChecked(check, check.figure, computer, catalog, options.knownAt);
    if (check.figure !== undefined) yield* uncovered(check, check.figure, computer, catalog, options.knownAt);
  }
  yield* footingNotes([...tiedGroups(checks), ...tableGroups(checks, catalog)]);
}

/** The counts of a run of the findings, without keeping them. */
export const summarise = (findings: Iterable<AuditFinding>, stated: readonly Stated[], options: AuditOptions = {}): AuditSummary => {
  const disagreeing = new Set<string>();
  const notChecked = new Set<string>();
  let disagreements = 0;
  let notes = 0;
  for (const found of findings) {
    if (found.kind === "not-checked") notChecked.add(found.statedEventId);
    if (found.kind === "footing" || found.kind === "not-checked") notes += 1;
    else {
      disagreements += 1;
      disagreeing.add(found.statedEventId);
    }
  }
  const checked = stated.filter((event) => {
    const period = parsePeriod(event.data.period);
    return !isPeriodParseError(period) && (options.period === undefined || overlaps(period, options.period));
  }).length;
  const unchecked = [...notChecked].filter((id) => !disagreeing.has(id)).length;
  return { period: options.period?.name ?? null, knownAt: options.knownAt ?? null, stated: checked, agreeing: checked - disagreeing.size - unchecked, unchecked, disagreements, notes };
};

const statedOf = (events: readonly DomainEvent[]): Stated[] => events.filter((event): event is Stated => FigureStated.is(event));

/**
 * Checks every stated figure against the figure computed from the facts, and explains each
 * disagreement. Pure: the caller hands in the events that count (as known at the cut-off).
 * For a log too long to hold, `auditLog` (audit-stream.ts) streams the same findings.
 */
export const auditStatedFigures = (events: readonly DomainEvent[], catalog: Catalog, options: AuditOptions = {}): AuditReport => {
  const computer = new FigureComputer(events, options.knownAt);
  const stated = statedOf(events);
  const found = [...auditFindings(stated, computer, catalog, options)];
  const findings = found.map(contradictionExplainer(disagreeingIds(found), stated, catalog));
  return { ...summarise(findings, stated, options), findings };
};
