// Group commit for the update log. Every update must be durable before its
// sender is told it is saved; writing each in its own transaction would cap
// throughput at one commit per update. Instead, updates wait up to a short
// commit window (and those arriving while a write is in flight wait for it)
// and go together in one transaction. An update is acknowledged when the
// transaction that carries it has committed.
//
// The window trades a few milliseconds of acknowledgement latency (never
// fan-out latency: other clients get an update before it is written) for
// fewer, larger commits. On SQLite the cost is per commit and per page a
// commit dirties (each document's index leaf), not per row: in the running
// server ~33 µs of CPU per row at ~6 rows a commit, ~27 at ~18
// (bench/results/collab-findings.md). The default window is 100 ms: the author's
// "saved" comes up to 100 ms later, below what anyone notices in a sync indicator.
import type { LogEntry } from "~/models/collab-log.server";

/** Writes the entries in one transaction; resolves once committed, with their row ids (entry order) if known. */
export type WriteBatch = (entries: readonly LogEntry[]) => Promise<readonly number[] | void>;

export interface WriterOptions {
  /** Most updates in one transaction. */
  maxBatch?: number;
  /** How long the first update of a batch waits for others, in ms (0: only those of the same event-loop turn). */
  windowMs?: number;
}

interface Pending {
  entry: LogEntry;
  resolve: (rowId: number | null) => void;
  reject: (error: unknown) => void;
}

export class UpdateWriter {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  /** Ends the current commit window early (a full batch). */
  private endWindow: (() => void) | null = null;
  private readonly maxBatch: number;
  private readonly windowMs: number;
  /** Largest batch seen, for tests and metrics. */
  maxBatchSize = 0;
  /** Transactions and updates written, for tests and metrics. */
  batches = 0;
  updatesWritten = 0;

  constructor(
    private readonly write: WriteBatch,
    options: WriterOptions = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 500);
    this.windowMs = Math.max(0, options.windowMs ?? 0);
  }

  private last: Promise<void> = Promise.resolve();

  /** Resolves once the entry is committed, with its row id (null if the batch writer reports none). */
  append(entry: LogEntry): Promise<number | null> {
    const written = new Promise<number | null>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.running ??= this.run();
      if (this.queue.length >= this.maxBatch) this.endWindow?.();
    });
    this.last = written.then(
      () => {},
      () => {},
    );
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
    // Let the handlers of messages that arrive within the window (at least those of this tick) queue theirs too.
    await this.window();
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.maxBatchSize = Math.max(this.maxBatchSize, batch.length);
      this.batches += 1;
      this.updatesWritten += batch.length;
      // Updates queued during an asynchronous write have waited for it already: they go next, without a new window.
      await this.writeBatch(batch);
    }
    this.running = null;
  }

  private window(): Promise<void> {
    return new Promise<void>((resolve) => {
      let timeout: NodeJS.Timeout | undefined;
      let immediate: NodeJS.Immediate | undefined;
      const done = () => {
        if (timeout) clearTimeout(timeout);
        if (immediate) clearImmediate(immediate);
        this.endWindow = null;
        resolve();
      };
      if (this.windowMs > 0) timeout = setTimeout(done, this.windowMs);
      else immediate = setImmediate(done);
      this.endWindow = done;
    });
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      const ids = await this.write(batch.map((p) => p.entry));
      batch.forEach((p, i) => p.resolve(ids?.[i] ?? null));
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
        const ids = await this.write(group.map((p) => p.entry));
        group.forEach((p, i) => p.resolve(ids?.[i] ?? null));
      } catch (error) {
        for (const p of group) p.reject(error);
      }
    }
  }
}
