// Who may read and change a lesson plan and its parts (objectives, phases,
// differentiation, resources, evaluation, status, its co-edited body).
// Pure functions over plain facts; every rule starts from the partnership.
//   coordinator: reads and edits every plan of the partnership
//   teacher:     reads every plan; edits plans of courses they co-plan (CoursePlanner)
//   leader:      reads every plan; changes nothing
//   lsa:         reads only the plans they are deployed in; changes nothing here
//                (their own briefing and feedback: app/policies/deployment.ts)
import { isCoordinator, isLeader, isLsa, isTeacher, samePartnership, type Actor } from "./actor";

/** The co-edited body of a lesson plan (CollabDocument.ownerType): readers are the plan's readers, writers its editors. */
export const LESSON_PLAN_DOCUMENT = "lesson-plan";

/** What the rules need to know about a course to decide who may plan in it. */
export interface CoursePlanningFacts {
  partnershipId: string;
  /** Members who co-plan the course (CoursePlanner). */
  plannerIds: readonly string[];
}

/** What the rules need to know about a plan. */
export interface LessonPlanFacts extends CoursePlanningFacts {
  /** Members deployed in the plan as supporters (Deployment.supporterId). */
  supporterIds: readonly string[];
}

export function canCreateLessonPlan(actor: Actor, course: CoursePlanningFacts): boolean {
  if (!samePartnership(actor, course)) return false;
  return isCoordinator(actor) || (isTeacher(actor) && course.plannerIds.includes(actor.id));
}

export function canReadLessonPlan(actor: Actor, plan: LessonPlanFacts): boolean {
  if (!samePartnership(actor, plan)) return false;
  if (isCoordinator(actor) || isLeader(actor) || isTeacher(actor)) return true;
  return isLsa(actor) && plan.supporterIds.includes(actor.id);
}

/** Every structured part, the body, status, resources, deployments and deletion. */
export function canEditLessonPlan(actor: Actor, plan: LessonPlanFacts): boolean {
  if (!canReadLessonPlan(actor, plan)) return false;
  return isCoordinator(actor) || (isTeacher(actor) && plan.plannerIds.includes(actor.id));
}

/** Deleting a plan (with its deployments, feedback and resources) is for its editors. */
export function canDeleteLessonPlan(actor: Actor, plan: LessonPlanFacts): boolean {
  return canEditLessonPlan(actor, plan);
}

/** Copying a plan needs the right to read it and to plan in the course it is copied into (the same course). */
export function canDuplicateLessonPlan(actor: Actor, plan: LessonPlanFacts): boolean {
  return canEditLessonPlan(actor, plan);
}

/** A file of a plan's resources goes to whoever may read the plan. */
export function canDownloadLessonResource(actor: Actor, plan: LessonPlanFacts): boolean {
  return canReadLessonPlan(actor, plan);
}

/** Lists of plans: LSAs see only those they are deployed in (the model filters); everyone else sees all. */
export function seesAllLessonPlans(actor: Actor): boolean {
  return isCoordinator(actor) || isLeader(actor) || isTeacher(actor);
}
