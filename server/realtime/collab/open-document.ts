// One document loaded in this process: its Y.Doc and Awareness, the sockets attached
// to it, and the bookkeeping the other collaboration pieces keep on it (log size for
// compaction, editors for automatic versions, the owner's policy facts for access).
import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import type { DocumentAccessTarget } from "~/policies/document";
import type { StoredDocumentState } from "~/models/collab-log.server";
import type { AccessFacts } from "./access-facts";

/** The origin of a change made by a client, so its own socket does not get it echoed. */
export interface ClientOrigin {
  socketId: string;
  userId: string;
}

export interface OpenDocument {
  id: string;
  record: DocumentAccessTarget;
  doc: Y.Doc;
  awareness: Awareness;
  /** Attached sockets and the awareness client ids each has announced. */
  sockets: Map<string, Set<number>>;
  logCount: number;
  /** Bytes of updates this process appended since the last compaction. */
  logBytes: number;
  /** Bytes of the compacted base the log applies to (as loaded, or as the last compaction here wrote it). */
  baseBytes: number;
  /** The document's encoded size as loaded plus every change applied since: an upper bound (update-guard.ts). */
  sizeBytes: number;
  /** Ids of the compaction snapshots already in `doc` (loaded, or written here). */
  baseSnapshots: Set<string>;
  /**
   * Ids of log rows known to be in `doc`: read at load, or appended by this process after applying them.
   * Compaction skips these (applying a thousand known rows costs more than encoding the document);
   * any other row (another process's, its relay message lost, say) is applied.
   */
  storedRows: Set<number>;
  lastWriteAt: number;
  /** When the in-memory document last changed (applied, before it is stored). */
  lastChangeAt: number;
  editorsSinceVersion: Map<string, number>;
  lastVersionAt: number;
  unloadTimer: NodeJS.Timeout | null;
  compacting: Promise<void> | null;
  closed: boolean;
  /** The origin of the client update being applied now, and whether it changed the document. */
  applying: ClientOrigin | null;
  appliedChange: boolean;
  /** The policy facts of the document's owner (a lesson plan's planners, say), shared by every socket here. */
  access: AccessFacts;
}

export class DocumentNotFoundError extends Error {}
export class ServerBusyError extends Error {}
/** A client update that decoded but failed to integrate: the document was closed here. */
export class ApplyError extends Error {}

/** The in-memory copy of a document as read from the database (snapshots + update log). */
export function openDocument(
  record: DocumentAccessTarget & { id: string },
  stored: StoredDocumentState,
  access: (entry: OpenDocument) => AccessFacts,
): OpenDocument {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, stored.state, "load");
  const awareness = new Awareness(doc);
  awareness.setLocalState(null); // the server has no cursor of its own
  const entry: Omit<OpenDocument, "access"> & { access?: AccessFacts } = {
    id: record.id,
    record,
    doc,
    awareness,
    sockets: new Map(),
    logCount: stored.logCount,
    logBytes: 0,
    baseBytes: stored.baseBytes,
    sizeBytes: stored.state.byteLength,
    baseSnapshots: new Set(stored.snapshotIds),
    storedRows: new Set(stored.rowIds),
    lastWriteAt: Date.now(),
    lastChangeAt: Date.now(),
    editorsSinceVersion: new Map(),
    lastVersionAt: Date.now(),
    unloadTimer: null,
    compacting: null,
    closed: false,
    applying: null,
    appliedChange: false,
  };
  const open = entry as OpenDocument;
  open.access = access(open);
  return open;
}

export function isClientOrigin(origin: unknown): origin is ClientOrigin {
  return typeof origin === "object" && origin !== null && "socketId" in origin;
}
