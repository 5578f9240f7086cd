import * as t from "io-ts";

const words = <const V extends readonly [string, ...string[]]>(name: string, values: V) =>
  t.keyof(Object.fromEntries(values.map((value) => [value, null])) as { [K in V[number]]: null }, name);

export const REPORT_METRIC_STATUSES = ["met", "partly-met", "not-met", "no-result"] as const;
export const ReportMetricStatusC = words("MetricStatus", REPORT_METRIC_STATUSES);
export type ReportMetricStatus = t.TypeOf<typeof ReportMetricStatusC>;

export const REPORT_ACTIVITY_STATUSES = ["on-track", "not-started", "delayed", "issues", "serious-issues", "cancelled", "done"] as const;
export const ReportActivityStatusC = words("ActivityStatus", REPORT_ACTIVITY_STATUSES);
export type ReportActivityStatus = t.TypeOf<typeof ReportActivityStatusC>;

export const REPORT_TRENDS = ["up", "down", "unchanged"] as const;
export const ReportTrendC = words("Trend", REPORT_TRENDS);
export type ReportTrend = t.TypeOf<typeof ReportTrendC>;

/** A symbol and the words that say what it means: the text alternative a renderer must print or announce. */
export interface ReportSymbolMeaning {
  readonly symbol: string;
  /** A short label, for a table cell or an accessible name ("delvis uppfyllt"). */
  readonly label: string;
  /** The legend's full sentence. */
  readonly text: string;
}

/** Bilaga 1, "Symbolförteckning för mätetal", in the house order. */
export const METRIC_STATUS_SYMBOLS: Readonly<Record<ReportMetricStatus, ReportSymbolMeaning>> = {
  met: { symbol: "●", label: "uppfyllt", text: "resultatet når önskat målvärde, mätetalet är uppfyllt" },
  "partly-met": { symbol: "◆", label: "delvis uppfyllt", text: "resultatet når inte önskat målvärde, mätetalet är delvis uppfyllt" },
  "not-met": { symbol: "■", label: "inte uppfyllt", text: "resultatet når inte önskat målvärde, mätetalet är inte uppfyllt" },
  "no-result": { symbol: "○", label: "inget resultat", text: "det finns inget resultat redovisat för den aktuella perioden" },
};

/** Bilaga 1, "Symbolförteckning för aktiviteter", in the house order. */
export const ACTIVITY_STATUS_SYMBOLS: Readonly<Record<ReportActivityStatus, ReportSymbolMeaning>> = {
  "on-track": { symbol: "▶", label: "pågår enligt plan", text: "aktiviteten pågår enligt plan" },
  "not-started": { symbol: "◌", label: "ej påbörjad", text: "aktiviteten är ej påbörjad" },
  delayed: { symbol: "◷", label: "försenad", text: "aktiviteten är försenad" },
  issues: { symbol: "▲", label: "pågår med problem", text: "aktiviteten pågår med problem" },
  "serious-issues": { symbol: "‼", label: "pågår med allvarligt problem", text: "aktiviteten pågår med allvarligt problem" },
  cancelled: { symbol: "✕", label: "avbruten", text: "aktiviteten är avbruten" },
  done: { symbol: "✓", label: "klar", text: "aktiviteten är klar" },
};

export const TREND_SYMBOLS: Readonly<Record<ReportTrend, ReportSymbolMeaning>> = {
  up: { symbol: "↗", label: "högre", text: "högre än jämförelsevärdet" },
  down: { symbol: "↘", label: "lägre", text: "lägre än jämförelsevärdet" },
  unchanged: { symbol: "→", label: "oförändrat", text: "oförändrat mot jämförelsevärdet" },
};
