// Who is acting: the signed-in member as every policy sees them.
import { isRole, type Role } from "~/lib/roles";

export interface Actor {
  id: string;
  role: Role;
  partnershipId: string;
  institutionId: string;
}

/** A stored member as the policies see them; null for a role no policy knows (refused everything). */
export function actorOfMember(member: {
  id: string;
  role: string;
  partnershipId: string;
  institutionId: string;
}): Actor | null {
  const { id, role, partnershipId, institutionId } = member;
  return isRole(role) ? { id, role, partnershipId, institutionId } : null;
}

/** Every rule starts here: a record of another partnership is out of reach, whatever the role. */
export function samePartnership(actor: Actor, record: { partnershipId: string }): boolean {
  return actor.partnershipId === record.partnershipId;
}

export const isCoordinator = (actor: Actor) => actor.role === "coordinator";
export const isLeader = (actor: Actor) => actor.role === "leader";
export const isTeacher = (actor: Actor) => actor.role === "teacher";
export const isLsa = (actor: Actor) => actor.role === "lsa";

/**
 * Who acts and from where: what every model function that changes data (and writes the audit log) is given,
 * instead of a loose actor and an `ipAddress = ""` default that would silently blank the audit trail.
 */
export interface ActionContext {
  actor: Actor;
  /** The client's address as the server resolved it (trusted proxies applied); "" only for scripts and seeds. */
  ipAddress: string;
}
