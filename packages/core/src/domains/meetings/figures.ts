import { dec } from "../../numbers/decimal.js";
import { defineFigure, type ComputedFigure, type FigureSource } from "../../reconciliation/figure-source.js";
import type { AttendanceAggregate } from "./aggregate.js";
import { attendanceProjection, type AttendanceResult, type GroupAttendance } from "./attendance.js";
import { membershipProjection } from "./members.js";
import type { Attendance } from "./tally.js";

type Params = Readonly<Record<string, string>>;

const SCOPE = {
  network: "one network (networkId)",
  group: "one network group (groupId), e.g. all chefsnätverk",
};

const scopeOf = (result: AttendanceResult, params: Params): AttendanceAggregate | undefined => {
  if (params.network !== undefined) return result.networks.find((network) => network.networkId === params.network);
  if (params.group !== undefined) return result.groups.find((group) => group.groupId === params.group);
  return result;
};

const groupOf = (result: AttendanceResult, params: Params): GroupAttendance | undefined => result.groups.find((group) => group.groupId === params.group);

const scopeName = (params: Params): string => params.network ?? params.group ?? "all networks";

const figure = (value: string | null | undefined, evidence: readonly string[], derivation: string): ComputedFigure | undefined =>
  value === null || value === undefined ? undefined : { exact: dec(value), evidence, derivation };

const shareIn = (scope: AttendanceAggregate, params: Params): Attendance | undefined => {
  if (params.side !== undefined) return scope.bySide[params.side];
  if (params.municipality !== undefined) return scope.byMunicipality[params.municipality];
  return scope.attendance;
};

export const attendanceShareFigure = defineFigure(attendanceProjection, {
  key: "attendance.share",
  description: "Närvaro: seats present ÷ seats expected (pooled), for all networks, a network or a group, optionally one side or municipality.",
  params: { ...SCOPE, side: "only seats of this side: kommun, region, other or one the log defines (meetings.seat-side-defined)", municipality: "only this municipality's seats" },
  unit: "percent",
  example: { network: "reko", side: "region" },
  compute: (result, params) => {
    const scope = scopeOf(result, params);
    const share = scope === undefined ? undefined : shareIn(scope, params);
    return figure(share?.share, scope?.evidence ?? [], `${share?.present ?? 0} of ${share?.expected ?? 0} expected seats present (${scopeName(params)}${params.side === undefined ? "" : `, ${params.side}`})`);
  },
});

export const attendanceMeetingsFigure = defineFigure(attendanceProjection, {
  key: "attendance.meetings",
  description: "Number of meetings held with attendance registered.",
  params: SCOPE,
  unit: "count",
  example: { group: "samtliga-chefsnatverk" },
  compute: (result, params) => {
    const scope = scopeOf(result, params);
    return scope === undefined ? undefined : figure(String(scope.meetings), scope.evidence, `meetings of ${scopeName(params)}`);
  },
});

export const networksReachingTargetFigure = defineFigure(attendanceProjection, {
  key: "attendance.networks-reaching-target",
  description: "How many networks of a group have attendance at or above the group's target (\"9 av 21 nätverk\").",
  params: { group: SCOPE.group },
  unit: "count",
  example: { group: "samtliga-chefsnatverk" },
  compute: (result, params) => {
    const group = groupOf(result, params);
    const count = group?.reachingTarget;
    return figure(count === null || count === undefined ? undefined : String(count), group?.evidence ?? [], `networks of ${params.group ?? "?"} at or above ${group?.targetShare ?? "?"}, of ${group?.networks ?? 0}`);
  },
});

export const networksWithAttendanceFigure = defineFigure(attendanceProjection, {
  key: "attendance.networks",
  description: "How many networks of a group had attendance registered (\"21 olika chefsnätverk\").",
  params: { group: SCOPE.group },
  unit: "count",
  example: { group: "samtliga-chefsnatverk" },
  compute: (result, params) => {
    const group = groupOf(result, params);
    return group === undefined ? undefined : figure(String(group.networks), group.evidence, `networks of ${group.groupId} with attendance`);
  },
});

const rangeFigure = (end: "min" | "max") =>
  defineFigure(attendanceProjection, {
  key: `attendance.range-${end}`,
  description: `The ${end === "min" ? "lowest" : "highest"} network attendance in a group ("46-95 %").`,
  params: { group: SCOPE.group },
  unit: "percent",
  example: { group: "samtliga-chefsnatverk" },
  compute: (result, params) => {
    const group = groupOf(result, params);
    const range = group?.range;
    if (range === null || range === undefined) return undefined;
    return figure(range[end], group?.evidence ?? [], `${end} of network attendance, ${end === "min" ? range.minNetworkId : range.maxNetworkId}`);
  },
});

const municipalityRangeFigure = (end: "min" | "max") =>
  defineFigure(attendanceProjection, {
  key: `attendance.municipality-range-${end}`,
  description: `The ${end === "min" ? "lowest" : "highest"} municipality attendance ("för varje enskild kommun varierar närvaron mellan 60-89 %").`,
  params: SCOPE,
  unit: "percent",
  example: { group: "samtliga-chefsnatverk" },
  compute: (result, params) => {
    const scope = scopeOf(result, params);
    const range = scope?.municipalityRange;
    if (range === null || range === undefined) return undefined;
    return figure(range[end], scope?.evidence ?? [], `${end} of municipality attendance, ${end === "min" ? range.minId : range.maxId}`);
  },
});

export const meetingsPerNetworkFigure = defineFigure(attendanceProjection, {
  key: "attendance.meetings-per-network",
  description: "Meetings per network in a group (\"drygt 3 träffar vardera\").",
  params: { group: SCOPE.group },
  unit: "plain",
  example: { group: "samtliga-chefsnatverk" },
  compute: (result, params) => {
    const group = groupOf(result, params);
    return figure(group?.meetingsPerNetwork, group?.evidence ?? [], `${group?.meetings ?? 0} meetings ÷ ${group?.networks ?? 0} networks`);
  },
});

export const meetingModeShareFigure = defineFigure(attendanceProjection, {
  key: "attendance.mode-share",
  description: "Share of meetings held in one mode (fysiskt, digitalt, kombination) among meetings whose mode is known.",
  params: { ...SCOPE, mode: "fysiskt, digitalt or kombination" },
  unit: "percent",
  example: { mode: "fysiskt" },
  compute: (result, params) => {
    const scope = scopeOf(result, params);
    const mode = params.mode ?? "";
    return figure(scope?.modes.shares[mode], scope?.evidence ?? [], `${scope?.modes.counts[mode] ?? 0} of ${scope?.modes.meetingsWithMode ?? 0} meetings ${mode}`);
  },
});

export const meetingModeCountFigure = defineFigure(attendanceProjection, {
  key: "attendance.mode-meetings",
  description: "How many meetings were held in one mode (fysiskt, digitalt, kombination) (\"tre genomfördes digitalt och två fysiskt\").",
  params: { ...SCOPE, mode: "fysiskt, digitalt or kombination" },
  unit: "count",
  example: { network: "kommundirektorer", mode: "digitalt" },
  compute: (result, params) => {
    const scope = scopeOf(result, params);
    const count = scope?.modes.counts[params.mode ?? ""];
    return figure(count === undefined ? undefined : String(count), scope?.evidence ?? [], `meetings of ${scopeName(params)} held ${params.mode ?? "?"}`);
  },
});

const turnoverFigure = (kind: "joined" | "left", key: string, description: string) =>
  defineFigure(membershipProjection, {
    key,
    description,
    params: { network: SCOPE.network },
    unit: "count",
    example: { network: "strategigrupp-barn-och-unga" },
    compute: (result, params) => {
      const changes = result.changes.filter((change) => change.networkId === params.network && change.kind === kind);
      const network = result.networks.find((entry) => entry.networkId === params.network);
      return network === undefined ? undefined : figure(String(changes.length), changes.map((change) => change.eventId), `members who ${kind} ${network.networkId} in ${result.period}`);
    },
  });

export const membersJoinedFigure = turnoverFigure("joined", "meetings.members-joined", "How many members joined a network during the period (\"tre fritidschefer har tillkommit\", \"fyra har ersatts\").");
export const membersLeftFigure = turnoverFigure("left", "meetings.members-left", "How many members left a network during the period (\"fem chefer har lämnat sina uppdrag\").");

export const seatsVacantFigure = defineFigure(membershipProjection, {
  key: "meetings.seats-vacant",
  description: "How many of a network's seats are vacant at the period's end (\"en är fortsatt vakant\").",
  params: { network: SCOPE.network },
  unit: "count",
  example: { network: "psykiatrinatverket" },
  compute: (result, params) => {
    const network = result.networks.find((entry) => entry.networkId === params.network);
    if (network === undefined) return undefined;
    const evidence = result.changes.filter((change) => change.networkId === network.networkId && change.kind === "vacant" && network.vacant.includes(change.seatId)).map((change) => change.eventId);
    return figure(String(network.vacant.length), evidence, `seats of ${network.networkId} vacant at ${result.period}'s end`);
  },
});

export const genderShareFigure = defineFigure(attendanceProjection, {
  key: "attendance.gender-share",
  description: "Share of one gender among those present whose gender is recorded.",
  params: { ...SCOPE, gender: "kvinna, man or annat" },
  unit: "percent",
  example: { network: "pks", gender: "man" },
  compute: (result, params) => {
    const scope = scopeOf(result, params);
    const gender = params.gender ?? "";
    return figure(scope?.gender.shares[gender], scope?.evidence ?? [], `${scope?.gender.counts[gender] ?? 0} of ${scope?.gender.counted ?? 0} present`);
  },
});

export const attendanceRangeMin = rangeFigure("min");
export const attendanceRangeMax = rangeFigure("max");

export const meetingsFigures: readonly FigureSource[] = [
  attendanceShareFigure,
  attendanceMeetingsFigure,
  networksWithAttendanceFigure,
  networksReachingTargetFigure,
  attendanceRangeMin,
  attendanceRangeMax,
  municipalityRangeFigure("min"),
  municipalityRangeFigure("max"),
  meetingsPerNetworkFigure,
  meetingModeShareFigure,
  meetingModeCountFigure,
  genderShareFigure,
  membersJoinedFigure,
  membersLeftFigure,
  seatsVacantFigure,
];
