/**
 * A domain of your own, end to end: an event type, a consistency rule, a projection, a store,
 * and a replay as known at a date. Run it with `pnpm tsx --conditions=@tertial/source docs/examples/custom-domain.ts`;
 * the test suite runs it too, so it stays true.
 */
import {
  Id,
  KnownReferences,
  NonNegativeInteger,
  REFERENCE_FACTS,
  dec,
  defaultCatalog,
  defaultHouse,
  defineEvent,
  defineFigure,
  defineProjection,
  defineRule,
  defineSection,
  definedCell,
  effectiveDateOf,
  contains,
  generateReport,
  memoryStore,
  period,
  placed,
  replay,
  row,
  strictObject,
  table,
  textCell,
  type DomainModule,
  type ReportHouse,
  type ReportSection,
} from "@tertial/core";

// 1. An event type: "<domain>.<fact in the past tense>", a description, and a strict codec.
export const NewsletterSent = defineEvent({
  type: "outreach.newsletter-sent",            // "<domain>.<fact in the past tense>"
  description: "A newsletter went out to the members of an area.",
  data: strictObject("NewsletterSent", { newsletterId: Id, areaId: Id, recipients: NonNegativeInteger }),
});

// 2. A rule against what the log already holds: the area must exist.
const knownArea = defineRule<KnownReferences>({
  name: "outreach-known-area",
  init: () => new KnownReferences(),
  learn: (known, event) => known.learn(event),
  learnsFrom: REFERENCE_FACTS,
  check: (known, event) => (NewsletterSent.is(event) ? known.requireArea(event.data.areaId, "data.areaId") : []),
});

// 3. A projection: a pure fold that selects by effective time (a flow: inside the period).
export const recipientsProjection = defineProjection({
  name: "outreach-recipients",
  description: "Newsletters sent and recipients reached in the period.",
  init: () => ({ recipients: 0, newsletters: 0 }),
  evolve: (state, event, { period }) => {           // pure: no I/O, no clock
    const date = effectiveDateOf(event.effectiveAt);
    if (NewsletterSent.is(event) && date !== undefined && contains(period, date)) {
      state.newsletters += 1;                        // mutate the state you own; never copy it
      state.recipients += event.data.recipients;
    }
    return state;
  },
  result: (state) => ({ newsletters: state.newsletters, recipients: dec(state.recipients).toFixed() }),
});

// 4. A figure computed from the projection's result, and a report section that prints it.
export const recipientsFigure = defineFigure(recipientsProjection, {
  key: "outreach.recipients",
  description: "Recipients the period's newsletters reached.",
  params: {},                                            // name: meaning; every parameter is optional
  unit: "count",
  example: {},
  compute: (result) => ({ exact: dec(result.recipients), evidence: [] }),  // result is typed: no cast
});

// A report section declares the figures it prints; the projections the report replays are derived from them.
// placed(slot, number, title, blocks): the slot names the block in an outline; the number is where a
// house without outlines (the plan's) puts it, and ties it to a text keyed by that number.
export const outreachSection = defineSection({
  name: "outreach",
  figures: [recipientsFigure],
  build: (context) =>
    placed("outreach", "2.5", "Utskick", [
      table({
        id: "outreach",
        caption: "Utskick",
        align: ["left", "right"],
        head: [],
        body: [row([textCell("Mottagare"), definedCell(context, recipientsFigure, {}, { key: "outreach.recipients", unit: "count" })])],
      }),
    ]),
});

// 5. A module, and a catalog that knows it alongside the built-in domains; a house that prints the section.
export const outreachModule: DomainModule = { name: "outreach", events: [NewsletterSent], rules: [knownArea], projections: [recipientsProjection], figures: [recipientsFigure] };
export const catalog = defaultCatalog.with(outreachModule);
export const outreachHouse: ReportHouse = { ...defaultHouse, builders: [...defaultHouse.builders, outreachSection] };

// 6. A store (memory here; a file needs `await initLog(path)` once, then `jsonlStore({ path, catalog })`), appends, replays and a report.
/** The section of a report with this title, wherever the outline put it. */
const sectionTitled = (sections: readonly ReportSection[], title: string): ReportSection | undefined => {
  for (const section of sections) {
    const found = section.title === title ? section : sectionTitled(section.sections, title);
    if (found !== undefined) return found;
  }
  return undefined;
};

/** The paragraph of a report whose text starts so, wherever it was placed. */
const paragraphStarting = (sections: readonly ReportSection[], start: string): string | undefined => {
  for (const section of sections) {
    const found = section.blocks.find((block) => block.kind === "paragraph" && block.markdown.startsWith(start)) ?? undefined;
    if (found?.kind === "paragraph") return found.markdown;
    const deeper = paragraphStarting(section.sections, start);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
};

export const demo = async (): Promise<{ now: unknown; before: unknown; rejected: string; section: unknown; text: { printed: string | undefined; misspelt: string } }> => {
  let clock = Date.parse("2020-05-01T08:00:00Z");
  const store = memoryStore({ catalog, clock: () => clock });  // a file: await initLog("log.jsonl"), then jsonlStore({ path: "log.jsonl", catalog })
  await store.append([{ id: "area-fritid", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fourum-fritid", name: "FoUrum fritid" } }]);
  await store.append([{ id: "nl-1", type: NewsletterSent.type, effectiveAt: "2020-04-20", data: { newsletterId: "april", areaId: "fourum-fritid", recipients: 120 } }]);
  clock = Date.parse("2020-06-10T08:00:00Z");
  await store.append([{ id: "nl-2", type: NewsletterSent.type, effectiveAt: "2020-06-09", data: { newsletterId: "june", areaId: "fourum-fritid", recipients: 80 } }]);
  const refused = await store.append([{ type: NewsletterSent.type, effectiveAt: "2020-06-10", data: { newsletterId: "x", areaId: "nowhere", recipients: 1 } }]);
  const rejected = refused.ok ? "accepted?!" : (refused.issues[0]?.message ?? "");
  // A text names the module's figure as it names a built-in one: checked at append against the catalog's figures, computed when the report is built.
  clock = Date.parse("2020-09-01T08:00:00Z");
  const text = (narrativeId: string, markdown: string) => ({ type: "narrative.written", effectiveAt: "2020-08-31", data: { narrativeId, kind: "analysis", from: "2020-01-01", to: "2020-08-31", section: "2.5", markdown } });
  await store.append([{ id: "text-utskick", ...text("utskick", "Nyhetsbreven nådde {{outreach.recipients}} mottagare.") }]);
  const misspelt = await store.append([text("utskick-fel", "Nyhetsbreven nådde {{outreach.recipient}} mottagare.")]);
  const now = await replay(store, catalog, recipientsProjection, { period: period("2020-T1..T2") });
  const before = await replay(store, catalog, recipientsProjection, { period: period("2020-T1..T2"), knownAt: "2020-05-31" });
  const report = await generateReport(store, catalog, { kind: "delarsrapport", period: period("2020-T1..T2"), generatedBy: "custom-domain example", house: outreachHouse });
  const printed = sectionTitled(report.document.sections, "Utskick");
  const cells = printed?.blocks.flatMap((block) => (block.kind === "table" ? block.body.flatMap((line) => line.cells) : [])) ?? [];
  const figure = cells.find((cell) => cell.kind === "figure");
  const texts = { printed: paragraphStarting(report.document.sections, "Nyhetsbreven"), misspelt: misspelt.ok ? "accepted?!" : (misspelt.issues[0]?.message ?? "") };
  return { now, before, rejected, section: { number: printed?.number, recipients: figure?.kind === "figure" ? figure.figure.text : undefined }, text: texts };
};

if (process.argv[1]?.endsWith("custom-domain.ts") === true) {
  console.log(JSON.stringify(await demo(), null, 2));
}

