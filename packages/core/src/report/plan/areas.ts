import { planBaselineProjection } from "../../domains/plan/baseline.js";
import { areaCardsOf, type AreaCard } from "../../domains/plan/area-cards.js";
import { planAvailableFunds, planNetCost } from "../../domains/plan/budget-figures.js";
import { planStaff } from "../../domains/plan/staff-figures.js";
import type { ReportBlock } from "../document/blocks.js";
import { headerRow, row, table, textCell } from "../builders/cells.js";
import { defineSection, nothing, type BuiltSection, type Placement, type ReportBuildContext } from "../builders/context.js";
import { chapterHeading } from "./strategy.js";
import { documentedPlan, planYearCell, type DocumentedPlan } from "./plan-cells.js";

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

const goalsAndActivities = (card: AreaCard, year: number): ReportBlock[] => {
  const goals: ReportBlock[] = card.goals.length === 0 ? [] : [{ kind: "paragraph", markdown: ["**Mål**", ...card.goals.map((goal) => `- ${goal.title}`)].join("\n") }];
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

const timingText = (timing: object): string =>
  Object.values(timing)
    .filter((value): value is string | number => typeof value === "string" || typeof value === "number")
    .join(" ");

/** The area's budget and financing of the year: net cost, funds at its disposal and planned staff through the plan's figures, then the financing it states. */
const budgetAndFinancing = (context: ReportBuildContext, documented: DocumentedPlan, card: AreaCard, evidence: Record<string, readonly string[]>): ReportBlock[] => {
  const { plan } = documented;
  const year = plan.detailedYear;
  const place = { ...TKR, evidence };
  const rows = [
    ...(card.budget === null ? [] : [row([textCell(`Nettokostnad ${year}`), planYearCell(context, documented, planNetCost, { plan: plan.planId, area: card.areaId }, year, place)])]),
    ...(card.funds === null ? [] : [row([textCell(`Disponibla medel ${year}`), planYearCell(context, documented, planAvailableFunds, { plan: plan.planId, row: card.areaId }, year, place)])]),
    ...card.multiYear.map((entry) => row([textCell(`Nettokostnad ${entry.year} (flerårsplan)`), planYearCell(context, documented, planNetCost, { plan: plan.planId, area: card.areaId }, entry.year, place)])),
  ];
  const staff = card.staff.length === 0 ? [] : [row([textCell(`Medarbetare ${year} (årsarbetare)`), planYearCell(context, documented, planStaff, { plan: plan.planId, area: card.areaId }, year, { unit: "fte", options: { withSuffix: false }, evidence })])];
  const financing = card.financing.flatMap((entry) => entry.sources.map((source) => `- ${source.description}${source.condition === undefined ? "" : ` (${source.condition})`}`));
  return [
    ...(rows.length + staff.length === 0 ? [] : [table({ id: `plan-budget-${card.areaId}`, caption: `Budget och finansiering ${year}: ${card.name}`, unitNote: "tkr", align: ["left", "right"], head: [headerRow(["", "Plan"])], body: [...rows, ...staff] })]),
    ...(financing.length === 0 ? [] : [{ kind: "paragraph" as const, markdown: ["**Finansiering**", ...financing].join("\n") }]),
  ];
};

/**
 * One placement per area the plan describes or budgets (slot `plan-area:<area id>`): its texts,
 * goals, activities, budget and financing. A plan laid out per strategic goal puts them under
 * "Planering på områdesnivå"; one laid out as cards gives each its own section: same blocks.
 */
const buildAreas = (context: ReportBuildContext): BuiltSection => {
  const documented = documentedPlan(context);
  if (documented === undefined) return nothing;
  const { plan, result } = documented;
  const evidence: Record<string, readonly string[]> = {};
  const placements = areaCardsOf(result, plan, plan.detailedYear).flatMap((card, index): Placement[] => {
    const blocks = [...texts(card), ...goalsAndActivities(card, plan.detailedYear), ...budgetAndFinancing(context, documented, card, evidence)];
    return blocks.length === 0 ? [] : [{ slot: `plan-area:${card.areaId}`, number: `4.${index + 1}`, title: card.name, blocks }];
  });
  return { placements: [...placements, ...chapterHeading("4", "Planering på områdesnivå", placements.length > 0)], appendices: [], evidence };
};

/** Planned staff of the detailed year by class (FoU, ledning och stab, övrig) and in total. */
const buildStaff = (context: ReportBuildContext): BuiltSection => {
  const documented = documentedPlan(context);
  if (documented === undefined) return nothing;
  const { plan } = documented;
  const year = plan.detailedYear;
  if (!plan.staff.some((entry) => entry.year === year)) return nothing;
  const evidence: Record<string, readonly string[]> = {};
  const cell = (staffClass: "fou" | "management" | "other" | undefined) =>
    planYearCell(context, documented, planStaff, staffClass === undefined ? { plan: plan.planId } : { plan: plan.planId, class: staffClass }, year, { unit: "fte", options: { withSuffix: false }, evidence });
  const blocks = [
    table({
      id: "plan-medarbetare",
      caption: `Medarbetare ${year}`,
      unitNote: "årsarbetare",
      align: ["left", "right"],
      head: [headerRow(["", "Årsarbetare"])],
      body: [row([textCell("FoU"), cell("fou")]), row([textCell("Ledning och stab"), cell("management")]), row([textCell("Övrig"), cell("other")])],
      foot: [row([textCell("Summa"), cell(undefined)])],
    }),
  ];
  return { placements: [{ slot: "plan-staff", number: "1.6", title: "Medarbetare", blocks }], appendices: [], evidence };
};

export const planAreaSections = defineSection({ name: "plan-areas", reads: [planBaselineProjection], build: buildAreas });
export const planStaffSection = defineSection({ name: "plan-staff", reads: [planBaselineProjection], build: buildStaff });
