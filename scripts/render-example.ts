/**
 * Regenerates every output of the example (reports, audit, diff) through the real CLI, from
 * the command lines in example-outputs.ts. Run after the example log or a builder changes; the
 * example test fails until you do.
 */
import { writeFile } from "node:fs/promises";
import { run, type Io } from "@tertial/cli";
import { EXAMPLE_OUTPUTS } from "./example-outputs.js";

const main = async (): Promise<number> => {
  for (const output of EXAMPLE_OUTPUTS) {
    let text = "";
    const io: Io = { stdout: (chunk) => void (text += chunk), stderr: (chunk) => void process.stderr.write(chunk), stderrIsTty: false, cwd: process.cwd(), now: Date.now };
    const code = await run(output.argv, io);
    if (code !== output.exitCode) {
      process.stderr.write(`${output.file}: tertial ${output.argv.join(" ")} exited ${code}, expected ${output.exitCode}\n`);
      return 1;
    }
    await writeFile(output.file, text);
    process.stdout.write(`${output.file}\n`);
  }
  return 0;
};

process.exitCode = await main();
