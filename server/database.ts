// Brings the database up to date before the server listens: applies pending
// migrations with the Prisma CLI (for the provider DATABASE_URL names), rewrites
// stale sort keys and seeds the demo partnership into an empty database when configured to.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { AppConfig } from "~/config.server";
import { applySqlitePragmas, refreshSortKeys, seedDemoIfEmpty } from "~/models/database-setup.server";
import { databaseProvider, sqliteFilePath } from "~/models/db.server";
import { logger } from "./logger";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");

export async function migrateDatabase(cfg: AppConfig): Promise<void> {
  const provider = databaseProvider(cfg.databaseUrl);
  const configFile = provider === "postgresql" ? "prisma/postgres/prisma.config.ts" : "prisma.config.ts";
  const databaseUrl = provider === "sqlite" ? `file:${sqliteFilePath(cfg.databaseUrl)}` : cfg.databaseUrl;
  // On a fresh checkout data/ does not exist yet, and SQLite will not create folders.
  if (provider === "sqlite") fs.mkdirSync(path.dirname(sqliteFilePath(cfg.databaseUrl)), { recursive: true });
  const started = Date.now();
  try {
    await run(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy", "--config", configFile], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    const detail = error as { stdout?: string; stderr?: string };
    throw new Error(`Applying database migrations failed:\n${detail.stdout ?? ""}${detail.stderr ?? ""}`);
  }
  logger.info("database migrations applied", { provider, ms: Date.now() - started });
}

export async function tuneSqlite(cfg: AppConfig): Promise<void> {
  if (databaseProvider(cfg.databaseUrl) !== "sqlite") return;
  await applySqlitePragmas();
}

async function seedIfEmpty(cfg: AppConfig): Promise<void> {
  if (!cfg.seedDemo) return;
  if (await seedDemoIfEmpty()) logger.info("demo partnership seeded");
}

/** Everything before the server listens: migrations, SQLite's settings, stored sort keys, the demo if configured. */
export async function prepareDatabase(cfg: AppConfig): Promise<void> {
  if (cfg.migrateOnStart) await migrateDatabase(cfg);
  await tuneSqlite(cfg);
  // Stored sort keys follow the current rule: needed once after the migration that adds one, cheap otherwise.
  const rewritten = await refreshSortKeys();
  if (rewritten > 0) logger.info("title sort keys rewritten", { rows: rewritten });
  await seedIfEmpty(cfg);
}
