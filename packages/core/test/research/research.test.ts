import { describe, expect, it } from "vitest";
import { defaultCatalog, foldEvents, jsonlStore, period, replay, researchProjection } from "@tertial/core";
import { domainEvent, storeWithReference, tryAppend } from "../meetings/fixtures.js";

describe("research", () => {
  it("lists studies running in the period with their milestones, and completed ones only where they end inside it", () => {
    const events = [
      domainEvent("research.study-started", "2019-01-01", { studyId: "s1", title: "Studie ett" }),
      domainEvent("research.study-started", "2019-01-01", { studyId: "s2", title: "Studie två" }),
      domainEvent("research.study-progressed", "2019-06-01", { studyId: "s1", milestone: "Förra året" }),
      domainEvent("research.study-progressed", "2020-03-01", { studyId: "s1", milestone: "Intervjuer klara" }),
      domainEvent("research.study-completed", "2019-12-01", { studyId: "s2", outcome: "Rapport" }),
      domainEvent("research.scholarship-awarded", "2020-01-31", { scholarshipId: "x", institution: "Hälsohögskolan", category: "Bästa uppsats", thesisTitle: "T", authors: ["A"] }),
    ];
    const result = foldEvents(researchProjection, events, { period: period("2020-T1..T2") });
    expect(result.studies.map((study) => [study.studyId, study.status, study.milestones.map((one) => one.milestone)])).toEqual([["s1", "ongoing", ["Intervjuer klara"]]]);
    expect(result.scholarships.map((one) => one.scholarshipId)).toEqual(["x"]);
  });

  it("the example holds chapter 7: five studies (Sexit completed), two scholarships, two doctoral students, six dissemination items", async () => {
    const log = "examples/kommunal-utveckling-2020/events.jsonl";
    const result = (await replay(jsonlStore({ path: log, catalog: defaultCatalog }), defaultCatalog, researchProjection, { period: period("2020-T1..T2") }));
    expect(result.studies).toHaveLength(5);
    expect(result.studies.find((study) => study.studyId === "sexit")?.status).toBe("completed");
    expect([result.scholarships.length, result.doctoralStudents.length, result.dissemination.length]).toEqual([2, 2, 6]);
  });
});

describe("research: bad input is refused whole", () => {
  it("progress of an unknown study and an unknown funder", async () => {
    const store = await storeWithReference();
    const { issues, appended } = await tryAppend(store, [
      { type: "research.study-progressed", effectiveAt: "2020-03-01", data: { studyId: "nej", milestone: "x" } },
      { type: "research.study-started", effectiveAt: "2020-03-01", data: { studyId: "s", title: "S", funderIds: ["okand"] } },
    ]);
    expect(appended).toBe(0);
    expect(issues.map((found) => [found.code, found.path])).toEqual([
      ["unknown-reference", "data.studyId"],
      ["unknown-reference", "data.funderIds[0]"],
    ]);
  });
});
