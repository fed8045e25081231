// One socket's side of collaborative editing: join and leave, the y-protocols sync
// exchange and presence, each message through the guards (rate limit, binary check,
// size caps, decode and schema check, read access on join, write access on every update). A
// refused message is answered with a reason and logged; it never affects other
// sockets or documents. One instance per socket, one method per event.
import * as Y from "yjs";
import { collabRoom, type CollabAck, type CollabErrorCode, type CollabJoinReply } from "~/lib/collab-events";
import { loadDocumentRecord } from "~/models/collab-documents.server";
import { DOCUMENT_OWNERS } from "~/models/document-owners.server";
import { actorOfMember, type Actor } from "~/policies/actor";
import { canReadDocument, loadDocumentFacts, type DocumentFacts } from "~/policies/document";
import type { StaffroomSocket } from "../socket";
import { logger } from "../../logger";
import { accessFrom, type DocumentAccess } from "./access-facts";
import type { DocumentManager } from "./document-manager";
import { ApplyError, ServerBusyError, type OpenDocument } from "./open-document";
import { applySocketPresence, presenceSnapshot } from "./presence";
import { asBytes, decodeSyncMessage, encodeSyncStep1, encodeSyncStep2 } from "./protocol";
import { TokenBucket, type RateLimit } from "./rate-limit";
import { CHANGE_TOO_LARGE, checkClientUpdate, checkStateVector } from "./update-guard";

export interface ConnectionSettings {
  maxUpdateBytes: number;
  maxDocumentBytes: number;
  maxAwarenessBytes: number;
  maxDocumentsPerSocket: number;
  rateLimit: RateLimit;
  /** Write (and read) access is re-decided from policy facts at most this old, on every update (ms). */
  accessRecheckMs: number;
}

type Refusal = { ok: false; code: CollabErrorCode; message: string };

const NO_LONGER_READABLE = "You no longer have access to this document.";
const NOT_SAVED_YET = "Your change could not be saved yet; it will be sent again.";

export class CollabConnection {
  private readonly joined = new Map<string, OpenDocument>();
  /** Write access decided at join, from the facts loaded then, and re-decided with newer facts. */
  private readonly writable = new Map<string, boolean>();
  private readonly joining = new Set<string>();
  private readonly bucket: TokenBucket;
  private refusalsLogged = 0;
  private readonly actor: Actor | null;

  constructor(
    private readonly socket: StaffroomSocket,
    private readonly manager: DocumentManager,
    private readonly settings: ConnectionSettings,
  ) {
    this.bucket = new TokenBucket(settings.rateLimit);
    this.actor = actorOfMember(socket.data.user);
  }

  /** Subscribes to the socket's collaboration events; onDisconnect runs first when the socket goes. */
  listen(onDisconnect: () => void): void {
    const socket = this.socket;
    socket.on("collab:join", (documentId, ack) => void this.join(documentId, ack));
    socket.on("collab:leave", (documentId) => {
      if (typeof documentId === "string") this.leave(documentId);
    });
    socket.on("collab:sync", (documentId, message, ack) => void this.sync(documentId, message, ack));
    socket.on("collab:awareness", (documentId, update) => this.awareness(documentId, update));
    socket.on("disconnect", () => {
      onDisconnect();
      this.disconnect();
    });
  }

  async join(documentId: unknown, ack: unknown): Promise<void> {
    if (typeof ack !== "function") return;
    const reply = ack as (reply: CollabJoinReply) => void;
    if (typeof documentId !== "string" || documentId.length === 0 || documentId.length > 100) {
      return this.refuse(null, "invalid-message", "A document id is required.", reply);
    }
    if (!this.bucket.take()) return this.refuse(documentId, "rate-limited", "Too many messages; slow down.", reply);
    const already = this.current(documentId);
    // A tab that let go of a join and asked again (an editor remounting) ignores the first join's reply and the
    // presence sent after it: it is welcomed again, or it sees nobody until each renews (every 15 s).
    if (already) return this.welcome(already, !this.writable.get(documentId), reply);
    if (this.joining.has(documentId)) {
      return this.refuse(documentId, "rate-limited", "Already joining this document.", reply);
    }
    if (this.joined.size + this.joining.size >= this.settings.maxDocumentsPerSocket) {
      return this.refuse(documentId, "server-busy", "Too many documents open in this tab.", reply);
    }
    this.joining.add(documentId);
    try {
      const factsLoadStartedAt = Date.now();
      const record = await loadDocumentRecord(documentId);
      const actor = this.actor;
      const loading =
        record && actor && record.partnershipId === actor.partnershipId
          ? loadDocumentFacts(DOCUMENT_OWNERS, record)
          : undefined;
      const facts = loading ? await loading : undefined;
      const access = record ? accessFrom(DOCUMENT_OWNERS, actor, record, facts) : "none";
      if (access === "none") return this.refuse(documentId, "not-found", "We could not find that document.", reply);
      const entry = await this.manager.acquire(documentId, record);
      entry.access.note(facts, factsLoadStartedAt);
      this.manager.attach(entry, this.socket.id);
      if (this.socket.disconnected) return this.manager.detach(entry, this.socket.id);
      this.joined.set(documentId, entry);
      this.writable.set(documentId, access === "write");
      await this.socket.join(collabRoom(documentId));
      this.welcome(entry, access !== "write", reply);
    } catch (error) {
      if (error instanceof ServerBusyError) {
        return this.refuse(documentId, "server-busy", "The server is busy; try again shortly.", reply);
      }
      logger.error("collab: join failed", { documentId, userId: this.socket.data.user.id, error: String(error) });
      return this.refuse(documentId, "unavailable", "The document could not be opened; try again.", reply);
    } finally {
      this.joining.delete(documentId);
    }
  }

  /** A join answered: whether the tab may write, then who is in the document. */
  private welcome(entry: OpenDocument, readOnly: boolean, reply: (reply: CollabJoinReply) => void): void {
    reply({ ok: true, readOnly });
    const presence = presenceSnapshot(entry);
    if (presence) this.socket.emit("collab:awareness", entry.id, presence);
  }

  leave(documentId: string): void {
    const entry = this.joined.get(documentId);
    if (!entry) return;
    this.joined.delete(documentId);
    this.writable.delete(documentId);
    void this.socket.leave(collabRoom(documentId));
    this.manager.detach(entry, this.socket.id);
  }

  async sync(documentId: unknown, message: unknown, maybeAck: unknown): Promise<void> {
    const ack = typeof maybeAck === "function" ? (maybeAck as (reply: CollabAck) => void) : undefined;
    if (typeof documentId !== "string") return this.refuse(null, "invalid-message", "A document id is required.", ack);
    if (!this.bucket.take()) return this.refuse(documentId, "rate-limited", "Too many messages; slow down.", ack);
    const bytes = asBytes(message);
    if (!bytes) return this.refuse(documentId, "invalid-message", "Sync messages must be binary.", ack);
    const max = this.settings.maxUpdateBytes;
    if (bytes.byteLength > max + 16) {
      return this.refuse(documentId, "too-large", CHANGE_TOO_LARGE, ack, `a sync message over ${max} bytes`);
    }
    const entry = this.current(documentId);
    if (!entry) return this.refuse(documentId, "not-joined", "Join the document first.", ack);
    let decoded;
    try {
      decoded = decodeSyncMessage(bytes);
    } catch (error) {
      return this.refuse(documentId, "invalid-message", `Malformed sync message: ${String(error)}`, ack);
    }
    if (decoded.type === "step1") {
      const check = checkStateVector(decoded.stateVector, max);
      if (!check.ok) return this.refuse(documentId, check.code, check.reason, ack);
      // What the client lacks, then our state vector so it sends what we lack (its offline edits).
      const missing = Y.encodeStateAsUpdate(entry.doc, decoded.stateVector);
      this.socket.emit("collab:sync", documentId, encodeSyncStep2(missing));
      this.socket.emit("collab:sync", documentId, encodeSyncStep1(Y.encodeStateVector(entry.doc)));
      ack?.({ ok: true });
      return;
    }
    await this.update(entry, decoded.update, ack);
  }

  /** A change (sync step 2 or update): stored once access and the update itself pass, acknowledged when durable. */
  private async update(entry: OpenDocument, update: Uint8Array, ack?: (reply: CollabAck) => void): Promise<void> {
    const documentId = entry.id;
    let access: DocumentAccess;
    try {
      access = await this.currentAccess(entry);
    } catch (error) {
      logger.error("collab: checking access failed", { documentId, error: String(error) });
      return this.refuse(documentId, "unavailable", NOT_SAVED_YET, ack);
    }
    if (access === "none") return this.refuse(documentId, "not-found", NO_LONGER_READABLE, ack);
    if (access === "read") {
      return this.refuse(documentId, "forbidden", "You can read this document but not change it.", ack);
    }
    const check = checkClientUpdate(entry, update, this.settings);
    if (!check.ok) return this.refuse(documentId, check.code, check.message ?? check.reason, ack, check.reason);
    try {
      const origin = { socketId: this.socket.id, userId: this.socket.data.user.id };
      await this.manager.changes.applyClientUpdate(entry, update, origin);
      ack?.({ ok: true });
    } catch (error) {
      if (error instanceof ApplyError) {
        this.joined.delete(documentId);
        return this.refuse(documentId, "invalid-message", "That change could not be applied.", ack);
      }
      logger.error("collab: storing an update failed", { documentId, error: String(error) });
      return this.refuse(documentId, "unavailable", NOT_SAVED_YET, ack);
    }
  }

  awareness(documentId: unknown, update: unknown): void {
    if (typeof documentId !== "string") return this.refuse(null, "invalid-message", "A document id is required.");
    if (!this.bucket.take()) return this.refuse(documentId, "rate-limited", "Too many messages; slow down.");
    const bytes = asBytes(update);
    if (!bytes) return this.refuse(documentId, "invalid-message", "Awareness updates must be binary.");
    if (bytes.byteLength > this.settings.maxAwarenessBytes) {
      return this.refuse(documentId, "too-large", "Presence update too large.");
    }
    const entry = this.current(documentId);
    if (!entry) return this.refuse(documentId, "not-joined", "Join the document first.");
    const apply = () => {
      try {
        const { id, name } = this.socket.data.user;
        applySocketPresence(entry, bytes, this.socket.id, { id, name });
      } catch (error) {
        this.refuse(documentId, "invalid-message", `Malformed presence update: ${String(error)}`);
      }
    };
    // Presence comes at least every 15 s from every open editor (y-protocols renews it), readers included:
    // the moment to notice that someone may no longer read the document.
    const actor = this.actor;
    const fresh = actor ? entry.access.fresh(this.settings.accessRecheckMs) : null;
    if (actor && fresh && canReadDocument(DOCUMENT_OWNERS, actor, entry.record, fresh.facts)) return apply();
    this.currentAccess(entry).then(
      (access) => {
        if (access === "none") return this.refuse(documentId, "not-found", NO_LONGER_READABLE);
        // Only if still in the document (a disconnect meanwhile has removed this socket's presence for good).
        if (this.current(documentId) === entry) apply();
      },
      (error: unknown) =>
        logger.warn("collab: checking access for presence failed", { documentId, error: String(error) }),
    );
  }

  /**
   * New facts for a document this socket is in (reloaded for someone's change, or at a join): someone who
   * may no longer read it is taken out at once, whether or not they send anything.
   */
  accessFactsChanged(entry: OpenDocument, facts: DocumentFacts | undefined): void {
    if (this.current(entry.id) !== entry || !this.actor) return;
    if (this.decide(entry, facts) === "none") this.refuse(entry.id, "not-found", NO_LONGER_READABLE);
  }

  disconnect(): void {
    for (const entry of this.joined.values()) this.manager.detach(entry, this.socket.id);
    this.joined.clear();
    this.writable.clear();
  }

  /**
   * Re-decides this socket's access from the policy, with the document's facts no older than
   * accessRecheckMs (reloaded first when they are): a planner removed from a course, say, can no
   * longer change the plan's notes, and someone who may no longer read it is taken out of it.
   */
  private async currentAccess(entry: OpenDocument): Promise<DocumentAccess> {
    if (!this.actor) return "none";
    const fresh = entry.access.fresh(this.settings.accessRecheckMs);
    const facts = fresh ? fresh.facts : await entry.access.reload();
    return this.decide(entry, facts);
  }

  private decide(entry: OpenDocument, facts: DocumentFacts | undefined): DocumentAccess {
    const access = accessFrom(DOCUMENT_OWNERS, this.actor, entry.record, facts);
    if (access === "none") this.leave(entry.id);
    else this.writable.set(entry.id, access === "write");
    return access;
  }

  private current(documentId: string): OpenDocument | null {
    const entry = this.joined.get(documentId);
    if (entry && !entry.closed) return entry;
    if (entry) this.joined.delete(documentId);
    return null;
  }

  private refuse(
    documentId: string | null,
    code: CollabErrorCode,
    message: string,
    ack?: (reply: Refusal) => void,
    reason = message,
  ): void {
    // Log the first few refusals of a socket with detail; a flood should not flood the logs too.
    if (this.refusalsLogged < 5 || code === "unavailable") {
      const { id: userId } = this.socket.data.user;
      logger.warn("collab: message refused", { userId, socketId: this.socket.id, documentId, code, reason });
    }
    this.refusalsLogged += 1;
    const reply = { ok: false as const, code, message };
    if (ack) ack(reply);
    else this.socket.emit("collab:error", { documentId, code, message });
  }
}
