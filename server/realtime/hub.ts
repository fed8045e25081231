// The RealtimeHub that loaders and actions use, on top of Socket.io's rooms
// (which span processes when the Redis adapter is on).
import type { RealtimeHub } from "~/lib/realtime-hub";
import { partnershipRoom, sessionRoom, userRoom } from "~/lib/realtime-events";
import type { RealtimeServer } from "./socket";

export function createRealtimeHub(realtime: RealtimeServer): RealtimeHub {
  const { io, redis } = realtime;
  return {
    emitToPartnership(partnershipId, event, ...args) {
      io.to(partnershipRoom(partnershipId)).emit(event, ...args);
    },
    emitToUser(userId, event, ...args) {
      io.to(userRoom(userId)).emit(event, ...args);
    },
    async disconnectUser(userId, reason) {
      io.to(userRoom(userId)).emit("session:ended", { reason });
      io.in(userRoom(userId)).disconnectSockets(true);
    },
    async disconnectSession(sessionId) {
      io.to(sessionRoom(sessionId)).emit("session:ended", { reason: "signed-out" });
      io.in(sessionRoom(sessionId)).disconnectSockets(true);
    },
    async status() {
      if (!redis) return { ok: true, adapter: "in-process" };
      const ok = redis.pub.status === "ready" && redis.sub.status === "ready";
      if (!ok) return { ok, adapter: "redis", detail: `publisher ${redis.pub.status}, subscriber ${redis.sub.status}` };
      try {
        await redis.pub.ping();
        return { ok: true, adapter: "redis" };
      } catch (error) {
        return { ok: false, adapter: "redis", detail: String(error) };
      }
    },
  };
}
