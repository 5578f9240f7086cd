import type { CoursesResult } from "../../domains/courses/projections.js";
import { coursesProjection } from "../../domains/courses/projections.js";
import { referenceProjection } from "../../domains/reference/projection.js";
import { publicationProjection } from "../../domains/publication/publication.js";
import type { ReportBlock, ReportChart, ReportTable } from "../document/blocks.js";
import { coursesCancelled, coursesHeld, coursesHeldChange, coursesHeldDecrease, coursesParticipants, coursesParticipantsChange, coursesParticipantsDecrease, coursesParticipantShare } from "../../domains/courses/figures.js";
import { Decimal } from "../../numbers/decimal.js";
import type { FigureDefinition } from "../../reconciliation/figure-source.js";
import type { ReportPeriodChoice } from "../replay-many.js";
import { blankCell, definedCell, definedFigure, headerRow, row, table, textCell } from "./cells.js";
import { nothing, resultOf, type BuiltSection, type ReportBuildContext, defineSection } from "./context.js";
import { bySwedishName, namer } from "./names.js";
import { monthSpanLabel } from "./kinds.js";
import { arrangedBy, courseArrangerName } from "./course-arranger.js";
import { period as parsePeriod, periodOf } from "../../time/period.js";
import type { CoursePeriodCounts } from "../../domains/courses/period-counts.js";
import type { IsoDate } from "../../time/calendar.js";

/** The months the counts cover, as the recorded summaries say (januari–juni), not the report's period. */
const spanOf = (counts: CoursePeriodCounts): string => {
  const covers = counts.participants?.covers;
  return monthSpanLabel(covers === undefined ? parsePeriod(counts.period) : periodOf(covers.from as IsoDate, covers.to as IsoDate));
};

const counted = (key: string, period: ReportPeriodChoice = "report") => ({ key, unit: "count" as const, period });

/**
 * The row of participants from the region (`participants.region`): named as the log names that
 * region, the only funder of kind "region", or among several the one the profile names as the
 * responsible body (its short name, "RJL", if it has one); else "Regionen".
 */
const regionLabel = (context: ReportBuildContext): string => {
  const regions = (resultOf(context, referenceProjection)?.funders ?? []).filter((funder) => funder.kind === "region");
  const responsible = resultOf(context, publicationProjection)?.profile?.responsibleBody;
  const region = regions.length === 1 ? regions[0] : regions.find((funder) => funder.name === responsible);
  return region === undefined ? "Regionen" : (region.shortName ?? region.name);
};

const participantsTable = (context: ReportBuildContext, result: CoursesResult, name: (id: string) => string, arranger: string | null): ReportTable | null => {
  const participants = result.current.participants;
  if (participants === null) return null;
  const key = (part: string): string => `courses.participants@${result.current.period}/${part}`;
  const share = (id: string) => definedCell(context, coursesParticipantShare, { origin: id }, { key: key(`share=${id}`), unit: "percent", options: { withSuffix: false } });
  const municipalities = Object.entries(participants.byMunicipality).sort(bySwedishName(([id]) => name(id)));
  const others = [
    { id: "region", label: regionLabel(context), value: participants.region },
    { id: "external", label: "Externa deltagare", value: participants.external },
  ].filter((entry) => entry.value !== null);
  return table({
    id: "bilaga-2-deltagare",
    caption: `Deltagande på kurser${arrangedBy(arranger)} under ${spanOf(result.current)}, fördelat på länets kommuner`,
    align: ["left", "right", "right"],
    head: [row([textCell(""), textCell("Antal deltagare"), textCell("Procent (%)", ["¹"])])],
    body: [
      ...municipalities.map(([id]) => row([textCell(name(id)), definedCell(context, coursesParticipants, { origin: id }, counted(key(`municipality=${id}`))), share(id)])),
      ...others.map((entry) => row([textCell(entry.label), definedCell(context, coursesParticipants, { origin: entry.id }, counted(key(entry.id))), share(entry.id)])),
    ],
    foot: [row([textCell("Summa"), definedCell(context, coursesParticipants, {}, counted(key("total"))), blankCell()])],
    footnotes: [{ mark: "¹", markdown: "I förhållande till totala antalet kursdeltagare." }],
  });
};

/** Courses the log names no commissioning party for: counted in a row of their own, last. */
const NO_COMMISSIONER = "unknown";

const commissionersTable = (context: ReportBuildContext, result: CoursesResult, partyName: (id: string) => string): ReportTable | null => {
  const byCommissioner = result.current.heldByCommissioner;
  if (byCommissioner === null || Object.keys(byCommissioner).length === 0) return null;
  const key = (part: string): string => `courses.held@${result.current.period}/${part}`;
  const name = (id: string): string => (id === NO_COMMISSIONER ? "Uppdragsgivare ej angiven" : partyName(id));
  const last = (id: string): number => (id === NO_COMMISSIONER ? 1 : 0);
  return table({
    id: "bilaga-2-uppdrag",
    caption: "Antal kurser/arrangemang fördelat per uppdragsgivare",
    align: ["left", "right"],
    head: [headerRow(["", "Antal uppdrag"])],
    body: Object.entries(byCommissioner)
      .sort(bySwedishName(([id]) => name(id)))
      .sort(([a], [b]) => last(a) - last(b))
      .map(([id]) => row([textCell(name(id)), definedCell(context, coursesHeld, { commissioner: id }, counted(key(`commissioner=${id}`)))])),
    foot: [row([textCell("Summa"), definedCell(context, coursesHeld, {}, counted(key("total")))])],
  });
};

/** This period and the same period last year, each through the figure for its own period. */
const summaryTable = (context: ReportBuildContext, result: CoursesResult): ReportTable | null => {
  const { current, samePeriodLastYear: before } = result;
  if (current.held === null && current.cancelled === null && current.participants === null) return null;
  const key = (what: string, period: string): string => `courses.${what}@${period}`;
  // Headed as a decrease, as the first organisation prints it, while nothing grew; where something grew, as the change it is (an increase positive).
  const grew = [result.heldChange, result.participantsChange].some((change) => change !== null && new Decimal(change).isPositive() && !new Decimal(change).isZero());
  const [heading, held, participants, part] = grew ? ["Förändring", coursesHeldChange, coursesParticipantsChange, "change"] : ["Minskning", coursesHeldDecrease, coursesParticipantsDecrease, "decrease"];
  const line = <P extends string>(label: string, what: string, figure: FigureDefinition<CoursesResult, P>, difference: FigureDefinition<CoursesResult, never> | null) =>
    row([
      textCell(label),
      definedCell(context, figure, {}, counted(key(what, current.period))),
      definedCell(context, figure, {}, counted(key(what, before.period), LAST_YEAR)),
      difference === null ? blankCell() : definedCell(context, difference, {}, { key: key(`${what}-${part}`, current.period), unit: "percent" }),
    ]);
  return table({
    id: "bilaga-2-kurser",
    caption: "Kurser och deltagare",
    align: ["left", "right", "right", "right"],
    head: [headerRow(["", spanOf(current), spanOf(before), heading])],
    body: [
      line("Genomförda kurser/arrangemang", "held", coursesHeld, held),
      line("Inställda kurser", "cancelled", coursesCancelled, null),
      line("Deltagare", "participants", coursesParticipants, participants),
    ],
  });
};

/**
 * The summary table as two charts, this period beside the same period last year, through the
 * table's own figures and keys: courses (held, cancelled) and participants apart, since
 * participants run in thousands and courses in tens.
 */
const summaryCharts = (context: ReportBuildContext, result: CoursesResult): ReportChart[] => {
  const { current, samePeriodLastYear: before } = result;
  const key = (what: string, period: string): string => `courses.${what}@${period}`;
  /** A chart line: its label, and its value in a period through its figure (the figure's own optional parameters left out, as in the table). */
  interface Line {
    readonly label: string;
    readonly value: (period: ReportPeriodChoice) => ReturnType<typeof definedFigure>;
  }
  const line = <P extends string>(label: string, what: string, figure: FigureDefinition<CoursesResult, P>): Line => ({
    label,
    value: (period) => definedFigure(context, figure, {}, counted(key(what, period === "report" ? current.period : before.period), period)),
  });
  const chart = (id: string, title: string, category: string, lines: readonly Line[]): ReportChart | null => {
    const series = [
      { name: spanOf(current), values: lines.map((entry) => entry.value("report")) },
      { name: spanOf(before), values: lines.map((entry) => entry.value(LAST_YEAR)) },
    ];
    if (series.every((entry) => entry.values.every((value) => value === null))) return null;
    return { kind: "chart", id, chart: "grouped-bar", title, unit: "count", categories: lines.map((entry) => entry.label), series, targetLines: [], labels: { category, value: "Antal" } };
  };
  const courses = chart("bilaga-2-kurser-diagram", `Kurser, ${spanOf(current)} och samma period föregående år`, "Kurser", [
    line("Genomförda kurser/arrangemang", "held", coursesHeld),
    line("Inställda kurser", "cancelled", coursesCancelled),
  ]);
  const participants = chart("bilaga-2-deltagare-diagram", `Deltagare, ${spanOf(current)} och samma period föregående år`, "Deltagare", [line("Deltagare", "participants", coursesParticipants)]);
  return [courses, participants].filter((entry): entry is ReportChart => entry !== null);
};

/** Bilaga 2: course participation per municipality, under the arranger the log names (or none), courses per commissioning party, held and cancelled. */
const buildCoursesAppendix = (context: ReportBuildContext): BuiltSection => {
  const result = resultOf(context, coursesProjection);
  if (result === undefined) return nothing;
  const name = namer(context);
  const arranger = courseArrangerName(result, resultOf(context, referenceProjection));
  const summary = summaryTable(context, result);
  const blocks: ReportBlock[] = [participantsTable(context, result, name, arranger), commissionersTable(context, result, name), summary].filter((block): block is ReportTable => block !== null);
  if (summary !== null) blocks.push(...summaryCharts(context, result));
  if (blocks.length === 0) return nothing;
  const evidence: Record<string, readonly string[]> = {};
  if (result.current.participants !== null) evidence[`courses.participants@${result.current.period}`] = result.current.participants.evidence;
  if (result.current.held !== null) evidence[`courses.held@${result.current.period}`] = result.current.held.evidence;
  return { placements: [], appendices: [{ slot: "course-participation", id: "bilaga-kurser", title: `Deltagande på kurser${arrangedBy(arranger)}`, blocks }], evidence };
};

const LAST_YEAR = "same-period-last-year" as const;

export const coursesAppendix = defineSection({
  name: "courses",
  figures: [coursesHeld, coursesParticipants, coursesParticipantShare, coursesCancelled, coursesHeldDecrease, coursesParticipantsDecrease],
  reads: [coursesProjection, { projection: coursesProjection, period: LAST_YEAR }, referenceProjection, publicationProjection],
  build: buildCoursesAppendix,
});
