// Verify's floor: only what `tertial verify` cannot skip and keep its promises, with Node's own
// parts and read as verify reads. Read the file in 256 KiB chunks and decode each line once,
// JSON.parse it, SHA-256 the line without its hash field in one call and compare with that field,
// compare prevHash with the hash before, and keep every id in a Set to find a second one. No
// envelope or data validation, no canonical form, no recorded-time order, no error places, no
// command start-up: verify's time above this is the price of those checks. (A Set of a million ids
// costs more than verify's own id set, so at that size the floor is a little high.)
import * as crypto from "node:crypto";
import { Buffer } from "node:buffer";
import { openSync, readSync } from "node:fs";

const sha256Hex = crypto.hash === undefined ? (text) => crypto.createHash("sha256").update(text, "utf8").digest("hex") : (text) => crypto.hash("sha256", text, "hex");
const FIELD = ',"hash":"'.length + 64 + 1;

const file = openSync(process.argv[2], "r");
const ids = new Set();
let previous = "0".repeat(64);
let lines = 0;
let broken = 0;
let position = 0;
let rest = Buffer.alloc(0);
for (;;) {
  const chunk = Buffer.allocUnsafe(1 << 18);
  const read = readSync(file, chunk, 0, chunk.length, position);
  if (read === 0) break;
  position += read;
  const bytes = rest.length === 0 ? chunk.subarray(0, read) : Buffer.concat([rest, chunk.subarray(0, read)]);
  let start = 0;
  for (let newline = bytes.indexOf(10, start); newline !== -1; start = newline + 1, newline = bytes.indexOf(10, start)) {
    const line = bytes.toString("utf8", start, newline);
    const event = JSON.parse(line);
    const at = line.indexOf(`,"hash":"${event.hash}","id":`);
    if (at === -1 || sha256Hex(line.slice(0, at) + line.slice(at + FIELD)) !== event.hash || event.prevHash !== previous) broken += 1;
    const before = ids.size;
    ids.add(event.id);
    if (ids.size === before) broken += 1;
    previous = event.hash;
    lines += 1;
  }
  rest = Buffer.from(bytes.subarray(start));
}
process.stdout.write(`${lines} lines, ${broken} problems\n`);
if (broken > 0) process.exitCode = 1;
