import { learnLog, prepareAppend, RecordsAtHand, rehearseRules, type AppendContext, type EventDraft, type EventSource, type LogHead, type Prepared } from "@tertial/core";
import { coreOf, idIndexOf, idsNamedBy, loadAppendCore, lookUpIds, saveAppendCore, type SavedCore } from "./append-state.js";
import { fetchWanted } from "./rule-records.js";
import type { LogRef, Queryable } from "./rows.js";

/**
 * The batch checked against the saved state, its rules' entries fetched as the check needs them:
 * a rehearsal of the rules on the batch notes most keys, one fetch brings them, and the check
 * runs. A check that still looked up an entry not at hand (a correction's forgotten fact, say) is
 * void: what it wanted is fetched and it runs again, from the saved bytes (a check writes nothing
 * but the state it is given). Each round fetches something new, so the rounds end. Undefined when
 * the saved bytes do not load.
 */
const checkedFromSaved = async (db: Queryable, ref: LogRef, saved: SavedCore, drafts: readonly EventDraft[], source: EventSource, context: AppendContext): Promise<Prepared | undefined> => {
  const ids = await lookUpIds(db, ref, idsNamedBy(drafts), context.catalog);
  const withEvents = { ...context, earlierEvents: ids.events };
  const rehearsal = coreOf(saved, context.catalog);
  if (rehearsal === undefined) return undefined;
  rehearseRules(rehearsal.rules, drafts, context.catalog);
  for (;;) {
    await fetchWanted(db, ref, saved.place);
    const core = coreOf(saved, context.catalog);
    if (core === undefined) return undefined;
    const prepared = await prepareAppend(source, drafts, withEvents, { ...core, ids: idIndexOf(ids.known) });
    if (!saved.place.missed) return prepared;
  }
};

/**
 * What append decides of a batch at `head`, and the state it started from: the saved one when it
 * was taken at this head by these rules (`held` when this process saved it last); else one learnt
 * by reading the log once (an old log, an import, a writer of an earlier version), saved at once,
 * so even a refused batch leaves the next append a state to start from.
 */
export const checkBatch = async (
  db: Queryable,
  ref: LogRef,
  head: LogHead,
  drafts: readonly EventDraft[],
  source: EventSource,
  context: AppendContext,
  held: SavedCore | undefined,
): Promise<{ readonly prepared: Prepared; readonly saved: SavedCore | undefined }> => {
  const saved = await loadAppendCore(db, ref, head, context.catalog, held);
  const fromSaved = saved === undefined ? undefined : await checkedFromSaved(db, ref, saved, drafts, source, context);
  if (saved !== undefined && fromSaved !== undefined) return { prepared: fromSaved, saved };
  const learnt = await learnLog(source, context.catalog);
  const relearnt = await saveAppendCore(db, ref, learnt, context.catalog, new RecordsAtHand(), true);
  // From the saved form, so the batch's save writes the entries it changes, not every entry again.
  const checked = relearnt === undefined ? undefined : await checkedFromSaved(db, ref, relearnt, drafts, source, context);
  return { prepared: checked ?? (await prepareAppend(source, drafts, context, learnt)), saved: relearnt };
};
