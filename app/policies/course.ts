// Who may see and change courses, their units, co-planners and teaching groups.
// Pure functions over plain facts, shared by loaders, actions and socket handlers.
import { isCoordinator, isLsa, isTeacher, samePartnership, type Actor } from "./actor";

/** What a course rule needs to know: its partnership and who co-plans it. */
export interface CourseFacts {
  partnershipId: string;
  plannerIds: readonly string[];
}

/** What a group rule needs: its course's facts and the LSAs deployed in its lessons. */
export interface GroupFacts extends CourseFacts {
  deployedSupporterIds: readonly string[];
}

/** Every member browses the partnership's courses (LSAs too: they support lessons on them). */
export function canViewCourses(_actor: Actor): boolean {
  return true;
}

export function canViewCourse(actor: Actor, course: { partnershipId: string }): boolean {
  return samePartnership(actor, course);
}

/** Teachers and the coordinator start courses; a teacher becomes its first co-planner. */
export function canCreateCourse(actor: Actor): boolean {
  return isCoordinator(actor) || isTeacher(actor);
}

/** Details, delivery sites, units, co-planners and groups: the coordinator, or a teacher who co-plans it. */
export function canEditCourse(actor: Actor, course: CourseFacts): boolean {
  if (!samePartnership(actor, course)) return false;
  return isCoordinator(actor) || (isTeacher(actor) && course.plannerIds.includes(actor.id));
}

/** Deleting takes units, groups and lesson plans with it: the same people who edit it, after confirming. */
export function canDeleteCourse(actor: Actor, course: CourseFacts): boolean {
  return canEditCourse(actor, course);
}

/** Groups are part of the course: those who edit the course create and edit them (timetable, transport, teachers). */
export function canManageGroups(actor: Actor, course: CourseFacts): boolean {
  return canEditCourse(actor, course);
}

/** LSAs see only the groups they are deployed with; everyone else in the partnership sees every group. */
export function canViewGroup(actor: Actor, group: GroupFacts): boolean {
  if (!samePartnership(actor, group)) return false;
  return !isLsa(actor) || group.deployedSupporterIds.includes(actor.id);
}

/** Who may be added as a co-planner or a group's teacher: active teachers and the coordinator. */
export function canPlanCourses(member: { role: string }): boolean {
  return member.role === "teacher" || member.role === "coordinator";
}
