import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { processIo, run } from "@tertial/cli";
import { defaultCatalog } from "@tertial/core";
import { describe, expect, it } from "vitest";
import { catalog, demo } from "../../../../docs/examples/custom-domain.js";
import { outreachTertial } from "../../../../docs/examples/custom-cli.js";
import { csvRenderer } from "../../../../docs/examples/csv-renderer.js";
import { decodeReportDocument, type ReportTable } from "@tertial/core";
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
    // No outline is adopted in this log and the default one names only built-in blocks and the log's texts: the section comes under "Övrigt utanför dispositionen", after the text's chapter, counted.
    expect((await demo()).section).toEqual({ number: "2.1", recipients: "200" });
  });

  it("prints its own figure where a text names it, and refuses a misspelt one at append with the near miss", async () => {
    expect((await demo()).text).toEqual({
      printed: "Nyhetsbreven nådde 200 mottagare.",
      misspelt: '"{{outreach.recipient}}" names no figure "outreach.recipient" (did you mean outreach.recipients?)',
    });
  });
});

describe("the developer guide's own tertial", () => {
  it("appends, validates and replays the custom domain's events, which the built-in command refuses", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tertial-custom-cli-"));
    const said: string[] = [];
    const io = { ...processIo(), cwd: dir, stdout: (text: string) => void said.push(text), stderr: (text: string) => void said.push(text) };
    const drafts = [
      { id: "area-fritid", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fourum-fritid", name: "FoUrum fritid" } },
      { id: "nl-1", type: "outreach.newsletter-sent", effectiveAt: "2020-04-20", data: { newsletterId: "april", areaId: "fourum-fritid", recipients: 120 } },
    ];
    await writeFile(join(dir, "drafts.jsonl"), drafts.map((draft) => JSON.stringify(draft)).join("\n") + "\n");
    expect(await outreachTertial(["init", "log.jsonl"], io)).toBe(0);
    expect(await run(["append", "log.jsonl", "--events", "drafts.jsonl"], io)).toBe(3);
    expect(said.join("")).toContain('unknown event type "outreach.newsletter-sent"');
    expect(await outreachTertial(["append", "log.jsonl", "--events", "drafts.jsonl"], io)).toBe(0);
    expect(await outreachTertial(["validate", "log.jsonl"], io)).toBe(0);
    said.length = 0;
    expect(await outreachTertial(["replay", "log.jsonl", "--projection", "outreach-recipients", "--period", "2020-T1..T2"], io)).toBe(0);
    expect(JSON.parse(said.join(""))).toEqual({ newsletters: 1, recipients: "120" });
  });

  it("reports with the house it is given: the module's figure printed where a text names it, and its own section; the built-in command has neither", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tertial-custom-cli-"));
    const said: string[] = [];
    const io = { ...processIo(), cwd: dir, stdout: (text: string) => void said.push(text), stderr: (text: string) => void said.push(text) };
    const drafts = [
      { id: "area-fritid", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fourum-fritid", name: "FoUrum fritid" } },
      { id: "nl-1", type: "outreach.newsletter-sent", effectiveAt: "2020-04-20", data: { newsletterId: "april", areaId: "fourum-fritid", recipients: 120 } },
      { id: "text-utskick", type: "narrative.written", effectiveAt: "2020-08-31", data: { narrativeId: "utskick", kind: "analysis", from: "2020-01-01", to: "2020-08-31", section: "2.5", markdown: "Nyhetsbreven nådde {{outreach.recipients}} mottagare." } },
    ];
    await writeFile(join(dir, "drafts.jsonl"), drafts.map((draft) => JSON.stringify(draft)).join("\n") + "\n");
    expect(await outreachTertial(["init", "log.jsonl"], io)).toBe(0);
    expect(await outreachTertial(["append", "log.jsonl", "--events", "drafts.jsonl"], io)).toBe(0);
    expect(await outreachTertial(["validate", "log.jsonl"], io)).toBe(0);
    said.length = 0;
    expect(await outreachTertial(["report", "log.jsonl", "--kind", "delarsrapport", "--period", "2020-T1..T2", "--no-snapshots"], io)).toBe(0);
    const report = said.join("");
    expect(report).toContain("Nyhetsbreven nådde 120 mottagare.");
    // The section of the house: its table's one row, "Mottagare", with the figure.
    expect(report).toMatch(/\| Mottagare \| \[?120\]?/);
    said.length = 0;
    expect(await run(["report", "log.jsonl", "--kind", "delarsrapport", "--period", "2020-T1..T2", "--no-snapshots"], io, catalog)).toBe(0);
    expect(said.join("")).not.toContain("Mottagare");
    // diff builds with the house as well: a later newsletter moves the section's figure, resumed from a snapshot.
    await writeFile(join(dir, "more.jsonl"), `${JSON.stringify({ id: "nl-2", type: "outreach.newsletter-sent", effectiveAt: "2020-06-09", data: { newsletterId: "june", areaId: "fourum-fritid", recipients: 80 } })}\n`);
    expect(await outreachTertial(["snapshot", "log.jsonl", "--kind", "delarsrapport", "--period", "2020-T1..T2"], io)).toBe(0);
    const between = new Date().toISOString();
    await new Promise((done) => setTimeout(done, 20));
    said.length = 0;
    expect(await outreachTertial(["append", "log.jsonl", "--events", "more.jsonl"], io)).toBe(0);
    said.length = 0;
    expect(await outreachTertial(["diff", "log.jsonl", "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", between, "--known-at", "now"], io)).toBe(5);
    expect(said.join("")).toMatch(/\toutreach\.recipients\t120 → 200/);
  });
});

describe("the developer guide's renderer plugin", () => {
  it("prints every table of the example's interim report as CSV, figures as printed", async () => {
    const said: string[] = [];
    const io = { ...processIo(), stdout: (text: string) => void said.push(text), stderr: () => undefined };
    const args = ["report", "examples/kommunal-utveckling-2020/events.jsonl", "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--format", "json"];
    expect(await run(args, io)).toBe(0);
    const decoded = decodeReportDocument(JSON.parse(said.join("")));
    if (!decoded.ok) throw new Error(decoded.errors.join("\n"));
    const csv = csvRenderer.render(decoded.document);
    const blocks = csv.trimEnd().split("\r\n\r\n");
    const tables = JSON.stringify(decoded.document).match(/"kind":"table"/g)?.length ?? 0;
    expect(blocks).toHaveLength(tables);
    // Figures print with the Swedish thousands separator (a no-break space); compared here with plain spaces.
    const budget = blocks.find((block) => block.includes("Tabell 2 Budgetuppföljning per 2020-08-31"))?.split("\r\n").map((row) => row.replace(/\s/g, " "));
    expect(budget?.[0]).toBe("2.4 Ekonomisk redovisning");
    expect(budget).toContain("Summa,66 619,67 736,134 355,39 287,31 873,102 482,81 611,89 000");
    expect(budget).toContain("Förstärkt samverkan,8 350,8 344,16 694,,,16 694,16 694,");
    // A caption with a comma in it is quoted, as RFC 4180 says.
    const table: ReportTable = { kind: "table", id: "t", caption: 'Tabell "A", B', unitNote: null, align: [], head: [], body: [{ cells: [{ kind: "text", text: "x,y", marks: [] }, { kind: "blank", marks: [] }] }], foot: [], footnotes: [] };
    const quoted = csvRenderer.render({ ...decoded.document, sections: [{ id: "s", number: "1", title: "A", blocks: [table], sections: [] }], appendices: [] });
    expect(quoted).toBe('1 A\r\n"Tabell ""A"", B"\r\n"x,y",\r\n');
  });
});
