import { writeFile } from "node:fs/promises";
import { defaultCatalog } from "@tertial/core";
import { cliReference, eventReference } from "./reference-docs.js";

await writeFile("docs/reference/events.md", eventReference(defaultCatalog));
await writeFile("docs/reference/cli.md", cliReference());
process.stdout.write("wrote docs/reference/events.md and docs/reference/cli.md\n");
