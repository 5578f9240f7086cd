import { describe, expect, it } from "vitest";
import { Decimal, roundTo, type BudgetFollowUpResult, type FactSum, type FinancialResultResult, type FundsBySourceResult, type OutcomeBySourceResult, type StateGrantsResult } from "@tertial/core";
import { replayExample } from "./support.js";

/** A fact sum as Tabell 1 prints it: whole tkr, rounded from exact kr; "" for blank. */
const tkr = (sum: FactSum): string => (sum.exact === null || sum.unknown ? "" : roundTo(new Decimal(sum.exact).dividedBy(1000), { decimals: 0, mode: "half-up" }).toFixed());
const pct = (share: string | null | undefined): string => (share === null || share === undefined ? "" : roundTo(new Decimal(share).times(100), { decimals: 0, mode: "half-up" }).toFixed());

describe("budget-follow-up on the example (Tabell 1, T-G)", () => {
  it("reproduces every figure of Tabell 1 that agrees with its facts, and computes the ones that do not", async () => {
    const result = await replayExample<BudgetFollowUpResult>("budget-follow-up", "2020-T1..T2");
    const table = Object.fromEntries(
      [...result.rows, result.total].map((row) => [row.row, [row.opening, row.received, row.available, row.budget, row.outcome, row.remaining, row.remainingEarmarked, row.forecast].map(tkr)]),
    );
    expect(table).toEqual({
      "fourum-svhs": ["55389", "50344", "105733", "28917", "21054", "84679", "64917", "89000"],
      "forstarkt-samverkan": ["8350", "8344", "16694", "", "", "16694", "16694", ""],
      miljosamverkan: ["128", "999", "1127", "1100", "710", "417", "", ""],
      // Printed 3 743: 5 114 − 1 371 from rounded parts; the recorded balance is 3 743 943 kr.
      "fourum-utbildning": ["2300", "2814", "5114", "2800", "1371", "3744", "", ""],
      "fourum-fritid": ["452", "992", "1444", "970", "709", "735", "", ""],
      "kurs-och-konferens": ["", "648", "648", "2000", "1195", "-547", "", ""],
      // Printed blank: 5 723 − 6 660.
      "ledning-och-stab": ["0", "5723", "5723", "6600", "6660", "-937", "", ""],
      // Printed 174: −2 128 − 174.
      "ledning-och-stab:internal-charge": ["0", "-2128", "-2128", "-3100", "174", "-2302", "", ""],
      // Printed 105 895 (the recorded balance of all areas), not the sum of the rows.
      total: ["66619", "67736", "134355", "39287", "31873", "102482", "81611", "89000"],
    });
    expect(tkr(result.priorSurplus)).toBe("252");
    expect(tkr(result.accumulatedSurplus)).toBe("89252");
  });

  it("gives avvikelse only where a budget exists", async () => {
    const result = await replayExample<BudgetFollowUpResult>("budget-follow-up", "2020-T1..T2");
    const deviation = Object.fromEntries(result.rows.map((row) => [row.row, tkr(row.deviation)]));
    expect(deviation["fourum-svhs"]).toBe("7863");
    expect(deviation["forstarkt-samverkan"]).toBe("");
  });

  it("keeps a figure blank when its facts straddle the period (no part of Jan–Aug totals in H1)", async () => {
    const result = await replayExample<BudgetFollowUpResult>("budget-follow-up", "2020-H1");
    const kok = result.rows.find((row) => row.row === "kurs-och-konferens");
    expect(kok?.received.unknown).toBe(true);
    expect(tkr(kok?.received ?? result.total.received)).toBe("");
  });
});

describe("funds-by-source on the example (Tabell 2a/2b, T-H, T-I)", () => {
  it("reproduces the balances by source in kr and the shares", async () => {
    const result = await replayExample<FundsBySourceResult>("funds-by-source", "2020-T1..T2");
    const rows = Object.fromEntries(result.rows.map((row) => [row.row, [row.total.exact, ...["kommunerna", "staten", "ovriga"].map((source) => row.bySource[source]?.exact ?? null), pct(row.shareOfTotal)]]));
    expect(rows).toEqual({
      "forstarkt-samverkan+fourum-svhs": ["100174286", "16412550", "81611957", "2149779", "95"],
      miljosamverkan: ["416812", "383479", null, "33333", "0"],
      "fourum-utbildning": ["3743943", "3743943", null, null, "4"],
      "fourum-fritid": ["734700", "734700", null, null, "1"],
      "kurs-och-konferens+ledning-och-stab": ["825474", "825474", null, null, "1"],
    });
    expect(result.total.total.exact).toBe("105895215");
    expect(result.total.earmarkedState.exact).toBe("81611957");
    const svhs = result.rows[0];
    // Printed 82 %: the exact share is 81,47 %.
    expect([svhs?.sourceShares.kommunerna, svhs?.sourceShares.staten, svhs?.sourceShares.ovriga].map(pct)).toEqual(["16", "81", "2"]);
    expect(["kommunerna", "staten", "ovriga"].map((source) => pct(result.total.sourceShares[source] ?? null))).toEqual(["21", "77", "2"]);
    expect(pct(result.total.shareOfTotal)).toBe("100");
  });
});

describe("outcome-by-source on the example (Tabell 3a/3b, T-J, T-K)", () => {
  it("reproduces the costs by source, Ledning och stab's internally financed part eliminated (footnote ** of Tabell 1)", async () => {
    const result = await replayExample<OutcomeBySourceResult>("outcome-by-source", "2020-T1..T2");
    const rows = Object.fromEntries(result.rows.map((row) => [row.row, ["kommunerna", "staten", "ovriga"].map((source) => row.bySource[source]?.exact ?? null)]));
    expect(rows).toEqual({
      "fourum-svhs": ["6146000", "12449000", "2459000"],
      miljosamverkan: ["643000", null, "67000"],
      "fourum-utbildning": ["1371000", null, null],
      "fourum-fritid": ["709000", null, null],
      "kurs-och-konferens": ["972000", null, "223000"],
      "ledning-och-stab": ["2396000", null, "1955000"],
    });
    const management = result.rows.find((row) => row.row === "ledning-och-stab");
    // Tabell 1's utfall keeps every cost; the financing table counts 4 351 000 and 29 390 000, as printed.
    expect(management?.total.exact).toBe("6660000");
    expect(management?.internal.exact).toBe("2309000");
    expect(management?.financed.exact).toBe("4351000");
    expect(management?.unattributed.exact).toBeNull();
    expect(result.total.financed.exact).toBe("29390000");
    expect(result.total.withSource.exact).toBe("29390000");
    // (12 449 000 + 4 704 000) ÷ 29 390 000 = 58,36 %, the 2.2 metric as printed.
    expect(pct(result.externalShare)).toBe("58");
    expect(["fourum-svhs", "fourum-utbildning", "ledning-och-stab"].map((id) => pct(result.rows.find((row) => row.row === id)?.shareOfTotal ?? null))).toEqual(["72", "5", "15"]);
    const svhs = result.rows[0];
    expect(["kommunerna", "staten", "ovriga"].map((source) => pct(svhs?.sourceShares[source] ?? null))).toEqual(["29", "59", "12"]);
  });
});

describe("financial-result and state-grants on the example", () => {
  it("computes the result of the lines whose money does not carry over, and each line's own", async () => {
    const result = await replayExample<FinancialResultResult>("financial-result", "2020-T1..T2");
    expect(result.financialResult.exact).toBe("-3786000");
    expect(result.rows.find((row) => row.row === "kurs-och-konferens")?.result.exact).toBe("-547000");
  });

  it("sums the state money requisitioned in 2020", async () => {
    const result = await replayExample<StateGrantsResult>("state-grants", "2020-T1..T2");
    expect(result.requisitionedTotal.exact).toBe("45993360");
    expect(result.allocated.map((entry) => entry.amount.exact)).toEqual(["20149360"]);
  });
});
