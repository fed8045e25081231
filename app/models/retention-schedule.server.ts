// The retention schedule (decision 017): audit entries older than AUDIT_RETENTION_DAYS, automatic document versions
// older than VERSION_RETENTION_DAYS and emails sent more than OUTBOX_RETENTION_DAYS ago are removed by the hourly
// housekeeping; 0 keeps them for ever. Named versions are kept (someone chose to keep them), and so is each
// document's newest automatic version; emails not sent yet (pending, failed) stay for the coordinator to see.
import { appendInTransaction, CHAIN_TRANSACTION, claimChain } from "./audit-chain.server";
import { recordAudit } from "./audit.server";
import { db } from "./db.server";

const DAY_MS = 86_400_000;

/**
 * Removes the partnership's audit entries recorded before `olderThan`, oldest first: always a run from the start of
 * the chain, so the rest still verifies from the anchor left behind (the hash of the last entry removed). The pruning
 * is itself an entry of the chain, recording that anchor, in the same transaction.
 */
export async function pruneAuditLog(partnershipId: string, olderThan: Date): Promise<number> {
  return db().$transaction(async (tx) => {
    const head = await claimChain(tx, partnershipId, 0);
    const firstKept = await tx.auditEvent.findFirst({
      where: { partnershipId, seq: { gt: head.anchorSeq }, createdAt: { gte: olderThan } },
      orderBy: { seq: "asc" },
      select: { seq: true },
    });
    const throughSeq = firstKept?.seq ? firstKept.seq - 1 : head.seq;
    if (throughSeq <= head.anchorSeq) return 0;
    const last = await tx.auditEvent.findUniqueOrThrow({
      where: { partnershipId_seq: { partnershipId, seq: throughSeq } },
      select: { hash: true },
    });
    const { count } = await tx.auditEvent.deleteMany({ where: { partnershipId, seq: { lte: throughSeq } } });
    await tx.auditChain.update({ where: { partnershipId }, data: { anchorSeq: throughSeq, anchorHash: last.hash } });
    const detail = { removed: count, olderThan: olderThan.toISOString(), throughSeq, anchorHash: last.hash };
    await appendInTransaction(tx, partnershipId, [
      {
        partnershipId,
        actorId: null,
        action: "audit.pruned",
        subjectType: "partnership",
        subjectId: partnershipId,
        detail: JSON.stringify(detail),
        ipAddress: "",
      },
    ]);
    return count;
  }, CHAIN_TRANSACTION);
}

/** Removes automatic versions made before `olderThan` of the partnership's documents, but each document's newest. */
async function pruneAutomaticVersions(partnershipId: string, olderThan: Date): Promise<number> {
  const auto = { kind: "auto", document: { partnershipId } };
  const withOld = await db().collabSnapshot.groupBy({
    by: ["documentId"],
    where: { ...auto, createdAt: { lt: olderThan } },
  });
  if (withOld.length === 0) return 0;
  const newest = await db().collabSnapshot.groupBy({
    by: ["documentId"],
    where: { ...auto, documentId: { in: withOld.map((d) => d.documentId) } },
    _max: { createdAt: true },
  });
  let removed = 0;
  for (const { documentId, _max } of newest) {
    const before = new Date(Math.min(olderThan.getTime(), _max.createdAt!.getTime()));
    const { count } = await db().collabSnapshot.deleteMany({
      where: { documentId, kind: "auto", createdAt: { lt: before } },
    });
    removed += count;
  }
  if (removed > 0) {
    await recordAudit({
      partnershipId,
      actorId: null,
      action: "versions.pruned",
      subjectType: "partnership",
      subjectId: partnershipId,
      detail: { removed, olderThan: olderThan.toISOString() },
    });
  }
  return removed;
}

/**
 * Removes the partnership's emails sent before `olderThan` from the outbox. Their dedupe keys go with them, which is
 * safe: every key names one event (a notification, a day's digest) that is never written again that long after.
 */
async function pruneSentEmails(partnershipId: string, olderThan: Date): Promise<number> {
  const { count } = await db().emailOutbox.deleteMany({
    where: { partnershipId, status: "sent", sentAt: { lt: olderThan } },
  });
  return count;
}

export interface RetentionPeriods {
  auditRetentionDays: number;
  versionRetentionDays: number;
  /** Unset or 0 keeps sent emails for ever. */
  outboxRetentionDays?: number;
}

/** One run of the schedule over every partnership, as of `now`; returns what each lost and its chain's head. */
export async function applyRetentionSchedule(periods: RetentionPeriods, now = new Date()) {
  const partnerships = await db().partnership.findMany({ select: { id: true, slug: true } });
  const results = [];
  for (const { id, slug } of partnerships) {
    const auditRemoved =
      periods.auditRetentionDays > 0
        ? await pruneAuditLog(id, new Date(now.getTime() - periods.auditRetentionDays * DAY_MS))
        : 0;
    const versionsRemoved =
      periods.versionRetentionDays > 0
        ? await pruneAutomaticVersions(id, new Date(now.getTime() - periods.versionRetentionDays * DAY_MS))
        : 0;
    const outbox = periods.outboxRetentionDays ?? 0;
    const emailsRemoved = outbox > 0 ? await pruneSentEmails(id, new Date(now.getTime() - outbox * DAY_MS)) : 0;
    const head = await db().auditChain.findUnique({ where: { partnershipId: id }, select: { seq: true, hash: true } });
    results.push({ slug, auditRemoved, versionsRemoved, emailsRemoved, head });
  }
  return results;
}
