// Durable storage of collaborative documents: the append-only Yjs update log,
// compaction snapshots, and version snapshots. A document's state is always
// "every compaction snapshot merged with every log row still present": Yjs
// updates are idempotent, so overlap between them is harmless, and a compaction
// deletes exactly the rows it read, so a row committed late by another process
// can never be dropped unseen (on PostgreSQL by their ids, never a range; on
// SQLite the write lock is held from the read to the delete, so the range up to
// the last row read is exactly those rows).
import { randomUUID } from "node:crypto";
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
  /** Ids of those compaction snapshots. */
  snapshotIds: string[];
  /** Ids of the log rows merged into `state`. */
  rowIds: number[];
}

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

function toBytes(value: Uint8Array): Uint8Array<ArrayBuffer> {
  // Prisma's Bytes fields want an ArrayBuffer-backed Uint8Array; Buffers from socket.io share a pool.
  return new Uint8Array(value);
}

export async function loadDocumentState(documentId: string): Promise<StoredDocumentState> {
  // Both reads in one transaction so a concurrent compaction cannot move rows between them.
  const [snapshots, rows] = await db().$transaction([
    db().collabSnapshot.findMany({ where: { documentId, kind: "compaction" }, select: { id: true, state: true } }),
    db().collabUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { id: true, data: true } }),
  ]);
  const parts = [...snapshots.map((s) => s.state), ...rows.map((r) => r.data)];
  const state = parts.length === 0 ? EMPTY_UPDATE : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
  return {
    state,
    logCount: rows.length,
    baseBytes: snapshots.reduce((sum, s) => sum + s.state.byteLength, 0),
    snapshotIds: snapshots.map((s) => s.id),
    rowIds: rows.map((r) => r.id),
  };
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
  write: (entries: readonly LogEntry[], touch: readonly string[], at: string) => number[];
}
let sqliteAppend: SqliteAppend | null = null;

function sqliteWriter(connection: Extract<DriverConnection, { provider: "sqlite" }>): SqliteAppend["write"] {
  if (sqliteAppend?.connection === connection) return sqliteAppend.write;
  const insert: Statement = connection.sqlite.prepare(
    'INSERT INTO "CollabUpdate" ("documentId", "data", "userId", "createdAt") VALUES (?, ?, ?, ?)',
  );
  const touch: Statement = connection.sqlite.prepare('UPDATE "CollabDocument" SET "updatedAt" = ? WHERE "id" = ?');
  const write = connection.sqlite.transaction(
    (entries: readonly LogEntry[], touched: readonly string[], at: string) => {
      for (const id of touched) touch.run(at, id);
      return entries.map((e) => Number(insert.run(e.documentId, asBuffer(e.data), e.userId, at).lastInsertRowid));
    },
  );
  // BEGIN IMMEDIATE: take the write lock up front, so a busy database fails before any work is done.
  sqliteAppend = { connection, write: (entries, touched, at) => write.immediate(entries, touched, at) };
  return sqliteAppend.write;
}

/** A Buffer view of the bytes (no copy): what both drivers bind as a BLOB / bytea. */
const asBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const isSqliteBusy = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  "code" in error &&
  /^SQLITE_BUSY/.test(String((error as { code: unknown }).code));

/**
 * Appends updates of any number of documents in one transaction (one commit),
 * through the plain driver: this runs for every group commit, and Prisma's
 * per-row cost there was a third of the server's CPU (bench/results/collab-findings.md).
 * Resolves once committed: durable across a crash of this process (SQLite WAL
 * with synchronous=NORMAL; PostgreSQL commit), with the new rows' ids in the
 * entries' order.
 */
export async function appendUpdates(entries: readonly LogEntry[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const connection = driverConnection();
  const now = Date.now();
  const touch = documentsToTouch(entries, now);
  let ids: number[];
  if (connection.provider === "sqlite") {
    const write = sqliteWriter(connection);
    const at = sqliteTimestamp(new Date(now));
    ids = await retryWhileBusy(now, () => write(entries, touch, at));
  } else {
    ids = await appendPostgres(connection.pool, entries, touch, new Date(now));
  }
  for (const id of touch) lastTouched.set(id, now);
  return ids;
}

async function appendPostgres(
  pool: Extract<DriverConnection, { provider: "postgresql" }>["pool"],
  entries: readonly LogEntry[],
  touch: readonly string[],
  at: Date,
): Promise<number[]> {
  // timestamp(3) without time zone holds UTC (as Prisma writes it): send the UTC wall time, not a local Date.
  const utc = at.toISOString().replace("Z", "");
  const values: unknown[] = [];
  const rows = entries.map((e) => {
    values.push(e.documentId, asBuffer(e.data), e.userId, utc);
    const n = values.length;
    return `($${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
  });
  const insert = `INSERT INTO "CollabUpdate" ("documentId", "data", "userId", "createdAt") VALUES ${rows.join(", ")} RETURNING "id", "documentId"`;
  if (touch.length === 0) return idsInEntryOrder(entries, (await pool.query<InsertedRow>(insert, values)).rows);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // One row at a time in id order: a fixed lock order, so two processes' batches cannot deadlock.
    for (const id of touch)
      await client.query('UPDATE "CollabDocument" SET "updatedAt" = $1 WHERE "id" = $2', [utc, id]);
    const inserted = await client.query<InsertedRow>(insert, values);
    await client.query("COMMIT");
    client.release();
    return idsInEntryOrder(entries, inserted.rows);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    client.release(true);
    throw error;
  }
}

interface InsertedRow {
  id: number;
  documentId: string;
}

/**
 * The ids of a multi-row INSERT in the order of its entries. The rows of one statement take their ids
 * in the order of its VALUES; RETURNING is matched per document and by ascending id, so nothing here
 * relies on the order RETURNING lists them in.
 */
function idsInEntryOrder(entries: readonly LogEntry[], rows: readonly InsertedRow[]): number[] {
  const byDocument = new Map<string, number[]>();
  for (const row of rows) {
    const ids = byDocument.get(row.documentId);
    if (ids) ids.push(Number(row.id));
    else byDocument.set(row.documentId, [Number(row.id)]);
  }
  for (const ids of byDocument.values()) ids.sort((a, b) => a - b);
  const next = new Map<string, number>();
  return entries.map((e) => {
    const at = next.get(e.documentId) ?? 0;
    next.set(e.documentId, at + 1);
    const id = byDocument.get(e.documentId)?.[at];
    if (id === undefined) throw new Error("the log insert returned fewer rows than it was given");
    return id;
  });
}

/**
 * Turns a document's compaction snapshots and log rows (oldest first) into one
 * update holding the whole state. The document manager applies them to its copy
 * in memory (most are already in it) and encodes that: the result may hold
 * more, never less.
 */
export type Fold = (
  snapshots: readonly { id: string; state: Uint8Array }[],
  rows: readonly { id: number; data: Uint8Array }[],
) => Uint8Array;

export interface Compaction {
  /** Log rows folded in and deleted. */
  compacted: number;
  /** Size of the new snapshot, or null when nothing was written. */
  stateBytes: number | null;
  /** Id of the new snapshot (the document's only compaction snapshot), or null when nothing was written. */
  snapshotId: string | null;
}

const NOTHING: Compaction = { compacted: 0, stateBytes: null, snapshotId: null };

/**
 * Folds the log into one compaction snapshot. Serialised per document by
 * touching the document row first (a row lock on PostgreSQL, the write lock on
 * SQLite), so two processes compacting at once cannot delete each other's base.
 * On SQLite it is one synchronous transaction through the plain driver (like the
 * appends): Prisma's cost for a thousand rows and a large snapshot was half the
 * server's busy time when many documents compacted at once.
 */
export async function compactDocument(documentId: string, fold: Fold): Promise<Compaction> {
  const connection = driverConnection();
  if (connection.provider === "sqlite") {
    const compact = sqliteCompactor(connection);
    const started = Date.now();
    return retryWhileBusy(started, () => compact(documentId, fold, sqliteTimestamp(new Date())));
  }
  return db().$transaction(
    async (tx) => {
      const touched = await tx.collabDocument.updateMany({
        where: { id: documentId },
        data: { updatedAt: new Date() },
      });
      if (touched.count === 0) return NOTHING;
      const snapshots = await tx.collabSnapshot.findMany({
        where: { documentId, kind: "compaction" },
        select: { id: true, state: true },
      });
      const rows = await tx.collabUpdate.findMany({
        where: { documentId },
        orderBy: { id: "asc" },
        select: { id: true, data: true },
      });
      if (rows.length === 0 && snapshots.length <= 1) return NOTHING;
      const merged = fold(snapshots, rows);
      const created = await tx.collabSnapshot.create({
        data: {
          documentId,
          kind: "compaction",
          state: toBytes(merged),
          coversUpdateId: rows.at(-1)?.id ?? 0,
        },
        select: { id: true },
      });
      await tx.collabUpdate.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
      await tx.collabSnapshot.deleteMany({ where: { id: { in: snapshots.map((s) => s.id) } } });
      return { compacted: rows.length, stateBytes: merged.byteLength, snapshotId: created.id };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

type SqliteCompact = (documentId: string, fold: Fold, at: string) => Compaction;
let sqliteCompaction: { connection: DriverConnection; compact: SqliteCompact } | null = null;

function sqliteCompactor(connection: Extract<DriverConnection, { provider: "sqlite" }>): SqliteCompact {
  if (sqliteCompaction?.connection === connection) return sqliteCompaction.compact;
  const sqlite = connection.sqlite;
  const touch: Statement = sqlite.prepare('UPDATE "CollabDocument" SET "updatedAt" = ? WHERE "id" = ?');
  const readSnapshots: Statement<[string], { id: string; state: Buffer }> = sqlite.prepare(
    'SELECT "id", "state" FROM "CollabSnapshot" WHERE "documentId" = ? AND "kind" = \'compaction\'',
  );
  const readRows: Statement<[string], { id: number; data: Buffer }> = sqlite.prepare(
    'SELECT "id", "data" FROM "CollabUpdate" WHERE "documentId" = ? ORDER BY "id"',
  );
  const insert: Statement = sqlite.prepare(
    'INSERT INTO "CollabSnapshot" ("id", "documentId", "kind", "name", "state", "coversUpdateId", "createdAt") ' +
      "VALUES (?, ?, 'compaction', '', ?, ?, ?)",
  );
  const deleteRows: Statement = sqlite.prepare('DELETE FROM "CollabUpdate" WHERE "documentId" = ? AND "id" <= ?');
  const deleteSnapshot: Statement = sqlite.prepare('DELETE FROM "CollabSnapshot" WHERE "id" = ?');
  const run = sqlite.transaction((documentId: string, fold: Fold, at: string): Compaction => {
    if (touch.run(at, documentId).changes === 0) return NOTHING;
    const snapshots = readSnapshots.all(documentId);
    const rows = readRows.all(documentId);
    if (rows.length === 0 && snapshots.length <= 1) return NOTHING;
    const merged = fold(snapshots, rows);
    const snapshotId = randomUUID();
    const last = rows.at(-1)?.id ?? 0;
    insert.run(snapshotId, documentId, asBuffer(merged), last, at);
    if (rows.length > 0) deleteRows.run(documentId, last);
    for (const s of snapshots) deleteSnapshot.run(s.id);
    return { compacted: rows.length, stateBytes: merged.byteLength, snapshotId };
  });
  // BEGIN IMMEDIATE, as for appends: the write lock from the first read, so no row can arrive unseen.
  sqliteCompaction = { connection, compact: (documentId, fold, at) => run.immediate(documentId, fold, at) };
  return sqliteCompaction.compact;
}

/** Runs a synchronous SQLite write, retrying from the event loop while another connection holds the lock. */
async function retryWhileBusy<T>(started: number, write: () => T): Promise<T> {
  // The lock is never awaited synchronously (see db.server.ts): that would block the event loop.
  for (let attempt = 0; ; attempt++) {
    try {
      return write();
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() - started > 10_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1 + attempt, 20)));
    }
  }
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
