import * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { createCatalog, defaultCatalog, defineEvent, strictObject, type DomainModule } from "@tertial/core";

const Data = strictObject("DemoData", { n: t.number });
const noted = defineEvent({ type: "demo.number-noted", description: "a number", data: Data });
const fine: DomainModule = { name: "demo", events: [noted] };
const bare = { version: 1 };

/** createCatalog's refusal of `modules`, as a plain-JavaScript caller may build them. */
const refusal = (modules: unknown): string => {
  try {
    createCatalog(modules as DomainModule[]);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  return "accepted";
};

describe("createCatalog names what a module handed to it lacks, before any read meets it", () => {
  it.each([
    ["one module, not a list", fine, "createCatalog takes a list of modules, not object: createCatalog([module])"],
    ["a module that is no object", [42], "module 1 is not an object"],
    ["no name", [{ events: [noted] }], "module 1 needs a name"],
    ["no events", [{ name: "demo" }], "module \"demo\"'s events must be a list"],
    ["an event type without a description", [{ name: "demo", events: [{ ...noted, description: undefined }] }], "module \"demo\"'s events[0] (\"demo.number-noted\") needs a description"],
    ["an event type with no versions", [{ name: "demo", events: [{ type: "demo.x-noted", description: "x", is: () => true }] }], "module \"demo\"'s events[0] (\"demo.x-noted\") needs versions, a list of at least one (make it with defineEvent)"],
    ["versions numbered out of order", [{ name: "demo", events: [{ ...noted, versions: [{ version: 3, data: Data }], latest: { version: 3, data: Data } }] }], "module \"demo\"'s events[0] (\"demo.number-noted\")'s versions[0] must be version 1: versions are numbered 1, 2, … oldest first"],
    ["a version without a codec", [{ name: "demo", events: [{ ...noted, versions: [bare], latest: bare }] }], "module \"demo\"'s events[0] (\"demo.number-noted\")'s versions[0] needs data, an io-ts codec"],
    ["a rule without check", [{ ...fine, rules: [{ name: "r", init: () => ({}), learn: () => undefined }] }], "module \"demo\"'s rules[0] (\"r\") needs check, a function"],
    ["a projection without a name", [{ ...fine, projections: [{ init: () => 0, evolve: () => 0, result: () => 0 }] }], "module \"demo\"'s projections[0] (no name) needs a name"],
    ["a figure without a description", [{ ...fine, figures: [{ key: "demo.count", projection: {} }] }], "module \"demo\"'s figures[0] (\"demo.count\") needs a description"],
  ])("%s", (_name, modules, said) => {
    expect(refusal(modules)).toBe(said);
  });

  it("accepts every module of the default catalog, and a module made with defineEvent", () => {
    expect(refusal([...defaultCatalog.modules])).toBe("accepted");
    expect(refusal([fine])).toBe("accepted");
  });
});
