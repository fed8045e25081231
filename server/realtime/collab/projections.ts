// Copies of an open document kept outside it (a lesson plan's text parts in its columns, for search and briefings):
// refreshed a moment after the edits made here stop, when the document leaves memory, and once on load, to catch up
// with edits stored before a crash. Edits relayed from another process are that process's to copy.
import * as Y from "yjs";
import { DOCUMENT_PROJECTIONS, type DocumentProjection } from "~/models/document-projections.server";
import { logger } from "../../logger";
import type { OpenDocument } from "./open-document";

export class Projections {
  private readonly pending = new Map<OpenDocument, { timer: NodeJS.Timeout; userId: string | null; notedAt: number }>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    /** Copy this long after the last change here (changes keep pushing it back, up to the next quiet moment). */
    private readonly delayMs: number,
    private readonly projections: ReadonlyMap<string, DocumentProjection> = DOCUMENT_PROJECTIONS,
  ) {}

  /** An edit made here is stored: copy out after the next quiet moment. */
  noteChanged(entry: OpenDocument, userId: string | null): void {
    if (!this.projections.has(entry.record.ownerType)) return;
    const waiting = this.pending.get(entry);
    // One timer per document, not one per edit: when it fires, it looks at when the document last changed.
    if (waiting) {
      waiting.userId = userId ?? waiting.userId;
      waiting.notedAt = Date.now();
    } else this.pending.set(entry, { timer: this.arm(entry, this.delayMs), userId, notedAt: Date.now() });
  }

  /**
   * Decides after the I/O of the loop turn the timer fired in: after a stall (a busy machine), timers run before
   * the changes that waited in the sockets meanwhile are read, and a copy then would be neither quiet nor cheap.
   */
  private arm(entry: OpenDocument, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => setImmediate(() => this.due(entry)), ms);
    timer.unref?.();
    return timer;
  }

  private due(entry: OpenDocument): void {
    const waiting = this.pending.get(entry);
    if (!waiting) return;
    const quietMs = Date.now() - Math.max(entry.lastChangeAt, waiting.notedAt);
    if (quietMs < this.delayMs) waiting.timer = this.arm(entry, this.delayMs - quietMs);
    else void this.flush(entry);
  }

  /** Copies out now if an edit is waiting (the document is leaving memory). */
  async flush(entry: OpenDocument): Promise<void> {
    const waiting = this.pending.get(entry);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(entry);
    await this.run(entry, waiting.userId);
  }

  /** Copies out once whatever the stored document holds (on load). */
  catchUp(entry: OpenDocument): void {
    if (this.projections.has(entry.record.ownerType)) void this.run(entry, null);
  }

  /** Waits for every copy under way (shutdown, tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private run(entry: OpenDocument, userId: string | null): Promise<void> {
    const project = this.projections.get(entry.record.ownerType);
    if (!project || entry.doc.isDestroyed) return Promise.resolve();
    const state = Y.encodeStateAsUpdate(entry.doc);
    const done = project(entry.record.ownerId, state, userId)
      .then(() => undefined)
      .catch((error: unknown) =>
        logger.warn("collab: copying a document's text out failed", { documentId: entry.id, error: String(error) }),
      )
      .finally(() => this.running.delete(done));
    this.running.add(done);
    return done;
  }
}
