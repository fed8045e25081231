// Durable storage for the two peer servers, the same for both: one SQLite file
// (better-sqlite3, WAL, synchronous=NORMAL like Staffroom's), one row per
// document holding its whole encoded state, rewritten on each (debounced)
// store. A document never stored starts from the shared initial state.
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import * as Y from "yjs";
import { fingerprintOfState } from "../shared";

export class PeerStore {
  private readonly db: Database.Database;
  private readonly initial: Uint8Array;
  private readonly select: Database.Statement<[string], { state: Buffer }>;
  private readonly upsert: Database.Statement<[string, Buffer]>;

  constructor(file: string, initialStateFile?: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec("CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL)");
    this.select = this.db.prepare("SELECT state FROM documents WHERE name = ?");
    this.upsert = this.db.prepare(
      "INSERT INTO documents (name, state) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state",
    );
    this.initial = initialStateFile ? new Uint8Array(fs.readFileSync(initialStateFile)) : new Uint8Array();
  }

  /** Applies the stored state (or the initial one) to a fresh document. */
  loadInto(name: string, doc: Y.Doc): void {
    const row = this.select.get(name);
    const state = row ? new Uint8Array(row.state) : this.initial;
    if (state.byteLength > 0) Y.applyUpdate(doc, state);
  }

  store(name: string, doc: Y.Doc): void {
    this.upsert.run(name, Buffer.from(Y.encodeStateAsUpdate(doc)));
  }

  fingerprints(): Record<string, string> {
    const rows = this.db.prepare("SELECT name, state FROM documents").all() as Array<{ name: string; state: Buffer }>;
    return Object.fromEntries(rows.map((r) => [r.name, fingerprintOfState(new Uint8Array(r.state))]));
  }

  close(): void {
    this.db.close();
  }
}

/** What a peer server stored, read after it stopped: each room's fingerprint. */
export function storedFingerprints(file: string): Record<string, string> {
  const peer = new PeerStore(file);
  try {
    return peer.fingerprints();
  } finally {
    peer.close();
  }
}

/**
 * The server side of a peer launcher: runs serve() when the module is the process's entry point with the
 * argument "serve", and on SIGTERM stores every document it holds, then exits.
 */
export function servePeerWhenMain(
  moduleUrl: string,
  serve: () => Promise<{ store: PeerStore; documents: () => Iterable<[string, Y.Doc]> }>,
): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? "").href || process.argv[2] !== "serve") return;
  serve().then(
    ({ store, documents }) => {
      process.on("SIGTERM", () => {
        for (const [name, doc] of documents()) store.store(name, doc);
        store.close();
        process.exit(0);
      });
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
