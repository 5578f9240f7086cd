/**
 * Every vocabulary a log may extend follows the same rules, with the same wording: a term is
 * defined once, never over a built-in id, and only a definition that supersedes the first one
 * relabels it. Checked through appends, for each vocabulary the catalog has.
 */
import { describe, expect, it } from "vitest";
import { defaultCatalog, memoryStore, type EventDraft, type Issue } from "../../src/index.js";

interface Vocabulary {
  readonly noun: string;
  readonly type: string;
  readonly idField: string;
  readonly builtInId: string;
  readonly fields: Record<string, string>;
}

const VOCABULARIES: readonly Vocabulary[] = [
  { noun: "financing source", type: "finance.funding-source-defined", idField: "sourceId", builtInId: "staten", fields: { name: "regionen", label: "Tillförda medel regionen" } },
  { noun: "seat side", type: "meetings.seat-side-defined", idField: "sideId", builtInId: "region", fields: { name: "skolorna", label: "Skolorna" } },
  { noun: "employment form", type: "staff.employment-form-defined", idField: "formId", builtInId: "visstid", fields: { name: "projektanställning", label: "Projektanställd" } },
  { noun: "staff financing kind", type: "staff.financing-defined", idField: "kindId", builtInId: "grund", fields: { name: "regionbidrag", label: "Regionbidrag" } },
  { noun: "revenue category", type: "plan.revenue-category-defined", idField: "categoryId", builtInId: "fees", fields: { label: "Sponsring" } },
  { noun: "staff class", type: "plan.staff-class-defined", idField: "classId", builtInId: "fou", fields: { label: "Bibliotek" } },
  { noun: "theme", type: "narrative.theme-defined", idField: "themeId", builtInId: "kvalitetshojning", fields: { name: "hållbarhet", label: "Hållbarhet" } },
];

const definition = (vocabulary: Vocabulary, id: string, termId: string, second = 0, supersedes?: string): EventDraft =>
  ({
    id,
    type: vocabulary.type,
    effectiveAt: "2021-01-01",
    recordedAt: `2021-01-01T10:00:0${second}.000Z`,
    data: { [vocabulary.idField]: termId, ...vocabulary.fields },
    ...(supersedes === undefined ? {} : { supersedes }),
  }) as EventDraft;

/** The issues an append of `drafts` onto a log of `log` gives, or [] when it is appended. */
const appendIssues = async (log: readonly EventDraft[], drafts: readonly EventDraft[]): Promise<readonly Issue[]> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const before = await store.append(log);
  if (!before.ok) throw new Error(before.issues.map((each) => each.message).join("; "));
  const outcome = await store.append(drafts);
  return outcome.ok ? [] : outcome.issues;
};

describe.each(VOCABULARIES)("the $noun vocabulary", (vocabulary) => {
  const path = `data.${vocabulary.idField}`;
  const first = definition(vocabulary, "def-1", "egen", 1);

  it("refuses a definition of a built-in id, saying it needs none", async () => {
    const issues = await appendIssues([], [definition(vocabulary, "def-b", vocabulary.builtInId)]);
    expect(issues).toEqual([expect.objectContaining({ code: "conflict", path, actual: vocabulary.builtInId, message: `"${vocabulary.builtInId}" is a built-in ${vocabulary.noun}; it needs no definition` })]);
  });

  it("refuses a second definition of an id, naming the first, unless it supersedes that one", async () => {
    const again = await appendIssues([first], [definition(vocabulary, "def-2", "egen", 2)]);
    expect(again).toEqual([expect.objectContaining({ code: "conflict", path, actual: "egen", message: `${vocabulary.noun} "egen" is already defined by event def-1; supersede that definition to change it` })]);
    expect(await appendIssues([first], [definition(vocabulary, "def-2", "egen", 2, "def-1")])).toEqual([]);
  });

  it("does not take a definition that supersedes some other event for a relabelling", async () => {
    const other = definition(vocabulary, "def-other", "annan", 2);
    const issues = await appendIssues([first, other], [definition(vocabulary, "def-3", "egen", 3, "def-other")]);
    expect(issues).toContainEqual(expect.objectContaining({ code: "conflict", path, message: `${vocabulary.noun} "egen" is already defined by event def-1; supersede that definition to change it` }));
  });
});
