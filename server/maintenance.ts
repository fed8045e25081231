// Schedules the housekeeping of the auth tables (app/models/maintenance.server.ts)
// in this process: safe to run in every process.
import { pruneExpiredAuthRecords } from "~/models/maintenance.server";
import { logger } from "./logger";

export function scheduleMaintenance(everyMs = 3600_000): () => void {
  const timer = setInterval(() => {
    pruneExpiredAuthRecords().catch((error) => logger.warn("maintenance failed", { error: String(error) }));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
