/**
 * The `tertial` command with your own event types: every command takes the catalog it validates,
 * replays and reports with from `run`, so a script of a few lines is a `tertial` that knows your
 * domain. Run it with `pnpm tsx --conditions=@tertial/source docs/examples/custom-cli.ts <command> …`
 * (or compile it and point a `bin` at it); the test suite runs it too, so it stays true.
 */
import { processIo, run, type Io } from "@tertial/cli";
import { catalog, outreachHouse } from "./custom-domain.js";

// The same commands, flags and exit codes as `tertial`, with the outreach domain beside the built-in ones,
// and its section in the follow-up reports (a plan keeps the core's house).
export const outreachTertial = (argv: readonly string[], io: Io = processIo()) => run(argv, io, catalog, { houseFor: (kind) => (kind === "verksamhetsplan" ? undefined : outreachHouse) });

if (process.argv[1]?.endsWith("custom-cli.ts") === true) {
  process.exitCode = await outreachTertial(process.argv.slice(2));
}
