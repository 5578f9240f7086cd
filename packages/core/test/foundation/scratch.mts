import * as fc from "fast-check";
import { defaultCatalog, staffingProjection, referenceProjection } from "@tertial/core";
import * as T from "@tertial/core/testing";
const subject = { catalog: defaultCatalog, log: T.arbFoundationLog(), restate: T.restateStaff };
const sample = fc.sample(subject.log, 5);
for (const s of sample) { const b = await T.buildLog(defaultCatalog, s); console.log(s.entries.length, b.events.length, b.refused.length); }
for (const [name, law] of [
  ["det", T.determinismLaw(staffingProjection, subject)],
  ["known", T.knownAtPrefixLaw(staffingProjection, subject)],
  ["corr", T.correctionInvarianceLaw(staffingProjection, subject)],
  ["cp", T.checkpointEquivalenceLaw(staffingProjection, subject)],
  ["add", T.periodAdditivityLaw(staffingProjection, (r) => r.changes.length, subject)],
  ["stock", T.stockAtEndLaw(staffingProjection, (r) => r.atEnd, subject)],
  ["stockref", T.stockAtEndLaw(referenceProjection, (r) => ({...r, asOf: null}), subject)],
] as const) {
  const t0 = Date.now();
  await fc.assert(law as any, { numRuns: 200 });
  console.log(name, Date.now() - t0, "ms");
}
