// The plain facts the lesson-plan and deployment policies decide from, read in
// one query each. Kept apart from lesson-plans.server.ts so the document access
// registry can load them without importing the whole lesson-plan model.
import type { CoursePlanningFacts, LessonPlanFacts } from "~/policies/lesson-plan";
import { db } from "./db.server";

export async function loadCoursePlanningFacts(
  partnershipId: string,
  courseId: string,
): Promise<(CoursePlanningFacts & { id: string; title: string }) | null> {
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

export async function loadLessonPlanFacts(
  partnershipId: string,
  lessonPlanId: string,
): Promise<LessonPlanFacts | null> {
  const plan = await db().lessonPlan.findFirst({
    where: { id: lessonPlanId, partnershipId },
    select: {
      partnershipId: true,
      course: { select: { planners: { select: { userId: true } } } },
      deployments: { select: { supporterId: true } },
    },
  });
  if (!plan) return null;
  return {
    partnershipId: plan.partnershipId,
    plannerIds: plan.course.planners.map((p) => p.userId),
    supporterIds: [...new Set(plan.deployments.map((d) => d.supporterId))],
  };
}
