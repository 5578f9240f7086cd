import { describe, expect, it } from "vitest";
import { budgetFollowUpProjection, defaultCatalog, jsonlStore, metricsProjection, period, replay, replayMany } from "@tertial/core";
import { AS_PUBLISHED, EXAMPLE_LOG } from "../finance/support.js";

const store = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });

describe("several projections over one read of the log", () => {
  it.each([
    ["2020-T2", undefined],
    ["2020-T1..T2", AS_PUBLISHED],
    ["2020", undefined],
  ] as const)("give each the result it has replayed alone, the metrics reading the shared folds (%s, known at %s)", async (name, knownAt) => {
    const options = { period: period(name), ...(knownAt === undefined ? {} : { knownAt }) };
    const many = await replayMany(store, defaultCatalog, [{ projection: metricsProjection, period: "report" }, { projection: budgetFollowUpProjection, period: "report" }, { projection: budgetFollowUpProjection, period: "previous-year" }], options);
    expect(many.results.get(metricsProjection)).toEqual(await replay(store, defaultCatalog, metricsProjection, options));
    expect(many.results.get(budgetFollowUpProjection)).toEqual(await replay(store, defaultCatalog, budgetFollowUpProjection, options));
    expect(many.results.get(metricsProjection)?.rows.length).toBeGreaterThan(0);
  });
});
