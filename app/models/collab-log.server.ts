// Durable storage of collaborative documents: the append-only Yjs update log,
// compaction snapshots, and version snapshots. A document's state is always
// "every compaction snapshot merged with every log row still present": Yjs
// updates are idempotent, so overlap between them is harmless, and a compaction
// deletes exactly the rows it read (never a range), so a row committed late by
// another process can never be dropped unseen.
import type { Statement } from "better-sqlite3";
import * as Y from "yjs";
import { db, driverConnection, type DriverConnection } from "./db.server";

export type SnapshotKind = "compaction" | "auto" | "named";

export interface LogEntry {
  documentId: string;
  data: Uint8Array;
  userId: string | null;
}

export interface StoredDocumentState {
  /** One Yjs update holding the whole stored state. */
  state: Uint8Array;
  /** Log rows not yet folded into a compaction snapshot. */
  logCount: number;
  /** Bytes of the compaction snapshots the log applies to (what the next compaction rebuilds). */
  baseBytes: number;
}

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

function toBytes(value: Uint8Array): Uint8Array<ArrayBuffer> {
  // Prisma's Bytes fields want an ArrayBuffer-backed Uint8Array; Buffers from socket.io share a pool.
  return new Uint8Array(value);
}

export async function loadDocumentState(documentId: string): Promise<StoredDocumentState> {
  // Both reads in one transaction so a concurrent compaction cannot move rows between them.
  const [snapshots, rows] = await db().$transaction([
    db().collabSnapshot.findMany({ where: { documentId, kind: "compaction" }, select: { state: true } }),
    db().collabUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { data: true } }),
  ]);
  const parts = [...snapshots.map((s) => s.state), ...rows.map((r) => r.data)];
  const state = parts.length === 0 ? EMPTY_UPDATE : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
  return { state, logCount: rows.length, baseBytes: snapshots.reduce((sum, s) => sum + s.state.byteLength, 0) };
}

/** A document's `updatedAt` is moved by log appends at most this often (per process). */
const TOUCH_EVERY_MS = 5_000;
const lastTouched = new Map<string, number>();

/** The documents of a batch whose `updatedAt` is due a touch, sorted (a fixed lock order on PostgreSQL). */
function documentsToTouch(entries: readonly LogEntry[], now: number): string[] {
  const due = new Set<string>();
  for (const e of entries) {
    if (now - (lastTouched.get(e.documentId) ?? 0) >= TOUCH_EVERY_MS) due.add(e.documentId);
  }
  if (lastTouched.size > 10_000) {
    for (const [id, at] of lastTouched) if (now - at >= TOUCH_EVERY_MS) lastTouched.delete(id);
  }
  return [...due].sort();
}

/** Prisma's SQLite DateTime text (the better-sqlite3 adapter's iso8601 format). */
const sqliteTimestamp = (date: Date) => date.toISOString().replace("Z", "+00:00");

interface SqliteAppend {
  connection: DriverConnection;
  write: (entries: readonly LogEntry[], touch: readonly string[], at: string) => void;
}
let sqliteAppend: SqliteAppend | null = null;

function sqliteWriter(connection: Extract<DriverConnection, { provider: "sqlite" }>): SqliteAppend["write"] {
  if (sqliteAppend?.connection === connection) return sqliteAppend.write;
  const insert: Statement = connection.sqlite.prepare(
    'INSERT INTO "CollabUpdate" ("documentId", "data", "userId", "createdAt") VALUES (?, ?, ?, ?)',
  );
  const touch: Statement = connection.sqlite.prepare('UPDATE "CollabDocument" SET "updatedAt" = ? WHERE "id" = ?');
  const write = connection.sqlite.transaction((entries: readonly LogEntry[], touched: readonly string[], at: string) => {
    for (const id of touched) touch.run(at, id);
    for (const e of entries) insert.run(e.documentId, asBuffer(e.data), e.userId, at);
  });
  // BEGIN IMMEDIATE: take the write lock up front, so a busy database fails before any work is done.
  sqliteAppend = { connection, write: (entries, touched, at) => write.immediate(entries, touched, at) };
  return sqliteAppend.write;
}

/** A Buffer view of the bytes (no copy): what both drivers bind as a BLOB / bytea. */
const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

const isSqliteBusy = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && /^SQLITE_BUSY/.test(String((error as { code: unknown }).code));

/**
 * Appends updates of any number of documents in one transaction (one commit),
 * through the plain driver: this runs for every group commit, and Prisma's
 * per-row cost there was a third of the server's CPU (bench/results/collab-findings.md).
 * Resolves once committed: durable across a crash of this process (SQLite WAL
 * with synchronous=NORMAL; PostgreSQL commit).
 */
export async function appendUpdates(entries: readonly LogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const connection = driverConnection();
  const now = Date.now();
  const touch = documentsToTouch(entries, now);
  if (connection.provider === "sqlite") {
    const write = sqliteWriter(connection);
    const at = sqliteTimestamp(new Date(now));
    // The lock is never awaited synchronously (see db.server.ts): retry a busy database from the event loop.
    for (let attempt = 0; ; attempt++) {
      try {
        write(entries, touch, at);
        break;
      } catch (error) {
        if (!isSqliteBusy(error) || Date.now() - now > 10_000) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(1 + attempt, 20)));
      }
    }
  } else {
    await appendPostgres(connection.pool, entries, touch, new Date(now));
  }
  for (const id of touch) lastTouched.set(id, now);
}

async function appendPostgres(
  pool: Extract<DriverConnection, { provider: "postgresql" }>["pool"],
  entries: readonly LogEntry[],
  touch: readonly string[],
  at: Date,
): Promise<void> {
  // timestamp(3) without time zone holds UTC (as Prisma writes it): send the UTC wall time, not a local Date.
  const utc = at.toISOString().replace("Z", "");
  const values: unknown[] = [];
  const rows = entries.map((e) => {
    values.push(e.documentId, asBuffer(e.data), e.userId, utc);
    const n = values.length;
    return `($${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
  });
  const insert = `INSERT INTO "CollabUpdate" ("documentId", "data", "userId", "createdAt") VALUES ${rows.join(", ")}`;
  if (touch.length === 0) {
    await pool.query(insert, values);
    return;
  }
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // One row at a time in id order: a fixed lock order, so two processes' batches cannot deadlock.
    for (const id of touch) await client.query('UPDATE "CollabDocument" SET "updatedAt" = $1 WHERE "id" = $2', [utc, id]);
    await client.query(insert, values);
    await client.query("COMMIT");
    client.release();
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    client.release(true);
    throw error;
  }
}

/**
 * Folds the log into one compaction snapshot. Serialised per document by
 * touching the document row first (a row lock on PostgreSQL, the write lock on
 * SQLite), so two processes compacting at once cannot delete each other's base.
 */
export async function compactDocument(documentId: string): Promise<{ compacted: number; stateBytes: number | null }> {
  return db().$transaction(
    async (tx) => {
      const touched = await tx.collabDocument.updateMany({ where: { id: documentId }, data: { updatedAt: new Date() } });
      if (touched.count === 0) return { compacted: 0, stateBytes: null };
      const snapshots = await tx.collabSnapshot.findMany({
        where: { documentId, kind: "compaction" },
        select: { id: true, state: true },
      });
      const rows = await tx.collabUpdate.findMany({
        where: { documentId },
        orderBy: { id: "asc" },
        select: { id: true, data: true },
      });
      if (rows.length === 0 && snapshots.length <= 1) return { compacted: 0, stateBytes: null };
      const merged = Y.encodeStateAsUpdate(docFromUpdates([...snapshots.map((s) => s.state), ...rows.map((r) => r.data)]));
      await tx.collabSnapshot.create({
        data: {
          documentId,
          kind: "compaction",
          state: toBytes(merged),
          coversUpdateId: rows.at(-1)?.id ?? 0,
        },
      });
      await tx.collabUpdate.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
      await tx.collabSnapshot.deleteMany({ where: { id: { in: snapshots.map((s) => s.id) } } });
      return { compacted: rows.length, stateBytes: merged.byteLength };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/** A Y.Doc holding the given updates, applied in one transaction. */
export function docFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** Stores the document's current durable state as a version (auto or named). */
export async function createVersionSnapshot(
  documentId: string,
  kind: Exclude<SnapshotKind, "compaction">,
  options: { name?: string; createdById?: string | null; state?: Uint8Array } = {},
) {
  const state = options.state ?? (await loadDocumentState(documentId)).state;
  return db().collabSnapshot.create({
    data: {
      documentId,
      kind,
      name: options.name ?? "",
      state: toBytes(state),
      createdById: options.createdById ?? null,
    },
  });
}

export async function countLogEntries(documentId: string): Promise<number> {
  return db().collabUpdate.count({ where: { documentId } });
}
