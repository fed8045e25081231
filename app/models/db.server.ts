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
  const adapter = new PrismaBetterSQLite3({ url: `file:${file}` });
  return new SqliteClient({ adapter });
}

const globalForDb = globalThis as unknown as { __staffroomDb?: { url: string; client: Db } };

/** The process-wide client (shared by the Remix build and the Node server, which load this module separately). */
export function db(): Db {
  const url = config().databaseUrl;
  if (!globalForDb.__staffroomDb || globalForDb.__staffroomDb.url !== url) {
    globalForDb.__staffroomDb = { url, client: createDb(url) };
  }
  return globalForDb.__staffroomDb.client;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__staffroomDb;
  globalForDb.__staffroomDb = undefined;
  await current?.client.$disconnect();
}
