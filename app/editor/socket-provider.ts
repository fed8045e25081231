// The browser side of the collaboration protocol: a Yjs provider for Lexical's
// CollaborationPlugin over the app's shared Socket.io connection (one socket,
// many documents). It speaks y-protocols sync and awareness in binary, keeps
// every local change as "unsaved" until the server acknowledges it durable,
// and after any interruption resyncs with step 1 / step 2, which carries all
// offline edits in one update, so nothing is lost and nothing is doubled.
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { ObservableV2 } from "lib0/observable";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";
import type { Provider } from "@lexical/yjs";
import type { Socket } from "socket.io-client";
import type { CollabAck, CollabErrorCode, CollabJoinReply } from "~/lib/collab-events";
import type { ClientToServerEvents, ServerToClientEvents } from "~/lib/realtime-events";

export type CollabSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type SyncPhase = "connecting" | "saved" | "saving" | "reconnecting" | "offline" | "error";

export interface SyncState {
  phase: SyncPhase;
  /** Local changes the server has not yet confirmed as stored. */
  unsaved: number;
  readOnly: boolean;
  /** A problem the user should know about (document deleted, no access). */
  error: string | null;
}

type ProviderEvents = {
  sync: (isSynced: boolean) => void;
  status: (status: { status: string }) => void;
  update: (update: unknown) => void;
  reload: (doc: Y.Doc) => void;
  state: (state: SyncState) => void;
  /**
   * The server refused a change for good: this person may no longer edit (or, as
   * they rejoined, said so while changes made away were still unsaved), or the
   * change is one it never takes (content the editor does not allow, too large).
   * The provider sends nothing more, and this copy of the document still holds
   * the refused changes, which nobody else has. The editor should start again
   * from a fresh copy (the stored document) and say why: for "forbidden" in its
   * own words; otherwise the message says it.
   */
  refused: (message: string, code: CollabErrorCode) => void;
};

const FATAL: ReadonlySet<CollabErrorCode> = new Set(["not-found", "document-deleted"]);
/** Refusals that sending the same change again cannot cure: the copy holding it is given up. */
const FINAL: ReadonlySet<CollabErrorCode> = new Set(["forbidden", "invalid-content", "too-large"]);

function frame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function toBytes(payload: unknown): Uint8Array | null {
  if (payload instanceof Uint8Array) return payload;
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  return null;
}

export class SocketIoYjsProvider extends ObservableV2<ProviderEvents> {
  readonly awareness: Awareness;
  private wanted = false;
  private joined = false;
  private synced = false;
  private everSynced = false;
  private readOnly = false;
  private error: string | null = null;
  private localSeq = 0;
  private readonly unacked = new Set<number>();
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = 500;
  /** Ignore replies to joins of an earlier connection. */
  private generation = 0;

  constructor(
    private readonly socket: CollabSocket,
    readonly documentId: string,
    readonly doc: Y.Doc,
  ) {
    super();
    this.awareness = new Awareness(doc);
    doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  /** The provider as Lexical's CollaborationPlugin types it. */
  asLexicalProvider(): Provider {
    return this as unknown as Provider;
  }

  get syncState(): SyncState {
    const unsaved = this.unacked.size;
    if (this.error) return { phase: "error", unsaved, readOnly: this.readOnly, error: this.error };
    let phase: SyncPhase;
    if (!this.socket.connected || !this.joined) {
      const offline = typeof navigator !== "undefined" && navigator.onLine === false;
      phase = offline || !this.wanted ? "offline" : this.everSynced ? "reconnecting" : "connecting";
    } else if (!this.synced) phase = this.everSynced ? "reconnecting" : "connecting";
    else phase = unsaved > 0 ? "saving" : "saved";
    return { phase, unsaved, readOnly: this.readOnly, error: null };
  }

  get isSynced(): boolean {
    return this.synced;
  }

  connect(): void {
    if (this.wanted) return;
    this.wanted = true;
    this.socket.on("connect", this.onConnect);
    this.socket.on("disconnect", this.onDisconnect);
    this.socket.on("collab:sync", this.onSync);
    this.socket.on("collab:awareness", this.onAwareness);
    this.socket.on("collab:error", this.onError);
    if (this.socket.connected) this.join();
    else this.socket.connect();
    this.publishState();
  }

  disconnect(): void {
    if (!this.wanted) return;
    this.wanted = false;
    if (this.joined && this.socket.connected) {
      // Tell the others we left now rather than after the awareness timeout.
      this.awareness.setLocalState(null);
      this.socket.emit("collab:leave", this.documentId);
    }
    this.socket.off("connect", this.onConnect);
    this.socket.off("disconnect", this.onDisconnect);
    this.socket.off("collab:sync", this.onSync);
    this.socket.off("collab:awareness", this.onAwareness);
    this.socket.off("collab:error", this.onError);
    this.clearResync();
    this.markDisconnected();
  }

  override destroy(): void {
    this.disconnect();
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    super.destroy();
  }

  private join(): void {
    const generation = ++this.generation;
    this.socket.emit("collab:join", this.documentId, (reply: CollabJoinReply) => {
      if (generation !== this.generation || !this.wanted) return;
      if (!reply.ok) {
        this.handleRefusal(reply.code, reply.message, () => this.join());
        return;
      }
      // Back after a break with changes the server never had, but no longer allowed to make them (removed
      // from the course meanwhile, say): the same as a refused change, not a quiet switch to read only.
      const refusedOnReturn = reply.readOnly && !this.readOnly && this.unacked.size > 0;
      this.joined = true;
      this.readOnly = reply.readOnly;
      this.retryDelay = 500;
      this.emit("status", [{ status: "connected" }]);
      this.socket.emit("collab:sync", this.documentId, frame(messageYjsSyncStep1, Y.encodeStateVector(this.doc)));
      if (this.awareness.getLocalState() !== null) {
        this.socket.emit(
          "collab:awareness",
          this.documentId,
          encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
        );
      }
      if (refusedOnReturn) this.unacked.clear();
      this.publishState();
      if (refusedOnReturn) this.emit("refused", ["You can read this document but not change it.", "forbidden"]);
    });
  }

  private readonly onConnect = () => {
    if (this.wanted) this.join();
  };

  private readonly onDisconnect = () => {
    this.markDisconnected();
  };

  private markDisconnected(): void {
    const wasJoined = this.joined;
    this.joined = false;
    this.synced = false;
    this.generation += 1;
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    if (others.length > 0) removeAwarenessStates(this.awareness, others, "connection-lost");
    if (wasJoined) this.emit("status", [{ status: "disconnected" }]);
    this.publishState();
  }

  private readonly onSync = (documentId: string, message: Uint8Array) => {
    if (documentId !== this.documentId || !this.joined) return;
    const bytes = toBytes(message);
    if (!bytes) return;
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (type === messageYjsSyncStep2 || type === messageYjsUpdate) {
      Y.applyUpdate(this.doc, payload, this);
      if (type === messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        this.everSynced = true;
        this.emit("sync", [true]);
        this.publishState();
      }
    } else if (type === messageYjsSyncStep1) {
      this.sendStep2(payload);
    }
  };

  /** Everything the server lacks, in one update; acknowledged once stored, which covers every change made so far. */
  private sendStep2(serverStateVector: Uint8Array): void {
    if (this.readOnly) {
      this.unacked.clear();
      this.publishState();
      return;
    }
    const covers = this.localSeq;
    const update = Y.encodeStateAsUpdate(this.doc, serverStateVector);
    this.socket.emit("collab:sync", this.documentId, frame(messageYjsSyncStep2, update), (reply: CollabAck) => {
      if (reply.ok) {
        for (const seq of [...this.unacked]) if (seq <= covers) this.unacked.delete(seq);
        this.retryDelay = 500; // the server takes changes again: the next hiccup starts its back-off afresh
        this.publishState();
      } else {
        this.handleRefusal(reply.code, reply.message, () => this.resync());
      }
    });
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    const seq = ++this.localSeq;
    this.unacked.add(seq);
    this.emit("update", [update]);
    // Before the first sync (or while away) the step 2 exchange on (re)join carries it.
    if (this.joined && this.synced && !this.readOnly) {
      const generation = this.generation;
      this.socket.emit("collab:sync", this.documentId, frame(messageYjsUpdate, update), (reply: CollabAck) => {
        if (reply.ok) {
          this.unacked.delete(seq);
          this.retryDelay = 500;
          this.publishState();
        } else if (generation === this.generation) {
          this.handleRefusal(reply.code, reply.message, () => this.resync());
        }
      });
    }
    this.publishState();
  };

  private readonly onAwareness = (documentId: string, update: Uint8Array) => {
    if (documentId !== this.documentId || !this.joined) return;
    const bytes = toBytes(update);
    if (bytes) applyAwarenessUpdate(this.awareness, bytes, this);
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === this || origin === "connection-lost" || !this.joined) return;
    const changed = [...added, ...updated, ...removed].filter((id) => id === this.doc.clientID);
    if (changed.length > 0) {
      this.socket.emit("collab:awareness", this.documentId, encodeAwarenessUpdate(this.awareness, changed));
    }
  };

  private readonly onError = (payload: { documentId: string | null; code: CollabErrorCode; message: string }) => {
    if (payload.documentId !== this.documentId) return;
    if (payload.code === "not-joined") {
      // The server closed the document for us (reloaded, or we were never in): join again.
      this.joined = false;
      this.synced = false;
      this.publishState();
      if (this.wanted && this.socket.connected) this.join();
      return;
    }
    this.handleRefusal(payload.code, payload.message, () => this.resync());
  };

  private handleRefusal(code: CollabErrorCode, message: string, retry: () => void): void {
    if (FATAL.has(code)) {
      this.error = message;
      this.wanted = false;
      this.joined = false;
      this.clearResync();
      this.publishState();
      return;
    }
    if (FINAL.has(code)) {
      if (this.readOnly) return; // several changes in flight are refused one by one: tell the editor once
      this.readOnly = true;
      this.unacked.clear();
      this.publishState();
      this.emit("refused", [code === "forbidden" ? message : `${message} This is the saved version.`, code]);
      return;
    }
    if (code === "not-joined") {
      this.joined = false;
      this.synced = false;
    }
    // Rate limited, busy, unavailable, or a refused change: back off, then resync (step 2 resends what is unsaved).
    // Changes in flight behind a refused one are refused one by one ("builds on changes the server does not have"):
    // the retry already waiting resends them all, so they neither move it nor lengthen the next wait.
    if (this.resyncTimer) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, 15_000);
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      if (!this.wanted || !this.socket.connected) return;
      if (this.joined) retry();
      else this.join();
    }, delay);
  }

  /** Ask the server for its state vector again; its step 1 makes us send everything unsaved. */
  resync(): void {
    if (!this.joined || !this.socket.connected) return;
    this.socket.emit("collab:sync", this.documentId, frame(messageYjsSyncStep1, Y.encodeStateVector(this.doc)));
  }

  private clearResync(): void {
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    this.resyncTimer = null;
  }

  private publishState(): void {
    this.emit("state", [this.syncState]);
  }
}
