// One client's connection to one room, for each server under test, speaking
// that server's own protocol: Staffroom's collab:* events over Socket.io (as
// app/editor/socket-provider.ts does), y-websocket's y-protocols frames over a
// raw WebSocket, and Hocuspocus's document-prefixed frames (as its provider
// sends them). Each wire does the initial sync exchange itself and hands every
// later update to the client untouched, so the load generator treats the three
// identically.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";
import * as Y from "yjs";
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";
import type { CollabAck, CollabJoinReply } from "~/lib/collab-events";
import type { ClientToServerEvents, ServerToClientEvents } from "~/lib/realtime-events";
import { socketParser } from "~/lib/socket-parser";
import type { Target } from "./shared";

export interface WireHandlers {
  /** A remote update (never the initial step 2, which the wire applies itself). */
  update(payload: Uint8Array): void;
  awareness(payload: Uint8Array): void;
  /** The server confirmed (durably, for Staffroom) the oldest unconfirmed update of this wire. */
  ack(): void;
  /** The server refused something or the connection dropped: the run is invalid. */
  problem(message: string): void;
}

export interface Wire {
  /** Resolves once connected, joined and holding the server's state. */
  open(timeoutMs?: number): Promise<void>;
  sendUpdate(update: Uint8Array): void;
  sendAwareness(update: Uint8Array): void;
  readonly acknowledges: boolean;
  close(): void;
}

export const REMOTE = Symbol("remote");

function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createWire(
  target: Target,
  room: string,
  clientIndex: number,
  doc: Y.Doc,
  handlers: WireHandlers,
): Wire {
  switch (target.kind) {
    case "staffroom":
      return staffroomWire(target, room, clientIndex, doc, handlers);
    case "y-websocket":
      return yWebsocketWire(target, room, doc, handlers);
    case "hocuspocus":
      return hocuspocusWire(target, room, doc, handlers);
  }
}

type StaffroomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function staffroomWire(target: Target, room: string, clientIndex: number, doc: Y.Doc, handlers: WireHandlers): Wire {
  const origin = `http://127.0.0.1:${target.port}`;
  const cookie = target.cookies[clientIndex % target.cookies.length] ?? "";
  let socket: StaffroomSocket | null = null;
  const onAck = (reply: CollabAck) => {
    if (reply.ok) handlers.ack();
    else handlers.problem(`update refused: ${reply.code} ${reply.message}`);
  };
  return {
    acknowledges: true,
    async open(timeoutMs = 15_000) {
      const s: StaffroomSocket = io(origin, {
        path: "/socket.io",
        transports: ["websocket"],
        parser: socketParser,
        forceNew: true,
        reconnection: false,
        extraHeaders: { cookie, origin },
      });
      socket = s;
      const synced = new Promise<void>((resolve, reject) => {
        s.on("collab:sync", (documentId, message) => {
          if (documentId !== room) return;
          const decoder = decoding.createDecoder(message);
          const type = decoding.readVarUint(decoder);
          const payload = decoding.readVarUint8Array(decoder);
          if (type === messageYjsSyncStep1) {
            s.emit(
              "collab:sync",
              room,
              syncFrame(messageYjsSyncStep2, Y.encodeStateAsUpdate(doc, payload)),
              (reply: CollabAck) => {
                if (!reply.ok) handlers.problem(`step 2 refused: ${reply.code} ${reply.message}`);
              },
            );
          } else if (type === messageYjsSyncStep2) {
            Y.applyUpdate(doc, payload, REMOTE);
            resolve();
          } else if (type === messageYjsUpdate) {
            handlers.update(payload);
          }
        });
        s.on("collab:awareness", (documentId, update) => {
          if (documentId === room) handlers.awareness(update);
        });
        s.on("collab:error", (payload) => handlers.problem(`collab:error ${payload.code}: ${payload.message}`));
        s.on("disconnect", (reason) => handlers.problem(`disconnected: ${reason}`));
        s.once("connect_error", (error) => reject(error));
        s.once("connect", () => {
          s.emit("collab:join", room, (reply: CollabJoinReply) => {
            if (!reply.ok) return reject(new Error(`join refused: ${reply.code} ${reply.message}`));
            if (reply.readOnly) return reject(new Error("joined read-only; the bench needs editors"));
            s.emit("collab:sync", room, syncFrame(messageYjsSyncStep1, Y.encodeStateVector(doc)));
          });
        });
      });
      await withTimeout(synced, timeoutMs, "joining a Staffroom document");
    },
    sendUpdate(update) {
      socket?.emit("collab:sync", room, syncFrame(messageYjsUpdate, update), onAck);
    },
    sendAwareness(update) {
      socket?.emit("collab:awareness", room, update);
    },
    close() {
      socket?.off("disconnect");
      socket?.close();
    },
  };
}

// y-websocket's outer message types.
const Y_SYNC = 0;
const Y_AWARENESS = 1;

function yWebsocketWire(target: Target, room: string, doc: Y.Doc, handlers: WireHandlers): Wire {
  let ws: WebSocket | null = null;
  const send = (build: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    build(encoder);
    ws?.send(encoding.toUint8Array(encoder));
  };
  return {
    acknowledges: false,
    async open(timeoutMs = 15_000) {
      const socket = new WebSocket(`ws://127.0.0.1:${target.port}/${encodeURIComponent(room)}`);
      socket.binaryType = "nodebuffer";
      ws = socket;
      const synced = new Promise<void>((resolve, reject) => {
        socket.on("message", (data: Buffer) => {
          const decoder = decoding.createDecoder(data);
          const outer = decoding.readVarUint(decoder);
          if (outer === Y_AWARENESS) return handlers.awareness(decoding.readVarUint8Array(decoder));
          if (outer !== Y_SYNC) return;
          const type = decoding.readVarUint(decoder);
          const payload = decoding.readVarUint8Array(decoder);
          if (type === messageYjsSyncStep1) {
            send((e) => {
              encoding.writeVarUint(e, Y_SYNC);
              encoding.writeVarUint(e, messageYjsSyncStep2);
              encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, payload));
            });
          } else if (type === messageYjsSyncStep2) {
            Y.applyUpdate(doc, payload, REMOTE);
            resolve();
          } else if (type === messageYjsUpdate) {
            handlers.update(payload);
          }
        });
        socket.once("error", reject);
        socket.on("close", () => handlers.problem("connection closed"));
        socket.once("open", () => {
          send((e) => {
            encoding.writeVarUint(e, Y_SYNC);
            encoding.writeVarUint(e, messageYjsSyncStep1);
            encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
          });
        });
      });
      await withTimeout(synced, timeoutMs, "syncing with y-websocket");
    },
    sendUpdate(update) {
      send((e) => {
        encoding.writeVarUint(e, Y_SYNC);
        encoding.writeVarUint(e, messageYjsUpdate);
        encoding.writeVarUint8Array(e, update);
      });
    },
    sendAwareness(update) {
      send((e) => {
        encoding.writeVarUint(e, Y_AWARENESS);
        encoding.writeVarUint8Array(e, update);
      });
    },
    close() {
      ws?.removeAllListeners("close");
      ws?.close();
    },
  };
}

// Hocuspocus's message types (@hocuspocus/server MessageType) and auth sub-type.
const H_SYNC = 0;
const H_AWARENESS = 1;
const H_AUTH = 2;
const H_SYNC_REPLY = 4;
const H_SYNC_STATUS = 8;
const H_AUTH_TOKEN = 0;
const H_AUTH_DENIED = 1;

function hocuspocusWire(target: Target, room: string, doc: Y.Doc, handlers: WireHandlers): Wire {
  let ws: WebSocket | null = null;
  let synced = false;
  /** Sync-status replies the server owes us before the ones that confirm timed updates (our step 2). */
  let untimedAcks = 0;
  const send = (type: number, build: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, room);
    encoding.writeVarUint(encoder, type);
    build(encoder);
    ws?.send(encoding.toUint8Array(encoder));
  };
  return {
    acknowledges: true,
    async open(timeoutMs = 15_000) {
      const socket = new WebSocket(`ws://127.0.0.1:${target.port}/${encodeURIComponent(room)}`);
      socket.binaryType = "nodebuffer";
      ws = socket;
      const done = new Promise<void>((resolve, reject) => {
        socket.on("message", (data: Buffer) => {
          const decoder = decoding.createDecoder(data);
          const name = decoding.readVarString(decoder);
          if (name !== room) return;
          const type = decoding.readVarUint(decoder);
          if (type === H_AWARENESS) return handlers.awareness(decoding.readVarUint8Array(decoder));
          if (type === H_SYNC_STATUS) {
            if (untimedAcks > 0) untimedAcks -= 1;
            else handlers.ack();
            return;
          }
          if (type === H_AUTH) {
            if (decoding.readVarUint(decoder) === H_AUTH_DENIED) reject(new Error("hocuspocus refused the connection"));
            return;
          }
          if (type !== H_SYNC && type !== H_SYNC_REPLY) return;
          const syncType = decoding.readVarUint(decoder);
          const payload = decoding.readVarUint8Array(decoder);
          if (syncType === messageYjsSyncStep1) {
            untimedAcks += 1;
            send(H_SYNC, (e) => {
              encoding.writeVarUint(e, messageYjsSyncStep2);
              encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, payload));
            });
          } else if (syncType === messageYjsSyncStep2) {
            Y.applyUpdate(doc, payload, REMOTE);
            if (!synced) {
              synced = true;
              resolve();
            }
          } else if (syncType === messageYjsUpdate) {
            handlers.update(payload);
          }
        });
        socket.once("error", reject);
        socket.on("close", () => handlers.problem("connection closed"));
        socket.once("open", () => {
          send(H_AUTH, (e) => {
            encoding.writeVarUint(e, H_AUTH_TOKEN);
            encoding.writeVarString(e, "bench");
          });
          send(H_SYNC, (e) => {
            encoding.writeVarUint(e, messageYjsSyncStep1);
            encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
          });
        });
      });
      await withTimeout(done, timeoutMs, "syncing with Hocuspocus");
    },
    sendUpdate(update) {
      send(H_SYNC, (e) => {
        encoding.writeVarUint(e, messageYjsUpdate);
        encoding.writeVarUint8Array(e, update);
      });
    },
    sendAwareness(update) {
      send(H_AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
    },
    close() {
      ws?.removeAllListeners("close");
      ws?.close();
    },
  };
}
