import type { AttendanceResult, GroupAttendance, NetworkAttendance } from "../../domains/meetings/attendance.js";
import type { ReportTable } from "../document/blocks.js";
import { blankCell, figureCell, headerRow, row, table, textCell } from "./cells.js";
import { bySwedishName } from "./names.js";

const share = (key: string, value: string | null | undefined) => (value === null || value === undefined ? blankCell() : figureCell(key, value, "percent"));

/** One row a network: meetings, attendance, the municipalities' and the region's, and the gender split where registered. */
export const networkTable = (attendance: AttendanceResult, label: string): ReportTable | null => {
  const networks = attendance.networks.filter((network) => network.attendance.share !== null);
  if (networks.length === 0) return null;
  const key = (network: NetworkAttendance, what: string): string => `attendance.network-table@${attendance.period}/network=${network.networkId}/${what}`;
  return table({
    id: "narvaro-per-natverk-tabell",
    caption: `Närvaro per nätverk under ${label}`,
    align: ["left", "right", "right", "right", "right", "right", "right"],
    head: [headerRow(["Nätverk", "Träffar", "Närvaro", "Länets kommuner", "Regionen", "Män", "Kvinnor"])],
    body: [...networks]
      .sort(bySwedishName((network) => network.name))
      .map((network) =>
        row([
          textCell(network.name),
          figureCell(key(network, "meetings"), String(network.meetings), "count"),
          share(key(network, "share"), network.attendance.share),
          share(key(network, "side=kommun"), network.bySide.kommun?.share),
          share(key(network, "side=region"), network.bySide.region?.share),
          share(key(network, "gender=man"), network.gender.counted > 0 ? network.gender.shares.man : null),
          share(key(network, "gender=kvinna"), network.gender.counted > 0 ? network.gender.shares.kvinna : null),
        ]),
      ),
  });
};

/** One row a group of networks: how many, their meetings, pooled attendance, how many reach the target, and the range. */
export const groupTable = (attendance: AttendanceResult, label: string, networkName: (id: string) => string): ReportTable | null => {
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
        figureCell(key(group, "networks"), String(group.networks), "count"),
        figureCell(key(group, "meetings"), String(group.meetings), "count"),
        share(key(group, "share"), group.attendance.share),
        group.reachingTarget === null ? blankCell() : figureCell(key(group, "reaching-target"), String(group.reachingTarget), "count"),
        share(key(group, "min"), group.range?.min),
        share(key(group, "max"), group.range?.max),
        range(group),
      ]),
    ),
  });
};
