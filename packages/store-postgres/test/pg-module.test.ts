import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** What a fresh process that imports the store (and nothing else) reports about fetch and `navigator`. */
const afterImport = (prelude = ""): { undici: boolean; navigator: string; pool: string } => {
  const script = `${prelude}
const { postgresStore } = await import("@tertial/store-postgres");
const { pg } = await import(${JSON.stringify(new URL("../src/pg-module.ts", import.meta.url).href)});
process.stdout.write(JSON.stringify({
  undici: process.moduleLoadList.some((name) => name.includes("undici")),
  navigator: typeof navigator === "undefined" ? "undefined" : String(navigator.userAgent),
  pool: typeof postgresStore === "function" ? typeof pg.Pool : "no store",
}));`;
  const run = spawnSync(process.execPath, ["--conditions=@tertial/source", "--import", "tsx", "--input-type=module", "-e", script], { cwd: new URL("..", import.meta.url), encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { undici: boolean; navigator: string; pool: string };
};

describe("loading node-postgres", () => {
  it("does not load Node's fetch (undici), and leaves no navigator behind where Node has none", () => {
    const seen = afterImport();
    expect(seen.pool).toBe("function");
    expect(seen.undici).toBe(false);
    // Node 21 and later have a navigator of their own, which stays as it was.
    expect(seen.navigator).toBe(Number(process.versions.node.split(".")[0]) >= 21 ? `Node.js/${process.versions.node.split(".")[0] ?? ""}` : "undefined");
  });

  it("leaves a navigator that was there before alone", () => {
    const seen = afterImport(`Object.defineProperty(globalThis, "navigator", { value: { userAgent: "the embedder's" }, configurable: true });`);
    expect(seen.navigator).toBe("the embedder's");
    expect(seen.undici).toBe(false);
  });
});
