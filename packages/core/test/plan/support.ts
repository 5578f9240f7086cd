import { defaultCatalog, memoryStore, type EventDraft } from "@tertial/core";

export const PLAN = "vp";

/** Reference facts and an adopted plan 2022–2024 (comparison year 2021), for rule and fold tests. */
export const planPreamble = (): EventDraft[] => [
  { type: "reference.area-established", effectiveAt: "2021-01-01", data: { areaId: "ku", name: "KU" } },
  { type: "reference.area-established", effectiveAt: "2021-01-01", data: { areaId: "social", name: "Social", parentId: "ku" } },
  { type: "reference.area-established", effectiveAt: "2021-01-01", data: { areaId: "stab", name: "Stab", parentId: "ku", kind: "management" } },
  { type: "reference.funder-established", effectiveAt: "2021-01-01", data: { funderId: "esf", name: "ESF", kind: "eu" } },
  { type: "strategy.goal-established", effectiveAt: "2022-01-01", data: { goalId: "mal-1", kind: "strategic", number: "1", title: "Ett" } },
  { type: "plan.adopted", effectiveAt: "2021-12-31", data: { planId: PLAN, kind: "verksamhetsplan", title: "VP 2022-2024", fromYear: 2022, toYear: 2024, detailedYear: 2022, comparisonYear: 2021 } },
];

/** A memory store with the preamble, its clock one second per event from 2021-12-31 so nothing reads the time. */
export const planStore = async (extra: readonly EventDraft[] = []) => {
  let tick = Date.UTC(2021, 11, 31, 8);
  const store = memoryStore({ catalog: defaultCatalog, clock: () => (tick += 1000) });
  const outcome = await store.append([...planPreamble(), ...extra]);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return store;
};

/** The paths of the issues an append of `drafts` raises (empty when accepted). */
export const issuePaths = async (drafts: EventDraft[], before: readonly EventDraft[] = []): Promise<string[]> => {
  const store = await planStore(before);
  const outcome = await store.append(drafts);
  return outcome.ok ? [] : outcome.issues.map((found) => found.path);
};
