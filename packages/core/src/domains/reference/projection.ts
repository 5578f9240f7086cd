import { defineProjection } from "../../projection/projection.js";
import { effectiveDateOf } from "../../time/effective.js";
import { emptyDirectory, existsOn, learnReference, nameOn, type Directory } from "./directory.js";

export interface ReferenceResult {
  readonly asOf: string;
  readonly municipalities: readonly { readonly id: string; readonly name: string }[];
  readonly areas: readonly { readonly id: string; readonly name: string; readonly parentId: string | null; readonly kind: string | null }[];
  readonly networks: readonly { readonly id: string; readonly name: string; readonly kind: string; readonly areaId: string | null; readonly seats: number; readonly municipalSeats: number; readonly regionSeats: number }[];
  readonly funders: readonly { readonly id: string; readonly name: string; readonly kind: string; readonly shortName?: string }[];
}

const byId = <T extends { id: string }>(items: T[]): T[] => items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Reference data as it stood on the period's last day: a stock. */
export const referenceProjection = defineProjection<Directory, ReferenceResult>({
  name: "reference",
  description: "Municipalities, the area tree, networks with their seats, and funders, with the names in effect on the period's last day.",
  init: emptyDirectory,
  evolve: (directory, event, { period }) => {
    const date = effectiveDateOf(event.effectiveAt);
    return date !== undefined && date <= period.end ? learnReference(directory, event) : directory;
  },
  result: (directory, { period }) => {
    const end = period.end;
    return {
      asOf: end,
      municipalities: byId(Object.entries(directory.municipalities).map(([id, record]) => ({ id, name: record.name }))),
      areas: byId(
        Object.entries(directory.areas)
          .filter(([, record]) => existsOn(record, end))
          .map(([id, record]) => ({ id, name: nameOn(record, end), parentId: record.parentId ?? null, kind: record.kind ?? null })),
      ),
      networks: byId(
        Object.entries(directory.networks)
          .filter(([, record]) => existsOn(record, end))
          .map(([id, record]) => ({
            id,
            name: nameOn(record, end),
            kind: record.kind,
            areaId: record.areaId ?? null,
            seats: record.seats.length,
            municipalSeats: record.seats.filter((seat) => seat.side === "kommun").length,
            regionSeats: record.seats.filter((seat) => seat.side === "region").length,
          })),
      ),
      funders: byId(Object.entries(directory.funders).map(([id, record]) => ({ id, name: record.name, kind: record.kind, ...(record.shortName === undefined ? {} : { shortName: record.shortName }) }))),
    };
  },
});
