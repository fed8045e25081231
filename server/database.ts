// Brings the database up to date before the server listens: applies pending
// migrations with the Prisma CLI (for the provider DATABASE_URL names) and seeds
// the demo partnership into an empty database when configured to.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { AppConfig } from "~/config.server";
import { databaseProvider, db, SQLITE_WAL_CHECKPOINT_PAGES, sqliteFilePath } from "~/models/db.server";
import { seedDemoPartnership } from "../prisma/seed-data";
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
  // WAL lets readers proceed during writes; NORMAL sync is durable in WAL mode across process crashes.
  await db().$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db().$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db().$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await db().$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${SQLITE_WAL_CHECKPOINT_PAGES}`);
}

export async function seedIfEmpty(cfg: AppConfig): Promise<void> {
  if (!cfg.seedDemo) return;
  const existing = await db().partnership.count();
  if (existing > 0) return;
  await seedDemoPartnership(db());
  logger.info("demo partnership seeded");
}
