// Collaborative editing wired onto the Socket.io server: the relay between processes,
// the group-committing update writer, this process's document manager, and one
// CollabConnection per socket (collab-connection.ts). registerCollaboration returns
// the handle to close it all on shutdown.
import type { Redis } from "ioredis";
import { collabRoom } from "~/lib/collab-events";
import { registerCollabLiveChannel } from "~/models/collab-documents.server";
import { appendUpdates } from "~/models/collab-log.server";
import type { StaffroomServer } from "../socket";
import { CollabConnection, type ConnectionSettings } from "./collab-connection";
import { DocumentManager, type LocalFanout, type ManagerOptions } from "./document-manager";
import { createRoomWriter } from "./room-writer";
import { createLocalRelay, createRedisRelay } from "./relay";
import { UpdateWriter } from "./update-writer";

export interface CollaborationOptions extends Partial<ManagerOptions>, Partial<ConnectionSettings> {
  /** The Redis publisher of the Socket.io adapter; when set, documents are kept current across processes. */
  redis?: Redis | null;
  /** How long an update waits for others to share its log transaction (ms); see update-writer.ts. */
  commitWindowMs?: number;
  /** How long a frame to a member waits for others to go in the same write (ms); see room-writer.ts. */
  fanoutBatchMs?: number;
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
  // About a thousand pages of text: far beyond any plan, small enough that no document can exhaust memory.
  maxDocumentBytes: 8 * 1024 * 1024,
  maxAwarenessBytes: 16 * 1024,
  maxDocumentsPerSocket: 50,
  rateLimit: { burst: 300, perSecond: 150 },
  commitWindowMs: 100,
  // Fewer socket writes for a few milliseconds of fan-out latency (decision 026).
  fanoutBatchMs: 5,
  accessRecheckMs: 5_000,
  // A plan's text parts reach search and briefings a second after people stop typing.
  projectAfterMs: 1_000,
} satisfies Required<Omit<CollaborationOptions, "redis">>;

export async function registerCollaboration(
  io: StaffroomServer,
  options: CollaborationOptions = {},
): Promise<Collaboration> {
  const settings = { ...DEFAULTS, ...stripUndefined(options) };
  const relay = options.redis ? await createRedisRelay(options.redis) : createLocalRelay();
  const writer = new UpdateWriter(appendUpdates, { windowMs: settings.commitWindowMs });
  // Document traffic goes to this process's sockets only (the relay carries it to other processes).
  const writeRoom = createRoomWriter(io, settings.fanoutBatchMs);
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
    accessChanged: (documentId) => manager.accessChanged(documentId),
  });

  // New policy facts for a document re-decide the access of each of its sockets here.
  const connections = new Map<string, CollabConnection>();
  manager.onAccessFacts((entry, facts) => {
    for (const socketId of entry.sockets.keys()) connections.get(socketId)?.accessFactsChanged(entry, facts);
  });

  io.on("connection", (socket) => {
    const connection = new CollabConnection(socket, manager, settings);
    connections.set(socket.id, connection);
    connection.listen(() => connections.delete(socket.id));
  });

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

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
