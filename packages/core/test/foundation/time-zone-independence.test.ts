import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * No calendar function may depend on the process time zone. The same computations run in fresh
 * Node processes under several TZ values (Apia skipped 30 December 2011; Kiritimati skipped
 * 31 December 1994; St John's and Kathmandu have odd offsets) and must print the same text.
 */
const ROOT = resolve(import.meta.dirname, "../../../..");
const ZONES = ["UTC", "Europe/Stockholm", "Pacific/Apia", "Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu"];

const SCRIPT = `
import { createHash } from "node:crypto";
import * as core from "@tertial/core";
const out = [];
const hash = createHash("sha256");
out.push(core.addDays("2011-12-29", 1), core.addDays("2011-12-31", -1), String(core.parseIsoDate("1994-12-15")), String(core.parseIsoDate("1994-12-31")));
out.push(String(core.knownAtCutoff("2011-12-30")), String(core.effectiveDateOf("1994-12-31T12:00:00Z")), core.period("2011-12-01..2011-12-31").name);
for (let day = core.isoDate(1900, 1, 1); day <= "2100-12-31"; day = core.addDays(day, 1)) {
  hash.update(day + String(core.parseIsoDate(day)) + String(core.startOfStockholmDay(day)) + String(core.knownAtCutoff(day)));
}
for (const name of ["1900", "1994-T3..2011-T3", "2011-M12", "2100-Q4", "2020-02-29"]) {
  const p = core.period(name);
  hash.update(p.name + core.samePeriodLastYear(p).name + core.previousTertial(p).name + core.tertialsEndingIn(p).map((t) => t.name).join());
}
out.push(hash.digest("hex"));
process.stdout.write(out.join("\\n"));
`;

const runUnder = async (zone: string): Promise<string> => {
  const { stdout } = await promisify(execFile)(process.execPath, ["--conditions=@tertial/source", "--import", "tsx", "--input-type=module", "-e", SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, TZ: zone },
  });
  return stdout;
};

describe("calendar functions ignore the process time zone", () => {
  it("print the same results under UTC, Stockholm, Apia, Kiritimati, St John's and Kathmandu", async () => {
    const outputs = await Promise.all(ZONES.map(async (zone) => [zone, await runUnder(zone)] as const));
    const [first] = outputs;
    expect(first?.[1].split("\n").slice(0, 7)).toEqual(["2011-12-30", "2011-12-30", "1994-12-15", "1994-12-31", String(Date.UTC(2011, 11, 30, 23) - 1), "1994-12-31", "2011-M12"]);
    for (const [zone, output] of outputs) expect([zone, output]).toEqual([zone, first?.[1]]);
  });
});
