import { describe, expect, it } from "vitest";
import { issue } from "@tertial/core";
import { collapseRepeated } from "../src/repeated-issues.js";

const at = (line: number, message = "the same") => issue("not-canonical", "", message, { file: "log.jsonl", line, column: 10 + line });

describe("collapseRepeated", () => {
  it("keeps three places of a repeated problem and counts the rest, where the third one stood", () => {
    const issues = [at(1), at(2), at(3, "other"), at(4), at(5), at(6), at(9)];
    expect(collapseRepeated(issues)).toEqual([
      "log.jsonl:1:11: the same",
      "log.jsonl:2:12: the same",
      "log.jsonl:3:13: other",
      "log.jsonl:4:14: the same",
      "log.jsonl: and 3 more line(s) with the same problem: lines 5 to 9",
    ]);
  });

  it("lists up to three of a kind as they are, and issues without a line as counted issues", () => {
    expect(collapseRepeated([at(1), at(2), at(3)])).toHaveLength(3);
    const placeless = Array.from({ length: 5 }, () => issue("conflict", "data.id", "twice"));
    expect(collapseRepeated(placeless)).toEqual(["data.id: twice", "data.id: twice", "data.id: twice", "and 2 more with the same problem"]);
  });
});
