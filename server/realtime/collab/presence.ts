// Presence (y-protocols awareness) of an open document: which socket announced which
// client ids, passing changes to this process's sockets and to the other processes,
// taking a socket's update in its signed-in member's name, and what a newcomer sees.
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import { sanitiseAwarenessUpdate, type PresenceIdentity } from "./awareness-guard";
import type { OpenDocument } from "./open-document";
import type { CollabRelay } from "./relay";

/** How presence reaches this process's sockets (io.local rooms in production). */
export type PresenceFanout = (documentId: string, update: Uint8Array, exceptSocketId: string | null) => void;

const SOCKET_ORIGIN = "socket:";

/** Passes every presence change on: to this process's sockets, and (unless relayed here) to the other processes. */
export function observePresence(entry: OpenDocument, fanout: PresenceFanout, relay: CollabRelay): void {
  entry.awareness.on(
    "update",
    ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const socketId =
        typeof origin === "string" && origin.startsWith(SOCKET_ORIGIN) ? origin.slice(SOCKET_ORIGIN.length) : null;
      if (socketId !== null) {
        const ids = entry.sockets.get(socketId);
        for (const id of [...added, ...updated]) ids?.add(id);
        for (const id of removed) ids?.delete(id);
      }
      if (origin === "timeout") return; // every process expires silent peers by itself
      const update = encodeAwarenessUpdate(entry.awareness, [...added, ...updated, ...removed]);
      fanout(entry.id, update, socketId);
      if (origin !== "relay") relay.publish({ kind: "awareness", documentId: entry.id, payload: update });
    },
  );
}

/** Applies a socket's presence update, in the signed-in member's name, for client ids that socket holds. */
export function applySocketPresence(
  entry: OpenDocument,
  update: Uint8Array,
  socketId: string,
  identity: PresenceIdentity,
): void {
  const own = entry.sockets.get(socketId);
  const states = entry.awareness.getStates();
  const safe = sanitiseAwarenessUpdate(
    update,
    identity,
    (clientId) => Boolean(own?.has(clientId)) || !states.has(clientId),
  );
  if (safe) applyAwarenessUpdate(entry.awareness, safe, `${SOCKET_ORIGIN}${socketId}`);
}

/** Removes the presence a socket announced (it left the document). */
export function removeSocketPresence(entry: OpenDocument, clientIds: Set<number>): void {
  if (clientIds.size > 0 && !entry.closed) removeAwarenessStates(entry.awareness, [...clientIds], "detach");
}

/** Current presence of everyone in the document, for a socket that just joined. */
export function presenceSnapshot(entry: OpenDocument): Uint8Array | null {
  const clients = [...entry.awareness.getStates().keys()];
  return clients.length > 0 ? encodeAwarenessUpdate(entry.awareness, clients) : null;
}

/** The presence of this process's own clients, to answer another process's query (each answers for its own). */
export function ownPresence(entry: OpenDocument): Uint8Array | null {
  const states = entry.awareness.getStates();
  const own = [...entry.sockets.values()].flatMap((ids) => [...ids].filter((id) => states.has(id)));
  return own.length > 0 ? encodeAwarenessUpdate(entry.awareness, own) : null;
}
