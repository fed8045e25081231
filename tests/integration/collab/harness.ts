// Test harness for the collaboration engine: an in-process server built from
// the same pieces as server/index.ts (HTTP server, createRealtimeServer with its
// session + Origin handshake, registerCollaboration), Node clients that use the
// real browser provider (SocketIoYjsProvider) over socket.io-client, optional
// latency injection, a seeded PRNG, and helpers to read documents' text.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import * as Y from "yjs";
import { io as connect } from "socket.io-client";
import { socketParser } from "~/lib/socket-parser";
import { createRealtimeServer, type RealtimeServer } from "../../../server/realtime/socket";
import {
  registerCollaboration,
  type Collaboration,
  type CollaborationOptions,
} from "../../../server/realtime/collab/collaboration";
import { SocketIoYjsProvider, type CollabSocket, type SyncState } from "~/editor/socket-provider";
import { startSession } from "~/models/sessions.server";
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode } from "lexical";
import { headlessWriter } from "~/lib/document-schema/headless";

export interface TestServer {
  origin: string;
  realtime: RealtimeServer;
  collaboration: Collaboration;
  close(): Promise<void>;
}

export async function startCollabServer(options: CollaborationOptions = {}): Promise<TestServer> {
  const httpServer = http.createServer();
  const realtime = await createRealtimeServer(httpServer, { allowedOrigins: [], trustProxyHops: 0, redisUrl: "" });
  const collaboration = await registerCollaboration(realtime.io, options);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    realtime,
    collaboration,
    async close() {
      await collaboration.close();
      await realtime.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** A session cookie header for a user, made directly in the database. */
export async function sessionCookie(userId: string): Promise<string> {
  const { cookie } = await startSession(userId, { userAgent: "vitest collab", ipAddress: "127.0.0.1" });
  return `staffroom_session=${cookie.value}`;
}

export function openSocket(origin: string, cookie: string, options: { autoConnect?: boolean } = {}): CollabSocket {
  return connect(origin, {
    path: "/socket.io",
    transports: ["websocket"],
    parser: socketParser,
    extraHeaders: { cookie, origin },
    reconnectionDelay: 50,
    reconnectionDelayMax: 300,
    randomizationFactor: 0,
    autoConnect: options.autoConnect ?? true,
    forceNew: true,
  }) as CollabSocket;
}

/** mulberry32: small, fast, seedable; good enough to drive a test. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (maxExclusive: number) => Math.floor(next() * maxExclusive),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

/**
 * Wraps a socket so every message in either direction is delivered after a
 * random delay, in order (as TCP would, with jitter). Connection events are not
 * delayed, so late messages from an earlier connection race the new one.
 */
function withLatency(socket: CollabSocket, delayMs: () => number): CollabSocket {
  let outgoingAt = 0;
  let incomingAt = 0;
  const nextSlot = (last: number) => Math.max(Date.now() + delayMs(), last);
  const wrapped = new Map<(...args: never[]) => void, (...args: unknown[]) => void>();
  const proxy = {
    get connected() {
      return socket.connected;
    },
    connect() {
      socket.connect();
      return proxy;
    },
    emit(event: string, ...args: unknown[]) {
      outgoingAt = nextSlot(outgoingAt);
      setTimeout(() => (socket.emit as (e: string, ...a: unknown[]) => void)(event, ...args), outgoingAt - Date.now());
      return proxy;
    },
    on(event: string, handler: (...args: never[]) => void) {
      const immediate = event === "connect" || event === "disconnect";
      const delayed = (...args: unknown[]) => {
        if (immediate) return (handler as (...a: unknown[]) => void)(...args);
        incomingAt = nextSlot(incomingAt);
        setTimeout(() => (handler as (...a: unknown[]) => void)(...args), incomingAt - Date.now());
      };
      wrapped.set(handler, delayed);
      (socket.on as (e: string, h: unknown) => void)(event, delayed);
      return proxy;
    },
    off(event: string, handler: (...args: never[]) => void) {
      const delayed = wrapped.get(handler);
      if (delayed) (socket.off as (e: string, h: unknown) => void)(event, delayed);
      wrapped.delete(handler);
      return proxy;
    },
  };
  return proxy as unknown as CollabSocket;
}

/** A person editing a document: the real provider on its own Y.Doc. */
export class TestClient {
  readonly doc = new Y.Doc();
  readonly provider: SocketIoYjsProvider;
  lastState: SyncState;

  constructor(
    /** The real socket (the provider may see it through withLatency). */
    readonly socket: CollabSocket,
    readonly documentId: string,
    readonly name = "tester",
    latency?: () => number,
    onStored?: (update: Uint8Array) => void,
  ) {
    let seen = latency ? withLatency(socket, latency) : socket;
    if (onStored) seen = tapStoredUpdates(seen, onStored);
    this.provider = new SocketIoYjsProvider(seen, documentId, this.doc);
    this.lastState = this.provider.syncState;
    this.provider.on("state", (s) => (this.lastState = s));
  }

  get root(): Y.XmlText {
    return this.doc.get("root", Y.XmlText);
  }

  text(): string {
    return this.root.toString();
  }

  start(): this {
    this.provider.connect();
    this.provider.awareness.setLocalStateField("name", this.name);
    return this;
  }

  insert(index: number, text: string): void {
    this.root.insert(Math.min(index, this.root.length), text);
  }

  delete(index: number, length: number): void {
    const at = Math.min(index, this.root.length);
    this.root.delete(at, Math.min(length, this.root.length - at));
  }

  goOffline(): void {
    this.socket.disconnect();
  }

  goOnline(): void {
    this.socket.connect();
  }

  stop(): void {
    this.provider.destroy();
    this.socket.disconnect();
  }
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const settled = (client: TestClient) =>
  client.provider.isSynced && client.lastState.phase === "saved" && client.lastState.unsaved === 0;

/** The text of the XmlText root of a Yjs state (what our random edits write). */
export function textOfState(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const text = doc.get("root", Y.XmlText).toString();
  doc.destroy();
  return text;
}

/**
 * A TCP forwarder with a fixed port in front of a server that may die and come
 * back on another port: clients keep one URL and reconnect by themselves.
 */
export async function startTcpProxy(): Promise<{
  port: number;
  setTarget(port: number | null): void;
  close(): Promise<void>;
}> {
  const net = await import("node:net");
  let target: number | null = null;
  const sockets = new Set<Socket>();
  const server = net.createServer((incoming) => {
    sockets.add(incoming);
    incoming.on("close", () => sockets.delete(incoming));
    if (target === null) return incoming.destroy();
    const outgoing = net.connect(target, "127.0.0.1");
    sockets.add(outgoing);
    outgoing.on("close", () => sockets.delete(outgoing));
    incoming.pipe(outgoing).pipe(incoming);
    incoming.on("error", () => outgoing.destroy());
    outgoing.on("error", () => incoming.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    setTarget(next) {
      target = next;
      if (next === null) for (const s of sockets) s.destroy();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Calls onStored with the Yjs update of every sync message the server acknowledged as stored. */
function tapStoredUpdates(socket: CollabSocket, onStored: (update: Uint8Array) => void): CollabSocket {
  return new Proxy(socket, {
    get(target, property, receiver) {
      if (property !== "emit") {
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return (event: string, ...args: unknown[]) => {
        const ack = args.at(-1);
        if (event === "collab:sync" && typeof ack === "function") {
          const frame = args[1] as Uint8Array;
          args[args.length - 1] = (reply: { ok: boolean }) => {
            if (reply.ok) onStored(syncPayload(frame));
            (ack as (r: unknown) => void)(reply);
          };
        }
        return (target.emit as (e: string, ...a: unknown[]) => unknown)(event, ...args);
      };
    },
  });
}

function syncPayload(frame: Uint8Array): Uint8Array {
  // [message type varuint][payload length varuint][payload]; types and lengths here are small varuints.
  let offset = 1;
  let length = 0;
  let shift = 0;
  for (;;) {
    const byte = frame[offset++]!;
    length |= (byte & 0x7f) << shift;
    shift += 7;
    if (byte < 0x80) break;
  }
  return frame.subarray(offset, offset + length);
}

/** Every string a Yjs update inserts (to find typed tokens in it). */
export function insertedText(update: Uint8Array): string {
  return Y.decodeUpdate(update)
    .structs.map((s) => (s instanceof Y.Item && s.content instanceof Y.ContentString ? s.content.str : ""))
    .join("");
}

/**
 * A person typing in one part of a document with several roots (a lesson plan's starter, say), as the browser's
 * editor does it: a headless Lexical editor bound to that root of the client's Y.Doc, kept up to date with
 * everyone else's changes.
 */
export function partWriter(client: TestClient, part: string) {
  const editor = headlessWriter(client.doc, part, { follow: true });
  return {
    /** Appends text to the part's last paragraph. */
    type(text: string): Promise<void> {
      return new Promise((resolve) =>
        editor.update(
          () => {
            const last = $getRoot().getLastChild();
            if ($isElementNode(last)) last.append($createTextNode(text));
            else $getRoot().append($createParagraphNode().append($createTextNode(text)));
          },
          { onUpdate: resolve },
        ),
      );
    },
  };
}
