import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, memoryStore, period, type EventDraft, type ReportDocument, type ReportSection } from "@tertial/core";
import { GROUPED_OUTLINE, cardPlanDrafts } from "../fixtures/card-plan.js";

const documentOf = async (drafts: readonly EventDraft[]): Promise<ReportDocument> => {
  let tick = Date.UTC(2022, 11, 15, 8);
  const store = memoryStore({ catalog: defaultCatalog, clock: () => (tick += 1000) });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return (await generateReport(store, defaultCatalog, { kind: "verksamhetsplan", period: period("2023..2025"), generatedBy: "test" })).document;
};

/** The numbered headings, as a table of contents lists them; an area's unnumbered sub-headings ("Budget och finansiering 2023") are left out. */
const headings = (sections: readonly ReportSection[], depth = 1): string[] =>
  sections.filter((section) => section.number !== null).flatMap((section) => [`${"#".repeat(depth)} ${section.number} ${section.title}`, ...headings(section.sections, depth + 1)]);

const withOutline = (outline: object): EventDraft[] => [...cardPlanDrafts(false), { type: "publication.outline-adopted", effectiveAt: "2022-12-15", data: outline }];

type Chapters = typeof GROUPED_OUTLINE.chapters;
const withChapters = (edit: (chapters: Chapters) => Chapters): object => ({ ...GROUPED_OUTLINE, chapters: edit(structuredClone(GROUPED_OUTLINE.chapters)) });

describe("an outline three heading levels deep: chapter, section, subsection", () => {
  it("numbers the fictional organisation's grouped plan 2.1.1 … with its own headings and no code of its own", async () => {
    const document = await documentOf(cardPlanDrafts("grouped"));
    expect(headings(document.sections)).toEqual([
      "# 1 Förbundets inriktning",
      "## 1.1 Vision",
      "## 1.2 Strategiska mål",
      "## 1.3 Mål och aktiviteter",
      "# 2 Verksamheten",
      "## 2.1 Välfärd och lärande",
      "### 2.1.1 Skolan",
      "### 2.1.2 Omsorgen",
      "## 2.2 Samhälle och miljö",
      "### 2.2.1 Kultur",
      "### 2.2.2 Miljö",
      "## 2.3 Förbundets kansli",
      "# 3 Ekonomi",
      "## 3.1 Budget",
      "### 3.1.1 Intäkter och kostnader per år",
      "### 3.1.2 Disponibla medel",
      "### 3.1.3 Flerårsplan",
      "## 3.2 Medarbetare",
    ]);
    // A section that only groups subsections has no blocks of its own; each area's card is in its subsection.
    const welfare = document.sections[1]?.sections[0];
    expect(welfare?.blocks).toEqual([]);
    // Each card's tables stand under its unnumbered sub-headings, which take no number: 2.1.1 is followed by 2.1.2.
    const card = welfare?.sections[0];
    expect(card?.sections.filter((part) => part.number === null).some((part) => part.blocks.some((block) => block.kind === "table"))).toBe(true);
    expect(card?.sections.map((part) => part.number)).toEqual(card?.sections.map(() => null));
    expect(document.appendices.map((appendix) => `${appendix.number} ${appendix.title}`)).toEqual(["Bilaga 1 Budget per område 2023"]);
  });

  it("leaves no hole where a subsection has nothing to show, and drops a grouping section whose subsections are all empty", async () => {
    const nowhere = { heading: "Finns inte", blocks: [{ block: "plan-area", section: "finns-inte" }] };
    const nowhereElse = { heading: "Finns inte heller", blocks: [{ block: "plan-area", section: "finns-inte-heller" }] };
    const document = await documentOf(
      withOutline(
        withChapters((chapters) => {
          const sections = chapters[1]?.sections ?? [];
          sections[0]?.subsections?.unshift(nowhere);
          sections.splice(1, 0, { heading: "Tom grupp", subsections: [nowhereElse] });
          return chapters;
        }),
      ),
    );
    expect(headings(document.sections[1]?.sections ?? [])).toEqual(["# 2.1 Välfärd och lärande", "## 2.1.1 Skolan", "## 2.1.2 Omsorgen", "# 2.2 Samhälle och miljö", "## 2.2.1 Kultur", "## 2.2.2 Miljö", "# 2.3 Förbundets kansli"]);
  });

  it("keeps a pinned subsection number and counts on from it; the next section starts its subsections at 1", async () => {
    const document = await documentOf(
      withOutline(
        withChapters((chapters) => {
          const first = chapters[1]?.sections[0]?.subsections?.[0];
          if (first !== undefined) Object.assign(first, { pinnedNumber: "2.1.3" });
          return chapters;
        }),
      ),
    );
    expect(headings(document.sections[1]?.sections ?? [])).toEqual(["# 2.1 Välfärd och lärande", "## 2.1.3 Skolan", "## 2.1.4 Omsorgen", "# 2.2 Samhälle och miljö", "## 2.2.1 Kultur", "## 2.2.2 Miljö", "# 2.3 Förbundets kansli"]);
  });

  it("refuses a section with neither blocks nor subsections, naming the field", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const outcome = await store.append(withOutline(withChapters((chapters) => [{ heading: "Tomt", sections: [{ heading: "Inget" }] }, ...chapters])));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((found) => found.path)).toContain("data.chapters[0].sections[0].blocks");
  });

  it("still reads an outline stored at version 1, and version 1 knows no subsections", async () => {
    const version1 = { ...GROUPED_OUTLINE, chapters: [{ heading: "Kort", sections: [{ heading: "Skolan", blocks: [{ block: "plan-area", section: "skola" }] }] }] };
    const document = await documentOf([...cardPlanDrafts(false), { type: "publication.outline-adopted", schemaVersion: 1, effectiveAt: "2022-12-15", data: version1 }]);
    expect(headings(document.sections)[0]).toBe("# 1 Kort");
    expect(headings(document.sections)[1]).toBe("## 1.1 Skolan");
    const store = memoryStore({ catalog: defaultCatalog });
    const refused = await store.append([...cardPlanDrafts(false), { type: "publication.outline-adopted", schemaVersion: 1, effectiveAt: "2022-12-15", data: GROUPED_OUTLINE }]);
    expect(refused.ok).toBe(false);
  });

  it("prints the 2022 plan's areas 4.1.1–4.1.12 one level down: #### in Markdown, h4 and a nested table of contents in HTML", () => {
    const markdown = readFileSync(new URL("../../../../examples/kommunal-utveckling-2022-plan/verksamhetsplan-2022-2024.md", import.meta.url), "utf8");
    const html = readFileSync(new URL("../../../../examples/kommunal-utveckling-2022-plan/verksamhetsplan-2022-2024.html", import.meta.url), "utf8");
    expect(markdown).toContain("\n#### 3.1.1 Budget och finansiering\n");
    const areas = [...markdown.matchAll(/^#### (4\.1\.\d+) /gm)].map((match) => match[1]);
    expect(areas).toEqual(Array.from({ length: 12 }, (_, index) => `4.1.${index + 1}`));
    expect(html).toContain("<h4>4.1.8 Verksamhetsförlagd utbildning (VFU)</h4>");
    expect(html).toMatch(/4\.1 FoUrum social välfärd och hälso- och sjukvård<\/a><ol><li><a href="#[^"]+">4\.1\.1 Missbruk och beroende<\/a>/);
  });

  it("gives the regenerated 2022 plan every numbered heading of the original's table of contents, in order, and only ours after them", () => {
    const markdown = readFileSync(new URL("../../../../examples/kommunal-utveckling-2022-plan/verksamhetsplan-2022-2024.md", import.meta.url), "utf8");
    const numbered = [...markdown.matchAll(/^#{2,4} (\d[\d.]*) (.+)$/gm)].map((match) => `${match[1]} ${match[2]}`);
    // Verksamhetsplan 2022-2024, Innehållsförteckning (page 3).
    const original = [
      "1 Inledning", "1.1 Grunduppdrag", "1.2 Vision", "1.3 Strategiska mål", "1.4 Agenda 2030 och de 17 globala målen", "1.5 Utvärdering av Kommunal utvecklings verksamhet", "1.6 Medarbetare",
      "2 Nuläge och förutsättningar", "2.1 Fokusområden för Kommunal utveckling",
      "3 Planering utifrån strategiska mål", "3.1 Vår verksamhet ska leda till en ändamålsenlig och kostnadseffektiv verksamhet för länets kommuner", "3.1.1 Budget och finansiering",
      "3.2 Vi har ett starkt och jämbördigt partnerskap med aktiva ägare", "3.3 I vår verksamhet är medborgarnas erfarenhet en viktig kunskapskälla", "3.4 Vår verksamhet kommer till reell nytta för användarna",
      "3.5 Vi stärker och ökar kompetensen i länet", "3.6 Vi använder forskning för att utveckla och förbättra kommunernas verksamheter",
      "4 Planering på områdesnivå", "4.1 FoUrum social välfärd och hälso- och sjukvård", "4.1.1 Missbruk och beroende", "4.1.2 Barn och unga", "4.1.3 Psykiatri",
      "4.1.4 Äldreomsorg och kommunal hälso- och sjukvård", "4.1.5 Arbete och delaktighet", "4.1.6 Funktionshinder", "4.1.7 Digitalisering inom socialtjänsten",
      "4.1.8 Verksamhetsförlagd utbildning (VFU)", "4.1.9 Vård- och omsorgscollege", "4.1.10 Myndighetsnätverket", "4.1.11 Barnahus Jönköpings län", "4.1.12 Familjehemsresursen",
      "4.2 FoUrum utbildning", "4.3 FoUrum fritid", "4.4 Miljösamverkan Jönköpings län", "4.5 Kurs och konferens",
    ];
    // The plan has no section for Fjärrundervisning and Ledning och stab, though its budget has rows for them: the outline places them last.
    expect(numbered).toEqual([...original, "4.6 Fjärrundervisning", "4.7 Ledning och stab"]);
  });
});

describe("an area the outline does not place", () => {
  it("comes last under its own name, its parts under their unnumbered headings, never loose beside other sections", async () => {
    const withoutOffice = withChapters((chapters) => chapters.map((chapter) => ({ ...chapter, sections: chapter.sections.filter((section) => section.heading !== "Förbundets kansli") })));
    const document = await documentOf(withOutline(withoutOffice));
    const last = document.sections.at(-1);
    expect(last?.title).toBe("Övrigt utanför dispositionen");
    expect(last?.sections.map((section) => [section.number, section.title])).toEqual([[`${last?.number ?? ""}.1`, "Kansli"]]);
    expect(last?.sections[0]?.sections.map((part) => [part.number, part.title])).toEqual([
      [null, "Verksamhetsplanering 2023"],
      [null, "Budget och finansiering 2023"],
      [null, "Medarbetare 2023"],
      [null, "Flerårsplan 2024"],
    ]);
  });
});
