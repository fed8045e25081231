// Runs the Prisma CLI the way the server and scripts do (JS engine, one config per provider).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const root = path.resolve(import.meta.dirname, "..", "..");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");

export const PRISMA_CONFIG = {
  sqlite: "prisma.config.ts",
  postgresql: "prisma/postgres/prisma.config.ts",
} as const;

/** `prisma migrate deploy` against a database; throws with the CLI's output on failure, returns it on success. */
export async function migrateDeploy(configFile: string, databaseUrl: string): Promise<string> {
  try {
    const { stdout, stderr } = await run(prismaBin, ["migrate", "deploy", "--config", configFile], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    return stdout + stderr;
  } catch (error) {
    const detail = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy (${configFile}) failed:\n${detail.stdout ?? ""}${detail.stderr ?? ""}`);
  }
}
