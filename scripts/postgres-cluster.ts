/**
 * A throwaway PostgreSQL cluster for the tests and the bench: `initdb` in a temporary folder,
 * `pg_ctl start` listening on a Unix socket in that folder only (no TCP port to clash with), and a
 * stop that removes everything. initdb and postgres refuse to run as root, so as root they run as
 * the `postgres` system user that Debian's package creates.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

export interface Cluster {
  /** A postgresql:// URL for the cluster's database, socket directory included. */
  readonly url: string;
  readonly stop: () => void;
}

export interface ClusterOptions {
  /** fsync and synchronous commit on, as in production; off makes the tests faster. */
  readonly durable?: boolean;
}

const findBinDir = (): string => {
  const given = process.env.TERTIAL_PG_BINDIR;
  if (given !== undefined && existsSync(join(given, "initdb"))) return given;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const dir = join(root, version, "bin");
    if (existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  if (found.status === 0 && found.stdout.trim() !== "") return join(found.stdout.trim(), "..");
  throw new Error("no PostgreSQL server binaries (initdb, pg_ctl) found: run scripts/ensure-postgres.sh, set TERTIAL_PG_BINDIR, or set TERTIAL_TEST_PG_URL to an existing server");
};

const SERVER_USER = "postgres";

/** The command line that runs a server binary as a user it accepts. */
const asServerUser = (binary: string, args: readonly string[]): [string, string[]] =>
  userInfo().uid === 0 ? ["runuser", ["-u", SERVER_USER, "--", binary, ...args]] : [binary, [...args]];

const run = (binary: string, args: readonly string[], logFile: string): void => {
  const [command, commandArgs] = asServerUser(binary, args);
  try {
    execFileSync(command, commandArgs, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  } catch (error) {
    const failure = error as { stderr?: string; stdout?: string };
    const serverLog = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n") : "";
    throw new Error(`PostgreSQL test cluster: ${binary} ${args.join(" ")} failed:\n${failure.stderr ?? ""}${failure.stdout ?? ""}\n${serverLog}`);
  }
};

export const startCluster = (options: ClusterOptions = {}): Cluster => {
  const binDir = findBinDir();
  const base = mkdtempSync(join(tmpdir(), "tertial-pg-"));
  if (userInfo().uid === 0) {
    const owner = spawnSync("id", ["-u", SERVER_USER], { encoding: "utf8" });
    const group = spawnSync("id", ["-g", SERVER_USER], { encoding: "utf8" });
    if (owner.status !== 0 || group.status !== 0) {
      rmSync(base, { recursive: true, force: true });
      throw new Error(`PostgreSQL test cluster: running as root, and initdb refuses root; there is no "${SERVER_USER}" user to run it as (Debian's postgresql package creates one), or set TERTIAL_TEST_PG_URL`);
    }
    chownSync(base, Number(owner.stdout.trim()), Number(group.stdout.trim()));
  }
  const data = join(base, "data");
  const logFile = join(base, "server.log");
  let running = false;
  const stop = (): void => {
    if (running) {
      const [command, args] = asServerUser(join(binDir, "pg_ctl"), ["stop", "-D", data, "-m", "immediate", "-w"]);
      spawnSync(command, args, { stdio: "ignore" });
      running = false;
    }
    rmSync(base, { recursive: true, force: true });
  };
  try {
    run(join(binDir, "initdb"), ["-D", data, "-U", "tertial", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], logFile);
    const durability = options.durable === true ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"];
    const serverOptions = [`-k ${base}`, "-c listen_addresses=''", "-c max_connections=100", ...durability].join(" ");
    run(join(binDir, "pg_ctl"), ["start", "-D", data, "-l", logFile, "-w", "-t", "60", "-o", serverOptions], logFile);
    running = true;
    run(join(binDir, "createdb"), ["-h", base, "-U", "tertial", "tertial"], logFile);
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgresql:///tertial?host=${encodeURIComponent(base)}&user=tertial`, stop };
};

/** Stops the cluster on any way out of this process, so no server outlives its run. */
export const stopOnExit = (cluster: Cluster): void => {
  process.once("exit", cluster.stop);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      cluster.stop();
      process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
    });
  }
};
