import type { FigureSource } from "../../reconciliation/figure-source.js";
import { planBudgetFigures } from "./budget-figures.js";
import { planFollowUpFigures } from "./follow-up-figures.js";
import { planFundsFigures } from "./funds-figures.js";
import { planStaff } from "./staff-figures.js";

export * from "./budget-figures.js";
export * from "./funds-figures.js";
export * from "./staff-figures.js";
export * from "./follow-up-figures.js";
export * from "./follow-up.js";
export { planFor } from "./plan-select.js";

/** Every figure the plan domain computes: its budget tables, the funds its text speaks of, staff, and the follow-up's plan columns. */
export const planFigures: readonly FigureSource[] = [...planBudgetFigures, ...planFundsFigures, planStaff, ...planFollowUpFigures];
