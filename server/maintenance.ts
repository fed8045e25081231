// Schedules the housekeeping in this process: the auth tables (app/models/maintenance.server.ts) and the retention
// schedule (app/models/retention-schedule.server.ts). Safe to run in every process: each step is idempotent, and
// audit pruning queues on the partnership's chain head like any append.
import { config } from "~/config.server";
import { pruneExpiredAuthRecords } from "~/models/maintenance.server";
import { applyRetentionSchedule } from "~/models/retention-schedule.server";
import { logger } from "./logger";

async function applyRetention(): Promise<void> {
  for (const result of await applyRetentionSchedule(config())) {
    // The chain's head in the log: a witness outside the database that an edit of the whole chain cannot rewrite.
    logger.info("retention applied", { ...result, head: result.head ? `${result.head.seq}:${result.head.hash}` : "" });
  }
}

export function scheduleMaintenance(everyMs = 3600_000): () => void {
  const timer = setInterval(() => {
    pruneExpiredAuthRecords().catch((error) => logger.warn("maintenance failed", { error: String(error) }));
    applyRetention().catch((error) => logger.warn("retention schedule failed", { error: String(error) }));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
