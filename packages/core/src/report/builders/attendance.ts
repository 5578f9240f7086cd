import type { Attendance } from "../../domains/meetings/tally.js";
import { metricsProjection } from "../../domains/strategy/index.js";
import { attendanceProjection } from "../../domains/meetings/attendance.js";
import type { AttendanceResult } from "../../domains/meetings/attendance.js";
import { referenceProjection } from "../../domains/reference/projection.js";
import { dec } from "../../numbers/decimal.js";
import type { ReportBlock, ReportChart, ReportTable } from "../document/blocks.js";
import { reportFigure, type ReportFigure } from "../document/figure.js";
import { attendanceShareFigure, meetingModeShareFigure } from "../../domains/meetings/figures.js";
import { definedCell, definedFigure, figureCell, headerRow, row, table, textCell } from "./cells.js";
import { nothing, placed, resultOf, type BuiltSection, type FigureEvidence, type ReportBuildContext, defineSection } from "./context.js";
import { cumulativeLabel } from "./kinds.js";
import { bySwedishName, namer } from "./names.js";
import { ATTENDANCE_TABLE_FIGURES, groupTable, networkTable } from "./attendance-tables.js";

/** Where attendance goes when no metric names it: 3.2, the partnership goal's attendance section. */
export const ATTENDANCE_SECTION = "3.2";

const MODES = [
  { id: "fysiskt", label: "Fysiskt" },
  { id: "digitalt", label: "Digitalt" },
  { id: "kombination", label: "Kombination av fysiskt och digitalt" },
] as const;

/** The section of the first metric whose result rests on attendance facts. */
const sectionOf = (context: ReportBuildContext, attendance: AttendanceResult): string => {
  const metrics = resultOf(context, metricsProjection);
  const evidence = new Set(attendance.evidence);
  const metric = metrics?.rows.find((row) => row.goalNumber !== null && (row.result?.evidence ?? []).some((id) => evidence.has(id)));
  return metric?.goalNumber ?? ATTENDANCE_SECTION;
};


const targetOf = (attendance: AttendanceResult): ReportFigure | null => {
  const share = attendance.groups.find((group) => group.targetShare !== null)?.targetShare ?? null;
  return share === null ? null : reportFigure(`attendance.target@${attendance.period}`, dec(share), "percent");
};

/** One bar a network or municipality: its attendance share through the figure the audit checks it with. */
interface ChartEntry {
  readonly key: string;
  readonly name: string;
  readonly attendance: Attendance;
  readonly params: { readonly network: string } | { readonly municipality: string };
}

const attendanceChart = (context: ReportBuildContext, id: string, title: string, category: string, entries: readonly ChartEntry[], seriesName: string, target: ReportFigure | null): ReportChart => ({
  kind: "chart",
  id,
  chart: "grouped-bar",
  title,
  unit: "percent",
  categories: entries.map((entry) => entry.name),
  series: [{ name: seriesName, values: entries.map((entry) => definedFigure(context, attendanceShareFigure, entry.params, { key: entry.key, unit: "percent" })) }],
  targetLines: target === null ? [] : [{ label: "Målvärde", figure: target }],
  labels: { category, value: "Närvaro" },
});

const modesTable = (context: ReportBuildContext, attendance: AttendanceResult, label: string): ReportTable | null => {
  if (attendance.modes.meetingsWithMode === 0) return null;
  const key = (part: string): string => `attendance.modes@${attendance.period}/${part}`;
  return table({
    id: "motesformer",
    caption: `Mötesformer under ${label}`,
    align: ["left", "right", "right"],
    head: [headerRow(["Mötesform", "Antal möten", "Andel"])],
    body: MODES.map((mode) => row([textCell(mode.label), figureCell(key(`count=${mode.id}`), String(attendance.modes.counts[mode.id] ?? 0), "count"), definedCell(context, meetingModeShareFigure, { mode: mode.id }, { key: key(`share=${mode.id}`), unit: "percent" })])),
    foot: [row([textCell("Summa"), figureCell(key("count"), String(attendance.modes.meetingsWithMode), "count"), textCell("")])],
  });
};

/**
 * Attendance as charts against the target line: per network and per municipality, and the
 * meeting modes; placed with the attendance metrics (3.2 in the house).
 */
const buildAttendanceSection = (context: ReportBuildContext): BuiltSection => {
  const attendance = resultOf(context, attendanceProjection);
  if (attendance === undefined || attendance.meetings === 0) return nothing;
  const name = namer(context);
  const label = cumulativeLabel(context.period);
  const seriesName = `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
  const target = targetOf(attendance);
  const networks = [...attendance.networks]
    .filter((network) => network.attendance.share !== null)
    .sort(bySwedishName((network) => network.name))
    .map((network): ChartEntry => ({ key: `attendance.network@${attendance.period}/network=${network.networkId}`, name: network.name, attendance: network.attendance, params: { network: network.networkId } }));
  const municipalities = Object.entries(attendance.byMunicipality)
    .map(([id, value]): ChartEntry => ({ key: `attendance.municipality@${attendance.period}/municipality=${id}`, name: name(id), attendance: value, params: { municipality: id } }))
    .filter((entry) => entry.attendance.share !== null)
    .sort(bySwedishName((entry) => entry.name));
  const blocks: ReportBlock[] = [];
  if (networks.length > 0) blocks.push(attendanceChart(context, "narvaro-per-natverk", `Genomsnittlig närvaro per nätverk, ${label}`, "Nätverk", networks, seriesName, target));
  if (municipalities.length > 0) blocks.push(attendanceChart(context, "narvaro-per-kommun", `Genomsnittlig närvaro per kommun, ${label}`, "Kommun", municipalities, seriesName, target));
  const networkName = (id: string): string => attendance.networks.find((network) => network.networkId === id)?.name ?? id;
  for (const extra of [groupTable(context, attendance, label, networkName), networkTable(context, attendance, label), modesTable(context, attendance, label)]) if (extra !== null) blocks.push(extra);
  const evidence: Record<string, readonly string[]> = { [`attendance.`]: attendance.evidence };
  for (const network of attendance.networks) evidence[`attendance.network@${attendance.period}/network=${network.networkId}`] = network.evidence;
  return placed("attendance", sectionOf(context, attendance), null, blocks, evidence as FigureEvidence);
};

export const attendanceSection = defineSection({ name: "attendance", figures: [...ATTENDANCE_TABLE_FIGURES, meetingModeShareFigure], reads: [attendanceProjection, metricsProjection, referenceProjection], build: buildAttendanceSection });
