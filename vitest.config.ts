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
    // A throwaway PostgreSQL cluster for the store tests (or TERTIAL_TEST_PG_URL's server).
    globalSetup: ["packages/store-postgres/test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default"],
  },
});
