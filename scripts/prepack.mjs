// Run before a package is packed: only pnpm replaces `workspace:*` with real versions, so a
// tarball packed by npm or yarn would not install outside the workspace. Refuse, and say so.
const agent = process.env.npm_config_user_agent ?? "";
if (!agent.startsWith("pnpm/")) {
  console.error(`Pack Tertial's packages with pnpm (pnpm pack, or pnpm -r pack from the root): it replaces workspace:* with versions. Packing with ${agent.split(" ")[0] || "this tool"} would publish a tarball that cannot be installed.`);
  process.exit(1);
}
