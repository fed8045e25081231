// Socket.io on the same HTTP server as the pages. The handshake is refused
// without a valid session or with a foreign Origin; each socket joins its
// partnership's, user's and session's rooms. With REDIS_URL, the Redis adapter
// carries room broadcasts between processes.
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "~/lib/realtime-events";
import { partnershipRoom, sessionRoom, userRoom } from "~/lib/realtime-events";
import { socketParser } from "~/lib/socket-parser";
import { readSessionToken, sessionEnd, validateSessionToken } from "~/models/sessions.server";
import { isOriginAllowed } from "../http/origin";
import { logger } from "../logger";
import { closeSocketAtSessionEnd } from "./session-expiry";

export type StaffroomServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type StaffroomSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeOptions {
  allowedOrigins: string[];
  /** Proxies in front of us, as TRUST_PROXY_HOPS says (for the Origin check's forwarded host). */
  trustProxyHops: number;
  redisUrl: string;
  /** Largest message a client may send, in bytes. */
  maxMessageBytes?: number;
}

export interface RealtimeServer {
  io: StaffroomServer;
  redis: { pub: Redis; sub: Redis } | null;
  close(): Promise<void>;
}

export async function createRealtimeServer(httpServer: HttpServer, options: RealtimeOptions): Promise<RealtimeServer> {
  const io: StaffroomServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // One binary frame per event (MessagePack), instead of a JSON header frame plus a binary attachment frame.
    parser: socketParser,
    // Small frames gain nothing from compression, which costs CPU per frame (also Socket.io's default).
    perMessageDeflate: false,
    maxHttpBufferSize: options.maxMessageBytes ?? 1_000_000,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    // The handshake request itself: refuse foreign origins before any upgrade.
    allowRequest: (req, callback) => {
      if (!isOriginAllowed(req, options.allowedOrigins, options.trustProxyHops)) {
        logger.warn("socket refused", { refusal: "origin", origin: req.headers.origin ?? null });
        callback("Origin not allowed", false);
        return;
      }
      callback(null, true);
    },
  });

  let redis: RealtimeServer["redis"] = null;
  if (options.redisUrl) {
    const pub = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    const sub = pub.duplicate();
    pub.on("error", (error) => logger.warn("redis publisher error", { error: error.message }));
    sub.on("error", (error) => logger.warn("redis subscriber error", { error: error.message }));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    redis = { pub, sub };
  }

  io.use(async (socket, next) => {
    try {
      const check = await validateSessionToken(readSessionToken(socket.request.headers.cookie), { use: false });
      if (!check.user) {
        logger.warn("socket refused", { refusal: "unauthorised" });
        next(new Error("unauthorised: sign in again"));
        return;
      }
      socket.data.user = {
        id: check.user.id,
        name: check.user.name,
        role: check.user.role,
        partnershipId: check.user.partnershipId,
        institutionId: check.user.institutionId,
        sessionId: check.session.id,
      };
      closeSocketAtSessionEnd(socket, sessionEnd(check.session));
      next();
    } catch (error) {
      logger.error("socket authentication failed", { error: String(error) });
      next(new Error("server error"));
    }
  });

  io.on("connection", (socket) => {
    const { user } = socket.data;
    void socket.join([partnershipRoom(user.partnershipId), userRoom(user.id), sessionRoom(user.sessionId)]);
    socket.on("ping", (ack) => {
      if (typeof ack === "function") ack({ at: Date.now() });
    });
  });

  return {
    io,
    redis,
    async close() {
      // Closes this process's connections only, as a lost connection: the clients reconnect on their own (to
      // another process behind the load balancer). Not io.disconnectSockets(): with the Redis adapter that
      // disconnects every process's sockets, and a server-side disconnect tells clients not to come back.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (redis) {
        redis.pub.disconnect();
        redis.sub.disconnect();
      }
    },
  };
}
