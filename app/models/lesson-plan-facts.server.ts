// The plain facts the lesson-plan and deployment policies decide from, read in one query each, and the gates a page
// asks once per request: the plan (or course) as the policies see it, or a 404/403 DomainError. Kept apart from
// lesson-plans.server.ts so the document access registry can load facts without importing the whole model.
import { DomainError } from "~/lib/errors";
import type { Actor } from "~/policies/actor";
import {
  canCreateLessonPlan,
  canReadLessonPlan,
  type CoursePlanningFacts,
  type LessonPlanFacts,
} from "~/policies/lesson-plan";
import { db, type Db } from "./db.server";

/** A course as the planning rules see it, with what the new-plan form shows of it. */
export interface PlanningCourse extends CoursePlanningFacts {
  id: string;
  title: string;
}

/** A plan as the rules see it, with what changes to it need (its course and group): loaded once per request. */
export interface LessonPlanAccess extends LessonPlanFacts {
  id: string;
  courseId: string;
  groupId: string | null;
}

const LESSON_PLAN_NOT_FOUND = "We could not find that lesson plan.";
const NOT_A_PLAN_EDITOR = "Only the coordinator and the course's co-planners can change this lesson plan.";

async function loadCoursePlanningFacts(partnershipId: string, courseId: string): Promise<PlanningCourse | null> {
  const course = await db().course.findFirst({
    where: { id: courseId, partnershipId },
    select: { id: true, title: true, partnershipId: true, planners: { select: { userId: true } } },
  });
  if (!course) return null;
  return {
    id: course.id,
    title: course.title,
    partnershipId: course.partnershipId,
    plannerIds: course.planners.map((p) => p.userId),
  };
}

interface PlanFactRow {
  kind: "plan" | "planner" | "supporter";
  /** The plan's id, a co-planner's or a deployed supporter's user id. */
  value: string;
  courseId: string | null;
  groupId: string | null;
}

/**
 * A plan's facts in one statement (every page and socket join of a plan asks for them): the plan's row, then one row
 * per co-planner of its course and per deployment's supporter, all only when the plan is in the partnership.
 * `client` is a transaction's when the plan is being created in it (not visible to others yet).
 */
export async function loadLessonPlanFacts(
  partnershipId: string,
  lessonPlanId: string,
  client: Pick<Db, "$queryRaw"> = db(),
): Promise<LessonPlanAccess | null> {
  const rows = await client.$queryRaw<PlanFactRow[]>`
    SELECT 'plan' AS "kind", p."id" AS "value", p."courseId", p."groupId"
    FROM "LessonPlan" p WHERE p."id" = ${lessonPlanId} AND p."partnershipId" = ${partnershipId}
    UNION ALL
    SELECT 'planner', cp."userId", NULL, NULL
    FROM "CoursePlanner" cp JOIN "LessonPlan" p ON p."courseId" = cp."courseId"
    WHERE p."id" = ${lessonPlanId} AND p."partnershipId" = ${partnershipId}
    UNION ALL
    SELECT 'supporter', d."supporterId", NULL, NULL
    FROM "Deployment" d JOIN "LessonPlan" p ON p."id" = d."lessonPlanId"
    WHERE p."id" = ${lessonPlanId} AND p."partnershipId" = ${partnershipId}`;
  const plan = rows.find((row) => row.kind === "plan");
  if (!plan?.courseId) return null;
  const valuesOf = (kind: PlanFactRow["kind"]) => rows.filter((row) => row.kind === kind).map((row) => row.value);
  return {
    id: plan.value,
    courseId: plan.courseId,
    groupId: plan.groupId,
    partnershipId,
    plannerIds: valuesOf("planner"),
    supporterIds: [...new Set(valuesOf("supporter"))],
  };
}

/**
 * The plan if the actor may read it and `rule` allows them (canEditLessonPlan for every change); a 404 when it is
 * missing, in another partnership or out of the actor's reach, a 403 with `refusal` when the rule says no.
 */
export async function requireLessonPlan(
  actor: Actor,
  planId: string,
  rule: (actor: Actor, plan: LessonPlanFacts) => boolean = canReadLessonPlan,
  refusal = NOT_A_PLAN_EDITOR,
): Promise<LessonPlanAccess> {
  const plan = await loadLessonPlanFacts(actor.partnershipId, planId);
  if (!plan || !canReadLessonPlan(actor, plan)) throw new DomainError("not-found", LESSON_PLAN_NOT_FOUND);
  if (!rule(actor, plan)) throw new DomainError("forbidden", refusal);
  return plan;
}

/** The course if the actor may plan its lessons: a 404 when it is not in their partnership, else a 403. */
export async function requirePlanningCourse(actor: Actor, courseId: string): Promise<PlanningCourse> {
  const course = await loadCoursePlanningFacts(actor.partnershipId, courseId);
  if (!course) throw new DomainError("not-found", "We could not find that course.");
  if (!canCreateLessonPlan(actor, course))
    throw new DomainError("forbidden", "Only the coordinator and the course's co-planners can plan its lessons.");
  return course;
}
