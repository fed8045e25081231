// Every membership policy, for every role, inside and across partnerships.
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/lib/roles";
import type { Actor } from "./actor";
import { isCoordinator, isLeader, isLsa, isTeacher, samePartnership } from "./actor";
import {
  canCreatePasswordReset,
  canInviteMembers,
  canManageInstitution,
  canManageInstitutions,
  canManageInvite,
  canManageMember,
  canViewAuditLog,
  canViewInstitutions,
  canViewMember,
  canViewMembers,
} from "./membership";

const OURS = "partnership-ours";
const THEIRS = "partnership-theirs";

const actor = (role: Role, id = `${role}-1`, partnershipId = OURS): Actor => ({
  id,
  role,
  partnershipId,
  institutionId: "inst-1",
});
const colleague = { id: "colleague-1", partnershipId: OURS };
const stranger = { id: "stranger-1", partnershipId: THEIRS };
const ourRecord = { partnershipId: OURS };
const theirRecord = { partnershipId: THEIRS };

const coordinatorOnly = (role: Role) => role === "coordinator";

describe("role helpers", () => {
  it.each(ROLES)("%s is exactly one role", (role) => {
    const a = actor(role);
    expect([isCoordinator(a), isLeader(a), isTeacher(a), isLsa(a)].filter(Boolean)).toHaveLength(1);
  });

  it("samePartnership compares partnership ids only", () => {
    expect(samePartnership(actor("lsa"), ourRecord)).toBe(true);
    expect(samePartnership(actor("coordinator"), theirRecord)).toBe(false);
  });
});

describe.each(ROLES)("membership policies for a %s", (role) => {
  const me = actor(role);

  it("sees the directory and colleagues of their own partnership only", () => {
    expect(canViewMembers(me)).toBe(true);
    expect(canViewMember(me, colleague)).toBe(true);
    expect(canViewMember(me, { id: me.id, partnershipId: OURS })).toBe(true);
    expect(canViewMember(me, stranger)).toBe(false);
  });

  it(`${coordinatorOnly(role) ? "manages" : "does not manage"} colleagues; never themselves or other partnerships`, () => {
    expect(canManageMember(me, colleague)).toBe(coordinatorOnly(role));
    expect(canManageMember(me, { id: me.id, partnershipId: OURS })).toBe(false);
    expect(canManageMember(me, stranger)).toBe(false);
  });

  it(`${coordinatorOnly(role) ? "makes" : "does not make"} password reset links for active colleagues; never for themselves`, () => {
    expect(canCreatePasswordReset(me, { ...colleague, deactivatedAt: null })).toBe(coordinatorOnly(role));
    expect(canCreatePasswordReset(me, { ...colleague, deactivatedAt: new Date() })).toBe(false);
    expect(canCreatePasswordReset(me, { id: me.id, partnershipId: OURS, deactivatedAt: null })).toBe(false);
    expect(canCreatePasswordReset(me, { ...stranger, deactivatedAt: null })).toBe(false);
  });

  it(`${coordinatorOnly(role) ? "invites" : "does not invite"} members, and manages invites of their own partnership only`, () => {
    expect(canInviteMembers(me)).toBe(coordinatorOnly(role));
    expect(canManageInvite(me, ourRecord)).toBe(coordinatorOnly(role));
    expect(canManageInvite(me, theirRecord)).toBe(false);
  });

  it("sees institutions; only a coordinator manages them, within the partnership", () => {
    expect(canViewInstitutions(me)).toBe(true);
    expect(canManageInstitutions(me)).toBe(coordinatorOnly(role));
    expect(canManageInstitution(me, ourRecord)).toBe(coordinatorOnly(role));
    expect(canManageInstitution(me, theirRecord)).toBe(false);
  });

  it(`${coordinatorOnly(role) ? "reads" : "does not read"} the audit log`, () => {
    expect(canViewAuditLog(me)).toBe(coordinatorOnly(role));
  });
});

describe("a coordinator of another partnership", () => {
  const foreignCoordinator = actor("coordinator", "coordinator-2", THEIRS);

  it("can touch nothing of ours", () => {
    expect(canViewMember(foreignCoordinator, colleague)).toBe(false);
    expect(canManageMember(foreignCoordinator, colleague)).toBe(false);
    expect(canCreatePasswordReset(foreignCoordinator, { ...colleague, deactivatedAt: null })).toBe(false);
    expect(canManageInvite(foreignCoordinator, ourRecord)).toBe(false);
    expect(canManageInstitution(foreignCoordinator, ourRecord)).toBe(false);
  });
});
