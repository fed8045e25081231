// The one Prisma client of the process, on SQLite or PostgreSQL as DATABASE_URL
// says. Both generated clients come from the same schema, so they share one type.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaClient as SqliteClient, type Prisma } from "~/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "~/generated/postgres/client";
import { config } from "~/config.server";
import { flushSearchIndex, withSearchIndexing } from "./search/search-hooks.server";
import { SqliteReaders } from "./sqlite-readers.server";
import { markTransactionCallbacks, serialisedSqlite } from "./sqlite-serialised.server";
import { withTitleSortKeys } from "./title-sort-keys.server";

/**
 * WAL pages after which a commit copies the log back into the database (SQLite's default: 1,000).
 * The update log rewrites the same few hundred pages over and over; checkpointing every 4,000
 * frames (a WAL of up to ~16 MB) copies each page once per checkpoint instead of four times, and
 * blocks the committing event loop four times less often (bench/results/collab-findings.md).
 */
export const SQLITE_WAL_CHECKPOINT_PAGES = 4_000;

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
    return withSearchIndexing(withTitleSortKeys(new PostgresClient({ adapter }) as unknown as Db));
  }
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // One connection per process: a query outside a transaction must wait for any open one (see the module).
  const adapter = serialisedSqlite(new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 }));
  return markTransactionCallbacks(withSearchIndexing(withTitleSortKeys(new SqliteClient({ adapter }))));
}

/**
 * A plain driver connection to the same database as the Prisma client, for the
 * few hot paths where Prisma's per-query overhead dominates (the collaboration
 * update log). Only models use it, like the Prisma client.
 */
export type DriverConnection =
  { provider: "sqlite"; sqlite: Database.Database } | { provider: "postgresql"; pool: pg.Pool };

interface CurrentDb {
  url: string;
  client: Db;
  driver?: DriverConnection;
  readers?: SqliteReaders;
}

const globalForDb = globalThis as unknown as { __staffroomDb?: CurrentDb };

function openDriver(url: string): DriverConnection {
  if (databaseProvider(url) === "postgresql") {
    const pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 30_000 });
    pool.on("error", () => {}); // an idle client's error; the next query reports its own
    return { provider: "postgresql", pool };
  }
  const sqlite = new Database(sqliteFilePath(url));
  // Never wait for a lock synchronously: that would block the event loop while another
  // connection of this very process (Prisma's, inside an interactive transaction) needs
  // the loop to finish and release it. Callers retry SQLITE_BUSY asynchronously instead.
  sqlite.pragma("busy_timeout = 0");
  try {
    sqlite.pragma("journal_mode = WAL");
  } catch {
    // Busy right now: another connection will have set it (tuneSqlite does at start-up).
  }
  // With WAL, NORMAL survives a process crash (not an OS crash): a committed transaction is in the WAL file.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`wal_autocheckpoint = ${SQLITE_WAL_CHECKPOINT_PAGES}`);
  // As on Prisma's connection (applySqlitePragmas): deleted log rows and snapshots are zeroed, not left in free pages.
  sqlite.pragma("secure_delete = ON");
  return { provider: "sqlite", sqlite };
}

function closeDriver(driver: DriverConnection | undefined): Promise<void> {
  if (!driver) return Promise.resolve();
  if (driver.provider === "sqlite") {
    driver.sqlite.close();
    return Promise.resolve();
  }
  return driver.pool.end();
}

/** The process-wide client (shared by the Remix build and the Node server, which load this module separately). */
export function db(): Db {
  globalForDb.__staffroomDb ??= { url: config().databaseUrl, client: createDb(config().databaseUrl) };
  return globalForDb.__staffroomDb.client;
}

/** Which database db() talks to, for the few queries whose SQL differs between the two (dashboard aggregates). */
export function currentProvider(): DatabaseProvider {
  db();
  return databaseProvider(globalForDb.__staffroomDb!.url);
}

/** The process-wide plain driver connection to the database db() uses, opened on first use. */
export function driverConnection(): DriverConnection {
  db();
  const current = globalForDb.__staffroomDb!;
  current.driver ??= openDriver(current.url);
  return current.driver;
}

/**
 * A read of many rows (search, dashboards): on SQLite it runs on a reader thread (sqlite-readers.server.ts), so the
 * event loop stays free and reads given together run side by side; it sees only committed data, so never call it for
 * rows the caller's own open transaction wrote. On PostgreSQL, Prisma's pool already runs statements side by side.
 */
export function readQuery<T>(sql: Prisma.Sql): Promise<T> {
  const readers = sqliteReaders();
  return readers ? readers.query<T>(sql.sql, sql.values) : db().$queryRaw<T>(sql);
}

/** readQuery for SQL assembled as text in the database's own dialect (the dashboards' aggregates). */
export function readQueryUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> {
  const readers = sqliteReaders();
  return readers ? readers.query<T>(sql, values) : db().$queryRawUnsafe<T>(sql, ...values);
}

/** The reader threads of the SQLite database db() uses, started on first use; none on PostgreSQL. */
function sqliteReaders(): SqliteReaders | null {
  db();
  const current = globalForDb.__staffroomDb!;
  if (databaseProvider(current.url) === "postgresql") return null;
  current.readers ??= new SqliteReaders(sqliteFilePath(current.url));
  return current.readers;
}

/** Points the process at another database (tests and scripts); the previous client is closed. */
export async function useDatabase(url: string): Promise<Db> {
  const previous = globalForDb.__staffroomDb;
  globalForDb.__staffroomDb = { url, client: createDb(url) };
  await closeClient(previous);
  return globalForDb.__staffroomDb.client;
}

/**
 * Lets the search refreshes the client's writes queued finish first: one cut off mid-transaction would keep its
 * pooled connection, and ending the pool would wait for it for ever.
 */
async function closeClient(current: CurrentDb | undefined): Promise<void> {
  if (!current) return;
  await flushSearchIndex(current.client);
  await Promise.all([current.client.$disconnect(), closeDriver(current.driver), current.readers?.close()]);
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__staffroomDb;
  globalForDb.__staffroomDb = undefined;
  await closeClient(current);
}

/**
 * Whether a write failed on a unique key or primary key (Prisma's P2002). Check-then-insert paths
 * catch it around their one insert: two identical requests at once both pass the check at
 * PostgreSQL's READ COMMITTED (or between SQLite's statements), and the loser finds the row there.
 */
export const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";

/**
 * Makes transactions that name the same key run one after another, for a rule no unique index can hold
 * (one pending invitation per address, one usable reset link per member: the older rows stay as history).
 * On PostgreSQL an advisory lock held until the transaction ends; SQLite runs one write transaction at a time.
 */
export async function serialiseOn(tx: Prisma.TransactionClient, key: string): Promise<void> {
  const current = globalForDb.__staffroomDb;
  if (!current || databaseProvider(current.url) !== "postgresql") return;
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS held`;
}
