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
    globalSetup: ["scripts/build-for-tests.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default"],
  },
});
