// The audit log: who did what to which record. Written for sign-ins, membership
// and role changes, invites, and every view or change of student details.
import type { ActionContext } from "~/policies/actor";
import { appendAuditRows, type NewAuditRow } from "./audit-chain.server";
import { db } from "./db.server";

export interface AuditEntry {
  partnershipId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, unknown>;
  ipAddress?: string;
}

/** Appends one entry to its partnership's hash-chained audit log (audit-chain.server.ts). */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  await appendAuditRows(entry.partnershipId, [auditRow(entry)]);
}

function auditRow(entry: AuditEntry): NewAuditRow {
  return {
    partnershipId: entry.partnershipId,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    detail: JSON.stringify(entry.detail ?? {}),
    ipAddress: entry.ipAddress ?? "",
  };
}

type ActionEntry = Pick<AuditEntry, "action" | "subjectType" | "subjectId" | "detail">;

/** The audit entry of something an actor did: partnership, actor and address come from the action context. */
export async function auditAction(ctx: ActionContext, entry: ActionEntry): Promise<void> {
  await recordAudit({
    ...entry,
    partnershipId: ctx.actor.partnershipId,
    actorId: ctx.actor.id,
    ipAddress: ctx.ipAddress,
  });
}

/** Several entries of one action context in one write (a page that shows many students in full). */
export async function auditActions(ctx: ActionContext, entries: ActionEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const { partnershipId, id: actorId } = ctx.actor;
  await appendAuditRows(
    partnershipId,
    entries.map((entry) => auditRow({ ...entry, partnershipId, actorId, ipAddress: ctx.ipAddress })),
  );
}

const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(partnershipId: string, options: { page?: number; action?: string } = {}) {
  const page = Math.max(1, options.page ?? 1);
  const where = { partnershipId, ...(options.action ? { action: options.action } : {}) };
  const [events, total] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db().auditEvent.count({ where }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id)))];
  const actors = await db().user.findMany({
    where: { id: { in: actorIds }, partnershipId },
    select: { id: true, name: true },
  });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return {
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    total,
    events: events.map((e) => ({
      ...e,
      actorName: e.actorId ? (names.get(e.actorId) ?? "Former member") : "System",
      detail: JSON.parse(e.detail) as Record<string, unknown>,
    })),
  };
}
