/**
 * Vitest's global setup: compiles the packages (incremental `tsc -b`, a no-op when dist/ is up to
 * date) and bundles the CLI (scripts/bundle-cli.mjs, which rewrites only changed files), so tests
 * that spawn the real `tertial` run the built bundle, as users do, not TypeScript through a loader
 * at each start.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-b", "tsconfig.json"], { stdio: "inherit" });
  execFileSync(process.execPath, [fileURLToPath(new URL("bundle-cli.mjs", import.meta.url))], { stdio: "inherit" });
}
