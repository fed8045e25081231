// Every realtime event, typed once and shared by the browser and the server.
// Payloads are small JSON objects; collaborative document traffic is binary and
// is typed in collab-events.ts and merged in here.
import type { CollabClientToServerEvents, CollabServerToClientEvents } from "./collab-events";

export interface ServerToClientEvents extends CollabServerToClientEvents {
  /** Something in the partnership changed that open pages may want to refresh. */
  "partnership:changed": (payload: {
    entity: string;
    id: string;
    action: "created" | "updated" | "deleted";
    by: string;
  }) => void;
  /** This member's count of unread notifications changed (the bell in every open tab; sent to their own sockets). */
  "notifications:unread": (payload: { unread: number }) => void;
  /** The server is about to close this socket, with the reason (deactivated, signed out). */
  "session:ended": (payload: { reason: "deactivated" | "signed-out" | "expired" }) => void;
}

export interface ClientToServerEvents extends CollabClientToServerEvents {
  /** Round trip check used by the sync indicator and health tests. */
  ping: (ack: (reply: { at: number }) => void) => void;
}

interface SocketUser {
  id: string;
  name: string;
  role: string;
  partnershipId: string;
  institutionId: string;
  sessionId: string;
}

export interface SocketData {
  user: SocketUser;
}

export const partnershipRoom = (partnershipId: string) => `partnership:${partnershipId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
