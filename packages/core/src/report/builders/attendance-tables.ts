import type { AttendanceResult, GroupAttendance, NetworkAttendance } from "../../domains/meetings/attendance.js";
import {
  attendanceMeetingsFigure,
  attendanceRangeMax,
  attendanceRangeMin,
  attendanceShareFigure,
  genderShareFigure,
  networksReachingTargetFigure,
  networksWithAttendanceFigure,
} from "../../domains/meetings/figures.js";
import type { ReportTable } from "../document/blocks.js";
import { definedCell, headerRow, row, table, textCell } from "./cells.js";
import type { ReportBuildContext } from "./context.js";
import { bySwedishName } from "./names.js";

/** The figures the attendance tables print, for the section to declare. */
export const ATTENDANCE_TABLE_FIGURES = [attendanceMeetingsFigure, attendanceShareFigure, genderShareFigure, networksWithAttendanceFigure, networksReachingTargetFigure, attendanceRangeMin, attendanceRangeMax];

const PERCENT = "percent" as const;
const COUNT = "count" as const;

/** One row a network: meetings, attendance, one column per side the log's seats sit on (the municipalities', the region's…), and the gender split where registered. */
export const networkTable = (context: ReportBuildContext, attendance: AttendanceResult, label: string): ReportTable | null => {
  const networks = attendance.networks.filter((network) => network.attendance.share !== null);
  if (networks.length === 0) return null;
  const key = (network: NetworkAttendance, what: string): string => `attendance.network-table@${attendance.period}/network=${network.networkId}/${what}`;
  // The gender columns only where some network's register records gender: a log that never does gets no empty columns.
  const genders = networks.some((network) => network.gender.counted > 0) ? (["man", "kvinna"] as const) : [];
  const genderLabels = { man: "Män", kvinna: "Kvinnor" } as const;
  return table({
    id: "narvaro-per-natverk-tabell",
    caption: `Närvaro per nätverk under ${label}`,
    align: ["left", "right", "right", ...attendance.sides.map(() => "right" as const), ...genders.map(() => "right" as const)],
    head: [headerRow(["Nätverk", "Träffar", "Närvaro", ...attendance.sides.map((side) => side.label), ...genders.map((gender) => genderLabels[gender])])],
    body: [...networks]
      .sort(bySwedishName((network) => network.name))
      .map((network) =>
        row([
          textCell(network.name),
          definedCell(context, attendanceMeetingsFigure, { network: network.networkId }, { key: key(network, "meetings"), unit: COUNT }),
          definedCell(context, attendanceShareFigure, { network: network.networkId }, { key: key(network, "share"), unit: PERCENT }),
          ...attendance.sides.map((side) => definedCell(context, attendanceShareFigure, { network: network.networkId, side: side.id }, { key: key(network, `side=${side.id}`), unit: PERCENT })),
          ...genders.map((gender) => definedCell(context, genderShareFigure, { network: network.networkId, gender }, { key: key(network, `gender=${gender}`), unit: PERCENT })),
        ]),
      ),
  });
};

/** One row a group of networks: how many, their meetings, pooled attendance, how many reach the target, and the range. */
export const groupTable = (context: ReportBuildContext, attendance: AttendanceResult, label: string, networkName: (id: string) => string): ReportTable | null => {
  const groups = attendance.groups.filter((group) => group.attendance.share !== null);
  if (groups.length === 0) return null;
  const key = (group: GroupAttendance, what: string): string => `attendance.group@${attendance.period}/group=${group.groupId}/${what}`;
  const range = (group: GroupAttendance) =>
    group.range === null ? textCell("") : textCell(`${networkName(group.range.minNetworkId)} – ${networkName(group.range.maxNetworkId)}`);
  return table({
    id: "narvaro-per-grupp",
    caption: `Närvaro per grupp av nätverk under ${label}`,
    align: ["left", "right", "right", "right", "right", "right", "right", "left"],
    head: [headerRow(["Grupp", "Nätverk", "Träffar", "Närvaro", "Når målvärdet", "Lägst", "Högst", "Lägst – högst"])],
    body: groups.map((group) =>
      row([
        textCell(group.name),
        definedCell(context, networksWithAttendanceFigure, { group: group.groupId }, { key: key(group, "networks"), unit: COUNT }),
        definedCell(context, attendanceMeetingsFigure, { group: group.groupId }, { key: key(group, "meetings"), unit: COUNT }),
        definedCell(context, attendanceShareFigure, { group: group.groupId }, { key: key(group, "share"), unit: PERCENT }),
        definedCell(context, networksReachingTargetFigure, { group: group.groupId }, { key: key(group, "reaching-target"), unit: COUNT }),
        definedCell(context, attendanceRangeMin, { group: group.groupId }, { key: key(group, "min"), unit: PERCENT }),
        definedCell(context, attendanceRangeMax, { group: group.groupId }, { key: key(group, "max"), unit: PERCENT }),
        range(group),
      ]),
    ),
  });
};
