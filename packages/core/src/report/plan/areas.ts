import { termsInUse } from "../../domains/plan/vocabularies.js";
import { planBaselineProjection } from "../../domains/plan/baseline.js";
import { areaCardsOf, type AreaCard } from "../../domains/plan/area-cards.js";
import { planAvailableFunds, planNetCost } from "../../domains/plan/budget-figures.js";
import { planStaff } from "../../domains/plan/staff-figures.js";
import type { ActivityTiming } from "../../domains/activities/events.js";
import type { ReportBlock } from "../document/blocks.js";
import { headerRow, row, table, textCell } from "../builders/cells.js";
import { monthName } from "../builders/kinds.js";
import { defineSection, nothing, type BuiltSection, type Placement, type ReportBuildContext } from "../builders/context.js";
import { chapterHeading } from "./strategy.js";
import { planGoalTitle, planGoalWordingProjection } from "./goal-wording.js";
import { documentedPlan, planYearCell, yearsLabel, type DocumentedPlan } from "./plan-cells.js";

/** An area's name as the organisation's directory gives it; its id when the directory does not name it. */
export const areaLabel = (documented: DocumentedPlan, areaId: string): string => documented.result.areaNames[areaId]?.name ?? areaId;

const TKR = { unit: "tkr" as const, options: { withSuffix: false } };

const texts = (card: AreaCard): ReportBlock[] =>
  [
    card.purpose === null ? null : `**Syfte.** ${card.purpose}`,
    card.targetGroup === null ? null : `**Målgrupp.** ${card.targetGroup}`,
    card.steeringGroup === null ? null : `**Styrgrupp.** ${card.steeringGroup}`,
  ]
    .filter((text): text is string => text !== null)
    .map((markdown) => ({ kind: "paragraph", markdown }));

const goalsAndActivities = (context: ReportBuildContext, card: AreaCard, year: number): ReportBlock[] => {
  const titleOf = planGoalTitle(context);
  const goals: ReportBlock[] = card.goals.length === 0 ? [] : [{ kind: "paragraph", markdown: ["**Mål**", ...card.goals.map((goal) => `- ${titleOf(goal)}`)].join("\n") }];
  const activities: ReportBlock[] =
    card.activities.length === 0
      ? []
      : [
          table({
            id: `plan-aktiviteter-${card.areaId}`,
            caption: `Aktiviteter ${year}: ${card.name}`,
            align: ["left", "left", "left"],
            head: [headerRow(["Aktivitet", "När", "Ansvarig"])],
            body: card.activities.map((activity) => row([textCell(activity.title), textCell(activity.timing === null ? "" : timingText(activity.timing)), textCell(activity.responsible ?? "")])),
          }),
        ];
  return [...goals, ...activities];
};

/** When in its year an activity is planned, in the document's words: "tertial 2", "mars", "hela året". */
export const timingText = (timing: ActivityTiming): string => {
  switch (timing.kind) {
    case "tertial":
      return `tertial ${timing.tertial}`;
    case "month":
      return monthName(timing.month);
    case "year":
      return "hela året";
  }
};

/** The area's budget and financing of the year: net cost and funds at its disposal through the plan's figures, then the financing it states. */
const budgetAndFinancing = (context: ReportBuildContext, documented: DocumentedPlan, card: AreaCard, evidence: Record<string, readonly string[]>): ReportBlock[] => {
  const { plan } = documented;
  const year = plan.detailedYear;
  const place = { ...TKR, evidence };
  const rows = [
    ...(card.budget === null ? [] : [row([textCell(`Nettokostnad ${year}`), planYearCell(context, documented, planNetCost, { plan: plan.planId, area: card.areaId }, year, place)])]),
    ...(card.funds === null ? [] : [row([textCell(`Disponibla medel ${year}`), planYearCell(context, documented, planAvailableFunds, { plan: plan.planId, row: card.areaId }, year, place)])]),
  ];
  const financing = card.financing.flatMap((entry) => entry.sources.map((source) => `- ${source.description}${source.condition === undefined ? "" : ` (${source.condition})`}`));
  return [
    ...(rows.length === 0 ? [] : [table({ id: `plan-budget-${card.areaId}`, caption: `Budget och finansiering ${year}: ${card.name}`, unitNote: "tkr", align: ["left", "right"], head: [headerRow(["", "Plan"])], body: rows })]),
    ...(financing.length === 0 ? [] : [{ kind: "paragraph" as const, markdown: ["**Finansiering**", ...financing].join("\n") }]),
  ];
};

/** The area's planned staff of the year (årsarbetare), through the plan's staff figure. */
const staffOf = (context: ReportBuildContext, documented: DocumentedPlan, card: AreaCard, evidence: Record<string, readonly string[]>): ReportBlock[] => {
  const { plan } = documented;
  const year = plan.detailedYear;
  if (card.staff.length === 0) return [];
  const cell = planYearCell(context, documented, planStaff, { plan: plan.planId, area: card.areaId }, year, { unit: "fte", options: { withSuffix: false }, evidence });
  return [table({ id: `plan-medarbetare-${card.areaId}`, caption: `Medarbetare ${year}: ${card.name}`, unitNote: "årsarbetare", align: ["left", "right"], head: [headerRow(["", "Plan"])], body: [row([textCell(`Medarbetare ${year}`), cell])] })];
};

/** The area's net cost in the multi-year plan's years. */
const multiYearOf = (context: ReportBuildContext, documented: DocumentedPlan, card: AreaCard, evidence: Record<string, readonly string[]>): ReportBlock[] => {
  const { plan } = documented;
  if (card.multiYear.length === 0) return [];
  const place = { ...TKR, evidence };
  const rows = card.multiYear.map((entry) => row([textCell(`Nettokostnad ${entry.year}`), planYearCell(context, documented, planNetCost, { plan: plan.planId, area: card.areaId }, entry.year, place)]));
  return [table({ id: `plan-flerarsplan-${card.areaId}`, caption: `${multiYearTitle(card)}: ${card.name}`, unitNote: "tkr", align: ["left", "right"], head: [headerRow(["", "Plan"])], body: rows })];
};

const multiYearTitle = (card: AreaCard): string => {
  const years = card.multiYear.map((entry) => entry.year);
  const [first, last] = [years[0], years[years.length - 1]];
  return first === undefined || last === undefined ? "Flerårsplan" : `Flerårsplan ${yearsLabel(first, last)}`;
};

/**
 * An area's parts as the plan heads them, unnumbered, inside the area's section: its planning of
 * the year (goals, activities), budget and financing, staff, and the multi-year plan. Its purpose,
 * target group and steering group stand before them, in the section itself.
 */
const areaParts = (context: ReportBuildContext, documented: DocumentedPlan, card: AreaCard, evidence: Record<string, readonly string[]>): { readonly heading?: string; readonly blocks: ReportBlock[] }[] => {
  const year = documented.plan.detailedYear;
  return [
    { blocks: texts(card) },
    { heading: `Verksamhetsplanering ${year}`, blocks: goalsAndActivities(context, card, year) },
    { heading: `Budget och finansiering ${year}`, blocks: budgetAndFinancing(context, documented, card, evidence) },
    { heading: `Medarbetare ${year}`, blocks: staffOf(context, documented, card, evidence) },
    { heading: multiYearTitle(card), blocks: multiYearOf(context, documented, card, evidence) },
  ].filter((part) => part.blocks.length > 0);
};

/**
 * Placements per area the plan describes or budgets (slot `plan-area:<area id>`): its texts, then
 * under unnumbered headings its goals and activities, budget and financing, staff and multi-year
 * plan. A plan laid out per strategic goal puts them under "Planering på områdesnivå"; one laid
 * out as cards gives each its own section: same blocks.
 */
const buildAreas = (context: ReportBuildContext): BuiltSection => {
  const documented = documentedPlan(context);
  if (documented === undefined) return nothing;
  const { plan, result } = documented;
  const evidence: Record<string, readonly string[]> = {};
  const cards = areaCardsOf(result, plan, plan.detailedYear).flatMap((card) => {
    const parts = areaParts(context, documented, card, evidence);
    return parts.length === 0 ? [] : [{ card, parts }];
  });
  const placements = cards.flatMap(({ card, parts }, index): Placement[] =>
    parts.map((part) => ({ slot: `plan-area:${card.areaId}`, number: `4.${index + 1}`, title: card.name, blocks: part.blocks, ...(part.heading === undefined ? {} : { heading: part.heading }) })),
  );
  return { placements: [...placements, ...chapterHeading("4", "Planering på områdesnivå", placements.length > 0)], appendices: [], evidence };
};

/**
 * Planned staff of the detailed year by class and in total: a row for each class the plan has
 * staff lines in, so an organisation without research or a separate staff function prints no
 * empty rows for them.
 */
const buildStaff = (context: ReportBuildContext): BuiltSection => {
  const documented = documentedPlan(context);
  if (documented === undefined) return nothing;
  const { plan, result } = documented;
  const year = plan.detailedYear;
  if (!plan.staff.some((entry) => entry.year === year)) return nothing;
  const evidence: Record<string, readonly string[]> = {};
  const cell = (staffClass: string | undefined) =>
    planYearCell(context, documented, planStaff, staffClass === undefined ? { plan: plan.planId } : { plan: plan.planId, class: staffClass }, year, { unit: "fte", options: { withSuffix: false }, evidence });
  const planned = new Set(plan.staff.find((entry) => entry.year === year)?.lines.map((line) => line.staffClass));
  // Built-in classes first in their fixed order (FoU, Ledning och stab, Övrig), then the log's own in the order defined.
  const classRows = termsInUse(result.staffClasses, planned).map((staffClass) => row([textCell(staffClass.label), cell(staffClass.id)]));
  const blocks = [
    table({
      id: "plan-medarbetare",
      caption: `Medarbetare ${year}`,
      unitNote: "årsarbetare",
      align: ["left", "right"],
      head: [headerRow(["", "Årsarbetare"])],
      body: classRows,
      foot: [row([textCell("Summa"), cell(undefined)])],
    }),
  ];
  return { placements: [{ slot: "plan-staff", number: "1.6", title: "Medarbetare", blocks }], appendices: [], evidence };
};

export const planAreaSections = defineSection({ name: "plan-areas", reads: [planBaselineProjection, planGoalWordingProjection], build: buildAreas });
export const planStaffSection = defineSection({ name: "plan-staff", reads: [planBaselineProjection], build: buildStaff });
