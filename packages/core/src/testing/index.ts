/**
 * `@tertial/core/testing`: fast-check arbitraries for Tertial's periods, dates, decimal strings,
 * event drafts and whole valid logs, and the laws of design §10 as reusable properties. Run a
 * law with `await fc.assert(law, { numRuns: 200 })` against your own projections.
 */
import * as fc from "fast-check";
import type { EventDraft } from "../events/envelope.js";
import { arbLogScript, type LogArbitraryOptions, type LogScript } from "./log.js";
import { arbReferenceDraft, referencePreamble } from "./reference.js";
import { arbStaffDraft, restateStaff } from "./staff.js";
import { defaultWorld, type DraftWorld } from "./world.js";

export * from "./numbers.js";
export * from "./time.js";
export * from "./world.js";
export * from "./reference.js";
export * from "./staff.js";
export * from "./log.js";
export * from "./laws/common.js";
export * from "./laws/determinism.js";
export * from "./laws/known-at.js";
export * from "./laws/corrections.js";
export * from "./laws/checkpoint.js";
export * from "./laws/periods.js";
export * from "./laws/round-trip.js";
export * from "./laws/tamper.js";
export * from "./laws/forget.js";
export * from "./store-conformance.js";

/** Reference and staff drafts together, staff more often. */
export const arbFoundationDraft = (world: DraftWorld = defaultWorld): fc.Arbitrary<EventDraft> =>
  fc.oneof({ weight: 4, arbitrary: arbStaffDraft(world) }, { weight: 1, arbitrary: arbReferenceDraft(world) });

/** Valid logs of the built-in reference and staff domains, with corrections: the ready-made subject for the laws. */
export const arbFoundationLog = (options: Partial<LogArbitraryOptions> & { readonly world?: DraftWorld } = {}): fc.Arbitrary<LogScript> =>
  arbLogScript({ preamble: referencePreamble(options.world), draft: arbFoundationDraft(options.world), restate: restateStaff, ...options });
export * from "./laws/snapshot.js";
