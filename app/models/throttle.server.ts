// Failed-attempt throttling shared by every process (the counters live in the
// database). A key is blocked for `blockMs` once it collects `maxFailures`
// failures within `windowMs`; a success clears it or takes its attempt back.
//
// An attempt is counted BEFORE the password is checked (reserveAttempt), in one
// conditional statement, so that guesses sent at once cannot all pass a check
// made before any of them is recorded: decision 005 says why this is atomic.
import { db } from "./db.server";

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  blockMs: number;
}

export type Reservation = { reserved: true } | { reserved: false; retryAfterMs: number };

export async function blockedFor(key: string, now = new Date()): Promise<number> {
  const bucket = await db().throttleBucket.findUnique({ where: { key } });
  if (!bucket?.blockedUntil) return 0;
  return Math.max(0, bucket.blockedUntil.getTime() - now.getTime());
}

/**
 * Counts an attempt against `key` as a failure, unless the key is blocked, and blocks the key when this
 * attempt reaches the limit. One INSERT ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING: SQLite runs
 * each statement under the database's write lock and PostgreSQL locks the conflicting row and re-reads it
 * before the WHERE, so of N attempts sent at once exactly `maxFailures` are reserved, in any number of
 * processes. A success hands the attempt back with releaseAttempt (or clearFailures).
 */
export async function reserveAttempt(key: string, rule: ThrottleRule, now = new Date()): Promise<Reservation> {
  const windowOpenAfter = new Date(now.getTime() - rule.windowMs);
  const blockEnd = new Date(now.getTime() + rule.blockMs);
  const firstBlocks = rule.maxFailures <= 1 ? blockEnd : null;
  // Every SET expression reads the row as it was before this statement.
  const rows = await db().$queryRaw<Array<{ failures: number }>>`
    INSERT INTO "ThrottleBucket" ("key", "failures", "windowStart", "blockedUntil")
    VALUES (${key}, 1, ${now}, ${firstBlocks})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "ThrottleBucket"."windowStart" > ${windowOpenAfter}
        THEN "ThrottleBucket"."failures" + 1 ELSE 1 END,
      "windowStart" = CASE WHEN "ThrottleBucket"."windowStart" > ${windowOpenAfter}
        THEN "ThrottleBucket"."windowStart" ELSE ${now} END,
      "blockedUntil" = CASE WHEN (CASE WHEN "ThrottleBucket"."windowStart" > ${windowOpenAfter}
        THEN "ThrottleBucket"."failures" + 1 ELSE 1 END) >= ${rule.maxFailures}
        THEN ${blockEnd} ELSE "ThrottleBucket"."blockedUntil" END
    WHERE "ThrottleBucket"."blockedUntil" IS NULL OR "ThrottleBucket"."blockedUntil" <= ${now}
    RETURNING "failures"`;
  if (rows.length > 0) return { reserved: true };
  // Refused: the key was blocked. Another attempt may end the block meanwhile; a second is the least to wait.
  return { reserved: false, retryAfterMs: Math.max(1_000, await blockedFor(key, now)) };
}

/**
 * Takes back an attempt reserved by reserveAttempt that was not a failure after all (a right password, or
 * an attempt another key refused). A block only this attempt's count caused is lifted with it.
 */
export async function releaseAttempt(key: string, rule: ThrottleRule): Promise<void> {
  await db().$executeRaw`
    UPDATE "ThrottleBucket" SET
      "failures" = "failures" - 1,
      "blockedUntil" = CASE WHEN "failures" - 1 < ${rule.maxFailures} THEN NULL ELSE "blockedUntil" END
    WHERE "key" = ${key} AND "failures" > 0`;
}

export async function clearFailures(key: string): Promise<void> {
  await db().throttleBucket.deleteMany({ where: { key } });
}

export async function pruneThrottleBuckets(olderThan: Date): Promise<void> {
  await db().throttleBucket.deleteMany({
    where: { windowStart: { lt: olderThan }, OR: [{ blockedUntil: null }, { blockedUntil: { lt: olderThan } }] },
  });
}
