// Invitations: a coordinator invites a colleague by email and role; the invite
// is a single-use link that expires. Only the SHA-256 of the link's token is stored.
import { config } from "~/config.server";
import { normaliseEmail } from "~/lib/email";
import type { Role } from "~/lib/roles";
import { generateToken, hashToken } from "~/lib/tokens.server";
import { invalidField } from "~/lib/errors";
import type { ActionContext } from "~/policies/actor";
import { auditAction, recordAudit } from "./audit.server";
import { db, isUniqueViolation, serialiseOn } from "./db.server";
import { hashPassword } from "./passwords.server";

export type InviteState = "pending" | "accepted" | "expired" | "revoked";

function inviteState(
  invite: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InviteState {
  if (invite.acceptedAt) return "accepted";
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt <= now) return "expired";
  return "pending";
}

/**
 * Invites a colleague. The command line bootstraps a partnership's first coordinator with `invitedBy: null`: nobody
 * invited them, so the invite and its audit entry name no one.
 */
export async function createInvite(
  ctx: ActionContext,
  input: { email: string; name: string; role: Role; institutionId: string },
  { invitedBy = "actor" }: { invitedBy?: "actor" | null } = {},
) {
  const { actor, ipAddress } = ctx;
  const invitedById = invitedBy === "actor" ? actor.id : null;
  const email = normaliseEmail(input.email);
  const institution = await db().institution.findFirst({
    where: { id: input.institutionId, partnershipId: actor.partnershipId, archivedAt: null },
  });
  if (!institution) throw invalidField("institutionId", "Choose an institution of this partnership.");
  const existing = await db().user.findUnique({ where: { email } });
  if (existing) {
    throw invalidField(
      "email",
      existing.partnershipId === actor.partnershipId
        ? "This person already has a Staffroom account in the partnership."
        : "This email address already has a Staffroom account. Ask them to use a different address.",
    );
  }
  const token = generateToken();
  const invite = await db().$transaction(async (tx) => {
    // A new invite replaces any earlier pending one for the same address, also when sent several times at once.
    await serialiseOn(tx, `invite:${actor.partnershipId}:${email}`);
    await tx.invite.updateMany({
      where: { partnershipId: actor.partnershipId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return tx.invite.create({
      data: {
        partnershipId: actor.partnershipId,
        institutionId: institution.id,
        email,
        name: input.name.trim(),
        role: input.role,
        tokenHash: hashToken(token),
        invitedById,
        expiresAt: new Date(Date.now() + config().inviteValidDays * 86_400_000),
      },
    });
  });
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: invitedById,
    action: "invite.created",
    subjectType: "invite",
    subjectId: invite.id,
    detail: { email, role: input.role, institution: institution.name },
    ipAddress,
  });
  return { invite, token, path: `/invite/${token}` };
}

export async function listInvites(partnershipId: string) {
  const invites = await db().invite.findMany({
    where: { partnershipId },
    include: { institution: { select: { name: true } }, invitedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return invites.map((invite) => ({ ...invite, state: inviteState(invite) }));
}

export async function getInvite(partnershipId: string, id: string) {
  return db().invite.findFirst({ where: { id, partnershipId } });
}

export async function revokeInvite(ctx: ActionContext, inviteId: string): Promise<boolean> {
  const { count } = await db().invite.updateMany({
    where: { id: inviteId, partnershipId: ctx.actor.partnershipId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count > 0) {
    await auditAction(ctx, { action: "invite.revoked", subjectType: "invite", subjectId: inviteId });
  }
  return count > 0;
}

/** The invite a link points at, with its partnership and institution, whatever its state. */
export async function findInviteByToken(token: string) {
  if (!token || token.length > 100) return null;
  const invite = await db().invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { partnership: { select: { name: true } }, institution: { select: { name: true } } },
  });
  return invite ? { ...invite, state: inviteState(invite) } : null;
}

/**
 * Accepts a pending invite: creates the account. Single use even under concurrent requests. Nobody is signed in
 * yet, so the audit entry names the new member and `ipAddress` is the address the link was used from.
 */
export async function acceptInvite(input: { token: string; name: string; password: string }, ipAddress: string) {
  const tokenHash = hashToken(input.token);
  const passwordHash = await hashPassword(input.password);
  const accountExists = () =>
    invalidField("token", "An account with this email address already exists. Sign in instead.");
  const claim = db().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash } });
    if (!invite || inviteState(invite) !== "pending") {
      throw invalidField(
        "token",
        "This invitation link has expired or has already been used. Ask your coordinator for a new one.",
      );
    }
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw invalidField("token", "This invitation link has already been used.");
    if (await tx.user.findUnique({ where: { email: invite.email } })) throw accountExists();
    const created = await tx.user.create({
      data: {
        partnershipId: invite.partnershipId,
        institutionId: invite.institutionId,
        email: invite.email,
        name: input.name.trim(),
        role: invite.role,
        passwordHash,
      },
    });
    await tx.invite.update({ where: { id: invite.id }, data: { acceptedById: created.id } });
    return created;
  });
  const user = await claim.catch((error: unknown) => {
    // Another partnership's invitation of the same address was accepted at the same moment (the email is
    // unique): this one stays pending, as when the check above finds the account.
    if (isUniqueViolation(error)) throw accountExists();
    throw error;
  });
  await recordAudit({
    partnershipId: user.partnershipId,
    actorId: user.id,
    action: "invite.accepted",
    subjectType: "user",
    subjectId: user.id,
    detail: { role: user.role },
    ipAddress,
  });
  return user;
}
