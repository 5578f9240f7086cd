// Verify's floor: only what `tertial verify` cannot skip and keep its promises. Read each line,
// JSON.parse it, SHA-256 the line without its hash field in one call and compare with that field,
// compare prevHash with the hash before, and keep every id in a Set to find a second one. No
// envelope or data validation, no canonical form, no recorded-time order, no error places: so
// verify's time above this is the price of those checks and of the CLI's start-up.
import * as crypto from "node:crypto";
import { createReadStream } from "node:fs";

const sha256Hex = crypto.hash === undefined ? (text) => crypto.createHash("sha256").update(text, "utf8").digest("hex") : (text) => crypto.hash("sha256", text, "hex");

const ids = new Set();
let previous = "0".repeat(64);
let lines = 0;
let broken = 0;
let rest = "";
for await (const chunk of createReadStream(process.argv[2], { encoding: "utf8", highWaterMark: 1 << 18 })) {
  const parts = (rest + chunk).split("\n");
  rest = parts.pop() ?? "";
  for (const line of parts) {
    const event = JSON.parse(line);
    const field = `,"hash":"${event.hash}"`;
    const at = line.indexOf(`${field},"id":`);
    if (at === -1 || sha256Hex(line.slice(0, at) + line.slice(at + field.length)) !== event.hash || event.prevHash !== previous) broken += 1;
    const before = ids.size;
    ids.add(event.id);
    if (ids.size === before) broken += 1;
    previous = event.hash;
    lines += 1;
  }
}
process.stdout.write(`${lines} lines, ${broken} problems\n`);
if (broken > 0) process.exitCode = 1;
