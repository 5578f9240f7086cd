import { writeFile } from "node:fs/promises";
import { defaultCatalog } from "@tertial/core";
import { cliReference, eventReference, figureReference } from "./reference-docs.js";

await writeFile("docs/reference/events.md", eventReference(defaultCatalog));
await writeFile("docs/reference/cli.md", cliReference());
await writeFile("docs/reference/figures.md", figureReference(defaultCatalog));
process.stdout.write("wrote docs/reference/events.md, docs/reference/cli.md and docs/reference/figures.md\n");
