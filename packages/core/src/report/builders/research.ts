import type { ResearchResult } from "../../domains/research/research.js";
import { researchProjection } from "../../domains/research/research.js";
import type { ReportTable } from "../document/blocks.js";
import { headerRow, row, table, textCell } from "./cells.js";
import { monthName } from "./kinds.js";
import { defineSection, nothing, resultOf, type BuiltSection, type Placement, type ReportBuildContext } from "./context.js";

/** The research chapter of the house: 7, with 7.1 studies, 7.2 dissemination, 7.3 scholarships, 7.4 doctoral students. */
export const RESEARCH_CHAPTER = "7";

/** "2020-03-12", or "januari 2020" when only the month is known. */
const dateText = (date: string, precision: "day" | "month" | undefined): string => (precision === "month" ? `${monthName(Number(date.slice(5, 7)))} ${date.slice(0, 4)}` : date);

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

const studiesTable = (result: ResearchResult): ReportTable =>
  table({
    id: "forskningsstudier",
    caption: "Forskningsstudier under perioden",
    align: ["left", "left", "left"],
    head: [headerRow(["Studie", "Status", "Beskrivning och händelser under perioden"])],
    body: result.studies.map((study) =>
      row([
        textCell(study.title),
        textCell(study.completed !== null ? "Avslutad" : "Pågår"),
        textCell([study.started.description ?? "", ...study.milestones.map((milestone) => `${dateText(milestone.date, milestone.datePrecision)}: ${milestone.milestone}`)].filter((part) => part !== "").join(" ")),
      ]),
    ),
  });

const disseminationTable = (result: ResearchResult): ReportTable =>
  table({
    id: "spridning",
    caption: "Spridning av forskning",
    align: ["left", "left"],
    head: [headerRow(["Aktivitet", "Beskrivning"])],
    body: result.dissemination.map((item) => row([textCell(item.title), textCell(item.description)])),
  });

const scholarshipsTable = (result: ResearchResult): ReportTable =>
  table({
    id: "stipendier",
    caption: "Stipendier",
    align: ["left", "left", "left", "left", "left"],
    head: [headerRow(["Datum", "Lärosäte", "Kategori", "Uppsats", "Skriven av"])],
    body: result.scholarships.map((item) => row([textCell(dateText(item.date, item.datePrecision)), textCell(item.institution), textCell(item.category), textCell(`”${item.thesisTitle}”`), textCell(item.authors.join(" och "))])),
  });

const studentsTable = (result: ResearchResult): ReportTable =>
  table({
    id: "doktorandstudier",
    caption: "Doktorand- och licentiatstudier",
    align: ["left", "left", "left", "left", "right"],
    head: [headerRow(["Namn", "Nivå", "Lärosäte", "Avhandlingens inriktning", "Beräknad examen"])],
    body: result.doctoralStudents.map((student) =>
      row([textCell(student.name), textCell(capitalised(student.level)), textCell(student.university), textCell(student.topic), textCell(student.expectedCompletionYear === undefined ? "" : String(student.expectedCompletionYear))]),
    ),
  });

/** Chapter 7: the research facts of the period as tables; each subsection only when it has facts. */
const buildResearchSections = (context: ReportBuildContext): BuiltSection => {
  const result = resultOf(context, researchProjection);
  if (result === undefined) return nothing;
  const at = (slot: string, sub: number, title: string, present: boolean, build: () => ReportTable): Placement[] => (present ? [{ slot, number: `${RESEARCH_CHAPTER}.${sub}`, title, blocks: [build()] }] : []);
  const placements = [
    ...at("research-studies", 1, "Pågående forskningsstudier", result.studies.length > 0, () => studiesTable(result)),
    ...at("research-dissemination", 2, "Spridning", result.dissemination.length > 0, () => disseminationTable(result)),
    ...at("research-scholarships", 3, "Stipendier", result.scholarships.length > 0, () => scholarshipsTable(result)),
    ...at("research-doctoral-students", 4, "Doktorandstudier", result.doctoralStudents.length > 0, () => studentsTable(result)),
  ];
  return placements.length === 0 ? nothing : { placements, appendices: [], evidence: {} };
};

export const researchSections = defineSection({ name: "research", reads: [researchProjection], build: buildResearchSections });
