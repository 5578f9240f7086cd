import { readFile } from "node:fs/promises";
import { defaultCatalog } from "@tertial/core";
import { describe, expect, it } from "vitest";
import { demo } from "../../../../docs/examples/custom-domain.js";
import { cliReference, eventReference } from "../../../../scripts/reference-docs.js";

describe("the generated reference", () => {
  it("docs/reference/events.md is up to date with the codecs (pnpm docs:reference)", async () => {
    expect(await readFile("docs/reference/events.md", "utf8")).toBe(eventReference(defaultCatalog));
  });

  it("docs/reference/cli.md is up to date with the commands' help (pnpm docs:reference)", async () => {
    expect(await readFile("docs/reference/cli.md", "utf8")).toBe(cliReference());
  });

  it("documents every event type and every command", () => {
    const events = eventReference(defaultCatalog);
    for (const definition of defaultCatalog.definitions) expect(events).toContain(`\`${definition.type}\``);
    expect(cliReference()).toContain("## tertial verify");
  });
});

describe("the developer guide's example", () => {
  it("runs as written: a custom event, rule and projection, replayed now and as known at a date", async () => {
    const result = await demo();
    expect(result.now).toEqual({ newsletters: 2, recipients: "200" });
    expect(result.before).toEqual({ newsletters: 1, recipients: "120" });
    expect(result.rejected).toBe('unknown area "nowhere"');
  });

  it("prints its own report section through a house built from the default one", async () => {
    // No outline is adopted in this log and the default one names only built-in blocks: the section comes under "Övrigt utanför dispositionen", counted.
    expect((await demo()).section).toEqual({ number: "1.1", recipients: "200" });
  });
});
