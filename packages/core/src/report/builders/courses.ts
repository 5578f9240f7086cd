import type { CoursesResult } from "../../domains/courses/projections.js";
import { coursesProjection } from "../../domains/courses/projections.js";
import { referenceProjection } from "../../domains/reference/projection.js";
import type { ReportBlock, ReportTable } from "../document/blocks.js";
import { blankCell, figureCell, headerRow, row, table, textCell } from "./cells.js";
import { nothing, resultOf, type BuiltSection, type ReportBuildContext, defineSection } from "./context.js";
import { bySwedishName, namer } from "./names.js";
import { monthSpanLabel } from "./kinds.js";
import { period as parsePeriod } from "../../time/period.js";

const spanOf = (name: string): string => monthSpanLabel(parsePeriod(name));

const count = (value: number | null | undefined): string | null => (value === null || value === undefined ? null : String(value));

const participantsTable = (result: CoursesResult, name: (id: string) => string): ReportTable | null => {
  const participants = result.current.participants;
  if (participants === null) return null;
  const key = (part: string): string => `courses.participants@${result.current.period}/${part}`;
  const share = (id: string) => figureCell(key(`share=${id}`), result.participantShares?.[id] ?? null, "percent", { withSuffix: false });
  const municipalities = Object.entries(participants.byMunicipality).sort(bySwedishName(([id]) => name(id)));
  const others = [
    { id: "region", label: "RJL", value: participants.region },
    { id: "external", label: "Externa deltagare", value: participants.external },
  ].filter((entry) => entry.value !== null);
  return table({
    id: "bilaga-2-deltagare",
    caption: `Deltagande på kurser som arrangerats av Kurs och konferens under ${spanOf(result.current.period)}, fördelat på länets kommuner`,
    align: ["left", "right", "right"],
    head: [row([textCell(""), textCell("Antal deltagare"), textCell("Procent (%)", ["¹"])])],
    body: [
      ...municipalities.map(([id, value]) => row([textCell(name(id)), figureCell(key(`municipality=${id}`), String(value), "count"), share(id)])),
      ...others.map((entry) => row([textCell(entry.label), figureCell(key(entry.id), count(entry.value), "count"), share(entry.id)])),
    ],
    foot: [row([textCell("Summa"), figureCell(key("total"), String(participants.total), "count"), blankCell()])],
    footnotes: [{ mark: "¹", markdown: "I förhållande till totala antalet kursdeltagare." }],
  });
};

const commissionersTable = (result: CoursesResult, name: (id: string) => string): ReportTable | null => {
  const byCommissioner = result.current.heldByCommissioner;
  if (byCommissioner === null || Object.keys(byCommissioner).length === 0) return null;
  const key = (part: string): string => `courses.held@${result.current.period}/${part}`;
  return table({
    id: "bilaga-2-uppdrag",
    caption: "Antal kurser/arrangemang fördelat per uppdragsgivare",
    align: ["left", "right"],
    head: [headerRow(["", "Antal uppdrag"])],
    body: Object.entries(byCommissioner)
      .sort(bySwedishName(([id]) => name(id)))
      .map(([id, value]) => row([textCell(name(id)), figureCell(key(`commissioner=${id}`), String(value), "count")])),
    foot: [row([textCell("Summa"), figureCell(key("total"), count(result.current.held?.count), "count")])],
  });
};

const summaryTable = (result: CoursesResult): ReportTable | null => {
  const { current, samePeriodLastYear: before } = result;
  if (current.held === null && current.cancelled === null && current.participants === null) return null;
  const key = (what: string, period: string): string => `courses.${what}@${period}`;
  const line = (label: string, what: string, now: number | null | undefined, then: number | null | undefined) =>
    row([textCell(label), figureCell(key(what, current.period), count(now), "count"), figureCell(key(what, before.period), count(then), "count")]);
  return table({
    id: "bilaga-2-kurser",
    caption: "Kurser och deltagare",
    align: ["left", "right", "right"],
    head: [headerRow(["", spanOf(current.period), spanOf(before.period)])],
    body: [
      line("Genomförda kurser/arrangemang", "held", current.held?.count, before.held?.count),
      line("Inställda kurser", "cancelled", current.cancelled?.count, before.cancelled?.count),
      line("Deltagare", "participants", current.participants?.total, before.participants?.total),
    ],
  });
};

/** Bilaga 2: course participation per municipality, courses per commissioning party, held and cancelled. */
const buildCoursesAppendix = (context: ReportBuildContext): BuiltSection => {
  const result = resultOf(context, coursesProjection);
  if (result === undefined) return nothing;
  const name = namer(context);
  const blocks = [participantsTable(result, name), commissionersTable(result, name), summaryTable(result)].filter((block): block is ReportTable => block !== null) as ReportBlock[];
  if (blocks.length === 0) return nothing;
  const evidence: Record<string, readonly string[]> = {};
  if (result.current.participants !== null) evidence[`courses.participants@${result.current.period}`] = result.current.participants.evidence;
  if (result.current.held !== null) evidence[`courses.held@${result.current.period}`] = result.current.held.evidence;
  return { placements: [], appendices: [{ id: "bilaga-kurser", title: "Deltagande på kurser som arrangerats av Kurs och konferens", blocks }], evidence };
};

export const coursesAppendix = defineSection({ name: "courses", reads: [coursesProjection, referenceProjection], build: buildCoursesAppendix });
