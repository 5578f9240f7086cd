/**
 * The lines of the facts the rules learned from, in a log file: where an append writes them, and
 * reading back those a batch corrects, so a rule that can forget a fact exactly does so without a
 * read of the log (see `AppendState.facts`). A position is "<start>:<end>:<line number>" in bytes,
 * as the file store's reads give it.
 */
import { open } from "node:fs/promises";
import type { EventDraft, StoredEvent } from "../events/envelope.js";
import { lineOf } from "./chain.js";

/** The position of each of a batch's lines, written from `sizeBefore` on, one line per event. */
export const linePositions = (events: readonly StoredEvent[], sizeBefore: number): string[] => {
  let start = sizeBefore;
  return events.map((event) => {
    const end = start + Buffer.byteLength(lineOf(event), "utf8") + 1;
    const position = `${start}:${end}:${event.seq + 1}`;
    start = end;
    return position;
  });
};

const POSITION = /^(\d+):(\d+):(\d+)$/;

/**
 * The events the drafts correct whose lines the facts name, read there; a line that does not hold
 * the event it should (intact, same id) is left out, and the append reads the log for it instead.
 */
export const readFactLines = async (
  file: string,
  facts: ReadonlyMap<string, string> | undefined,
  drafts: readonly EventDraft[],
  parse: (text: string, number: number) => StoredEvent | undefined,
): Promise<Map<string, StoredEvent>> => {
  const found = new Map<string, StoredEvent>();
  if (facts === undefined) return found;
  const wanted = new Map<string, RegExpExecArray>();
  for (const draft of drafts) {
    const target = typeof draft === "object" && draft !== null ? (draft.supersedes ?? draft.retracts) : undefined;
    const position = typeof target === "string" ? POSITION.exec(facts.get(target) ?? "") : null;
    if (typeof target === "string" && position !== null) wanted.set(target, position);
  }
  if (wanted.size === 0) return found;
  const handle = await open(file, "r");
  try {
    for (const [id, [, start, end, number]] of wanted) {
      const length = Number(end) - Number(start) - 1;
      if (length <= 0) continue;
      const bytes = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(bytes, 0, length, Number(start));
      const event = bytesRead === length ? parse(bytes.toString("utf8"), Number(number)) : undefined;
      if (event?.id === id) found.set(id, event);
    }
  } finally {
    await handle.close();
  }
  return found;
};
