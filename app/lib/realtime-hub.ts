// What loaders and actions may ask of the realtime layer. The Node server
// implements it (server/realtime/hub.ts) and passes it in the Remix load context.
import type { ServerToClientEvents } from "./realtime-events";

export interface RealtimeHub {
  emitToPartnership<E extends keyof ServerToClientEvents>(
    partnershipId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /** Sends to every socket of one member, in every process (their notifications). */
  emitToUser<E extends keyof ServerToClientEvents>(
    userId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /** Closes every socket of a user, in every process. */
  disconnectUser(userId: string, reason: "deactivated" | "signed-out"): Promise<void>;
  /** Closes the sockets opened with one session, in every process. */
  disconnectSession(sessionId: string): Promise<void>;
  status(): Promise<{ ok: boolean; adapter: "in-process" | "redis"; detail?: string }>;
}
