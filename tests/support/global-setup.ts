// Once per Vitest run: one throwaway PostgreSQL cluster, one Redis, and a migrated
// template database for each provider. Test files get fresh databases cut from
// the templates (tests/support/databases.ts), so no test pays for migrations.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startPostgres, type PostgresServer } from "./postgres";
import { migrateDeploy, PRISMA_CONFIG } from "./prisma-cli";
import { startRedis, type RedisServer } from "./redis";

declare module "vitest" {
  export interface ProvidedContext {
    /** postgresql:// URL of the cluster's maintenance database (for CREATE DATABASE). */
    postgresAdminUrl: string;
    /** Name of the migrated PostgreSQL template database. */
    postgresTemplate: string;
    /** Absolute path of the migrated SQLite template file. */
    sqliteTemplate: string;
    /** redis:// URL of the run's Redis. */
    redisUrl: string;
    /** A scratch folder removed after the run. */
    scratchDir: string;
  }
}

const POSTGRES_TEMPLATE = "staffroom_template";

export default async function setup(project: TestProject) {
  const started = Date.now();
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "staffroom-test-"));
  let postgres: PostgresServer | undefined;
  let redis: RedisServer | undefined;

  const teardown = async () => {
    await Promise.allSettled([postgres?.stop(), redis?.stop()]);
    fs.rmSync(scratchDir, { recursive: true, force: true });
  };

  try {
    // The SQLite template's migrations run while PostgreSQL starts (initdb blocks this process, not the child).
    const sqliteTemplate = path.join(scratchDir, "template.db");
    const sqliteReady = migrateDeploy(PRISMA_CONFIG.sqlite, `file:${sqliteTemplate}`);
    sqliteReady.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const postgresTemplateUrl = await postgres.createDatabase(POSTGRES_TEMPLATE);
    await Promise.all([migrateDeploy(PRISMA_CONFIG.postgresql, postgresTemplateUrl), sqliteReady]);
    project.provide("postgresAdminUrl", postgres.url());
    project.provide("postgresTemplate", POSTGRES_TEMPLATE);
    project.provide("sqliteTemplate", sqliteTemplate);
    project.provide("redisUrl", redis.url);
    project.provide("scratchDir", scratchDir);
  } catch (error) {
    await teardown();
    throw error;
  }
  if (process.env.STAFFROOM_TEST_TIMINGS)
    console.log(`[global-setup] services and templates ready in ${Date.now() - started} ms`);
  return teardown;
}
