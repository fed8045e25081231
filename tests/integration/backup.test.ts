// Backups taken while the server writes, restored into a new database: every table comes back the same (the
// demo partnership, its documents' update logs and version snapshots, an uploaded file), and the rows still being
// written during the backup come back as a consistent prefix, never with a gap. On SQLite and PostgreSQL.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createDb, sqliteFilePath, type Db } from "~/models/db.server";
import { flushSearchIndex } from "~/models/search/search-hooks.server";
import { backupDatabase, pruneBackups, restoreDatabase } from "../../server/ops/backup";
import { emptyDatabase, PROVIDERS, seededDatabase } from "../support/databases";

const clients: Db[] = [];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "staffroom-backups-"));
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  fs.rmSync(scratch, { recursive: true, force: true });
});

type Rows = Map<string, string[]>;

function serialise(row: Record<string, unknown>): string {
  return JSON.stringify(row, (_key, value: unknown) =>
    value instanceof Uint8Array || Buffer.isBuffer(value)
      ? `bytes:${Buffer.from(value as Uint8Array).toString("hex")}`
      : value instanceof Date
        ? value.toISOString()
        : typeof value === "bigint"
          ? value.toString()
          : value,
  );
}

/** Every row of every table, serialised and sorted (migration bookkeeping left out: its times are per run). */
async function everyRow(url: string): Promise<Rows> {
  const rows: Rows = new Map();
  if (url.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
      );
      for (const { tablename } of tables.rows) {
        const result = await client.query(`SELECT * FROM "${tablename}"`);
        rows.set(tablename, result.rows.map(serialise).sort());
      }
    } finally {
      await client.end();
    }
    return rows;
  }
  const db = new Database(sqliteFilePath(url), { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
      )
      .all() as Array<{ name: string }>;
    for (const { name } of tables) {
      rows.set(
        name,
        (db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>).map(serialise).sort(),
      );
    }
  } finally {
    db.close();
  }
  return rows;
}

describe.each(PROVIDERS)("backup and restore on %s", (provider) => {
  it("a backup taken while writes go on restores every table, uploads and update logs included", async () => {
    const { url } = await seededDatabase(provider);
    const store = createDb(url);
    clients.push(store);
    const document = await store.collabDocument.findFirstOrThrow();
    const resource = await store.lessonResource.create({
      data: {
        lessonPlanId: (await store.lessonPlan.findFirstOrThrow()).id,
        kind: "file",
        title: "Fitness test record sheet",
        fileName: "record-sheet.pdf",
        mimeType: "application/pdf",
        sizeBytes: 4096,
        data: new Uint8Array(4096).map((_, i) => i % 251),
      },
    });
    // The upload's search entry is written just after it (search-hooks.server.ts): let it land before the backup,
    // so the backup holds the upload and its entry alike.
    await flushSearchIndex(store);
    // A writer appending to a document's update log for as long as the backup takes, and a little longer.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await store.collabUpdate.create({ data: { documentId: document.id, data: new Uint8Array([written % 256]) } });
        written++;
        // SQLite's driver answers without leaving the microtask queue: let timers (and the backup) run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // Wait for the writer's rows themselves rather than a fixed time: some before the backup starts, more after.
    await vi.waitFor(() => expect(written).toBeGreaterThanOrEqual(20), { timeout: 10_000, interval: 5 });
    const backup = await backupDatabase(url, path.join(scratch, provider));
    const writtenAtBackup = written;
    await vi.waitFor(() => expect(written).toBeGreaterThanOrEqual(writtenAtBackup + 20), {
      timeout: 10_000,
      interval: 5,
    });
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(writtenAtBackup);

    const restoredUrl = await emptyDatabase(provider);
    await restoreDatabase(backup.file, restoredUrl);
    const [source, restored] = await Promise.all([everyRow(url), everyRow(restoredUrl)]);
    expect([...restored.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [table, sourceRows] of source) {
      if (table === "CollabUpdate") continue;
      expect(restored.get(table), table).toEqual(sourceRows);
    }
    expect(restored.get("LessonResource")?.some((row) => row.includes(resource.id))).toBe(true);
    // The log rows written during the backup: exactly those up to some moment, none missing before it.
    const ids = (rows: string[]) => rows.map((row) => (JSON.parse(row) as { id: number }).id).sort((a, b) => a - b);
    const restoredIds = ids(restored.get("CollabUpdate")!);
    const last = restoredIds.at(-1)!;
    expect(restoredIds).toEqual(ids(source.get("CollabUpdate")!).filter((id) => id <= last));
    expect(restoredIds.length).toBeLessThan(source.get("CollabUpdate")!.length);
  }, 60_000);
});

describe("the backup commands", () => {
  it("npm run backup writes a backup into BACKUP_DIR and keeps the newest BACKUP_KEEP", async () => {
    const { url } = await seededDatabase("sqlite");
    const dir = path.join(scratch, "cli");
    fs.mkdirSync(dir, { recursive: true });
    for (const old of ["staffroom-20260101-000000.db", "staffroom-20260102-000000.db"]) {
      fs.writeFileSync(path.join(dir, old), "old");
    }
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/backup.ts", "--keep", "2"],
      { env: { ...process.env, DATABASE_URL: url, BACKUP_DIR: dir }, cwd: path.resolve(import.meta.dirname, "../..") },
    );
    const written = /Backup written: (\S+)/.exec(stdout)?.[1];
    expect(written && fs.existsSync(written)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["staffroom-20260102-000000.db", path.basename(written!)]);
    expect(pruneBackups(dir, 1)).toEqual([path.join(dir, "staffroom-20260102-000000.db")]);
  }, 60_000);
});
