// Copies of an open document kept outside it (a lesson plan's text parts in its columns, for search and briefings):
// refreshed a moment after the edits made here stop, when the document leaves memory, and once on load, to catch up
// with edits stored before a crash. Edits relayed from another process are that process's to copy.
import * as Y from "yjs";
import { DOCUMENT_PROJECTIONS, type DocumentProjection } from "~/models/document-projections.server";
import { logger } from "../../logger";
import type { OpenDocument } from "./open-document";

export class Projections {
  private readonly pending = new Map<OpenDocument, { timer: NodeJS.Timeout; userId: string | null }>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    /** Copy this long after the last edit here (edits keep pushing it back, up to the next quiet moment). */
    private readonly delayMs: number,
    private readonly projections: ReadonlyMap<string, DocumentProjection> = DOCUMENT_PROJECTIONS,
  ) {}

  /** An edit made here is stored: copy out after the next quiet moment. */
  noteChanged(entry: OpenDocument, userId: string | null): void {
    if (!this.projections.has(entry.record.ownerType)) return;
    const previous = this.pending.get(entry);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => void this.flush(entry), this.delayMs);
    timer.unref?.();
    this.pending.set(entry, { timer, userId: userId ?? previous?.userId ?? null });
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
