// The stored state of several co-edited documents in two statements: each one's compaction snapshot and update log
// merged, as loadDocumentState (collab-log.server.ts) reads one, deleted content kept. For work that goes through
// many documents at once: the search index's copy of their text, an erasure's check of which it must rewrite.
import * as Y from "yjs";
// The client type itself, not db.server: the search index reads through the client it was given.
import type { PrismaClient as Db } from "~/generated/sqlite/client";

/** Each document's merged state, by id; a document with nothing stored is left out. */
export async function storedDocumentStates(
  store: Db,
  documentIds: readonly string[],
): Promise<Map<string, Uint8Array>> {
  if (documentIds.length === 0) return new Map();
  // Both reads in one transaction so a concurrent compaction cannot move rows between them.
  const [snapshots, rows] = await store.$transaction([
    store.collabSnapshot.findMany({
      where: { documentId: { in: [...documentIds] }, kind: "compaction" },
      select: { documentId: true, state: true },
    }),
    store.collabUpdate.findMany({
      where: { documentId: { in: [...documentIds] } },
      orderBy: { id: "asc" },
      select: { documentId: true, data: true },
    }),
  ]);
  const parts = new Map<string, Uint8Array[]>();
  const add = (documentId: string, part: Uint8Array) => {
    const list = parts.get(documentId);
    if (list) list.push(part);
    else parts.set(documentId, [part]);
  };
  for (const { documentId, state } of snapshots) add(documentId, state);
  for (const { documentId, data } of rows) add(documentId, data);
  return new Map(
    [...parts].map(([documentId, updates]) => [
      documentId,
      updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
    ]),
  );
}
