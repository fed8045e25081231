// The documents this process has open: one Y.Doc and one Awareness each,
// loaded from the database on first join (compaction snapshots + update log),
// kept current by local clients and by the relay from other processes, and
// unloaded (after a final compaction and automatic version) once nobody has
// them open. Every change is applied here and nowhere else, so broadcasting,
// durability and relaying happen in one place and in one order:
// apply -> broadcast to this process's sockets -> write to the log -> relay -> ack.
import * as Y from "yjs";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import { sanitiseAwarenessUpdate, type PresenceIdentity } from "./awareness-guard";
import type { CollabErrorCode } from "~/lib/collab-events";
import { loadDocumentFacts, type DocumentAccessTarget, type DocumentFacts } from "~/policies/document";
import { loadDocumentRecord } from "~/models/collab-documents.server";
import { compactDocument, createVersionSnapshot, loadDocumentState, type Fold } from "~/models/collab-log.server";
import { logger } from "../../logger";
import { encodeSyncUpdate } from "./protocol";
import type { CollabRelay, RelayMessage } from "./relay";
import type { UpdateWriter } from "./update-writer";

export interface ManagerOptions {
  /**
   * Compact the log into a snapshot once it holds this many updates (counted in this process) and their
   * bytes are at least compactBaseRatio of the snapshot's: compaction rebuilds the whole document, so a
   * large document waits for a proportionally longer log (amortised cost), and a burst of edits across
   * many large documents does not set off a compaction in each of them at once.
   */
  compactEvery: number;
  compactBaseRatio: number;
  /** ... or once the log holds this many bytes of updates, whatever the document's size. */
  compactBytes: number;
  /** ... or once nobody has changed the document for this long (and its log is not empty). */
  compactIdleMs: number;
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
}

/** How the manager reaches this process's sockets (io.local rooms in production). */
export interface LocalFanout {
  sync(documentId: string, message: Uint8Array, exceptSocketId: string | null): void;
  awareness(documentId: string, update: Uint8Array, exceptSocketId: string | null): void;
  /** Tells every local socket in the document why it is closed, and removes them from its room. */
  close(documentId: string, code: CollabErrorCode, message: string): void;
}

/** The origin of a change made by a client, so its own socket does not get it echoed. */
export interface ClientOrigin {
  socketId: string;
  userId: string;
}

export interface OpenDocument {
  id: string;
  record: DocumentAccessTarget;
  doc: Y.Doc;
  awareness: Awareness;
  /** Attached sockets and the awareness client ids each has announced. */
  sockets: Map<string, Set<number>>;
  logCount: number;
  /** Bytes of updates this process appended since the last compaction. */
  logBytes: number;
  /** Bytes of the compacted base the log applies to (as loaded, or as the last compaction here wrote it). */
  baseBytes: number;
  /** Ids of the compaction snapshots already in `doc` (loaded, or written here). */
  baseSnapshots: Set<string>;
  /**
   * Ids of log rows known to be in `doc`: read at load, or appended by this process after applying them.
   * Compaction skips these (applying a thousand known rows costs more than encoding the document);
   * any other row (another process's, its relay message lost, say) is applied.
   */
  storedRows: Set<number>;
  lastWriteAt: number;
  editorsSinceVersion: Map<string, number>;
  lastVersionAt: number;
  unloadTimer: NodeJS.Timeout | null;
  compacting: Promise<void> | null;
  closed: boolean;
  /** The origin of the client update being applied now, and whether it changed the document. */
  applying: ClientOrigin | null;
  appliedChange: boolean;
  /** The policy facts of the document's owner (a lesson plan's planners, say), shared by every socket here. */
  access: AccessFacts;
}

interface AccessFacts {
  facts: DocumentFacts | undefined;
  /** When the load that produced `facts` started (0: never loaded). */
  loadedAt: number;
  loading: Promise<DocumentFacts | undefined> | null;
}

export class DocumentNotFoundError extends Error {}
export class ServerBusyError extends Error {}

export class DocumentManager {
  private readonly open = new Map<string, OpenDocument>();
  private readonly loading = new Map<string, Promise<OpenDocument>>();
  /** Relay messages for documents being loaded; applied once the load finishes. */
  private readonly relayBuffer = new Map<string, RelayMessage[]>();
  private readonly unloading = new Map<string, Promise<void>>();
  private shuttingDown = false;
  /** Log rows compaction applied to a copy in memory, and rows it skipped as already there (tests, metrics). */
  readonly stats = { rowsApplied: 0, rowsSkipped: 0 };
  private readonly idleSweep: NodeJS.Timeout;
  /** Told whenever a document's policy facts are replaced, to re-decide the access of its sockets. */
  private accessListener: ((entry: OpenDocument) => void) | null = null;

  constructor(
    private readonly options: ManagerOptions,
    private readonly writer: UpdateWriter,
    private readonly relay: CollabRelay,
    private readonly fanout: LocalFanout,
  ) {
    relay.onMessage((message) => this.onRelay(message));
    relay.onResync(() => void this.refreshAllFromDatabase());
    // Compaction stays off the path of an active document: a quiet moment, a large log, or unload.
    const idleMs = options.compactIdleMs;
    this.idleSweep = setInterval(() => this.compactIdle(idleMs), Math.max(50, Math.min(idleMs / 2, 5_000)));
    this.idleSweep.unref?.();
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

  /** The open document, loading it if needed. Throws DocumentNotFoundError or ServerBusyError. */
  async acquire(documentId: string): Promise<OpenDocument> {
    if (this.shuttingDown) throw new ServerBusyError("server is shutting down");
    await this.unloading.get(documentId);
    const existing = this.open.get(documentId);
    if (existing) {
      this.cancelUnload(existing);
      return existing;
    }
    let pending = this.loading.get(documentId);
    if (!pending) {
      pending = this.load(documentId).finally(() => this.loading.delete(documentId));
      this.loading.set(documentId, pending);
    }
    const loaded = await pending;
    this.cancelUnload(loaded);
    return loaded;
  }

  private async load(documentId: string): Promise<OpenDocument> {
    if (this.open.size + this.loading.size > this.options.maxLoadedDocuments) {
      await this.evictIdle();
      if (this.open.size + this.loading.size > this.options.maxLoadedDocuments) {
        throw new ServerBusyError(`more than ${this.options.maxLoadedDocuments} documents open`);
      }
    }
    // Buffer relay traffic from before our database read: anything committed after it arrives this way.
    this.relayBuffer.set(documentId, []);
    try {
      const record = await loadDocumentRecord(documentId);
      if (!record) throw new DocumentNotFoundError(documentId);
      const stored = await loadDocumentState(documentId);
      const doc = new Y.Doc({ gc: true });
      Y.applyUpdate(doc, stored.state, "load");
      const awareness = new Awareness(doc);
      awareness.setLocalState(null); // the server has no cursor of its own
      const entry: OpenDocument = {
        id: documentId,
        record,
        doc,
        awareness,
        sockets: new Map(),
        logCount: stored.logCount,
        logBytes: 0,
        baseBytes: stored.baseBytes,
        baseSnapshots: new Set(stored.snapshotIds),
        storedRows: new Set(stored.rowIds),
        lastWriteAt: Date.now(),
        editorsSinceVersion: new Map(),
        lastVersionAt: Date.now(),
        unloadTimer: null,
        compacting: null,
        closed: false,
        applying: null,
        appliedChange: false,
        access: { facts: undefined, loadedAt: 0, loading: null },
      };
      for (const message of this.relayBuffer.get(documentId) ?? []) this.applyRelay(entry, message);
      this.observe(entry);
      this.open.set(documentId, entry);
      // Presence announced elsewhere before this load is not in the buffer: ask for it.
      this.relay.publish({ kind: "presence-query", documentId, payload: new Uint8Array() });
      return entry;
    } finally {
      this.relayBuffer.delete(documentId);
    }
  }

  private observe(entry: OpenDocument): void {
    entry.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === entry.applying) entry.appliedChange = true;
      const except = isClientOrigin(origin) ? origin.socketId : null;
      this.fanout.sync(entry.id, encodeSyncUpdate(update), except);
      this.recheckAccessIfStale(entry);
    });
    entry.awareness.on(
      "update",
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...added, ...updated, ...removed];
        if (typeof origin === "string" && origin.startsWith("socket:")) {
          const ids = entry.sockets.get(origin.slice("socket:".length));
          for (const id of [...added, ...updated]) ids?.add(id);
          for (const id of removed) ids?.delete(id);
        }
        if (origin === "timeout") return; // every process expires silent peers by itself
        const update = encodeAwarenessUpdate(entry.awareness, changed);
        const except =
          typeof origin === "string" && origin.startsWith("socket:") ? origin.slice("socket:".length) : null;
        this.fanout.awareness(entry.id, update, except);
        if (origin !== "relay") this.relay.publish({ kind: "awareness", documentId: entry.id, payload: update });
      },
    );
  }

  /**
   * The owner's policy facts if loaded at most maxAgeMs ago (wrapped, since undefined is a valid value),
   * or null when the caller must reload them first.
   */
  freshAccessFacts(entry: OpenDocument, maxAgeMs: number): { facts: DocumentFacts | undefined } | null {
    return entry.access.loadedAt > 0 && Date.now() - entry.access.loadedAt <= maxAgeMs
      ? { facts: entry.access.facts }
      : null;
  }

  /** Keeps facts a caller loaded itself (a join), unless newer ones are already here. */
  noteAccessFacts(entry: OpenDocument, facts: DocumentFacts | undefined, loadStartedAt: number): void {
    if (loadStartedAt < entry.access.loadedAt) return;
    entry.access.facts = facts;
    entry.access.loadedAt = loadStartedAt;
    if (!entry.closed) this.accessListener?.(entry);
  }

  /** Called with a document each time its policy facts are replaced (one listener: the socket layer). */
  onAccessFacts(listener: ((entry: OpenDocument) => void) | null): void {
    this.accessListener = listener;
  }

  /**
   * Whoever only reads a document sends no changes that would re-decide their access: a change going out
   * to this process's sockets (from a writer here, or relayed from another process) reloads stale facts,
   * and the listener then takes out whoever may no longer read it.
   */
  private recheckAccessIfStale(entry: OpenDocument): void {
    const maxAgeMs = this.options.accessRecheckMs;
    if (maxAgeMs === undefined || entry.sockets.size === 0 || entry.access.loading) return;
    if (this.freshAccessFacts(entry, maxAgeMs)) return;
    this.reloadAccessFacts(entry).catch((error: unknown) =>
      logger.warn("collab: reloading access facts failed", { documentId: entry.id, error: String(error) }),
    );
  }

  /** Reloads the owner's policy facts from the database: one load in flight per document, whoever asks. */
  reloadAccessFacts(entry: OpenDocument): Promise<DocumentFacts | undefined> {
    entry.access.loading ??= (async () => {
      const startedAt = Date.now();
      try {
        const facts = await loadDocumentFacts(entry.record);
        this.noteAccessFacts(entry, facts, startedAt);
        return facts;
      } finally {
        entry.access.loading = null;
      }
    })();
    return entry.access.loading;
  }

  attach(entry: OpenDocument, socketId: string): void {
    this.cancelUnload(entry);
    if (!entry.sockets.has(socketId)) entry.sockets.set(socketId, new Set());
  }

  detach(entry: OpenDocument, socketId: string): void {
    const ids = entry.sockets.get(socketId);
    if (!ids) return;
    entry.sockets.delete(socketId);
    if (ids.size > 0 && !entry.closed) removeAwarenessStates(entry.awareness, [...ids], "detach");
    if (entry.sockets.size === 0) this.scheduleUnload(entry);
  }

  /** Current presence of everyone in the document, for a socket that just joined. */
  awarenessSnapshot(entry: OpenDocument): Uint8Array | null {
    const clients = [...entry.awareness.getStates().keys()];
    return clients.length > 0 ? encodeAwarenessUpdate(entry.awareness, clients) : null;
  }

  /** Applies a socket's presence update, in the signed-in member's name, for client ids that socket holds. */
  applyAwareness(entry: OpenDocument, update: Uint8Array, socketId: string, identity: PresenceIdentity): void {
    const own = entry.sockets.get(socketId);
    const states = entry.awareness.getStates();
    const safe = sanitiseAwarenessUpdate(
      update,
      identity,
      (clientId) => Boolean(own?.has(clientId)) || !states.has(clientId),
    );
    if (safe) applyAwarenessUpdate(entry.awareness, safe, `socket:${socketId}`);
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
      this.discard(entry, "not-joined", "The document was reloaded on the server; join again.");
      throw new ApplyError(String(error));
    } finally {
      entry.applying = null;
    }
    const changed = entry.appliedChange;
    const store = entry.doc.store;
    if (!changed && store.pendingStructs === null && store.pendingDs === null) {
      // Nothing new (a resent or empty step 2): it is durable once the writes already in flight are.
      await this.writer.drain();
      return;
    }
    // The raw update, not the effective one: parts waiting for missing dependencies must be stored too.
    await this.persist(entry, update, origin.userId);
  }

  private async persist(entry: OpenDocument, update: Uint8Array, userId: string | null): Promise<void> {
    const rowId = await this.writer.append({ documentId: entry.id, data: update, userId });
    if (rowId !== null && !entry.closed) entry.storedRows.add(rowId);
    // Relay only after commit: a process loading this document meanwhile either read it or is buffering the relay.
    this.relay.publish({ kind: "update", documentId: entry.id, payload: update });
    entry.logCount += 1;
    entry.logBytes += update.byteLength;
    entry.lastWriteAt = Date.now();
    if (userId) entry.editorsSinceVersion.set(userId, (entry.editorsSinceVersion.get(userId) ?? 0) + 1);
    const longLog =
      entry.logCount >= this.options.compactEvery && entry.logBytes >= entry.baseBytes * this.options.compactBaseRatio;
    if (longLog || entry.logBytes >= this.options.compactBytes) this.compactSoon(entry);
    if (Date.now() - entry.lastVersionAt >= this.options.autoVersionEveryMs) void this.takeAutoVersion(entry);
  }

  /** A change made by the server itself (a restore): applied, broadcast, stored and relayed like a client's. */
  async applyServerChange(documentId: string, change: (doc: Y.Doc) => void, userId: string | null): Promise<void> {
    const holder = `server-change:${Math.random()}`;
    const entry = await this.acquire(documentId);
    this.attach(entry, holder);
    try {
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
    } catch (error) {
      logger.error("collab: relayed change failed to apply", { documentId: entry.id, error: String(error) });
    }
  }

  /** Publishes the presence of this process's own clients (each process answers for its own only). */
  private answerPresenceQuery(entry: OpenDocument): void {
    const states = entry.awareness.getStates();
    const own = [...entry.sockets.values()].flatMap((ids) => [...ids].filter((id) => states.has(id)));
    if (own.length === 0) return;
    this.relay.publish({
      kind: "awareness",
      documentId: entry.id,
      payload: encodeAwarenessUpdate(entry.awareness, own),
    });
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
    this.destroy(entry);
  }

  private destroy(entry: OpenDocument): void {
    entry.closed = true;
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

  /** Final writes for a document leaving memory: wait for its log writes, compact, version if edited. */
  private async finalise(entry: OpenDocument): Promise<void> {
    try {
      await this.writer.drain();
      await entry.compacting;
      if (entry.editorsSinceVersion.size > 0) await this.takeAutoVersion(entry);
      if (entry.logCount > 0) await compactDocument(entry.id, this.foldInto(entry));
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

  private compactIdle(idleMs: number): void {
    const now = Date.now();
    for (const entry of this.open.values()) {
      if (entry.logCount > 0 && !entry.compacting && now - entry.lastWriteAt >= idleMs) this.compactSoon(entry);
    }
  }

  private compactSoon(entry: OpenDocument): void {
    if (entry.compacting || entry.closed) return;
    const count = entry.logCount;
    const bytes = entry.logBytes;
    entry.compacting = (async () => {
      try {
        const read = { lastRowId: Number.POSITIVE_INFINITY };
        const { stateBytes, snapshotId } = await compactDocument(entry.id, this.foldInto(entry, read));
        // Every row up to the last one read (ids ascending) is gone from the log now: deleted by this compaction,
        // or by an earlier one here or in another process. None read: the log was empty. (A row committed late,
        // below that id, is forgotten too, and merely applied again by the next compaction.)
        for (const id of entry.storedRows) if (id <= read.lastRowId) entry.storedRows.delete(id);
        if (stateBytes !== null) entry.baseBytes = stateBytes;
        if (snapshotId !== null) entry.baseSnapshots = new Set([snapshotId]);
        // Updates appended while it ran may or may not be in the snapshot; count them as still in the log.
        entry.logCount = Math.max(0, entry.logCount - count);
        entry.logBytes = Math.max(0, entry.logBytes - bytes);
      } catch (error) {
        logger.warn("collab: compaction failed; will retry later", { documentId: entry.id, error: String(error) });
      } finally {
        entry.compacting = null;
      }
    })();
  }

  /**
   * Compaction from the copy in memory: it already holds the base it was loaded from and nearly every
   * row since, so only the snapshots and rows it does not know are applied to it, and encoding it costs
   * far less than rebuilding the document from scratch. Anything it has beyond the rows read
   * is at most a change not yet committed, which the snapshot then holds as well: more, never less.
   * A row from another process not yet relayed here reaches this process's editors on the way.
   */
  private foldInto(entry: OpenDocument, read = { lastRowId: Number.POSITIVE_INFINITY }): Fold {
    return (snapshots, rows) => {
      // A copy closed after a failed update may be half-changed: never write it.
      if (entry.doc.isDestroyed) throw new Error("document no longer open here");
      entry.doc.transact(() => {
        for (const s of snapshots) if (!entry.baseSnapshots.has(s.id)) Y.applyUpdate(entry.doc, s.state);
        for (const row of rows) {
          read.lastRowId = row.id;
          if (entry.storedRows.has(row.id)) {
            this.stats.rowsSkipped += 1;
          } else {
            Y.applyUpdate(entry.doc, row.data);
            this.stats.rowsApplied += 1;
          }
        }
      }, "stored");
      return Y.encodeStateAsUpdate(entry.doc);
    };
  }

  private async takeAutoVersion(entry: OpenDocument): Promise<void> {
    if (entry.editorsSinceVersion.size === 0) return;
    const [mainEditor] = [...entry.editorsSinceVersion.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    entry.editorsSinceVersion = new Map();
    entry.lastVersionAt = Date.now();
    try {
      await createVersionSnapshot(entry.id, "auto", { createdById: mainEditor ?? null });
    } catch (error) {
      logger.warn("collab: automatic version failed", { documentId: entry.id, error: String(error) });
    }
  }

  /** For shutdown: finish writes, then compact and version every open document. */
  async closeAll(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.idleSweep);
    await Promise.allSettled([...this.loading.values()]);
    const entries = [...this.open.values()];
    for (const entry of entries) entry.sockets.clear();
    await Promise.all(entries.map((entry) => this.unload(entry)));
    await Promise.all([...this.unloading.values()]);
  }
}

export class ApplyError extends Error {}

function isClientOrigin(origin: unknown): origin is ClientOrigin {
  return typeof origin === "object" && origin !== null && "socketId" in origin;
}
