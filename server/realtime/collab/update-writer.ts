// Group commit for the update log. Every update must be durable before its
// sender is told it is saved; writing each in its own transaction would cap
// throughput at one fsync per update. Instead, updates that arrive while a
// write is in flight wait and go together in the next single statement. An
// update is acknowledged when the statement that carries it has committed.
import type { LogEntry } from "~/models/collab-log.server";

export type WriteBatch = (entries: readonly LogEntry[]) => Promise<void>;

interface Pending {
  entry: LogEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class UpdateWriter {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  /** Largest batch seen, for tests and metrics. */
  maxBatchSize = 0;

  constructor(
    private readonly write: WriteBatch,
    private readonly maxBatch = 500,
  ) {}

  private last: Promise<void> = Promise.resolve();

  append(entry: LogEntry): Promise<void> {
    const written = new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.running ??= this.run();
    });
    this.last = written.catch(() => {});
    return written;
  }

  /** Resolves once everything queued so far has been written or has failed (batches go in order). */
  drain(): Promise<void> {
    return this.last;
  }

  get queued(): number {
    return this.queue.length;
  }

  private async run(): Promise<void> {
    // Let the handlers of messages that arrived in the same tick queue their updates first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.maxBatchSize = Math.max(this.maxBatchSize, batch.length);
      await this.writeBatch(batch);
    }
    this.running = null;
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      await this.write(batch.map((p) => p.entry));
      for (const p of batch) p.resolve();
      return;
    } catch (error) {
      const documents = new Set(batch.map((p) => p.entry.documentId));
      if (documents.size === 1) {
        for (const p of batch) p.reject(error);
        return;
      }
    }
    // One document's failure (typically: deleted meanwhile) must not fail the others' updates.
    const byDocument = new Map<string, Pending[]>();
    for (const p of batch) byDocument.set(p.entry.documentId, [...(byDocument.get(p.entry.documentId) ?? []), p]);
    for (const group of byDocument.values()) {
      try {
        await this.write(group.map((p) => p.entry));
        for (const p of group) p.resolve();
      } catch (error) {
        for (const p of group) p.reject(error);
      }
    }
  }
}
