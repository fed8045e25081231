// The schema and its migrations stay in step: both providers' migrations apply
// to a fresh database, the migration snapshot matches the schema, the generated
// PostgreSQL schema is current, and both providers end with the same tables.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { emptyDatabase } from "../support/databases";
import { migrateDeploy, PRISMA_CONFIG, root } from "../support/prisma-cli";

const run = promisify(execFile);

function migrationFolders(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Each engine's own full-text index (decision 022) is not part of the shared schema: SQLite's FTS5 table (and its
 * shadow tables) and PostgreSQL's tsvector column.
 */
const ENGINE_SPECIFIC_COLUMNS = new Set(["SearchEntry.searchVector"]);

function sqliteTables(file: string): Map<string, string[]> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'SearchEntryFts%'",
      )
      .all() as { name: string }[];
    return new Map(
      tables.map(({ name }) => [
        name,
        (sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name).sort(),
      ]),
    );
  } finally {
    sqlite.close();
  }
}

async function postgresTables(url: string): Promise<Map<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name",
    );
    const tables = new Map<string, string[]>();
    for (const row of rows.filter((r) => !ENGINE_SPECIFIC_COLUMNS.has(`${r.table_name}.${r.column_name}`)))
      tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name].sort());
    return tables;
  } finally {
    await client.end();
  }
}

async function appliedMigrations(
  query: () => Promise<{ migration_name: string; finished_at: unknown }[]>,
): Promise<string[]> {
  const rows = await query();
  expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  return rows.map((r) => r.migration_name).sort();
}

describe("migrations", () => {
  const sqliteMigrations = migrationFolders("prisma/migrations");
  const postgresMigrations = migrationFolders("prisma/postgres/migrations");

  it("exist for both providers, under the same names", () => {
    expect(sqliteMigrations.length).toBeGreaterThan(0);
    expect(
      postgresMigrations,
      "every migration needs a PostgreSQL twin: write them with `npm run db:migration -- <name>`",
    ).toEqual(sqliteMigrations);
  });

  it("prisma/migrated-schema.prisma equals prisma/schema.prisma", () => {
    const schema = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const migrated = fs.readFileSync(path.join(root, "prisma/migrated-schema.prisma"), "utf8");
    expect(
      migrated === schema,
      "prisma/schema.prisma changed since the last migration: run `npm run db:migration -- <name>` and commit the result",
    ).toBe(true);
  });

  it("prisma/postgres/schema.prisma is current", async () => {
    const result = await run("node", ["scripts/postgres-schema.mjs", "--check"], { cwd: root }).then(
      () => ({ ok: true, output: "" }),
      (error: { stderr?: string; stdout?: string }) => ({
        ok: false,
        output: `${error.stdout ?? ""}${error.stderr ?? ""}`,
      }),
    );
    expect(result.ok, `prisma/postgres/schema.prisma is stale (run \`npm run db:generate\`): ${result.output}`).toBe(
      true,
    );
  });

  it("apply to fresh SQLite and PostgreSQL databases with `prisma migrate deploy`, giving the same tables and columns", async () => {
    const sqliteUrl = await emptyDatabase("sqlite");
    const postgresUrl = await emptyDatabase("postgresql");
    const sqliteFile = sqliteUrl.slice("file:".length);
    expect(path.isAbsolute(sqliteFile)).toBe(true);
    expect(fs.existsSync(sqliteFile)).toBe(false);

    const [sqliteOutput, postgresOutput] = await Promise.all([
      migrateDeploy(PRISMA_CONFIG.sqlite, sqliteUrl),
      migrateDeploy(PRISMA_CONFIG.postgresql, postgresUrl),
    ]);
    expect(sqliteOutput).toMatch(/applied|successfully/i);
    expect(postgresOutput).toMatch(/applied|successfully/i);

    const sqlite = sqliteTables(sqliteFile);
    const postgres = await postgresTables(postgresUrl);
    for (const table of [
      "Partnership",
      "Institution",
      "User",
      "Session",
      "Invite",
      "TrustedDevice",
      "ThrottleBucket",
      "AuditEvent",
    ]) {
      expect(sqlite.has(table), `SQLite table ${table}`).toBe(true);
    }
    expect([...postgres.keys()].sort()).toEqual([...sqlite.keys()].sort());
    for (const [table, columns] of sqlite) expect(postgres.get(table), `columns of ${table}`).toEqual(columns);

    const sqliteDb = new Database(sqliteFile, { readonly: true });
    try {
      const applied = await appliedMigrations(
        async () => sqliteDb.prepare("SELECT migration_name, finished_at FROM _prisma_migrations").all() as never,
      );
      expect(applied).toEqual(sqliteMigrations);
    } finally {
      sqliteDb.close();
    }
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      const applied = await appliedMigrations(
        async () => (await client.query("SELECT migration_name, finished_at FROM _prisma_migrations")).rows,
      );
      expect(applied).toEqual(postgresMigrations);
    } finally {
      await client.end();
    }
  }, 90_000);
});
