import { execFile } from "node:child_process";
import { access, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "./foundation/cli.js";

const exec = promisify(execFile);
const PACKAGES = ["core", "render-markdown", "render-html", "render-pdf", "store-postgres", "cli"];
const EXAMPLE_DIR = join(REPO, "examples/kommunal-utveckling-2020");

/** The environment without the npm_* variables pnpm sets for its scripts, so npm runs as a user's would. */
const cleanEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== "INIT_CWD"));

let dir: string;
let tarballs: string[];
let project: string;
let install: { stdout: string; stderr: string };

/**
 * Packs the four packages as pnpm publishes them (`pnpm -r pack`: prepack builds, workspace:*
 * becomes the version) and installs the tarballs with plain npm into a project outside the
 * workspace, as a user would. Third-party dependencies come from the npm registry (or npm's cache).
 */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tertial-pack-"));
  const packs = join(dir, "packs");
  await mkdir(packs);
  await exec("npx", ["-y", "pnpm@10.34.9", "-r", "--workspace-concurrency=1", "pack", "--pack-destination", packs], { cwd: REPO, env: cleanEnv() });
  tarballs = (await readdir(packs)).filter((name) => name.endsWith(".tgz")).map((name) => join(packs, name));
  project = join(dir, "project");
  await mkdir(project);
  await writeFile(join(project, "package.json"), `${JSON.stringify({ name: "uses-tertial", private: true, type: "module" })}\n`);
  install = await exec("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-update-notifier", "--loglevel=warn", ...tarballs], { cwd: project, env: cleanEnv() });
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const listing = async (tarball: string): Promise<string[]> => (await exec("tar", ["-tzf", tarball])).stdout.trim().split("\n");

describe("the packages as published", () => {
  it("ship JavaScript, declarations, README and LICENSE; no sources, maps or build state", async () => {
    expect(tarballs).toHaveLength(PACKAGES.length);
    for (const tarball of tarballs) {
      const files = await listing(tarball);
      for (const needed of ["package/package.json", "package/README.md", "package/LICENSE", "package/dist/index.js", "package/dist/index.d.ts"]) expect(files, tarball).toContain(needed);
      if (tarball.includes("tertial-cli-")) expect(files, tarball).toContain("package/dist/bundle/main.js");
      // The code cache is the packing machine's (its V8, its paths): an installed tertial runs without it.
      expect(files.filter((file) => file.endsWith(".cache")), tarball).toEqual([]);
      expect(files.filter((file) => (file.endsWith(".ts") && !file.endsWith(".d.ts")) || file.endsWith(".map") || file.includes("tsbuildinfo") || file.startsWith("package/src/")), tarball).toEqual([]);
    }
  });

  it("carry their metadata, with workspace:* replaced by versions and fast-check only an optional peer", async () => {
    for (const name of PACKAGES) {
      const manifest = JSON.parse(await readFile(join(project, "node_modules/@tertial", name, "package.json"), "utf8")) as Record<string, unknown>;
      expect(manifest, name).toMatchObject({ license: "MIT", engines: { node: ">=20" }, repository: { type: "git" } });
      expect(typeof manifest.description, name).toBe("string");
      expect((manifest.keywords as string[]).length, name).toBeGreaterThan(0);
      expect(JSON.stringify(manifest), name).not.toContain("workspace:");
      expect(Object.keys((manifest.dependencies ?? {}) as object), name).not.toContain("fast-check");
    }
    const core = JSON.parse(await readFile(join(project, "node_modules/@tertial/core/package.json"), "utf8")) as { peerDependenciesMeta: Record<string, { optional: boolean }> };
    expect(core.peerDependenciesMeta["fast-check"]?.optional).toBe(true);
    await expect(access(join(project, "node_modules/fast-check"))).rejects.toThrow();
  });

  it("install with npm without a warning", () => {
    expect(install.stderr).toBe("");
    expect(install.stdout).not.toMatch(/warn/i);
  });

  it("type-check an import of the core and the renderers with TypeScript", async () => {
    await writeFile(
      join(project, "use.ts"),
      [
        'import { defaultCatalog, generateReport, memoryStore, period, type ReportDocument } from "@tertial/core";',
        'import { markdownRenderer } from "@tertial/render-markdown";',
        'import { htmlRenderer } from "@tertial/render-html";',
        "const store = memoryStore({ catalog: defaultCatalog, clock: () => 0 });",
        'const built = await generateReport(store, defaultCatalog, { kind: "tertialrapport", period: period("2020-T1"), generatedBy: "a user" });',
        "const document: ReportDocument = built.document;",
        "const texts: string[] = [markdownRenderer.render(document, {}), htmlRenderer.render(document, {})];",
        "console.log(texts.map((text) => text.length > 0).join(\" \"));",
        "",
      ].join("\n"),
    );
    const tsconfig = { compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, exactOptionalPropertyTypes: true, outDir: "out", types: ["node"], typeRoots: [join(REPO, "node_modules/@types")] }, files: ["use.ts"] };
    await writeFile(join(project, "tsconfig.json"), JSON.stringify(tsconfig));
    const tsc = join(REPO, "node_modules/typescript/bin/tsc");
    await exec(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: project });
    expect((await exec(process.execPath, ["out/use.js"], { cwd: project })).stdout).toBe("true true\n");
  });

  it("give a tertial command that prints the example's interim report byte for byte", async () => {
    const bin = join(project, "node_modules/.bin/tertial");
    expect((await exec(bin, ["--version"], { cwd: project })).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const report = await exec(bin, ["report", join(EXAMPLE_DIR, "events.jsonl"), "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--format", "md"], { cwd: project, maxBuffer: 1 << 26 });
    expect(report.stderr).toBe("");
    expect(report.stdout).toBe(await readFile(join(EXAMPLE_DIR, "delarsrapport-2020.md"), "utf8"));
  });
});

describe("the workspace", () => {
  it("refuses to be packed by npm, which would leave workspace:* in the tarball", async () => {
    const packed = exec("npm", ["pack", "--dry-run"], { cwd: join(REPO, "packages/cli"), env: cleanEnv() });
    await expect(packed).rejects.toMatchObject({ stderr: expect.stringContaining("Pack Tertial's packages with pnpm") as string });
  });

  it("links the tertial bin to a committed file, so install never warns about a missing dist/", async () => {
    const manifest = JSON.parse(await readFile(join(REPO, "packages/cli/package.json"), "utf8")) as { bin: Record<string, string> };
    for (const target of Object.values(manifest.bin)) {
      expect(target.startsWith("./dist/")).toBe(false);
      await access(join(REPO, "packages/cli", target));
    }
  });
});
