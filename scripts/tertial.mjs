// `pnpm tertial …`: runs the built command (compiled and bundled by `prepare` on install), not TypeScript
// through a loader. pnpm runs scripts from the workspace root; INIT_CWD is the directory the user
// typed the command in, so relative paths mean what the user meant.
process.chdir(process.env.INIT_CWD ?? process.cwd());
await import("../packages/cli/bin/tertial.js");
