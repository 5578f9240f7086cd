import { readFile } from "node:fs/promises";
import { defaultCatalog } from "@tertial/core";
import { describe, expect, it } from "vitest";
import { figureReference } from "../../../scripts/reference-docs.js";
import { runCli } from "./foundation/cli.js";

describe("tertial figures", () => {
  it("lists every figure of the catalog once, with parameters, unit, rounding, projection and an example", async () => {
    const { code, stdout } = await runCli(["figures"]);
    expect(code).toBe(0);
    const [header, ...lines] = stdout.trimEnd().split("\n");
    expect(header).toBe("key\tparams\tunit\trounding\tprojection\texample");
    expect(lines.map((line) => line.split("\t")[0])).toEqual(defaultCatalog.figures.map((figure) => figure.key));
    expect(lines).toContain("finance.outcome\trow\tkr\t0 decimals, half-up\tbudget-follow-up\tfinance.outcome row=fourum-svhs");
  });

  it("shows one figure in full, and refuses a key no domain defines", async () => {
    const one = await runCli(["figures", "staffing.fte"]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("projection: staffing");
    expect(one.stdout).toContain("    form: only this employment form");
    const unknown = await runCli(["figures", "finance.nothing"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown figure "finance.nothing"');
  });

  it("every figure's example parameters are parameters it takes", () => {
    for (const figure of defaultCatalog.figures) expect(figure.unknownParams(Object.fromEntries(Object.entries(figure.example).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]]))))).toEqual([]);
  });
});

describe("the generated figure reference", () => {
  it("docs/reference/figures.md is up to date with the figure definitions (pnpm docs:reference)", async () => {
    expect(await readFile("docs/reference/figures.md", "utf8")).toBe(figureReference(defaultCatalog));
  });

  it("documents every figure key", () => {
    const reference = figureReference(defaultCatalog);
    for (const figure of defaultCatalog.figures) expect(reference).toContain(`### \`${figure.key}\``);
  });
});
