// Housekeeping that keeps the auth tables small: expired sessions, expired
// trusted browsers and stale throttle counters. Safe to run in every process.
import { db } from "~/models/db.server";
import { auth } from "~/models/sessions.server";
import { pruneThrottleBuckets } from "~/models/throttle.server";
import { logger } from "./logger";

export async function runMaintenance(now = new Date()): Promise<void> {
  await auth().deleteExpiredSessions();
  await db().trustedDevice.deleteMany({ where: { expiresAt: { lte: now } } });
  await pruneThrottleBuckets(new Date(now.getTime() - 24 * 3600_000));
}

export function scheduleMaintenance(everyMs = 3600_000): () => void {
  const timer = setInterval(() => {
    runMaintenance().catch((error) => logger.warn("maintenance failed", { error: String(error) }));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
