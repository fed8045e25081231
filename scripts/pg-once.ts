// Runs a command with DATABASE_URL pointing at a throwaway PostgreSQL cluster.
// Used by scripts that need a PostgreSQL connection (migration diffs) when none is configured.
import { spawnSync } from "node:child_process";
import { startPostgres } from "../tests/support/postgres";

const server = await startPostgres();
try {
  const url = await server.createDatabase("scratch");
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) throw new Error("usage: tsx scripts/pg-once.ts <command> [args]");
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  process.exitCode = result.status ?? 1;
} finally {
  await server.stop();
}
