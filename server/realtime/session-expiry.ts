// Closes a socket when its session ends by time (inactivity or absolute expiry), which no request announces: a timer
// at the session's end reads the session again, so one kept alive by page views, or by editing over this socket,
// is followed to its new end, and one that has ended is closed with "expired". Sign-out, deactivation and password
// changes close sockets at once through the hub's session and user rooms (across processes with Redis).
import type { Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "~/lib/realtime-events";
import { sessionEndForConnection } from "~/models/sessions.server";
import { logger } from "../logger";

type MemberSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What a member does over a socket that counts as using the session: opening and editing documents. */
const ACTIVITY_EVENTS = new Set(["collab:join", "collab:sync"]);
/** Timers past ~24.8 days overflow; a long session is simply looked at again later. */
const LONGEST_WAIT_MS = 6 * 3_600_000;
const RETRY_AFTER_ERROR_MS = 60_000;

export function closeSocketAtSessionEnd(socket: MemberSocket, endsAt: Date): void {
  let lastActivityAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  socket.onAny((event: string) => {
    if (ACTIVITY_EVENTS.has(event)) lastActivityAt = Date.now();
  });

  const schedule = (at: number) => {
    timer = setTimeout(() => void check(), Math.min(Math.max(at - Date.now(), 0), LONGEST_WAIT_MS));
  };
  const check = async () => {
    try {
      const end = await sessionEndForConnection(socket.data.user.sessionId, lastActivityAt);
      if (socket.disconnected) return;
      if (end) return schedule(end.getTime());
      logger.info("socket closed: session expired", { userId: socket.data.user.id });
      socket.emit("session:ended", { reason: "expired" });
      socket.disconnect(true);
    } catch (error) {
      logger.warn("socket session check failed", { error: String(error) });
      schedule(Date.now() + RETRY_AFTER_ERROR_MS);
    }
  };

  schedule(endsAt.getTime());
  socket.once("disconnect", () => clearTimeout(timer));
}
