// The retention schedule on an explicit clock: audit entries past AUDIT_RETENTION_DAYS go from the start of the
// chain and the rest still verifies from the anchor the pruning recorded; automatic versions past
// VERSION_RETENTION_DAYS go, but named versions and each document's newest automatic one stay; emails sent more than
// OUTBOX_RETENTION_DAYS ago leave the outbox, and emails still to send stay however old.
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAudit } from "~/models/audit.server";
import { verifyAuditChain } from "~/models/audit-verify.server";
import { db } from "~/models/db.server";
import { applyRetentionSchedule, pruneAuditLog } from "~/models/retention-schedule.server";
import { PROVIDERS } from "../support/databases";
import { useModelDatabase } from "../support/model-database";

/** The schedule's clock: entries written in the test's own "now" (the real one) are well inside both periods. */
const NOW = new Date("2026-06-01T08:00:00Z");
const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

async function newPartnership() {
  const slug = `kept-${randomBytes(4).toString("hex")}`;
  return (await db().partnership.create({ data: { name: `Retention ${slug}`, slug } })).id;
}

const record = (partnershipId: string, subjectId: string) =>
  recordAudit({ partnershipId, actorId: null, action: "student.viewed", subjectType: "student", subjectId });

/** A partnership whose chain holds three entries from 2024 (written before the chain, then chained) and two new. */
async function partnershipWithOldEntries() {
  const partnershipId = await newPartnership();
  for (const date of ["2024-01-10", "2024-02-10", "2024-03-10"]) {
    await db().auditEvent.create({
      data: { partnershipId, action: "sign-in", subjectType: "user", subjectId: date, createdAt: day(date) },
    });
  }
  await record(partnershipId, "recent-1");
  await record(partnershipId, "recent-2");
  return partnershipId;
}

const remaining = (partnershipId: string) =>
  db().auditEvent.findMany({ where: { partnershipId }, orderBy: { seq: "asc" } });

describe.each(PROVIDERS)("the retention schedule on %s", (provider) => {
  useModelDatabase(provider);

  it("removes audit entries past the period from the start of the chain, records it, and the rest verifies", async () => {
    const partnershipId = await partnershipWithOldEntries();
    await applyRetentionSchedule({ auditRetentionDays: 730, versionRetentionDays: 0 }, NOW);

    const entries = await remaining(partnershipId);
    expect(entries.map((e) => [e.seq, e.subjectId])).toEqual([
      [4, "recent-1"],
      [5, "recent-2"],
      [6, partnershipId],
    ]);
    const pruning = entries.at(-1)!;
    expect(pruning).toMatchObject({ action: "audit.pruned", actorId: null });
    expect(JSON.parse(pruning.detail)).toMatchObject({
      removed: 3,
      throughSeq: 3,
      olderThan: "2024-06-01T08:00:00.000Z",
    });
    expect(await db().auditChain.findUnique({ where: { partnershipId } })).toMatchObject({ anchorSeq: 3, seq: 6 });
    expect(await verifyAuditChain(partnershipId)).toMatchObject({ ok: true, entries: 3, anchorSeq: 3 });

    await record(partnershipId, "after-pruning");
    expect(await verifyAuditChain(partnershipId)).toMatchObject({ ok: true, entries: 4 });
    // Nothing more is old enough: a second run changes nothing and records nothing.
    expect(await pruneAuditLog(partnershipId, day("2024-06-01"))).toBe(0);
    expect(await db().auditEvent.count({ where: { partnershipId } })).toBe(4);
  });

  it("still notices tampering after a pruning: a moved anchor, or an entry deleted after it", async () => {
    const partnershipId = await partnershipWithOldEntries();
    await pruneAuditLog(partnershipId, day("2024-06-01"));
    const [firstKept, secondKept] = await remaining(partnershipId);

    // Removing one more entry and moving the anchor over it, as a pruning would, but without recording one.
    await db().auditEvent.delete({ where: { id: firstKept!.id } });
    await db().auditChain.update({ where: { partnershipId }, data: { anchorSeq: 4, anchorHash: firstKept!.hash } });
    expect(await verifyAuditChain(partnershipId)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/starts after entry #4, but no pruning of the audit log recorded that start/),
    });

    await db().auditChain.update({ where: { partnershipId }, data: { anchorSeq: 3, anchorHash: firstKept!.prevHash } });
    expect(await verifyAuditChain(partnershipId)).toMatchObject({ ok: false, entryId: secondKept!.id });
  });

  it("can remove every entry: the pruning's own entry carries the chain on", async () => {
    const partnershipId = await partnershipWithOldEntries();
    await pruneAuditLog(partnershipId, new Date(Date.now() + 86_400_000));
    const entries = await remaining(partnershipId);
    expect(entries.map((e) => [e.seq, e.action])).toEqual([[6, "audit.pruned"]]);
    expect(await verifyAuditChain(partnershipId)).toMatchObject({ ok: true, entries: 1, anchorSeq: 5 });
  });

  it("removes automatic versions past the period, but keeps named versions and each document's newest", async () => {
    const partnershipId = await newPartnership();
    const document = (title: string) =>
      db().collabDocument.create({ data: { partnershipId, ownerType: "test", ownerId: randomUUID(), title } });
    const [plan, minutes] = [await document("A plan"), await document("Minutes")];
    const version = (documentId: string, kind: string, date: string, name = "") =>
      db().collabSnapshot.create({
        data: { documentId, kind, name, state: new Uint8Array([0, 0]), createdAt: day(date) },
        select: { id: true },
      });
    const oldAuto = await version(plan.id, "auto", "2024-09-01");
    const beforeRestore = await version(plan.id, "auto", "2025-01-15", "Before restoring Draft");
    const laterAuto = await version(plan.id, "auto", "2025-03-01");
    const named = await version(plan.id, "named", "2024-09-02", "Draft agreed with the college");
    const compaction = await version(plan.id, "compaction", "2024-09-03");
    const recent = await version(plan.id, "auto", "2026-05-01");
    const onlyOfMinutes = await version(minutes.id, "auto", "2024-10-01");

    await applyRetentionSchedule({ auditRetentionDays: 0, versionRetentionDays: 365 }, NOW);

    const kept = await db().collabSnapshot.findMany({ where: { document: { partnershipId } }, select: { id: true } });
    expect(new Set(kept.map((v) => v.id))).toEqual(new Set([named.id, compaction.id, recent.id, onlyOfMinutes.id]));
    expect([oldAuto, beforeRestore, laterAuto].some((v) => kept.some((k) => k.id === v.id))).toBe(false);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { partnershipId, action: "versions.pruned" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ removed: 3 });
    expect(await verifyAuditChain(partnershipId)).toMatchObject({ ok: true });
  });

  it("removes emails sent before the outbox period, and keeps recent ones and those not sent", async () => {
    const partnershipId = await newPartnership();
    const user = await db().user.findFirstOrThrow({ select: { id: true } });
    const email = (key: string, status: string, createdAt: string, sentAt: string | null) =>
      db().emailOutbox.create({
        data: {
          partnershipId,
          recipientId: user.id,
          toAddress: "someone@example.org",
          kind: "mentioned",
          dedupeKey: `${key}-${partnershipId}`,
          messageId: `<${key}-${partnershipId}@test>`,
          subject: key,
          text: "",
          unsubscribeKinds: "mentioned",
          status,
          createdAt: day(createdAt),
          sentAt: sentAt ? day(sentAt) : null,
        },
      });
    await email("old-sent", "sent", "2026-01-05", "2026-01-05");
    await email("recent-sent", "sent", "2026-05-20", "2026-05-20");
    await email("old-failed", "failed", "2026-01-05", null);
    await email("old-pending", "pending", "2026-01-05", null);
    const [result] = (
      await applyRetentionSchedule({ auditRetentionDays: 0, versionRetentionDays: 0, outboxRetentionDays: 90 }, NOW)
    ).filter((r) => r.emailsRemoved > 0);
    expect(result?.emailsRemoved).toBe(1);
    const kept = await db().emailOutbox.findMany({ where: { partnershipId }, orderBy: { subject: "asc" } });
    expect(kept.map((e) => e.subject)).toEqual(["old-failed", "old-pending", "recent-sent"]);
  });

  it("keeps everything when the periods are 0", async () => {
    const partnershipId = await partnershipWithOldEntries();
    await applyRetentionSchedule({ auditRetentionDays: 0, versionRetentionDays: 0 }, NOW);
    expect(await db().auditEvent.count({ where: { partnershipId } })).toBe(5);
  });
});
