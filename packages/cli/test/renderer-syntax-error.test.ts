import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, spawnCli, useTempDir } from "./foundation/cli.js";

const EXAMPLE = join(REPO, "examples/kommunal-utveckling-2020/events.jsonl");
const REPORT = ["report", EXAMPLE, "--kind", "delarsrapport", "--period", "2020-T1..T2"];

/**
 * A renderer plugin that does not parse is named with the place Node found the error, as
 * `file:line:column` (no column at the end of the input): Node 20 keeps an ES module's syntax
 * error's place out of the error it rejects the import with. Exit 2, as for any plugin that
 * cannot load. The real binary: the bundle's `import` is the shim's, Node's own.
 */
describe("tertial report --renderer with a module that cannot be parsed", () => {
  const tempDir = useTempDir();

  it("names file and line of an ES module that ends too soon, the file as given outside the working directory", async () => {
    const dir = await tempDir();
    const plugin = join(dir, "x.mjs");
    await writeFile(plugin, 'export default {\n  id: "x",\n  render(document) { return "" ;\n');
    expect(await spawnCli([...REPORT, "--renderer", plugin])).toEqual({ code: 2, stdout: "", stderr: `tertial report: --renderer ${plugin}: cannot load the module (${plugin}:4: SyntaxError: Unexpected end of input)\n` });
  });

  it("names file, line and column of an unexpected token, relative to the working directory", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "broken.mjs"), 'export const renderer = {\n  id: "broken",\n  render: (document) => document.title +,\n};\n');
    expect(await spawnCli(["report", EXAMPLE, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--renderer", "./broken.mjs"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "tertial report: --renderer ./broken.mjs: cannot load the module (broken.mjs:3:41: SyntaxError: Unexpected token ',')\n",
    });
  });

  it("names the place of a CommonJS syntax error and of an import the module it imports does not export", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "broken.cjs"), "module.exports = { id: 1 ;\n");
    await writeFile(join(dir, "imports.mjs"), 'import { nothing } from "node:fs";\nexport default nothing;\n');
    expect(await spawnCli([...REPORT, "--renderer", "broken.cjs"], { cwd: dir })).toEqual({ code: 2, stdout: "", stderr: "tertial report: --renderer broken.cjs: cannot load the module (broken.cjs:1:26: SyntaxError: Unexpected token ';')\n" });
    expect(await spawnCli([...REPORT, "--renderer", "imports.mjs"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "tertial report: --renderer imports.mjs: cannot load the module (imports.mjs:1:10: SyntaxError: The requested module 'node:fs' does not provide an export named 'nothing')\n",
    });
  });
});
