import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    conditions: ["@tertial/source"],
  },
  ssr: {
    resolve: {
      conditions: ["@tertial/source"],
      externalConditions: ["@tertial/source"],
    },
  },
  test: {
    include: ["packages/*/test/**/*.test.ts"],
    // Build the CLI once for the tests that spawn it; a throwaway PostgreSQL cluster for the store
    // tests (or TERTIAL_TEST_PG_URL's server).
    globalSetup: ["scripts/build-for-tests.ts", "packages/store-postgres/test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Test files share a worker's module graph instead of importing the core afresh each: the
    // suite's CPU time nearly halves. Safe here: the core is pure, tests use their own temp
    // dirs, and nothing mocks modules or globals.
    isolate: false,
    // At least two workers, also on two cores: the pack-and-install test mostly waits on npm.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ["default"],
  },
});
