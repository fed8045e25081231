// Who may see and manage the partnership's people, institutions, invites and audit log.
import { isCoordinator, samePartnership, type Actor } from "./actor";

interface MemberRecord {
  id: string;
  partnershipId: string;
}

/** Every member sees the partnership's directory of colleagues (names, roles, institutions). */
export function canViewMembers(_actor: Actor): boolean {
  return true;
}

export function canViewMember(actor: Actor, member: MemberRecord): boolean {
  return samePartnership(actor, member);
}

/** Coordinators change roles, institutions and deactivation, but never their own (no self-lockout). */
export function canManageMember(actor: Actor, member: MemberRecord): boolean {
  return samePartnership(actor, member) && isCoordinator(actor) && actor.id !== member.id;
}

/**
 * Coordinators make a password reset link for an active colleague of their partnership; their own
 * password they change on the account page, and a deactivated account must be reactivated first.
 */
export function canCreatePasswordReset(actor: Actor, member: MemberRecord & { deactivatedAt: Date | null }): boolean {
  return canManageMember(actor, member) && member.deactivatedAt === null;
}

export function canInviteMembers(actor: Actor): boolean {
  return isCoordinator(actor);
}

export function canManageInvite(actor: Actor, invite: { partnershipId: string }): boolean {
  return samePartnership(actor, invite) && isCoordinator(actor);
}

export function canViewInstitutions(_actor: Actor): boolean {
  return true;
}

export function canManageInstitutions(actor: Actor): boolean {
  return isCoordinator(actor);
}

export function canManageInstitution(actor: Actor, institution: { partnershipId: string }): boolean {
  return samePartnership(actor, institution) && isCoordinator(actor);
}

export function canViewAuditLog(actor: Actor): boolean {
  return isCoordinator(actor);
}
