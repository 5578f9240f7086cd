/**
 * Which seq the next event may have, when lines that could not be read as events stand before it:
 * each such line may have been an event (damaged, so its seq is gone) or not one (inserted), so
 * any seq from the next expected one to that plus their number is in order. Without this, one
 * damaged line was also named as a dropped line and a broken link at the line after it.
 */
export class SeqExpectation {
  private next = 0;
  private unreadable = 0;

  /** A line that could not be read as an event. */
  skipUnreadable(): void {
    this.unreadable += 1;
  }

  /** Whether `seq` is in order here. */
  fits(seq: number): boolean {
    return seq >= this.next && seq <= this.next + this.unreadable;
  }

  /** Whether the event at `seq` follows an unreadable line that was an event: its prevHash is that line's, unknown. */
  followsLostEvent(seq: number): boolean {
    return this.unreadable > 0 && seq > this.next;
  }

  /** "seq 4", or "seq 4 to 5" after one unreadable line: what a seq issue says was expected. */
  get expected(): string {
    return this.unreadable === 0 ? `seq ${this.next}` : `seq ${this.next} to ${this.next + this.unreadable}`;
  }

  /** The event at `seq` was read: the next is expected after it. */
  read(seq: number): void {
    this.next = seq + 1;
    this.unreadable = 0;
  }
}
