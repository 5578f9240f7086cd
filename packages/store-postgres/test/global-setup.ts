/**
 * Vitest global setup: one throwaway PostgreSQL cluster for the whole test run, stopped and
 * removed afterwards whatever happens (teardown, or the process exiting). With
 * TERTIAL_TEST_PG_URL set, the tests use that server instead and nothing is started.
 * When the cluster cannot start, the run fails here with the reason: no test is silently skipped.
 */
import type { TestProject } from "vitest/node";
import { startCluster } from "../../../scripts/postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default function setup(project: TestProject): () => void {
  const given = process.env.TERTIAL_TEST_PG_URL;
  if (given !== undefined && given !== "") {
    project.provide("postgresUrl", given);
    return () => undefined;
  }
  const cluster = startCluster();
  process.once("exit", cluster.stop);
  project.provide("postgresUrl", cluster.url);
  return () => {
    process.removeListener("exit", cluster.stop);
    cluster.stop();
  };
}
