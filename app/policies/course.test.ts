// Every course and group rule, cell by cell: each role, as co-planner or not, in and across partnerships.
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/lib/roles";
import type { Actor } from "./actor";
import {
  canCreateCourse,
  canDeleteCourse,
  canEditCourse,
  canManageGroups,
  canPlanCourses,
  canViewCourse,
  canViewCourses,
  canViewGroup,
} from "./course";

const OURS = "partnership-ours";
const THEIRS = "partnership-theirs";

const actor = (role: Role, partnershipId = OURS): Actor => ({
  id: `${role}-1`,
  role,
  partnershipId,
  institutionId: "inst-1",
});
const course = (plannerIds: string[], partnershipId = OURS) => ({ partnershipId, plannerIds });
const group = (plannerIds: string[], deployedSupporterIds: string[], partnershipId = OURS) => ({
  partnershipId,
  plannerIds,
  deployedSupporterIds,
});

// The expected answer for each role: [not a co-planner, co-planner].
const EDIT: Record<Role, [boolean, boolean]> = {
  coordinator: [true, true],
  teacher: [false, true],
  leader: [false, false],
  lsa: [false, false],
};

describe.each(ROLES)("course policies for a %s", (role) => {
  const me = actor(role);
  const stranger = actor(role, THEIRS);

  it("browses the partnership's courses and opens any of them, never another partnership's", () => {
    expect(canViewCourses(me)).toBe(true);
    expect(canViewCourse(me, course([]))).toBe(true);
    expect(canViewCourse(me, course([me.id], THEIRS))).toBe(false);
    expect(canViewCourse(stranger, course([]))).toBe(false);
  });

  it("creates a course only as a teacher or the coordinator", () => {
    expect(canCreateCourse(me)).toBe(role === "teacher" || role === "coordinator");
  });

  it("edits, deletes and manages groups of a course as the table says", () => {
    const [asOther, asPlanner] = EDIT[role];
    for (const rule of [canEditCourse, canDeleteCourse, canManageGroups]) {
      expect(rule(me, course(["someone-else"])), `${rule.name} when not a co-planner`).toBe(asOther);
      expect(rule(me, course([me.id, "someone-else"])), `${rule.name} as a co-planner`).toBe(asPlanner);
    }
  });

  it("changes nothing in another partnership, even when listed as its co-planner", () => {
    for (const rule of [canEditCourse, canDeleteCourse, canManageGroups]) {
      expect(rule(me, course([me.id], THEIRS)), rule.name).toBe(false);
      expect(rule(stranger, course([stranger.id])), rule.name).toBe(false);
    }
  });

  it("sees a group unless an LSA not deployed in its lessons", () => {
    expect(canViewGroup(me, group([], []))).toBe(role !== "lsa");
    expect(canViewGroup(me, group([], [me.id]))).toBe(true);
    expect(canViewGroup(me, group([me.id], [me.id], THEIRS))).toBe(false);
  });

  it("can be chosen as co-planner or group teacher only as a teacher or the coordinator", () => {
    expect(canPlanCourses({ role })).toBe(role === "teacher" || role === "coordinator");
  });
});
