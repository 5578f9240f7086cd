import type { DomainEvent } from "../../events/envelope.js";
import { effectiveDateOf } from "../../time/effective.js";
import type { IsoDate } from "../../time/calendar.js";
import { AreaClosed, AreaEstablished, AreaRenamed, FunderEstablished, MunicipalityEstablished, NetworkClosed, NetworkEstablished, NetworkRenamed, type Seat } from "./events.js";

interface Named {
  /** Names in effect, each from its date on; ordered by date when read. */
  names: { from: string; name: string; shortName?: string }[];
  established: string;
  closed?: string;
}

export interface AreaRecord extends Named {
  parentId?: string;
  kind?: string;
}

export interface NetworkRecord extends Named {
  kind: string;
  areaId?: string;
  seats: Seat[];
}

/**
 * The reference data known so far, with its history, so any date can be asked "what was this
 * area called then, and did it exist?". A plain object, so it checkpoints as JSON.
 */
export interface Directory {
  municipalities: Record<string, { name: string; established: string }>;
  areas: Record<string, AreaRecord>;
  networks: Record<string, NetworkRecord>;
  funders: Record<string, { name: string; kind: string; shortName?: string }>;
}

export const emptyDirectory = (): Directory => ({ municipalities: {}, areas: {}, networks: {}, funders: {} });

const dateOf = (event: DomainEvent): string => effectiveDateOf(event.effectiveAt) ?? event.effectiveAt;

const named = (name: string, shortName: string | undefined, from: string) => (shortName === undefined ? { from, name } : { from, name, shortName });

/** Learns one area event into the directory (mutating it); every other event is ignored. For folds that name areas only (the money tables): their state then holds no networks or municipalities. */
export const learnAreas = (directory: Directory, event: DomainEvent): Directory => {
  if (!event.type.startsWith("reference.area-")) return directory;
  return learnReference(directory, event);
};

/** Learns one reference event into the directory (mutating it); other events are ignored. */
export const learnReference = (directory: Directory, event: DomainEvent): Directory => {
  if (!event.type.startsWith("reference.")) return directory;
  const date = dateOf(event);
  if (MunicipalityEstablished.is(event)) directory.municipalities[event.data.municipalityId] = { name: event.data.name, established: date };
  else if (AreaEstablished.is(event)) {
    const record: AreaRecord = { names: [named(event.data.name, event.data.shortName, date)], established: date };
    if (event.data.parentId !== undefined) record.parentId = event.data.parentId;
    if (event.data.kind !== undefined) record.kind = event.data.kind;
    directory.areas[event.data.areaId] = record;
  } else if (AreaRenamed.is(event)) directory.areas[event.data.areaId]?.names.push(named(event.data.name, event.data.shortName, date));
  else if (AreaClosed.is(event)) {
    const area = directory.areas[event.data.areaId];
    if (area !== undefined) area.closed = date;
  } else if (NetworkEstablished.is(event)) {
    const record: NetworkRecord = { names: [named(event.data.name, event.data.shortName, date)], established: date, kind: event.data.kind, seats: [...event.data.seats] };
    if (event.data.areaId !== undefined) record.areaId = event.data.areaId;
    directory.networks[event.data.networkId] = record;
  } else if (NetworkRenamed.is(event)) directory.networks[event.data.networkId]?.names.push(named(event.data.name, event.data.shortName, date));
  else if (NetworkClosed.is(event)) {
    const network = directory.networks[event.data.networkId];
    if (network !== undefined) network.closed = date;
  } else if (FunderEstablished.is(event)) {
    directory.funders[event.data.funderId] = event.data.shortName === undefined ? { name: event.data.name, kind: event.data.kind } : { name: event.data.name, kind: event.data.kind, shortName: event.data.shortName };
  }
  return directory;
};

/** The name in effect on a date: the latest rename on or before it, else the first name. */
export const nameOn = (record: Named, date: IsoDate): string => {
  const ordered = [...record.names].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const inEffect = ordered.filter((entry) => entry.from <= date);
  return (inEffect[inEffect.length - 1] ?? ordered[0])?.name ?? "";
};

export const existsOn = (record: Named, date: IsoDate): boolean => record.established <= date && (record.closed === undefined || date <= record.closed);

/** The chain of ancestors of an area, nearest first, ending at its root. */
export const ancestorsOf = (directory: Directory, areaId: string): string[] => {
  const out: string[] = [];
  const seen = new Set<string>([areaId]);
  for (let current = directory.areas[areaId]?.parentId; current !== undefined && !seen.has(current); current = directory.areas[current]?.parentId) {
    out.push(current);
    seen.add(current);
  }
  return out;
};

/** The top-level area an area belongs to (itself when it has no parent). */
export const rootOf = (directory: Directory, areaId: string): string => ancestorsOf(directory, areaId).pop() ?? areaId;
