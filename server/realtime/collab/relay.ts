// Keeps the in-memory copies of a document in several processes current. Each
// process publishes what its own clients changed (after it is durable) on one
// Redis channel; the others apply it to their copy and pass it to their own
// sockets. Without REDIS_URL there is one process and the relay does nothing.
// Redis pub/sub is at-most-once: after the subscriber reconnects, onResync asks
// the manager to re-read open documents from the database, which has everything.
import { randomUUID } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Redis } from "ioredis";
import { logger } from "../../logger";

// "presence-query": a process that just opened a document asks the others for the presence of their
// own clients (it missed their earlier announcements; clients renew only every 15 s). "access-changed": a
// rule's facts changed (minutes approved), so every process re-decides its sockets' access now. Appended
// last: a kind's number is its place in this list.
type RelayKind = "update" | "awareness" | "deleted" | "presence-query" | "access-changed";
const KINDS: RelayKind[] = ["update", "awareness", "deleted", "presence-query", "access-changed"];
const CHANNEL = "staffroom:collab";

export interface RelayMessage {
  kind: RelayKind;
  documentId: string;
  payload: Uint8Array;
}

export interface CollabRelay {
  publish(message: RelayMessage): void;
  onMessage(handler: (message: RelayMessage) => void): void;
  onResync(handler: () => void): void;
  close(): Promise<void>;
}

export function createLocalRelay(): CollabRelay {
  return { publish() {}, onMessage() {}, onResync() {}, async close() {} };
}

export async function createRedisRelay(pub: Redis): Promise<CollabRelay> {
  const processId = randomUUID();
  const sub = pub.duplicate();
  const handlers: Array<(message: RelayMessage) => void> = [];
  const resyncHandlers: Array<() => void> = [];
  let readyOnce = false;
  sub.on("error", (error) => logger.warn("collab relay subscriber error", { error: error.message }));
  sub.on("ready", () => {
    // The first ready is the initial connection; later ones follow a reconnect, when messages may have been lost.
    if (readyOnce) for (const h of resyncHandlers) h();
    readyOnce = true;
  });
  sub.on("messageBuffer", (_channel: Buffer, data: Buffer) => {
    let message: RelayMessage & { from: string };
    try {
      const decoder = decoding.createDecoder(data);
      const from = decoding.readVarString(decoder);
      const kind = KINDS[decoding.readVarUint(decoder)];
      const documentId = decoding.readVarString(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (!kind) throw new Error("unknown relay kind");
      message = { from, kind, documentId, payload };
    } catch (error) {
      logger.error("collab relay: unreadable message", { error: String(error) });
      return;
    }
    if (message.from === processId) return;
    for (const h of handlers) h(message);
  });
  await sub.subscribe(CHANNEL);

  return {
    publish({ kind, documentId, payload }) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, processId);
      encoding.writeVarUint(encoder, KINDS.indexOf(kind));
      encoding.writeVarString(encoder, documentId);
      encoding.writeVarUint8Array(encoder, payload);
      pub.publish(CHANNEL, Buffer.from(encoding.toUint8Array(encoder))).catch((error: unknown) => {
        logger.warn("collab relay publish failed", { documentId, kind, error: String(error) });
      });
    },
    onMessage(handler) {
      handlers.push(handler);
    },
    onResync(handler) {
      resyncHandlers.push(handler);
    },
    async close() {
      sub.disconnect();
    },
  };
}
