// Fresh databases for a test file or a single test, cut from the migrated (and
// the seeded) templates the global setup built: PostgreSQL `CREATE DATABASE ...
// TEMPLATE`, SQLite a copy of the template file.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { DatabaseProvider } from "~/models/db.server";
import { toDemoSeed, type DemoSeed } from "./seeded-templates";

export const PROVIDERS = ["sqlite", "postgresql"] as const satisfies readonly DatabaseProvider[];

function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

async function createPostgresDatabase(template: string | null): Promise<string> {
  const adminUrl = inject("postgresAdminUrl");
  const name = uniqueName("t");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Two CREATE DATABASE from one template at the same instant can collide; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
        break;
      } catch (error) {
        if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + attempt * 100));
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function createSqliteDatabase(template: string | null): string {
  const file = path.join(inject("scratchDir"), `${uniqueName("t")}.db`);
  if (template) fs.copyFileSync(template, file);
  return `file:${file}`;
}

/** A new, migrated database with no rows, of the given provider; returns its URL. */
export async function freshDatabase(provider: DatabaseProvider): Promise<string> {
  return provider === "postgresql"
    ? createPostgresDatabase(inject("postgresTemplate"))
    : createSqliteDatabase(inject("sqliteTemplate"));
}

export interface SeededDatabase {
  url: string;
  /** The demo partnership (ids by DEMO_USERS / DEMO_INSTITUTIONS key). */
  demo: DemoSeed;
  /** A second partnership, same people with ".other" email addresses: for isolation tests. */
  other: DemoSeed;
}

/** A new database of the given provider holding the demo partnership and the "other" one (seeded once per run). */
export async function seededDatabase(provider: DatabaseProvider): Promise<SeededDatabase> {
  const url =
    provider === "postgresql"
      ? await createPostgresDatabase(inject("postgresSeededTemplate"))
      : createSqliteDatabase(inject("sqliteSeededTemplate"));
  const ids = inject("seededIds")[provider];
  return { url, demo: toDemoSeed(ids.demo), other: toDemoSeed(ids.other) };
}

/** A new database with no tables at all (SQLite: a file that does not exist yet), for migration tests. */
export async function emptyDatabase(provider: DatabaseProvider): Promise<string> {
  return provider === "postgresql" ? createPostgresDatabase(null) : createSqliteDatabase(null);
}

export function redisUrl(): string {
  return inject("redisUrl");
}
