// The yardstick of the throughput targets: read each line, JSON.parse it, SHA-256 it, sum its amount as a float.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

let sum = 0;
let lines = 0;
let rest = "";
for await (const chunk of createReadStream(process.argv[2], { encoding: "utf8", highWaterMark: 1 << 16 })) {
  const parts = (rest + chunk).split("\n");
  rest = parts.pop() ?? "";
  for (const line of parts) {
    const event = JSON.parse(line);
    createHash("sha256").update(line).digest("hex");
    sum += Number.parseFloat(event.data?.amount ?? "0") || 0;
    lines += 1;
  }
}
process.stdout.write(`${lines} lines, sum ${sum}\n`);
