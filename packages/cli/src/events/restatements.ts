import { CorrectionIndex, type StoredEvent } from "@tertial/core";

/**
 * A log's corrections as they count now, and for each fact superseded since, the correction that
 * restates it now: the last of its chain of superseding events, when that one still counts (a
 * chain that ends in a retraction restates nothing: the fact is gone).
 *
 * Validate checks each fact that counts at its own line, against the facts recorded before it as
 * they count now. A restatement stands in the place of the fact it restates, so a fact that named
 * the first version (a metric under a goal whose wording was corrected later) still finds it, as
 * append found it; and a correction that changed what the fact is (another goal id) leaves the
 * facts that named the old one pointing at nothing, as they now do.
 */
export class Restatements {
  readonly corrections = new CorrectionIndex();
  private readonly supersededBy = new Map<string, string>();
  private readonly correctors = new Map<string, StoredEvent>();

  learn(event: StoredEvent): void {
    this.corrections.learn(event, undefined);
    if (event.supersedes === undefined) return;
    this.supersededBy.set(event.supersedes, event.id);
    this.correctors.set(event.id, event);
  }

  /** Whether some correction supersedes a fact: only then may validate have to forget one. */
  get any(): boolean {
    return this.correctors.size > 0;
  }

  /** The correction that restates this first version of a fact now, if any (not for a fact that is itself a correction). */
  of(event: StoredEvent): StoredEvent | undefined {
    if (event.supersedes !== undefined) return undefined;
    let last: string | undefined;
    // Bounded: a hand-made log could make the chain a loop.
    for (let next = this.supersededBy.get(event.id), steps = 0; next !== undefined && steps <= this.correctors.size; next = this.supersededBy.get(next), steps += 1) last = next;
    const restatement = last === undefined ? undefined : this.correctors.get(last);
    return restatement !== undefined && this.corrections.counts(restatement) ? restatement : undefined;
  }
}
