// Once per Vitest run: one throwaway PostgreSQL cluster, one Redis, and per provider
// a migrated template database and a copy of it seeded with the demo partnership and
// the "other" one. Test files get fresh databases cut from the templates
// (tests/support/databases.ts), so no test pays for migrations or seeding. The server the
// tests start (app-process.ts) is bundled from the current source here too, once for every start
// (under `npm test`, which has just built it, the build's bundle serves instead).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { startPostgres, type PostgresServer } from "./postgres";
import { migrateDeploy, PRISMA_CONFIG, root } from "./prisma-cli";
import { startRedis, type RedisServer } from "./redis";
import { seedTemplate, type SeededIds } from "./seeded-templates";

declare module "vitest" {
  export interface ProvidedContext {
    /** postgresql:// URL of the cluster's maintenance database (for CREATE DATABASE). */
    postgresAdminUrl: string;
    /** The cluster's data directory (the erasure test reads its files' bytes). */
    postgresDataDir: string;
    /** Name of the migrated PostgreSQL template database. */
    postgresTemplate: string;
    /** Absolute path of the migrated SQLite template file. */
    sqliteTemplate: string;
    /** Name of the PostgreSQL template seeded with both partnerships. */
    postgresSeededTemplate: string;
    /** Absolute path of the SQLite template seeded with both partnerships. */
    sqliteSeededTemplate: string;
    /** The seeded templates' ids, by provider. */
    seededIds: { sqlite: SeededIds; postgresql: SeededIds };
    /** redis:// URL of the run's Redis. */
    redisUrl: string;
    /** A scratch folder removed after the run. */
    scratchDir: string;
    /** Absolute path of the server bundled from server/index.ts for this run. */
    serverBundle: string;
  }
}

const run = promisify(execFile);

/** Bundles the server from the current source in a child process (scripts/build-server.mjs), off this event loop. */
async function bundleServer(outDir: string): Promise<string> {
  const outFile = path.join(outDir, "server.mjs");
  const script = path.join(root, "scripts", "build-server.mjs");
  await run(process.execPath, [script, outFile], { cwd: root, env: { ...process.env, NODE_ENV: "production" } }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      throw new Error(`Bundling the server failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    },
  );
  return outFile;
}

/** Inside the project, where Node finds the packages the bundle leaves out; removed after the run. */
function scratchServerDir(): string {
  fs.mkdirSync(path.join(root, ".cache"), { recursive: true });
  return fs.mkdtempSync(path.join(root, ".cache", "test-server-"));
}

/**
 * The server `npm run build` bundled moments ago from this same source: `npm test` (scripts/test.mjs) names it in
 * STAFFROOM_TEST_SERVER_BUNDLE so the run does not bundle it a second time.
 */
function prebuiltServer(): Promise<string> | null {
  const named = process.env.STAFFROOM_TEST_SERVER_BUNDLE;
  if (!named) return null;
  const bundle = path.resolve(root, named);
  if (!fs.existsSync(bundle)) throw new Error(`STAFFROOM_TEST_SERVER_BUNDLE names ${bundle}, which does not exist`);
  return Promise.resolve(bundle);
}

const POSTGRES_TEMPLATE = "staffroom_template";
const POSTGRES_SEEDED_TEMPLATE = "staffroom_seeded";

export default async function setup(project: TestProject) {
  const started = Date.now();
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "staffroom-test-"));
  let postgres: PostgresServer | undefined;
  let redis: RedisServer | undefined;
  let serverDir: string | undefined;

  const teardown = async () => {
    await Promise.allSettled([postgres?.stop(), redis?.stop()]);
    fs.rmSync(scratchDir, { recursive: true, force: true });
    if (serverDir) fs.rmSync(serverDir, { recursive: true, force: true });
  };

  try {
    // The SQLite template's migrations run while PostgreSQL starts (initdb blocks this process, not the child).
    const sqliteTemplate = path.join(scratchDir, "template.db");
    const sqliteReady = migrateDeploy(PRISMA_CONFIG.sqlite, `file:${sqliteTemplate}`);
    sqliteReady.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
    const serverReady = prebuiltServer() ?? bundleServer((serverDir = scratchServerDir()));
    serverReady.catch(() => undefined);
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const postgresTemplateUrl = await postgres.createDatabase(POSTGRES_TEMPLATE);
    await Promise.all([migrateDeploy(PRISMA_CONFIG.postgresql, postgresTemplateUrl), sqliteReady]);
    const migrated = Date.now();
    // Seeded copies of the migrated templates, one provider after the other: SQLite's driver is synchronous, and
    // while it holds the event loop a PostgreSQL transaction seeding alongside can miss its start deadline (P2028).
    const sqliteSeededTemplate = path.join(scratchDir, "seeded.db");
    fs.copyFileSync(sqliteTemplate, sqliteSeededTemplate);
    const sqliteIds = await seedTemplate(`file:${sqliteSeededTemplate}`);
    const postgresSeededUrl = await postgres.createDatabase(POSTGRES_SEEDED_TEMPLATE, POSTGRES_TEMPLATE);
    const postgresIds = await seedTemplate(postgresSeededUrl);
    if (process.env.STAFFROOM_TEST_TIMINGS) console.log(`[global-setup] seeding took ${Date.now() - migrated} ms`);
    project.provide("postgresAdminUrl", postgres.url());
    project.provide("postgresDataDir", postgres.dataDir);
    project.provide("postgresTemplate", POSTGRES_TEMPLATE);
    project.provide("sqliteTemplate", sqliteTemplate);
    project.provide("postgresSeededTemplate", POSTGRES_SEEDED_TEMPLATE);
    project.provide("sqliteSeededTemplate", sqliteSeededTemplate);
    project.provide("seededIds", { sqlite: sqliteIds, postgresql: postgresIds });
    project.provide("redisUrl", redis.url);
    project.provide("scratchDir", scratchDir);
    project.provide("serverBundle", await serverReady);
  } catch (error) {
    await teardown();
    throw error;
  }
  if (process.env.STAFFROOM_TEST_TIMINGS)
    console.log(`[global-setup] services and templates ready in ${Date.now() - started} ms`);
  return teardown;
}
