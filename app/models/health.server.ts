// The database's part of the health check (/healthz): one round trip, timed.
import { databaseProvider, db, type DatabaseProvider } from "./db.server";

export type DatabaseHealth =
  | { ok: true; provider: DatabaseProvider; latencyMs: number }
  | { ok: false; provider: DatabaseProvider; error: string };

export async function checkDatabase(databaseUrl: string): Promise<DatabaseHealth> {
  const provider = databaseProvider(databaseUrl);
  const started = Date.now();
  return db()
    .$queryRawUnsafe("SELECT 1")
    .then((): DatabaseHealth => ({ ok: true, provider, latencyMs: Date.now() - started }))
    .catch((error: unknown): DatabaseHealth => ({ ok: false, provider, error: String(error) }));
}
