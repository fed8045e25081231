// The partnership's members: the directory, role and institution changes,
// deactivation (which ends the member's sessions; the route also closes their
// live sockets), and a member's own password change.
import { DomainError, invalidField } from "~/lib/errors";
import { ROLE_LABELS, isRole, type Role } from "~/lib/roles";
import type { ActionContext } from "~/policies/actor";
import { changedBy, noticeAccountChange } from "./account-notices.server";
import { auditAction, recordAudit } from "./audit.server";
import { db } from "./db.server";
import { hashPassword } from "./passwords.server";
import { checkCurrentPassword } from "./reauthentication.server";
import { endOtherSessions } from "./sessions.server";

const memberSelect = {
  id: true,
  partnershipId: true,
  name: true,
  email: true,
  role: true,
  jobTitle: true,
  deactivatedAt: true,
  createdAt: true,
  institution: { select: { id: true, name: true, kind: true } },
} as const;

export async function listMembers(
  partnershipId: string,
  options: { includeDeactivated?: boolean; institutionId?: string; role?: string } = {},
) {
  return db().user.findMany({
    where: {
      partnershipId,
      ...(options.includeDeactivated ? {} : { deactivatedAt: null }),
      ...(options.institutionId ? { institutionId: options.institutionId } : {}),
      ...(options.role ? { role: options.role } : {}),
    },
    select: memberSelect,
    orderBy: [{ name: "asc" }],
  });
}

export async function getMember(partnershipId: string, userId: string) {
  return db().user.findFirst({ where: { id: userId, partnershipId }, select: memberSelect });
}

/** The signed-in member with institution and partnership, for the app shell. */
export async function getShellUser(userId: string) {
  return db().user.findUnique({
    where: { id: userId },
    select: {
      ...memberSelect,
      partnership: { select: { id: true, name: true, isDemo: true } },
    },
  });
}

export async function updateMember(
  ctx: ActionContext,
  userId: string,
  input: { role: Role; institutionId: string; jobTitle: string },
) {
  const { actor } = ctx;
  const member = await db().user.findFirst({ where: { id: userId, partnershipId: actor.partnershipId } });
  if (!member) throw new DomainError("invalid", "That member is not in this partnership.");
  const institution = await db().institution.findFirst({
    where: { id: input.institutionId, partnershipId: actor.partnershipId },
  });
  if (!institution) throw invalidField("institutionId", "Choose an institution of this partnership.");
  const updated = await db().user.update({
    where: { id: member.id },
    data: { role: input.role, institutionId: institution.id, jobTitle: input.jobTitle.trim() },
  });
  const changes: Record<string, unknown> = {};
  if (member.role !== updated.role) changes.role = { from: member.role, to: updated.role };
  if (member.institutionId !== updated.institutionId) changes.institution = { to: institution.name };
  if (member.jobTitle !== updated.jobTitle) changes.jobTitle = { to: updated.jobTitle };
  await auditAction(ctx, { action: "member.updated", subjectType: "user", subjectId: member.id, detail: changes });
  await noticeMemberUpdate(ctx, member, updated, institution.name);
  // A new role must take effect at once: existing sessions carry the old one.
  if (member.role !== updated.role) await db().session.deleteMany({ where: { userId: member.id } });
  return updated;
}

/** Tells the member what changed in their role and institution, and who changed it. */
async function noticeMemberUpdate(
  ctx: ActionContext,
  before: { role: string; institutionId: string },
  after: { id: string; partnershipId: string; role: string; institutionId: string },
  institutionName: string,
) {
  if (before.role === after.role && before.institutionId === after.institutionId) return;
  const by = await changedBy(ctx.actor.id);
  const label = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);
  if (before.role !== after.role) {
    const message = `${by} changed your role from ${label(before.role)} to ${label(after.role)}.`;
    await noticeAccountChange(after, "role-changed", message);
  }
  if (before.institutionId !== after.institutionId) {
    await noticeAccountChange(after, "institution-changed", `${by} moved your account to ${institutionName}.`);
  }
}

/** Deactivates a member: they can no longer sign in and every session ends. */
export async function deactivateMember(ctx: ActionContext, userId: string) {
  const result = await db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, partnershipId: ctx.actor.partnershipId, deactivatedAt: null },
      data: { deactivatedAt: new Date() },
    });
    if (count === 0) return false;
    await tx.session.deleteMany({ where: { userId } });
    await tx.trustedDevice.deleteMany({ where: { userId } });
    return true;
  });
  if (result) {
    await auditAction(ctx, { action: "member.deactivated", subjectType: "user", subjectId: userId });
    const member = { id: userId, partnershipId: ctx.actor.partnershipId };
    await noticeAccountChange(member, "deactivated", `${await changedBy(ctx.actor.id)} deactivated your account.`);
  }
  return result;
}

export async function reactivateMember(ctx: ActionContext, userId: string) {
  const { count } = await db().user.updateMany({
    where: { id: userId, partnershipId: ctx.actor.partnershipId, deactivatedAt: { not: null } },
    data: { deactivatedAt: null },
  });
  if (count > 0) {
    await auditAction(ctx, { action: "member.reactivated", subjectType: "user", subjectId: userId });
    const member = { id: userId, partnershipId: ctx.actor.partnershipId };
    await noticeAccountChange(member, "reactivated", `${await changedBy(ctx.actor.id)} reactivated your account.`);
  }
  return count > 0;
}

/** Changes the member's own password after checking the current one; ends their other sessions. */
export async function changePassword(
  userId: string,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  ipAddress: string,
): Promise<
  | { ok: true; endedSessions: number; endedSessionIds: string[] }
  | { ok: false; field: "currentPassword"; message: string; retryAfterMs?: number }
> {
  const check = await checkCurrentPassword(userId, input.currentPassword, ipAddress);
  if (!check.ok) {
    const message = check.retryAfterMs === undefined ? "That is not your current password." : check.message;
    return { ok: false, field: "currentPassword", message, retryAfterMs: check.retryAfterMs };
  }
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword) } });
  const endedSessionIds = await endOtherSessions(userId, sessionId);
  const endedSessions = endedSessionIds.length;
  await recordAudit({
    partnershipId: user.partnershipId,
    actorId: userId,
    action: "password.changed",
    subjectType: "user",
    subjectId: userId,
    detail: { endedSessions },
    ipAddress,
  });
  await noticeAccountChange(
    user,
    "password-changed",
    "Your password was changed. If you did not change it, tell your partnership coordinator at once.",
  );
  return { ok: true, endedSessions, endedSessionIds };
}
