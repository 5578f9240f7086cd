import { Decimal } from "../../numbers/decimal.js";
import type { UnitId } from "../../numbers/units.js";
import { defineFigure, type ComputedFigure } from "../../reconciliation/figure-source.js";
import { grantApplicationsProjection, type ApplicationRow, type GrantApplicationsResult } from "./applications.js";

const evidenceOf = (rows: readonly ApplicationRow[]): string[] => rows.flatMap((row) => row.evidence);

/** Nothing submitted in the period, or a submission span straddling it: the figure stays blank. */
const known = (result: GrantApplicationsResult): boolean => result.applications.length > 0 && result.undetermined.length === 0;

const grantsFigure = (key: string, description: string, unit: UnitId, compute: (result: GrantApplicationsResult) => ComputedFigure | undefined) =>
  defineFigure(grantApplicationsProjection, {
    key,
    description,
    params: {},
    unit,
    example: {},
    compute: (result) => (known(result) ? compute(result) : undefined),
  });

const rowsWith = (result: GrantApplicationsResult, decision: "granted" | "rejected" | null): ApplicationRow[] => result.applications.filter((row) => row.decision === decision);

const countOf = (rows: readonly ApplicationRow[], what: string): ComputedFigure => ({ exact: new Decimal(rows.length), evidence: evidenceOf(rows), derivation: `${rows.length} applications ${what}` });

const amountOf = (rows: readonly ApplicationRow[], pick: (row: ApplicationRow) => string, what: string): ComputedFigure => ({
  exact: rows.reduce((total, row) => total.plus(pick(row)), new Decimal(0)),
  evidence: evidenceOf(rows),
  derivation: `sum of ${rows.length} applications ${what}`,
  parts: rows.map((row) => new Decimal(pick(row))),
});

const shareOf = (part: string, whole: string, rows: readonly ApplicationRow[], what: string): ComputedFigure | undefined =>
  new Decimal(whole).isZero() ? undefined : { exact: new Decimal(part).dividedBy(whole), evidence: evidenceOf(rows), derivation: what };

export const grantsFigures = [
  grantsFigure("grants.submitted-count", "Applications submitted in the period (by submission date).", "st", (result) => countOf(result.applications, "submitted in the period")),
  grantsFigure("grants.submitted-amount", "Total amount applied for by the applications submitted in the period.", "kronor", (result) => amountOf(result.applications, (row) => row.amount, "submitted")),
  grantsFigure("grants.granted-count", "Applications submitted in the period that were granted.", "st", (result) => countOf(rowsWith(result, "granted"), "granted")),
  grantsFigure("grants.granted-amount", "Amount granted to the applications submitted in the period.", "kronor", (result) => amountOf(rowsWith(result, "granted"), (row) => row.amountGranted ?? "0", "granted")),
  grantsFigure("grants.rejected-count", "Applications submitted in the period that were rejected.", "st", (result) => countOf(rowsWith(result, "rejected"), "rejected")),
  grantsFigure("grants.rejected-amount", "Amount applied for by the rejected applications.", "kronor", (result) => amountOf(rowsWith(result, "rejected"), (row) => row.amount, "rejected")),
  grantsFigure("grants.pending-count", "Applications submitted in the period still undecided at its end.", "st", (result) => countOf(rowsWith(result, null), "pending")),
  grantsFigure("grants.granted-share-by-count", "Granted ÷ submitted applications (by count).", "percent", (result) =>
    shareOf(String(result.granted.count), String(result.submitted.count), result.applications, `${result.granted.count} granted of ${result.submitted.count} submitted`),
  ),
  grantsFigure("grants.granted-share-by-amount", "Amount granted ÷ amount applied for.", "percent", (result) =>
    shareOf(result.granted.amount, result.submitted.amount, result.applications, `${result.granted.amount} kr granted of ${result.submitted.amount} kr applied for`),
  ),
  grantsFigure("grants.funder-count", "Number of different funders the period's applications went to.", "count", (result) => ({
    exact: new Decimal(result.funders.length),
    evidence: evidenceOf(result.applications),
    derivation: result.funders.join(", "),
  })),
  defineFigure(grantApplicationsProjection, {
    key: "grants.application-amount",
    description: "The amount one application asked for, whether submitted in the period or earlier and decided in it (\"avslog ansökan om 817 600 kronor\").",
    params: { application: "the application (applicationId)" },
    unit: "kronor",
    example: { application: "pts-rakna-med-mig-innovationstavling" },
    compute: (result, params) => {
      const row = [...result.applications, ...result.submittedEarlier].find((each) => each.applicationId === params.application);
      return row === undefined ? undefined : { exact: new Decimal(row.amount), evidence: [...row.evidence], derivation: `applied for by ${row.title}` };
    },
  }),
] as const;

export const [grantsSubmittedCount, grantsSubmittedAmount, grantsGrantedCount, grantsGrantedAmount, grantsRejectedCount, grantsRejectedAmount, grantsPendingCount, grantsGrantedShareByCount, grantsGrantedShareByAmount, grantsFunderCount, grantsApplicationAmount] = grantsFigures;
