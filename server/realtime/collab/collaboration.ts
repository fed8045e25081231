// The socket side of collaborative editing: per-socket join/leave, the y-protocols
// sync exchange, awareness, and the guards every message passes (rate limit,
// binary check, size cap, decode check, read access on join, write access on
// every update). A refused message is answered with a reason and logged; it
// never affects other sockets or documents. registerCollaboration wires it all
// onto the Socket.io server and returns the handle to close it on shutdown.
import * as Y from "yjs";
import type { Redis } from "ioredis";
import { collabRoom, type CollabErrorCode } from "~/lib/collab-events";
import { isRole } from "~/lib/roles";
import { loadDocumentRecord, registerCollabLiveChannel } from "~/models/collab-documents.server";
import { appendUpdates } from "~/models/collab-log.server";
import type { Actor } from "~/policies/actor";
import { canReadDocument, canWriteDocument, loadDocumentFacts } from "~/policies/document";
import type { StaffroomServer, StaffroomSocket } from "../socket";
import { logger } from "../../logger";
import {
  ApplyError,
  DocumentManager,
  ServerBusyError,
  type LocalFanout,
  type ManagerOptions,
  type OpenDocument,
} from "./document-manager";
import { asBytes, decodeSyncMessage, encodeSyncStep1, encodeSyncStep2 } from "./protocol";
import { TokenBucket, type RateLimit } from "./rate-limit";
import { createRoomWriter } from "./room-writer";
import { createLocalRelay, createRedisRelay } from "./relay";
import { checkStateVector, checkUpdate } from "./update-guard";
import { UpdateWriter } from "./update-writer";

export interface CollaborationOptions extends Partial<ManagerOptions> {
  /** The Redis publisher of the Socket.io adapter; when set, documents are kept current across processes. */
  redis?: Redis | null;
  maxUpdateBytes?: number;
  maxAwarenessBytes?: number;
  maxDocumentsPerSocket?: number;
  rateLimit?: RateLimit;
  /** How long an update waits for others to share its log transaction (ms); see update-writer.ts. */
  commitWindowMs?: number;
  /** Write (and read) access is re-decided from policy facts at most this old, on every update (ms). */
  accessRecheckMs?: number;
}

export interface Collaboration {
  manager: DocumentManager;
  writer: UpdateWriter;
  close(): Promise<void>;
}

const DEFAULTS = {
  // Compaction blocks the loop for a moment: keep it off an active document's path (large log, idle, unload).
  compactEvery: 1_000,
  compactBaseRatio: 0.25,
  compactBytes: 1024 * 1024,
  compactIdleMs: 10_000,
  unloadAfterMs: 10_000,
  autoVersionEveryMs: 10 * 60_000,
  maxLoadedDocuments: 2_000,
  maxUpdateBytes: 256 * 1024,
  maxAwarenessBytes: 16 * 1024,
  maxDocumentsPerSocket: 50,
  rateLimit: { burst: 300, perSecond: 150 },
  commitWindowMs: 100,
  accessRecheckMs: 5_000,
} satisfies Required<Omit<CollaborationOptions, "redis">>;

export async function registerCollaboration(
  io: StaffroomServer,
  options: CollaborationOptions = {},
): Promise<Collaboration> {
  const settings = { ...DEFAULTS, ...stripUndefined(options) };
  const relay = options.redis ? await createRedisRelay(options.redis) : createLocalRelay();
  const writer = new UpdateWriter(appendUpdates, { windowMs: settings.commitWindowMs });
  // Document traffic goes to this process's sockets only (the relay carries it to other processes).
  const writeRoom = createRoomWriter(io);
  const fanout: LocalFanout = {
    sync(documentId, message, except) {
      writeRoom(collabRoom(documentId), except, "collab:sync", documentId, message);
    },
    awareness(documentId, update, except) {
      writeRoom(collabRoom(documentId), except, "collab:awareness", documentId, update);
    },
    close(documentId, code, message) {
      io.local.to(collabRoom(documentId)).emit("collab:error", { documentId, code, message });
      io.local.in(collabRoom(documentId)).socketsLeave(collabRoom(documentId));
    },
  };
  const manager = new DocumentManager(settings, writer, relay, fanout);
  registerCollabLiveChannel({
    applyServerChange: (documentId, change, userId) => manager.applyServerChange(documentId, change, userId),
    documentDeleted: async (documentId) => manager.documentDeleted(documentId),
  });

  // Each socket's way to re-decide its access to a document when the document's policy facts change.
  const rechecks = new Map<string, (entry: OpenDocument) => void>();
  manager.onAccessFacts((entry) => {
    for (const socketId of entry.sockets.keys()) rechecks.get(socketId)?.(entry);
  });

  io.on("connection", (socket) => attachSocket(socket, manager, settings, rechecks));

  return {
    manager,
    writer,
    async close() {
      registerCollabLiveChannel(undefined);
      manager.onAccessFacts(null);
      await manager.closeAll();
      await writer.drain();
      await relay.close();
    },
  };
}

type Settings = typeof DEFAULTS;

const NO_LONGER_READABLE = "You no longer have access to this document.";

function attachSocket(
  socket: StaffroomSocket,
  manager: DocumentManager,
  settings: Settings,
  rechecks: Map<string, (entry: OpenDocument) => void>,
): void {
  const joined = new Map<string, OpenDocument>();
  // Write access decided at join, from the facts loaded then (the document's owner rules may need the database).
  const writable = new Map<string, boolean>();
  const joining = new Set<string>();
  const bucket = new TokenBucket(settings.rateLimit);
  let refusalsLogged = 0;

  const user = socket.data.user;
  const actor: Actor | null = isRole(user.role)
    ? { id: user.id, role: user.role, partnershipId: user.partnershipId, institutionId: user.institutionId }
    : null;

  const refuse = (
    documentId: string | null,
    code: CollabErrorCode,
    message: string,
    ack?: (reply: { ok: false; code: CollabErrorCode; message: string }) => void,
  ) => {
    // Log the first few refusals of a socket with detail; a flood should not flood the logs too.
    if (refusalsLogged < 5 || code === "unavailable") {
      logger.warn("collab: message refused", { userId: user.id, socketId: socket.id, documentId, code, message });
    }
    refusalsLogged += 1;
    const reply = { ok: false as const, code, message };
    if (ack) ack(reply);
    else socket.emit("collab:error", { documentId, code, message });
  };

  const current = (documentId: string): OpenDocument | null => {
    const entry = joined.get(documentId);
    if (entry && !entry.closed) return entry;
    if (entry) joined.delete(documentId);
    return null;
  };

  socket.on("collab:join", async (documentId, ack) => {
    if (typeof ack !== "function") return;
    if (typeof documentId !== "string" || documentId.length === 0 || documentId.length > 100) {
      return refuse(null, "invalid-message", "A document id is required.", ack);
    }
    if (!bucket.take()) return refuse(documentId, "rate-limited", "Too many messages; slow down.", ack);
    const existing = current(documentId);
    if (existing) return ack({ ok: true, readOnly: !writable.get(documentId) });
    if (joining.has(documentId)) return refuse(documentId, "rate-limited", "Already joining this document.", ack);
    if (joined.size + joining.size >= settings.maxDocumentsPerSocket) {
      return refuse(documentId, "server-busy", "Too many documents open in this tab.", ack);
    }
    joining.add(documentId);
    try {
      const factsLoadStartedAt = Date.now();
      const record = await loadDocumentRecord(documentId);
      const loading =
        record && actor && record.partnershipId === actor.partnershipId ? loadDocumentFacts(record) : undefined;
      const facts = loading ? await loading : undefined;
      if (!record || !actor || !canReadDocument(actor, record, facts)) {
        return refuse(documentId, "not-found", "We could not find that document.", ack);
      }
      const canWrite = canWriteDocument(actor, record, facts);
      const entry = await manager.acquire(documentId);
      manager.noteAccessFacts(entry, facts, factsLoadStartedAt);
      manager.attach(entry, socket.id);
      if (socket.disconnected) {
        manager.detach(entry, socket.id);
        return;
      }
      joined.set(documentId, entry);
      writable.set(documentId, canWrite);
      await socket.join(collabRoom(documentId));
      ack({ ok: true, readOnly: !canWrite });
      const presence = manager.awarenessSnapshot(entry);
      if (presence) socket.emit("collab:awareness", documentId, presence);
    } catch (error) {
      if (error instanceof ServerBusyError)
        return refuse(documentId, "server-busy", "The server is busy; try again shortly.", ack);
      logger.error("collab: join failed", { documentId, userId: user.id, error: String(error) });
      return refuse(documentId, "unavailable", "The document could not be opened; try again.", ack);
    } finally {
      joining.delete(documentId);
    }
  });

  const leave = (documentId: string) => {
    const entry = joined.get(documentId);
    if (!entry) return;
    joined.delete(documentId);
    writable.delete(documentId);
    void socket.leave(collabRoom(documentId));
    manager.detach(entry, socket.id);
  };

  /**
   * Re-decides this socket's access from the policy, with the document's facts no older than
   * accessRecheckMs (reloaded first when they are): a planner removed from a course, say, can no
   * longer change the plan's notes, and someone who may no longer read it is taken out of it.
   */
  const currentAccess = async (documentId: string, entry: OpenDocument): Promise<"write" | "read" | "none"> => {
    if (!actor) return "none";
    const fresh = manager.freshAccessFacts(entry, settings.accessRecheckMs);
    const facts = fresh ? fresh.facts : await manager.reloadAccessFacts(entry);
    const access = canWriteDocument(actor, entry.record, facts)
      ? "write"
      : canReadDocument(actor, entry.record, facts)
        ? "read"
        : "none";
    if (access === "none") leave(documentId);
    else writable.set(documentId, access === "write");
    return access;
  };

  // New facts for a document this socket is in (reloaded for someone's change, or at a join): someone who
  // may no longer read it is taken out at once, whether or not they send anything.
  rechecks.set(socket.id, (entry) => {
    if (current(entry.id) !== entry) return;
    currentAccess(entry.id, entry).then(
      (access) => {
        if (access === "none") refuse(entry.id, "not-found", NO_LONGER_READABLE);
      },
      (error: unknown) =>
        logger.warn("collab: re-deciding access failed", { documentId: entry.id, error: String(error) }),
    );
  });

  socket.on("collab:leave", (documentId) => {
    if (typeof documentId !== "string") return;
    leave(documentId);
  });

  socket.on("collab:sync", async (documentId, message, maybeAck) => {
    const ack = typeof maybeAck === "function" ? maybeAck : undefined;
    if (typeof documentId !== "string") return refuse(null, "invalid-message", "A document id is required.", ack);
    if (!bucket.take()) return refuse(documentId, "rate-limited", "Too many messages; slow down.", ack);
    const bytes = asBytes(message);
    if (!bytes) return refuse(documentId, "invalid-message", "Sync messages must be binary.", ack);
    if (bytes.byteLength > settings.maxUpdateBytes + 16) {
      return refuse(documentId, "too-large", `Changes larger than ${settings.maxUpdateBytes} bytes are refused.`, ack);
    }
    const entry = current(documentId);
    if (!entry) return refuse(documentId, "not-joined", "Join the document first.", ack);
    let decoded;
    try {
      decoded = decodeSyncMessage(bytes);
    } catch (error) {
      return refuse(documentId, "invalid-message", `Malformed sync message: ${String(error)}`, ack);
    }
    if (decoded.type === "step1") {
      const check = checkStateVector(decoded.stateVector, settings.maxUpdateBytes);
      if (!check.ok) return refuse(documentId, check.code, check.reason, ack);
      // What the client lacks, then our state vector so it sends what we lack (its offline edits).
      socket.emit("collab:sync", documentId, encodeSyncStep2(Y.encodeStateAsUpdate(entry.doc, decoded.stateVector)));
      socket.emit("collab:sync", documentId, encodeSyncStep1(Y.encodeStateVector(entry.doc)));
      ack?.({ ok: true });
      return;
    }
    let access: Awaited<ReturnType<typeof currentAccess>>;
    try {
      access = await currentAccess(documentId, entry);
    } catch (error) {
      logger.error("collab: checking access failed", { documentId, error: String(error) });
      return refuse(documentId, "unavailable", "Your change could not be saved yet; it will be sent again.", ack);
    }
    if (access === "none") return refuse(documentId, "not-found", NO_LONGER_READABLE, ack);
    if (access === "read") return refuse(documentId, "forbidden", "You can read this document but not change it.", ack);
    const check = checkUpdate(decoded.update, settings.maxUpdateBytes);
    if (!check.ok) return refuse(documentId, check.code, check.reason, ack);
    try {
      await manager.applyClientUpdate(entry, decoded.update, { socketId: socket.id, userId: user.id });
      ack?.({ ok: true });
    } catch (error) {
      if (error instanceof ApplyError) {
        joined.delete(documentId);
        return refuse(documentId, "invalid-message", "That change could not be applied.", ack);
      }
      logger.error("collab: storing an update failed", { documentId, error: String(error) });
      return refuse(documentId, "unavailable", "Your change could not be saved yet; it will be sent again.", ack);
    }
  });

  socket.on("collab:awareness", (documentId, update) => {
    if (typeof documentId !== "string") return refuse(null, "invalid-message", "A document id is required.");
    if (!bucket.take()) return refuse(documentId, "rate-limited", "Too many messages; slow down.");
    const bytes = asBytes(update);
    if (!bytes) return refuse(documentId, "invalid-message", "Awareness updates must be binary.");
    if (bytes.byteLength > settings.maxAwarenessBytes)
      return refuse(documentId, "too-large", "Presence update too large.");
    const entry = current(documentId);
    if (!entry) return refuse(documentId, "not-joined", "Join the document first.");
    const apply = () => {
      try {
        manager.applyAwareness(entry, bytes, socket.id, { id: socket.data.user.id, name: socket.data.user.name });
      } catch (error) {
        refuse(documentId, "invalid-message", `Malformed presence update: ${String(error)}`);
      }
    };
    // Presence comes at least every 15 s from every open editor (y-protocols renews it), readers included:
    // the moment to notice that someone may no longer read the document.
    const fresh = actor ? manager.freshAccessFacts(entry, settings.accessRecheckMs) : null;
    if (actor && fresh && canReadDocument(actor, entry.record, fresh.facts)) return apply();
    currentAccess(documentId, entry).then(
      (access) => {
        if (access === "none") return refuse(documentId, "not-found", NO_LONGER_READABLE);
        // Only if still in the document (a disconnect meanwhile has removed this socket's presence for good).
        if (current(documentId) === entry) apply();
      },
      (error: unknown) =>
        logger.warn("collab: checking access for presence failed", { documentId, error: String(error) }),
    );
  });

  socket.on("disconnect", () => {
    rechecks.delete(socket.id);
    for (const entry of joined.values()) manager.detach(entry, socket.id);
    joined.clear();
    writable.clear();
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
