// Password reset links: there is no mail server, so a coordinator makes a single-use
// link for a colleague who has forgotten their password and passes it on. Only the
// SHA-256 of the link's token is stored; using it ends every session of the member.
import { config } from "~/config.server";
import { generateToken, hashToken } from "~/lib/tokens.server";
import { DomainError } from "~/lib/errors";
import type { ActionContext } from "~/policies/actor";
import { canCreatePasswordReset } from "~/policies/membership";
import { changedBy, noticeAccountChange } from "./account-notices.server";
import { auditAction, recordAudit } from "./audit.server";
import { db, serialiseOn } from "./db.server";
import { hashPassword } from "./passwords.server";
import { clearSignInThrottle } from "./sign-in.server";

export type PasswordResetState = "usable" | "used" | "revoked" | "expired";

function passwordResetState(
  reset: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): PasswordResetState {
  if (reset.usedAt) return "used";
  if (reset.revokedAt) return "revoked";
  if (reset.expiresAt <= now) return "expired";
  return "usable";
}

const LINK_UNUSABLE = "This password reset link no longer works. Ask your partnership coordinator for a new one.";

/** Makes a new link for a member, and stops any earlier one of theirs that has not been used. */
export async function createPasswordReset(ctx: ActionContext, userId: string) {
  const { actor } = ctx;
  const member = await db().user.findFirst({
    where: { id: userId, partnershipId: actor.partnershipId },
    select: { id: true, partnershipId: true, name: true, email: true, deactivatedAt: true },
  });
  if (!member) throw new DomainError("not-found", "That member is not in this partnership.");
  if (!canCreatePasswordReset(actor, member)) {
    throw new DomainError(
      "forbidden",
      "Only the partnership coordinator can make a password reset link, for an active colleague.",
    );
  }
  const token = generateToken(256);
  const validHours = config().passwordResetValidHours;
  const now = new Date();
  const { reset, replaced } = await db().$transaction(async (tx) => {
    // One usable link per member, also when the coordinator's click arrives several times at once.
    await serialiseOn(tx, `password-reset:${member.id}`);
    const { count } = await tx.passwordReset.updateMany({
      where: {
        partnershipId: actor.partnershipId,
        userId: member.id,
        usedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
      data: { revokedAt: now },
    });
    const created = await tx.passwordReset.create({
      data: {
        tokenHash: hashToken(token),
        partnershipId: actor.partnershipId,
        userId: member.id,
        createdById: actor.id,
        expiresAt: new Date(now.getTime() + validHours * 3_600_000),
      },
    });
    return { reset: created, replaced: count };
  });
  await auditAction(ctx, {
    action: "password-reset.created",
    subjectType: "user",
    subjectId: member.id,
    detail: { name: member.name, email: member.email, replacedLinks: replaced },
  });
  await noticeAccountChange(
    member,
    "password-reset-link",
    `${await changedBy(actor.id)} made a password reset link for your account. If you did not ask for one, tell them.`,
  );
  return { reset, token, path: `/reset/${token}`, validHours };
}

/** The member's link that can still be used, if any (never its token: only its hash is stored). */
export async function getPendingPasswordReset(partnershipId: string, userId: string) {
  return db().passwordReset.findFirst({
    where: { partnershipId, userId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, expiresAt: true },
  });
}

/** The link a token points at, with whose account it is, whatever its state. A deactivated member's link no longer works. */
export async function findPasswordResetByToken(token: string) {
  if (!token || token.length > 100) return null;
  const reset = await db().passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { name: true, email: true, deactivatedAt: true } } },
  });
  if (!reset) return null;
  const state = passwordResetState(reset);
  return { ...reset, state: state === "usable" && reset.user.deactivatedAt ? ("revoked" as const) : state };
}

/**
 * Sets the member's new password with a usable link, once even under concurrent requests, and ends
 * every session of theirs. The caller closes their live sockets. Nobody is signed in: the audit entry names the
 * member, from the address the link was used from.
 */
export async function resetPassword(input: { token: string; password: string }, ipAddress: string) {
  const tokenHash = hashToken(input.token);
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  const { user, endedSessions } = await db().$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash },
      include: { user: { select: { id: true, email: true, partnershipId: true, deactivatedAt: true } } },
    });
    if (!reset || reset.user.deactivatedAt || passwordResetState(reset, now) !== "usable") {
      throw new DomainError("gone", LINK_UNUSABLE);
    }
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new DomainError("gone", LINK_UNUSABLE);
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    const { count } = await tx.session.deleteMany({ where: { userId: reset.userId } });
    return { user: reset.user, endedSessions: count };
  });
  await clearSignInThrottle(user);
  await recordAudit({
    partnershipId: user.partnershipId,
    actorId: user.id,
    action: "password-reset.completed",
    subjectType: "user",
    subjectId: user.id,
    detail: { endedSessions },
    ipAddress,
  });
  await noticeAccountChange(
    user,
    "password-reset",
    "Your password was reset with a link from your partnership coordinator, and every browser was signed out.",
  );
  return { userId: user.id, endedSessions };
}
