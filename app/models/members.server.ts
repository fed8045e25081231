// The partnership's members: the directory, role and institution changes,
// deactivation (which ends the member's sessions; the route also closes their
// live sockets), and a member's own password change.
import { DomainError, invalidField } from "~/lib/errors";
import { tooManyAttemptsMessage } from "~/lib/forms/auth";
import type { Role } from "~/lib/roles";
import type { ActionContext } from "~/policies/actor";
import { auditAction, recordAudit } from "./audit.server";
import { db } from "./db.server";
import { hashPassword, verifyPassword } from "./passwords.server";
import { endOtherSessions } from "./sessions.server";
import { SIGN_IN_RULES } from "./sign-in.server";
import { clearFailures, reserveAttempt } from "./throttle.server";

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
  // A new role must take effect at once: existing sessions carry the old one.
  if (member.role !== updated.role) await db().session.deleteMany({ where: { userId: member.id } });
  return updated;
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
  }
  return count > 0;
}

/** Changes the member's own password after checking the current one; ends their other sessions. */
/** Asking for the current password is throttled like signing in: a stolen session cannot be used to guess it. */
const currentPasswordThrottleKey = (userId: string) => `current-password:user:${userId}`;

export async function changePassword(
  userId: string,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  ipAddress: string,
): Promise<
  | { ok: true; endedSessions: number; endedSessionIds: string[] }
  | { ok: false; field: "currentPassword"; message: string; retryAfterMs?: number }
> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  const throttleKey = currentPasswordThrottleKey(userId);
  // Counted before the check, so that guesses sent at once cannot all be checked (decision 005).
  const reservation = await reserveAttempt(throttleKey, SIGN_IN_RULES.perAccount);
  if (!reservation.reserved) {
    const { retryAfterMs } = reservation;
    return { ok: false, field: "currentPassword", message: tooManyAttemptsMessage(retryAfterMs), retryAfterMs };
  }
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit({
      partnershipId: user.partnershipId,
      actorId: userId,
      action: "password.check-failed",
      subjectType: "user",
      subjectId: userId,
      ipAddress,
    });
    return { ok: false, field: "currentPassword", message: "That is not your current password." };
  }
  await clearFailures(throttleKey);
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
  return { ok: true, endedSessions, endedSessionIds };
}
