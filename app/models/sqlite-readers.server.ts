// Read-only SQLite connections on worker threads, for the few reads that go through thousands of rows (search over a
// common word, the partnership dashboards). better-sqlite3 runs a statement synchronously on the thread that calls
// it: on Prisma's connection a 25 ms search statement stops every other request and every co-editing update of the
// process for 25 ms, and a search's two passes over the matches (the page, the facet counts) run one after the other.
// Here each statement runs on a worker's own connection: the event loop stays free, and statements given together run
// side by side on the machine's cores.
//
// What a reader sees: SQLite's WAL lets any number of connections read while one writes; each statement reads the
// database as last committed when it starts. So a reader never sees a transaction that is still open (which a read on
// Prisma's connection could, see sqlite-serialised.server.ts), and never waits for one. Nothing here writes:
// `query_only` refuses it.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** A statement's parameter as better-sqlite3 binds it. */
type Bound = string | number | bigint | Buffer | null;

/**
 * The worker: one connection, one statement at a time, rows back as plain objects. Plain JavaScript in a string, so
 * that it runs the same from the TypeScript sources (tsx, Vitest) and from the bundled production server.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const connection = new Database(workerData.file, { fileMustExist: true });
connection.pragma("query_only = ON");
// A reader waits only while a checkpoint resets the log or another connection recovers it: rare and short. It blocks
// this worker's thread, never the event loop.
connection.pragma("busy_timeout = 5000");
const statements = new Map();
parentPort.on("message", ({ id, sql, params }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      if (statements.size >= 200) statements.clear();
      statements.set(sql, statement);
    }
    parentPort.postMessage({ id, rows: statement.all(params) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message || error), code: error && error.code } });
  }
});
`;

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
}

class Reader {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  dead = false;

  constructor(file: string, driver: string) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    this.worker.unref();
    this.worker.on(
      "message",
      (message: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (this.pending.size === 0) this.worker.unref();
        if (message.error)
          waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
        else waiting.resolve(message.rows ?? []);
      },
    );
    const fail = (error: Error) => {
      this.dead = true;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`The database reader stopped (exit code ${code}).`)));
  }

  get load(): number {
    return this.pending.size;
  }

  run(sql: string, params: Bound[]): Promise<unknown[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Held open while a statement is out, so that a script awaiting it does not exit under it.
      this.worker.ref();
      this.worker.postMessage({ id, sql, params });
    });
  }

  async close(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }
}

/** Prisma's parameters as Prisma's better-sqlite3 adapter binds them: dates as its ISO text, booleans as 0 and 1. */
function bound(value: unknown): Bound {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return value;
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  throw new TypeError(`A database reader cannot bind a ${typeof value}.`);
}

/**
 * How many readers a process starts: two, for a search's two passes side by side, and so that a short read need not
 * wait behind a long one even on one core.
 */
const SQLITE_READERS = 2;

/**
 * A small pool of readers of one SQLite file, started on first use. A statement goes to the least busy reader; a
 * reader that died (it should not) is replaced on the next statement.
 */
export class SqliteReaders {
  private readers: Reader[] = [];
  private readonly driver = createRequire(import.meta.url).resolve("better-sqlite3");

  constructor(private readonly file: string) {}

  /** The rows, typed as Prisma's `$queryRaw<T>` types them (T is the array). */
  query<T>(sql: string, values: unknown[]): Promise<T> {
    return this.pick().run(sql, values.map(bound)) as Promise<T>;
  }

  private pick(): Reader {
    this.readers = this.readers.filter((reader) => !reader.dead);
    if (this.readers.length < SQLITE_READERS) {
      const idle = this.readers.find((reader) => reader.load === 0);
      if (idle) return idle;
      const started = new Reader(this.file, this.driver);
      this.readers.push(started);
      return started;
    }
    return this.readers.reduce((least, reader) => (reader.load < least.load ? reader : least));
  }

  async close(): Promise<void> {
    const readers = this.readers;
    this.readers = [];
    await Promise.all(readers.map((reader) => reader.close()));
  }
}
