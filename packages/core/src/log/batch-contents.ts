import type { Catalog } from "../events/catalog.js";
import type { EventDraft } from "../events/envelope.js";
import { contentOf, storedVersionOf } from "./prepare-append.js";

/**
 * The content fingerprints (`contentOf`) of one append's drafts, in order, each computed once
 * however many ask: the append's own check and a precondition that looks for the batch in the
 * log (`LockedLog.batchContents`) both need them, and a thousand drafts' fingerprints cost an
 * append 15–25 ms. One batch's, for one call: a draft changed after the call is another batch.
 */
export class BatchContents {
  private readonly known: (string | undefined)[];

  constructor(
    private readonly drafts: readonly EventDraft[],
    private readonly catalog: Catalog,
  ) {
    this.known = new Array<string | undefined>(drafts.length).fill(undefined);
  }

  /** The fingerprint of the draft at `index`, under the schema version it is stored with. */
  of(index: number): string {
    const found = this.known[index];
    if (found !== undefined) return found;
    const draft = this.drafts[index];
    if (draft === undefined) throw new RangeError(`no draft ${index} in a batch of ${this.drafts.length}`);
    const content = contentOf({ ...draft, schemaVersion: storedVersionOf(draft, this.catalog) });
    this.known[index] = content;
    return content;
  }

  all(): readonly string[] {
    return this.drafts.map((_, index) => this.of(index));
  }
}
