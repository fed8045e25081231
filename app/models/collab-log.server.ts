// Durable storage of collaborative documents: the append-only Yjs update log,
// compaction snapshots, and version snapshots. A document's state is always
// "every compaction snapshot merged with every log row still present": Yjs
// updates are idempotent, so overlap between them is harmless, and a compaction
// deletes exactly the rows it read (never a range), so a row committed late by
// another process can never be dropped unseen.
import * as Y from "yjs";
import { db } from "./db.server";

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
  return { state, logCount: rows.length };
}

/** Appends updates of any number of documents in one statement (one commit). */
export async function appendUpdates(entries: readonly LogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db().collabUpdate.createMany({
    data: entries.map((e) => ({ documentId: e.documentId, data: toBytes(e.data), userId: e.userId })),
  });
}

/**
 * Folds the log into one compaction snapshot. Serialised per document by
 * touching the document row first (a row lock on PostgreSQL, the write lock on
 * SQLite), so two processes compacting at once cannot delete each other's base.
 */
export async function compactDocument(documentId: string): Promise<{ compacted: number }> {
  return db().$transaction(
    async (tx) => {
      const touched = await tx.collabDocument.updateMany({ where: { id: documentId }, data: { updatedAt: new Date() } });
      if (touched.count === 0) return { compacted: 0 };
      const snapshots = await tx.collabSnapshot.findMany({
        where: { documentId, kind: "compaction" },
        select: { id: true, state: true },
      });
      const rows = await tx.collabUpdate.findMany({
        where: { documentId },
        orderBy: { id: "asc" },
        select: { id: true, data: true },
      });
      if (rows.length === 0 && snapshots.length <= 1) return { compacted: 0 };
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
      return { compacted: rows.length };
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
