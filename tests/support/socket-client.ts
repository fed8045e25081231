// Socket.io clients as a browser would open them: the session cookie and an
// Origin header on the WebSocket handshake.
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "~/lib/realtime-events";
import { socketParser } from "~/lib/socket-parser";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketOptions {
  /** The Cookie header to send (e.g. HttpClient.cookieHeader()). */
  cookie?: string;
  /** The Origin header; defaults to the server's own. */
  origin?: string;
}

/** Opens a socket; resolves once connected, rejects with the server's refusal. */
export function connectSocket(baseUrl: string, options: SocketOptions = {}): Promise<TestSocket> {
  const headers: Record<string, string> = { origin: options.origin ?? new URL(baseUrl).origin };
  if (options.cookie) headers.cookie = options.cookie;
  const socket: TestSocket = io(baseUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    parser: socketParser,
    reconnection: false,
    forceNew: true,
    timeout: 5_000,
    extraHeaders: headers,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Resolves with the first payload of an event, or rejects after timeoutMs. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  timeoutMs = 5_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${String(event)}" event within ${timeoutMs} ms`)), timeoutMs);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (socket as any).once(event, (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** Resolves with the disconnect reason, or rejects after timeoutMs. */
export function disconnected(socket: TestSocket, timeoutMs = 5_000): Promise<string> {
  if (socket.disconnected) return Promise.resolve("already disconnected");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** A round trip through the server: proves the socket is live. */
export function ping(socket: TestSocket, timeoutMs = 3_000): Promise<number> {
  return socket
    .timeout(timeoutMs)
    .emitWithAck("ping")
    .then((reply) => reply.at);
}

/**
 * Counts the acknowledgements the socket receives from now on (the answers to emits sent with a callback): a test
 * waits until every message it sent has been answered instead of waiting a while for a late answer.
 */
export function countAcks(socket: TestSocket): () => number {
  let count = 0;
  // socket.io-parser's ACK (3) and BINARY_ACK (6). The socket's own listener was added first (at construction), so the
  // answer's callback has run by the time this one counts it.
  socket.io.on("packet", ({ type }) => {
    if (type === 3 || type === 6) count++;
  });
  return () => count;
}
