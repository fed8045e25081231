// Housekeeping that keeps the auth tables small: expired sessions, expired
// trusted and remembered browsers, pending two-step sign-ins and stale throttle counters. Safe to run in every process.
import { db } from "./db.server";
import { auth } from "./sessions.server";
import { pruneThrottleBuckets } from "./throttle.server";

export async function pruneExpiredAuthRecords(now = new Date()): Promise<void> {
  await auth().deleteExpiredSessions();
  await db().trustedDevice.deleteMany({ where: { expiresAt: { lte: now } } });
  await db().pendingSignIn.deleteMany({ where: { expiresAt: { lte: now } } });
  await db().rememberedDevice.deleteMany({ where: { expiresAt: { lte: now } } });
  await pruneThrottleBuckets(new Date(now.getTime() - 24 * 3600_000));
}
