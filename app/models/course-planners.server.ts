// The co-planners of a course: the teachers (and the coordinator) who edit it. A course always keeps one.
import { DomainError, invalidField } from "~/lib/errors";
import type { ActionContext } from "~/policies/actor";
import { auditAction } from "./audit.server";
import { checkPlanners, ownCourseId, touchCourse } from "./courses.server";
import { db, isUniqueViolation } from "./db.server";

export async function addPlanner(ctx: ActionContext, courseId: string, userId: string) {
  const id = await ownCourseId(ctx, courseId);
  await checkPlanners(ctx.actor.partnershipId, [userId], "userId");
  const existing = await db().coursePlanner.findUnique({ where: { courseId_userId: { courseId: id, userId } } });
  const alreadyPlanning = () => invalidField("userId", "They already co-plan this course.");
  if (existing) throw alreadyPlanning();
  try {
    await db().coursePlanner.create({ data: { courseId: id, userId, addedById: ctx.actor.id } });
  } catch (error) {
    // Added by another request at the same moment (a double click, two tabs).
    if (isUniqueViolation(error)) throw alreadyPlanning();
    throw error;
  }
  await touchCourse(id);
  await auditAction(ctx, { action: "course.planner_added", subjectType: "course", subjectId: id, detail: { userId } });
}

/** Removes a co-planner; a course always keeps at least one. */
export async function removePlanner(ctx: ActionContext, courseId: string, userId: string) {
  const id = await ownCourseId(ctx, courseId);
  const count = await db().coursePlanner.count({ where: { courseId: id } });
  if (count <= 1)
    throw new DomainError("invalid", "A course needs at least one co-planner. Add another before removing this one.");
  const { count: removed } = await db().coursePlanner.deleteMany({ where: { courseId: id, userId } });
  if (removed === 0) throw new DomainError("invalid", "They do not co-plan this course.");
  await touchCourse(id);
  await auditAction(ctx, {
    action: "course.planner_removed",
    subjectType: "course",
    subjectId: id,
    detail: { userId },
  });
}
