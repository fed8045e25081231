// Online, consistent backups of the whole database (uploads live in it too) and their restore. SQLite: VACUUM INTO
// through better-sqlite3, a consistent snapshot taken while the server keeps writing (a plain file copy of a
// database in WAL mode is not safe). PostgreSQL: pg_dump's custom format (one
// consistent snapshot) and pg_restore. A backup is written under a temporary name and renamed when complete, so a
// half-written file is never mistaken for a backup; the oldest beyond the kept count are removed.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { databaseProvider, sqliteFilePath } from "~/models/db.server";
import { findPgBin } from "./postgres-tools";

const run = promisify(execFile);

const PREFIX = "staffroom-";

export interface Backup {
  file: string;
  bytes: number;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

/** Writes a backup of the database at `databaseUrl` into `dir` and returns it. */
export async function backupDatabase(databaseUrl: string, dir: string, now = new Date()): Promise<Backup> {
  fs.mkdirSync(dir, { recursive: true });
  const postgres = databaseProvider(databaseUrl) === "postgresql";
  const file = path.join(dir, `${PREFIX}${stamp(now)}${postgres ? ".pgdump" : ".db"}`);
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  if (postgres) {
    await run(findPgBin("pg_dump"), [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      "--file",
      partial,
      databaseUrl,
    ]);
  } else {
    // VACUUM INTO reads one snapshot in one read transaction: writers carry on (WAL), and unlike the page-by-page
    // backup API it never restarts because someone wrote meanwhile.
    const source = new Database(sqliteFilePath(databaseUrl), { fileMustExist: true });
    try {
      source.prepare("VACUUM INTO ?").run(partial);
    } finally {
      source.close();
    }
  }
  fs.renameSync(partial, file);
  return { file, bytes: fs.statSync(file).size };
}

/**
 * Replaces the database at `databaseUrl` with a backup's content. The server must be stopped (every process):
 * SQLite's file is overwritten, PostgreSQL's tables are dropped and recreated in one transaction.
 */
export async function restoreDatabase(file: string, databaseUrl: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}.`);
  if (databaseProvider(databaseUrl) === "postgresql") {
    if (!file.endsWith(".pgdump")) throw new Error("A PostgreSQL database is restored from a .pgdump backup.");
    await run(findPgBin("pg_restore"), [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      "--dbname",
      databaseUrl,
      file,
    ]);
    return;
  }
  if (!file.endsWith(".db")) throw new Error("A SQLite database is restored from a .db backup.");
  const target = sqliteFilePath(databaseUrl);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // The write-ahead log and shared memory of the database being replaced belong to it, not to the backup.
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  const backup = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(target);
  } finally {
    backup.close();
  }
}

/** Removes all but the newest `keep` backups in `dir` (by name: the names sort by time); returns what it removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const backups = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(PREFIX) && (name.endsWith(".db") || name.endsWith(".pgdump")))
    .sort();
  const removed = backups.slice(0, Math.max(0, backups.length - keep)).map((name) => path.join(dir, name));
  for (const file of removed) fs.rmSync(file, { force: true });
  return removed;
}
