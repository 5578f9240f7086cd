import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnOf, valueColumns } from "@tertial/core";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON on one line, with optional spaces around the punctuation, as people write drafts by hand. */
const print = (value: Json, space: string): string => {
  if (Array.isArray(value)) return `[${space}${value.map((item) => print(item, space)).join(`${space},${space}`)}${space}]`;
  if (value !== null && typeof value === "object") return `{${space}${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}${space}:${space}${print(item, space)}`).join(`${space},${space}`)}${space}}`;
  return JSON.stringify(value);
};

const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.string().map((text) => `å"\\${text}{,}`));
const key = fc.stringMatching(/^[a-z][a-zA-Z]{0,6}$/);
const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(key, tie("value"), { maxKeys: 4 })),
})).value;

const at = (value: Json, path: string): Json | undefined => {
  let current: Json | undefined = value;
  for (const step of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== "object") return undefined;
    current = Array.isArray(current) ? current[Number(step)] : current[step];
  }
  return current;
};

describe("value columns of a JSON line", () => {
  it("point at the first character of every value, whatever the spacing (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(key, json, { maxKeys: 5 }), fc.constantFrom("", " ", "  "), (value, space) => {
        const text = print(value, space);
        const columns = valueColumns(text);
        expect(columns.get("")).toBe(1);
        for (const [path, column] of columns) {
          const found = at(value, path);
          expect(found).not.toBeUndefined();
          expect(text.slice(column - 1).startsWith(print(found as Json, space))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("fall back to the nearest known ancestor for a missing field", () => {
    const columns = valueColumns('{"data": {"seats": [{"side": "x"}]}}');
    expect(columnOf(columns, "data.seats[0].municipalityId")).toBe(21);
    expect(columnOf(columns, "data.seats[0].side")).toBe(30);
    expect(columnOf(columns, "data.nothing.here")).toBe(10);
  });
});
