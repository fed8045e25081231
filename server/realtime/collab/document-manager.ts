// The documents this process has open, from load to unload: loaded from the database
// on first join (compaction snapshots + update log), kept current by local clients
// and by the relay from other processes, and unloaded (after a final compaction and
// automatic version) once nobody has had them open for a while. The work on an open
// document is done by single-purpose pieces: document-changes.ts (apply, broadcast,
// store, relay), presence.ts, access-facts.ts, compaction.ts and auto-versions.ts.
import * as Y from "yjs";
import { applyAwarenessUpdate } from "y-protocols/awareness";
import type { CollabErrorCode } from "~/lib/collab-events";
import { loadDocumentFacts, type DocumentAccessTarget, type DocumentFacts } from "~/policies/document";
import { loadDocumentRecord } from "~/models/collab-documents.server";
import { loadDocumentState } from "~/models/collab-log.server";
import { DOCUMENT_OWNERS } from "~/models/document-owners.server";
import { logger } from "../../logger";
import { AccessFacts } from "./access-facts";
import { AutoVersions } from "./auto-versions";
import { Compaction, type CompactionOptions } from "./compaction";
import { DocumentChanges, type SyncFanout } from "./document-changes";
import { DocumentNotFoundError, openDocument, ServerBusyError, type OpenDocument } from "./open-document";
import { Projections } from "./projections";
import { observePresence, ownPresence, removeSocketPresence, type PresenceFanout } from "./presence";
import type { CollabRelay, RelayMessage } from "./relay";
import type { UpdateWriter } from "./update-writer";

export interface ManagerOptions extends CompactionOptions {
  /** Keep an unused document loaded this long, for quick reloads and tab switches. */
  unloadAfterMs: number;
  /** Take an automatic version at most this often while people edit. */
  autoVersionEveryMs: number;
  /** Refuse to open more documents than this at once (bounded memory). */
  maxLoadedDocuments: number;
  /**
   * The owner's policy facts (planners, deployed supporters) are reloaded when a change goes out to this
   * process's sockets and they are older than this (ms), so access is re-decided for readers too.
   */
  accessRecheckMs?: number;
  /** Copy a document's text out (a plan's parts to its columns) this long after the edits here stop. */
  projectAfterMs?: number;
}

/** How the manager reaches this process's sockets (io.local rooms in production). */
export interface LocalFanout {
  sync: SyncFanout;
  awareness: PresenceFanout;
  /** Tells every local socket in the document why it is closed, and removes them from its room. */
  close(documentId: string, code: CollabErrorCode, message: string): void;
}

/** Told with a document and its new policy facts each time they are replaced (one listener: the socket layer). */
export type AccessFactsListener = (entry: OpenDocument, facts: DocumentFacts | undefined) => void;

export class DocumentManager {
  private readonly open = new Map<string, OpenDocument>();
  private readonly loading = new Map<string, Promise<OpenDocument>>();
  /** Relay messages for documents being loaded; applied once the load finishes. */
  private readonly relayBuffer = new Map<string, RelayMessage[]>();
  private readonly unloading = new Map<string, Promise<void>>();
  private shuttingDown = false;
  private readonly compaction: Compaction;
  private readonly autoVersions: AutoVersions;
  readonly projections: Projections;
  readonly changes: DocumentChanges;
  private accessListener: AccessFactsListener | null = null;

  constructor(
    private readonly options: ManagerOptions,
    private readonly writer: UpdateWriter,
    private readonly relay: CollabRelay,
    private readonly fanout: LocalFanout,
  ) {
    // Compaction stays off the path of an active document: a quiet moment, a large log, or unload.
    this.compaction = new Compaction(options, () => this.open.values());
    this.autoVersions = new AutoVersions(options.autoVersionEveryMs);
    this.projections = new Projections(options.projectAfterMs ?? 1000);
    this.changes = new DocumentChanges({
      writer,
      relay,
      fanout: fanout.sync,
      compaction: this.compaction,
      autoVersions: this.autoVersions,
      projections: this.projections,
      accessRecheckMs: options.accessRecheckMs,
      discard: (entry) => this.discard(entry, "not-joined", "The document was reloaded on the server; join again."),
    });
    relay.onMessage((message) => this.onRelay(message));
    relay.onResync(() => void this.refreshAllFromDatabase());
  }

  /** Log rows compaction applied to a copy in memory, and rows it skipped as already there (tests, metrics). */
  get stats(): { rowsApplied: number; rowsSkipped: number } {
    return this.compaction.stats;
  }

  get loadedCount(): number {
    return this.open.size;
  }

  isLoaded(documentId: string): boolean {
    return this.open.has(documentId);
  }

  /** The in-memory state of an open document (diagnostics and tests), or null when not loaded here. */
  inMemoryState(documentId: string): Uint8Array | null {
    const entry = this.open.get(documentId);
    return entry ? Y.encodeStateAsUpdate(entry.doc) : null;
  }

  /** How many log rows this process knows to be in its copy of a document (diagnostics and tests), or null. */
  knownRowCount(documentId: string): number | null {
    return this.open.get(documentId)?.storedRows.size ?? null;
  }

  /** Whether a compaction of the document is under way here (diagnostics and tests). */
  isCompacting(documentId: string): boolean {
    return Boolean(this.open.get(documentId)?.compacting);
  }

  /** Called with a document each time its policy facts are replaced (one listener: the socket layer). */
  onAccessFacts(listener: AccessFactsListener | null): void {
    this.accessListener = listener;
  }

  /**
   * The open document, loading it if needed. Throws DocumentNotFoundError or ServerBusyError. A caller that has just
   * read the document's record (a join, to decide access) passes it, so a cold load does not read it again.
   */
  async acquire(
    documentId: string,
    knownRecord?: (DocumentAccessTarget & { id: string }) | null,
  ): Promise<OpenDocument> {
    if (this.shuttingDown) throw new ServerBusyError("server is shutting down");
    await this.unloading.get(documentId);
    const existing = this.open.get(documentId);
    if (existing) {
      this.cancelUnload(existing);
      return existing;
    }
    let pending = this.loading.get(documentId);
    if (!pending) {
      pending = this.load(documentId, knownRecord).finally(() => this.loading.delete(documentId));
      this.loading.set(documentId, pending);
    }
    const loaded = await pending;
    this.cancelUnload(loaded);
    return loaded;
  }

  private async load(
    documentId: string,
    knownRecord?: (DocumentAccessTarget & { id: string }) | null,
  ): Promise<OpenDocument> {
    if (this.open.size + this.loading.size > this.options.maxLoadedDocuments) {
      await this.evictIdle();
      if (this.open.size + this.loading.size > this.options.maxLoadedDocuments) {
        throw new ServerBusyError(`more than ${this.options.maxLoadedDocuments} documents open`);
      }
    }
    // Buffer relay traffic from before our database read: anything committed after it arrives this way.
    this.relayBuffer.set(documentId, []);
    try {
      const record = knownRecord ?? (await loadDocumentRecord(documentId));
      if (!record) throw new DocumentNotFoundError(documentId);
      const stored = await loadDocumentState(documentId);
      const entry = openDocument(record, stored, (opened) => this.accessFactsOf(opened));
      for (const message of this.relayBuffer.get(documentId) ?? []) this.applyRelay(entry, message);
      this.changes.observe(entry);
      observePresence(entry, this.fanout.awareness, this.relay);
      this.open.set(documentId, entry);
      this.projections.catchUp(entry);
      // Presence announced elsewhere before this load is not in the buffer: ask for it.
      this.relay.publish({ kind: "presence-query", documentId, payload: new Uint8Array() });
      return entry;
    } finally {
      this.relayBuffer.delete(documentId);
    }
  }

  private accessFactsOf(entry: OpenDocument): AccessFacts {
    return new AccessFacts(
      () => loadDocumentFacts(DOCUMENT_OWNERS, entry.record),
      (facts) => {
        if (!entry.closed) this.accessListener?.(entry, facts);
      },
      (error) => logger.warn("collab: reloading access facts failed", { documentId: entry.id, error: String(error) }),
    );
  }

  attach(entry: OpenDocument, socketId: string): void {
    this.cancelUnload(entry);
    if (!entry.sockets.has(socketId)) entry.sockets.set(socketId, new Set());
  }

  /** Takes a socket (or a server-side holder) off the document, with its presence; unloads later when none is left. */
  detach(entry: OpenDocument, socketId: string): void {
    const ids = entry.sockets.get(socketId);
    if (!ids) return;
    entry.sockets.delete(socketId);
    removeSocketPresence(entry, ids);
    if (entry.sockets.size === 0) this.scheduleUnload(entry);
  }

  /** A change made by the server itself (a restore), on the document loaded for the purpose if need be. */
  async applyServerChange(documentId: string, change: (doc: Y.Doc) => void, userId: string | null): Promise<void> {
    const holder = `server-change:${Math.random()}`;
    const entry = await this.acquire(documentId);
    this.attach(entry, holder);
    try {
      await this.changes.applyServerChange(entry, change, userId);
    } finally {
      this.detach(entry, holder);
    }
  }

  private onRelay(message: RelayMessage): void {
    const buffer = this.relayBuffer.get(message.documentId);
    if (buffer) {
      buffer.push(message);
      return;
    }
    const entry = this.open.get(message.documentId);
    if (entry) this.applyRelay(entry, message);
  }

  private applyRelay(entry: OpenDocument, message: RelayMessage): void {
    try {
      if (message.kind === "update") Y.applyUpdate(entry.doc, message.payload, "relay");
      else if (message.kind === "awareness") applyAwarenessUpdate(entry.awareness, message.payload, "relay");
      else if (message.kind === "deleted") this.discard(entry, "document-deleted", "This document has been deleted.");
      else if (message.kind === "presence-query") this.answerPresenceQuery(entry);
      else if (message.kind === "access-changed") void this.reloadAccess(entry);
    } catch (error) {
      logger.error("collab: relayed change failed to apply", { documentId: entry.id, error: String(error) });
    }
  }

  /** Publishes the presence of this process's own clients (each process answers for its own only). */
  private answerPresenceQuery(entry: OpenDocument): void {
    const payload = ownPresence(entry);
    if (payload) this.relay.publish({ kind: "awareness", documentId: entry.id, payload });
  }

  /** After a relay outage: merge what the database has into every open document (idempotent), and re-ask for presence. */
  async refreshAllFromDatabase(): Promise<void> {
    for (const entry of [...this.open.values()]) {
      this.relay.publish({ kind: "presence-query", documentId: entry.id, payload: new Uint8Array() });
      try {
        const stored = await loadDocumentState(entry.id);
        if (!entry.closed) Y.applyUpdate(entry.doc, stored.state, "db-refresh");
      } catch (error) {
        logger.warn("collab: refresh from database failed", { documentId: entry.id, error: String(error) });
      }
    }
  }

  /** Its rules' facts changed (minutes approved): re-decide every socket's access now, here and in other processes. */
  async accessChanged(documentId: string): Promise<void> {
    this.relay.publish({ kind: "access-changed", documentId, payload: new Uint8Array() });
    const entry = this.open.get(documentId);
    if (entry) await this.reloadAccess(entry);
  }

  private reloadAccess(entry: OpenDocument): Promise<void> {
    return entry.access.reloadAfterChange().then(
      () => undefined,
      (error: unknown) =>
        logger.warn("collab: reloading access facts failed", { documentId: entry.id, error: String(error) }),
    );
  }

  /** The document was deleted: close it here and tell the other processes. */
  documentDeleted(documentId: string): void {
    const entry = this.open.get(documentId);
    if (entry) this.discard(entry, "document-deleted", "This document has been deleted.");
    this.relay.publish({ kind: "deleted", documentId, payload: new Uint8Array() });
  }

  /** Drops the in-memory copy without writing anything (the database stays the truth). */
  private discard(entry: OpenDocument, code: CollabErrorCode, message: string): void {
    if (entry.closed) return;
    entry.closed = true;
    this.cancelUnload(entry);
    this.fanout.close(entry.id, code, message);
    entry.sockets.clear();
    entry.awareness.destroy();
    entry.doc.destroy();
    if (this.open.get(entry.id) === entry) this.open.delete(entry.id);
  }

  private cancelUnload(entry: OpenDocument): void {
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    entry.unloadTimer = null;
  }

  private scheduleUnload(entry: OpenDocument): void {
    this.cancelUnload(entry);
    if (entry.closed) return;
    entry.unloadTimer = setTimeout(() => void this.unload(entry), this.options.unloadAfterMs);
    entry.unloadTimer.unref?.();
  }

  private unload(entry: OpenDocument): Promise<void> {
    if (entry.closed || entry.sockets.size > 0) return Promise.resolve();
    const existing = this.unloading.get(entry.id);
    if (existing) return existing;
    // Closed before the async work starts, so a join meanwhile waits for us and then loads afresh.
    entry.closed = true;
    this.open.delete(entry.id);
    const done = this.finalise(entry).finally(() => this.unloading.delete(entry.id));
    this.unloading.set(entry.id, done);
    return done;
  }

  /** Final writes for a document leaving memory: wait for its log writes, version if edited, compact. */
  private async finalise(entry: OpenDocument): Promise<void> {
    try {
      await this.writer.drain();
      await entry.compacting;
      await this.autoVersions.take(entry);
      await this.projections.flush(entry);
      await this.compaction.compactOnUnload(entry);
    } catch (error) {
      logger.warn("collab: final compaction failed; the log still holds every update", {
        documentId: entry.id,
        error: String(error),
      });
    } finally {
      entry.awareness.destroy();
      entry.doc.destroy();
    }
  }

  private async evictIdle(): Promise<void> {
    const idle = [...this.open.values()].filter((e) => e.sockets.size === 0);
    await Promise.all(idle.map((e) => this.unload(e)));
  }

  /** For shutdown: finish writes, then compact and version every open document. */
  async closeAll(): Promise<void> {
    this.shuttingDown = true;
    this.compaction.stop();
    await Promise.allSettled([...this.loading.values()]);
    const entries = [...this.open.values()];
    for (const entry of entries) entry.sockets.clear();
    await Promise.all(entries.map((entry) => this.unload(entry)));
    await Promise.all([...this.unloading.values()]);
    await this.projections.settle();
  }
}
