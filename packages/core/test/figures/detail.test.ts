import { describe, expect, it } from "vitest";
import { defaultCatalog, jsonlStore, period, replay, type AnyProjection, type ComputedFigure, type FigureSource, type ResultReader } from "@tertial/core";
import { EXAMPLE_LOG } from "../finance/support.js";

const store = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });

/** Every projection a figure of the catalog reads, replayed over the example log for a period. */
const readerFor = async (name: string): Promise<ResultReader> => {
  const results = new Map<AnyProjection, unknown>();
  for (const projection of new Set(defaultCatalog.figures.map((figure) => figure.projection))) {
    results.set(projection, await replay(store, defaultCatalog, projection, { period: period(name) }));
  }
  // Typed back by the projection object it was stored under.
  return (<R>(projection: { readonly name: string }) => results.get(projection as AnyProjection) as R | undefined) as ResultReader;
};

/** The parameters worth asking a figure with: none, its example, and each row its table lists. */
const paramsOf = (figure: FigureSource, read: ResultReader): Readonly<Record<string, string>>[] => {
  const example = Object.fromEntries(Object.entries(figure.example).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const rows = figure.rows?.(read) ?? [];
  const rowParam = Object.keys(figure.params)[0];
  return [{}, example, ...(rowParam === undefined ? [] : rows.map((row) => ({ ...example, [rowParam]: row })))];
};

const essentials = (computed: ComputedFigure | undefined) =>
  computed === undefined ? undefined : { exact: computed.exact.toFixed(), evidence: computed.evidence, text: computed.text };

describe("a figure's detail", () => {
  it.each(["2020-T1..T2", "2020"])("never changes its value or evidence: what a report prints (value) is what the audit compares (evaluate), for every figure of the catalog over the example log (%s)", async (name) => {
    const read = await readerFor(name);
    let withDetail = 0;
    let compared = 0;
    for (const figure of defaultCatalog.figures) {
      for (const params of paramsOf(figure, read)) {
        const printed = figure.value(read, params);
        const audited = figure.evaluate(read, params);
        expect(essentials(printed), `${figure.key} ${JSON.stringify(params)}`).toEqual(essentials(audited));
        if (audited !== undefined && (audited.alternatives !== undefined || audited.conflicts !== undefined || audited.parts !== undefined)) withDetail += 1;
        if (audited !== undefined) compared += 1;
      }
    }
    // The detail is there when evaluated: the comparison above is not between two figures without any.
    expect(compared).toBeGreaterThan(150);
    expect(withDetail).toBeGreaterThan(20);
  });
});
