// Every change to an open document goes one way, whoever made it (a client, the server
// itself, another process): apply -> broadcast to this process's sockets -> write to
// the log -> relay to the other processes -> acknowledge. Then compaction and automatic
// versions count it, and a change going out re-decides stale access facts.
import * as Y from "yjs";
import { logger } from "../../logger";
import type { AutoVersions } from "./auto-versions";
import type { Compaction } from "./compaction";
import type { Projections } from "./projections";
import {
  ApplyError,
  DocumentNotFoundError,
  isClientOrigin,
  type ClientOrigin,
  type OpenDocument,
} from "./open-document";
import { encodeSyncUpdate } from "./protocol";
import type { CollabRelay } from "./relay";
import type { UpdateWriter } from "./update-writer";

/** How document changes reach this process's sockets (io.local rooms in production). */
export type SyncFanout = (documentId: string, message: Uint8Array, exceptSocketId: string | null) => void;

export interface DocumentChangesDeps {
  writer: UpdateWriter;
  relay: CollabRelay;
  fanout: SyncFanout;
  compaction: Compaction;
  autoVersions: AutoVersions;
  projections: Projections;
  /** Facts older than this are reloaded when a change goes out (undefined: never). */
  accessRecheckMs: number | undefined;
  /** Closes a document that may be half-changed, for everyone here (it reloads on the next join). */
  discard(entry: OpenDocument): void;
}

export class DocumentChanges {
  constructor(private readonly deps: DocumentChangesDeps) {}

  /** Broadcasts every change of the document to this process's sockets, except to the socket that made it. */
  observe(entry: OpenDocument): void {
    entry.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === entry.applying) entry.appliedChange = true;
      entry.sizeBytes += update.byteLength;
      entry.lastChangeAt = Date.now();
      const except = isClientOrigin(origin) ? origin.socketId : null;
      this.deps.fanout(entry.id, encodeSyncUpdate(update), except);
      // Whoever only reads sends nothing that would re-decide their access: a change going out does.
      const maxAgeMs = this.deps.accessRecheckMs;
      if (maxAgeMs !== undefined && entry.sockets.size > 0) entry.access.reloadIfStale(maxAgeMs);
    });
  }

  /**
   * Applies a checked client update and resolves once it is durable. A throw
   * from applyUpdate means the document may be half-changed: it is closed for
   * everyone here and reloaded from the database on the next join, and the
   * update (never written) is refused.
   */
  async applyClientUpdate(entry: OpenDocument, update: Uint8Array, origin: ClientOrigin): Promise<void> {
    if (entry.closed) throw new DocumentNotFoundError(entry.id);
    // The document's own update observer (observe) notes whether this apply changed anything.
    entry.applying = origin;
    entry.appliedChange = false;
    try {
      Y.applyUpdate(entry.doc, update, origin);
    } catch (error) {
      logger.error("collab: update failed to apply; reloading the document", {
        documentId: entry.id,
        error: String(error),
      });
      this.deps.discard(entry);
      throw new ApplyError(String(error));
    } finally {
      entry.applying = null;
    }
    const changed = entry.appliedChange;
    const store = entry.doc.store;
    if (!changed && store.pendingStructs === null && store.pendingDs === null) {
      // Nothing new (a resent or empty step 2): it is durable once the writes already in flight are.
      await this.deps.writer.drain();
      return;
    }
    // The raw update, not the effective one: parts waiting for missing dependencies must be stored too.
    await this.persist(entry, update, origin.userId);
  }

  /** A change made by the server itself (a restore): applied, broadcast, stored and relayed like a client's. */
  async applyServerChange(entry: OpenDocument, change: (doc: Y.Doc) => void, userId: string | null): Promise<void> {
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array, origin: unknown) => {
      if (origin === "server-change") updates.push(update);
    };
    entry.doc.on("update", capture);
    try {
      entry.doc.transact(() => change(entry.doc), "server-change");
    } finally {
      entry.doc.off("update", capture);
    }
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    if (updates.length > 0) await this.persist(entry, merged, userId);
  }

  private async persist(entry: OpenDocument, update: Uint8Array, userId: string | null): Promise<void> {
    const rowId = await this.deps.writer.append({ documentId: entry.id, data: update, userId });
    if (rowId !== null && !entry.closed) entry.storedRows.add(rowId);
    // Relay only after commit: a process loading this document meanwhile either read it or is buffering the relay.
    this.deps.relay.publish({ kind: "update", documentId: entry.id, payload: update });
    this.deps.compaction.noteAppended(entry, update.byteLength);
    this.deps.autoVersions.noteEdit(entry, userId);
    this.deps.projections.noteChanged(entry, userId);
  }
}
