// The one Prisma client of the process, on SQLite or PostgreSQL as DATABASE_URL
// says. Both generated clients come from the same schema, so they share one type.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "~/generated/postgres/client";
import { config } from "~/config.server";

export type Db = SqliteClient;
export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** Resolves a SQLite URL (file:./x.db, file:/abs/x.db or a bare path) to an absolute file path. */
export function sqliteFilePath(url: string): string {
  const withoutScheme = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(withoutScheme);
}

export function createDb(url: string): Db {
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 });
  return new SqliteClient({ adapter });
}

const globalForDb = globalThis as unknown as { __staffroomDb?: { url: string; client: Db } };

/** The process-wide client (shared by the Remix build and the Node server, which load this module separately). */
export function db(): Db {
  globalForDb.__staffroomDb ??= { url: config().databaseUrl, client: createDb(config().databaseUrl) };
  return globalForDb.__staffroomDb.client;
}

/** Points the process at another database (tests and scripts); the previous client is closed. */
export async function useDatabase(url: string): Promise<Db> {
  const previous = globalForDb.__staffroomDb;
  globalForDb.__staffroomDb = { url, client: createDb(url) };
  await previous?.client.$disconnect();
  return globalForDb.__staffroomDb.client;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__staffroomDb;
  globalForDb.__staffroomDb = undefined;
  await current?.client.$disconnect();
}
