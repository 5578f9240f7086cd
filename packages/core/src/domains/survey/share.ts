import { dec, ratio, toDecimalString } from "../../numbers/decimal.js";
import { DONT_KNOW } from "./events.js";

/** Counts of each answer key ("1"…"6", "vet ej"). */
export type AnswerCounts = Record<string, number>;

export interface SurveyShare {
  /** Answers on the scale (1–6); "vet ej" is left out. */
  readonly answered: number;
  readonly dontKnow: number;
  /** Answers 5 or 6 ("mycket nöjd"). */
  readonly satisfied: number;
  /** satisfied ÷ answered, exact; null when nobody answered on the scale. */
  readonly share: string | null;
}

/** A survey result: the share of 5–6 among answers 1–6; "vet ej" is not an answer (design §1). */
export const surveyShare = (counts: Readonly<AnswerCounts>): SurveyShare => {
  const at = (key: string): number => counts[key] ?? 0;
  const answered = ["1", "2", "3", "4", "5", "6"].reduce((sum, key) => sum + at(key), 0);
  const satisfied = at("5") + at("6");
  const share = ratio(dec(satisfied), dec(answered));
  return { answered, dontKnow: at(DONT_KNOW), satisfied, share: share === undefined ? null : toDecimalString(share) };
};

export const addCounts = (into: AnswerCounts, more: Readonly<AnswerCounts>): AnswerCounts => {
  for (const [key, count] of Object.entries(more)) into[key] = (into[key] ?? 0) + count;
  return into;
};
