/**
 * Corrections as known at a cut-off: an event is out when an event recorded at or before the
 * cut-off supersedes or retracts it. Superseding is retracting plus a new fact: the superseding
 * event itself counts. Taking back a correction does not restore what it replaced; record the
 * fact again instead, so the log reads as what happened.
 */
export interface CorrectionView {
  readonly id: string;
  readonly supersedes?: string;
  readonly retracts?: string;
  readonly recordedAt: string;
  /** The event's place in the log, where the store gives it: a pass bounded to a seq stops exactly there (without it, at its cut-off only). */
  readonly seq?: number;
}

export class CorrectionIndex {
  private readonly removed = new Set<string>();

  /** Learns one event, in log order; events recorded after the cut-off are ignored. */
  learn(event: CorrectionView, cutoffMs: number | undefined): void {
    if (cutoffMs !== undefined && Date.parse(event.recordedAt) > cutoffMs) return;
    if (event.supersedes !== undefined) this.removed.add(event.supersedes);
    if (event.retracts !== undefined) this.removed.add(event.retracts);
  }

  /** Whether an event's facts count: not taken back, and not itself a retraction. */
  counts(event: CorrectionView): boolean {
    return event.retracts === undefined && !this.removed.has(event.id);
  }

  isRemoved(id: string): boolean {
    return this.removed.has(id);
  }

  get size(): number {
    return this.removed.size;
  }
}

export const recordedBy = (event: CorrectionView, cutoffMs: number | undefined): boolean =>
  cutoffMs === undefined || Date.parse(event.recordedAt) <= cutoffMs;

/** Whether a pass reads an event: recorded by its cut-off, and before the seq it stops at (when both are known). */
export const readsEvent =
  (cutoffMs: number | undefined, untilSeq: number | undefined) =>
  (event: CorrectionView): boolean =>
    recordedBy(event, cutoffMs) && (untilSeq === undefined || event.seq === undefined || event.seq < untilSeq);
