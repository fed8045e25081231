// Failed-attempt throttling shared by every process (the counters live in the
// database). A key is blocked for `blockMs` once it collects `maxFailures`
// failures within `windowMs`; a success clears it.
import { db } from "./db.server";

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  blockMs: number;
}

export async function blockedFor(key: string, now = new Date()): Promise<number> {
  const bucket = await db().throttleBucket.findUnique({ where: { key } });
  if (!bucket?.blockedUntil) return 0;
  return Math.max(0, bucket.blockedUntil.getTime() - now.getTime());
}

export async function recordFailure(key: string, rule: ThrottleRule, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    // Creates the bucket or locks it until this transaction ends, so that failures sent at once (parallel
    // guesses) are each counted: at PostgreSQL's READ COMMITTED a plain read would let them all read the same count.
    const bucket = await tx.throttleBucket.upsert({
      where: { key },
      create: { key, failures: 0, windowStart: now },
      update: { key },
    });
    const windowOpen = now.getTime() - bucket.windowStart.getTime() < rule.windowMs;
    const failures = windowOpen ? bucket.failures + 1 : 1;
    const windowStart = windowOpen ? bucket.windowStart : now;
    const blockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.blockMs) : bucket.blockedUntil;
    await tx.throttleBucket.update({ where: { key }, data: { failures, windowStart, blockedUntil } });
  });
}

export async function clearFailures(key: string): Promise<void> {
  await db().throttleBucket.deleteMany({ where: { key } });
}

export async function pruneThrottleBuckets(olderThan: Date): Promise<void> {
  await db().throttleBucket.deleteMany({
    where: { windowStart: { lt: olderThan }, OR: [{ blockedUntil: null }, { blockedUntil: { lt: olderThan } }] },
  });
}
