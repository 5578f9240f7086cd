/**
 * A writer process for the crash and stress tests: appends `batches` batches of `size` events
 * to a log, printing "ok <batch>" after each append that returned success (and nothing for a
 * batch that did not). Events are municipalities with ids "<writer>-b<batch>-<index>", so the
 * log shows which batch each line belongs to.
 *
 * With a fifth argument "<batch>:<moment>" the process kills itself with SIGKILL while appending
 * that batch: as soon as its pending record exists ("record"), as soon as the log has grown
 * ("bytes": usually in the middle of the write, which the kernel then cuts short), or after a
 * random delay ("random:<ms>"). The append runs its I/O off the main thread, so the watch below
 * runs while the batch is being written.
 *
 * Usage: append-batches.ts <log> <writer> <batches> <size> [<batch>:<moment>]
 */
import { existsSync, statSync, writeSync } from "node:fs";
import { defaultCatalog, jsonlStore, pendingPath, type EventDraft } from "@tertial/core";

const [log, writer, batchesText, sizeText, killAt] = process.argv.slice(2);
if (log === undefined || writer === undefined) throw new Error("usage: append-batches.ts <log> <writer> <batches> <size>");
const batches = Number(batchesText);
const size = Number(sizeText);

const batch = (number: number): EventDraft[] =>
  Array.from({ length: size }, (_, index) => {
    const id = `${writer}-b${number}-${index}`;
    return { id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: `Kommun ${id}` } };
  });

const die = (): void => void process.kill(process.pid, "SIGKILL");

const arm = (moment: string): void => {
  if (moment.startsWith("random:")) {
    setTimeout(die, Number(moment.slice("random:".length)));
    return;
  }
  const sizeBefore = statSync(log).size;
  const pending = pendingPath(log);
  const watch = (): void => {
    if (moment === "record" ? existsSync(pending) : statSync(log).size > sizeBefore) die();
    else setImmediate(watch);
  };
  setImmediate(watch);
};

const [killBatch, killMoment] = killAt === undefined ? [] : [Number(killAt.split(":")[0]), killAt.split(":").slice(1).join(":")];
const store = jsonlStore({ path: log, catalog: defaultCatalog });
for (let number = 0; number < batches; number += 1) {
  if (number === killBatch && killMoment !== undefined) arm(killMoment);
  const outcome = await store.append(batch(number));
  // Written synchronously, so a kill right after the append cannot lose the line.
  if (outcome.ok) writeSync(1, `ok ${number}\n`);
  else writeSync(2, `failed ${number}: ${outcome.issues.map((found) => found.message).join("; ")}\n`);
}
