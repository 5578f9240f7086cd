import * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { decodeWith, Id, listOf, NonEmptyString, strictObject } from "@tertial/core";

const Seat = strictObject("Seat", { municipality: Id, side: NonEmptyString });
const Group = strictObject("Group", { networkIds: listOf(Id, 1), seats: listOf(Seat, 1), notes: listOf(NonEmptyString) });
const valid = { networkIds: ["n1"], seats: [{ municipality: "aneby", side: "kommun" }], notes: [] };

const pathsOf = (codec: t.Mixed, value: unknown): string[] => {
  const decoded = decodeWith(codec, value, "data");
  return decoded.ok ? [] : decoded.issues.map((each) => each.path);
};

describe("decode issues name the item of a list, whatever wraps the list", () => {
  it("a list of at least one item (a refinement of a list) keeps each bad item's index", () => {
    expect(pathsOf(Group, { ...valid, networkIds: [5, "n2", 7] })).toEqual(["data.networkIds[0]", "data.networkIds[2]"]);
  });

  it("so do fields of objects inside such a list, and a plain list", () => {
    expect(pathsOf(Group, { ...valid, seats: [{ municipality: "aneby", side: "kommun" }, { municipality: 42, side: "region" }] })).toEqual(["data.seats[1].municipality"]);
    expect(pathsOf(Group, { ...valid, notes: ["ok", ""] })).toEqual(["data.notes[1]"]);
  });

  it("a refined object's fields are named too", () => {
    const Refined = t.refinement(Seat, (seat) => seat.side !== "none", "Refined");
    expect(pathsOf(strictObject("Outer", { seat: Refined }), { seat: { municipality: "aneby", side: 3 } })).toEqual(["data.seat.side"]);
  });

  it("the steps of a union name no field", () => {
    const Either = t.union([listOf(Id, 1), Id]);
    expect(pathsOf(strictObject("U", { ids: Either }), { ids: [3] })).toContain("data.ids[0]");
  });

  it("a list too short is named by the list itself", () => {
    expect(pathsOf(Group, { ...valid, networkIds: [] })).toEqual(["data.networkIds"]);
  });
});
