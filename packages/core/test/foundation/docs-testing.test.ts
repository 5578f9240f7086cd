import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));

it("docs/testing.md shows docs-example.test.ts exactly as it runs", async () => {
  const doc = await readFile(join(here, "../../../../docs/testing.md"), "utf8");
  const example = await readFile(join(here, "docs-example.test.ts"), "utf8");
  expect(doc).toContain(`\`\`\`ts\n${example}\`\`\``);
});
