// Socket events of the collaborative document engine. One socket carries many
// documents, so every message names its document. Payloads of `collab:sync` are
// y-protocols sync messages (step 1, step 2, update) and payloads of
// `collab:awareness` are y-protocols awareness updates, both raw binary
// (Uint8Array in the browser, Buffer in Node), never JSON. Merged into the
// app-wide maps in realtime-events.ts.

export type CollabErrorCode =
  | "invalid-message" // not binary, malformed, or not a y-protocols message
  | "too-large" // over the maximum size of an update or of the document: start again from the saved document
  | "invalid-content" // something the editor never writes (decision 013): start again from the saved document
  | "rate-limited" // too many messages: slow down, then resync
  | "not-joined" // a message for a document this socket has not joined
  | "not-found" // no such document, or not yours to see
  | "forbidden" // read-only access, or access revoked
  | "unavailable" // the server could not store the change; it will be resent
  | "server-busy" // too many open documents on this server; try again shortly
  | "document-deleted";

export type CollabAck = { ok: true } | { ok: false; code: CollabErrorCode; message: string };

export type CollabJoinReply = { ok: true; readOnly: boolean } | { ok: false; code: CollabErrorCode; message: string };

export interface CollabServerToClientEvents {
  /** A y-protocols sync message for one document. */
  "collab:sync": (documentId: string, message: Uint8Array) => void;
  /** A y-protocols awareness update (presence, cursors) for one document. */
  "collab:awareness": (documentId: string, update: Uint8Array) => void;
  /** Something the client sent was refused, or the document went away. */
  "collab:error": (payload: { documentId: string | null; code: CollabErrorCode; message: string }) => void;
}

export interface CollabClientToServerEvents {
  /** Open a document: checks read access and loads it. Send sync step 1 after the reply. */
  "collab:join": (documentId: string, ack: (reply: CollabJoinReply) => void) => void;
  /** Stop receiving a document's traffic and remove this socket's presence from it. */
  "collab:leave": (documentId: string) => void;
  /**
   * A y-protocols sync message. For step 2 and update messages the ack comes
   * only after the change is stored durably (or with the reason it was refused).
   */
  "collab:sync": (documentId: string, message: Uint8Array, ack?: (reply: CollabAck) => void) => void;
  "collab:awareness": (documentId: string, update: Uint8Array) => void;
}

export const collabRoom = (documentId: string) => `collab:${documentId}`;
