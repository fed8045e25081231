// Folding an open document's update log into one snapshot, off the path of an active
// document: when the log is long (in rows against the base's size, or in bytes), when
// nobody has changed the document for a while, and when it leaves memory.
import * as Y from "yjs";
import { compactDocument, type Fold } from "~/models/collab-log.server";
import { logger } from "../../logger";
import type { OpenDocument } from "./open-document";

export interface CompactionOptions {
  /**
   * Compact the log into a snapshot once it holds this many updates (counted in this process) and their
   * bytes are at least compactBaseRatio of the snapshot's: compaction rebuilds the whole document, so a
   * large document waits for a proportionally longer log (amortised cost), and a burst of edits across
   * many large documents does not set off a compaction in each of them at once.
   */
  compactEvery: number;
  compactBaseRatio: number;
  /** ... or once the log holds this many bytes of updates, whatever the document's size. */
  compactBytes: number;
  /** ... or once nobody has changed the document for this long (and its log is not empty). */
  compactIdleMs: number;
}

export class Compaction {
  /** Log rows compaction applied to a copy in memory, and rows it skipped as already there (tests, metrics). */
  readonly stats = { rowsApplied: 0, rowsSkipped: 0 };
  private readonly idleSweep: NodeJS.Timeout;

  constructor(
    private readonly options: CompactionOptions,
    /** The documents open in this process, for the idle sweep. */
    openDocuments: () => Iterable<OpenDocument>,
    private readonly compact: typeof compactDocument = compactDocument,
  ) {
    const idleMs = options.compactIdleMs;
    this.idleSweep = setInterval(
      () => this.compactIdle(openDocuments(), idleMs),
      Math.max(50, Math.min(idleMs / 2, 5_000)),
    );
    this.idleSweep.unref?.();
  }

  /** Counts an update appended to the log, and compacts soon when the log has grown long. */
  noteAppended(entry: OpenDocument, bytes: number): void {
    entry.logCount += 1;
    entry.logBytes += bytes;
    entry.lastWriteAt = Date.now();
    const longLog =
      entry.logCount >= this.options.compactEvery && entry.logBytes >= entry.baseBytes * this.options.compactBaseRatio;
    if (longLog || entry.logBytes >= this.options.compactBytes) this.compactSoon(entry);
  }

  /** The final compaction of a document leaving memory (its log writes already drained). */
  async compactOnUnload(entry: OpenDocument): Promise<void> {
    await entry.compacting;
    if (entry.logCount > 0) await this.compact(entry.id, this.foldInto(entry));
  }

  stop(): void {
    clearInterval(this.idleSweep);
  }

  private compactIdle(entries: Iterable<OpenDocument>, idleMs: number): void {
    const now = Date.now();
    for (const entry of entries) {
      if (entry.logCount > 0 && !entry.compacting && now - entry.lastWriteAt >= idleMs) this.compactSoon(entry);
    }
  }

  compactSoon(entry: OpenDocument): void {
    if (entry.compacting || entry.closed) return;
    const count = entry.logCount;
    const bytes = entry.logBytes;
    entry.compacting = (async () => {
      try {
        const read = { lastRowId: Number.POSITIVE_INFINITY };
        const { stateBytes, snapshotId } = await this.compact(entry.id, this.foldInto(entry, read));
        // Every row up to the last one read (ids ascending) is gone from the log now: deleted by this compaction,
        // or by an earlier one here or in another process. None read: the log was empty. (A row committed late,
        // below that id, is forgotten too, and merely applied again by the next compaction.)
        for (const id of entry.storedRows) if (id <= read.lastRowId) entry.storedRows.delete(id);
        if (stateBytes !== null) entry.baseBytes = stateBytes;
        if (snapshotId !== null) entry.baseSnapshots = new Set([snapshotId]);
        // Updates appended while it ran may or may not be in the snapshot; count them as still in the log.
        entry.logCount = Math.max(0, entry.logCount - count);
        entry.logBytes = Math.max(0, entry.logBytes - bytes);
      } catch (error) {
        logger.warn("collab: compaction failed; will retry later", { documentId: entry.id, error: String(error) });
      } finally {
        entry.compacting = null;
      }
    })();
  }

  /**
   * Compaction from the copy in memory: it already holds the base it was loaded from and nearly every
   * row since, so only the snapshots and rows it does not know are applied to it, and encoding it costs
   * far less than rebuilding the document from scratch. Anything it has beyond the rows read
   * is at most a change not yet committed, which the snapshot then holds as well: more, never less.
   * A row from another process not yet relayed here reaches this process's editors on the way.
   */
  private foldInto(entry: OpenDocument, read = { lastRowId: Number.POSITIVE_INFINITY }): Fold {
    return (snapshots, rows) => {
      // A copy closed after a failed update may be half-changed: never write it.
      if (entry.doc.isDestroyed) throw new Error("document no longer open here");
      entry.doc.transact(() => {
        for (const s of snapshots) if (!entry.baseSnapshots.has(s.id)) Y.applyUpdate(entry.doc, s.state);
        for (const row of rows) {
          read.lastRowId = row.id;
          if (entry.storedRows.has(row.id)) {
            this.stats.rowsSkipped += 1;
          } else {
            Y.applyUpdate(entry.doc, row.data);
            this.stats.rowsApplied += 1;
          }
        }
      }, "stored");
      return Y.encodeStateAsUpdate(entry.doc);
    };
  }
}
