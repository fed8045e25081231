// Search entries of lesson plans (title, structured parts, differentiation notes, the co-edited notes) and of their
// resources (titles), with the course's facets.
// The client type itself, not db.server: that module builds its clients with withSearchIndexing.
import type { PrismaClient as Db } from "~/generated/sqlite/client";
import { LESSON_PLAN_DOCUMENT } from "~/policies/lesson-plan";
import {
  facetValues,
  indexableText,
  NO_FACETS,
  ownedDocumentTexts,
  type OwnerTexts,
  type SearchEntryData,
} from "./entry-text.server";

const COURSE_FACETS = { select: { id: true, keyStage: true, leadInstitutionId: true } } as const;

export async function planEntries(
  store: Db,
  ids: readonly string[],
  texts: OwnerTexts = ownedDocumentTexts,
): Promise<SearchEntryData[]> {
  const plans = await store.lessonPlan.findMany({
    where: { id: { in: [...ids] } },
    include: {
      course: COURSE_FACETS,
      differentiation: { select: { needArea: true, note: true } },
      strategies: { select: { strategy: { select: { title: true } } } },
    },
  });
  const notesOf = await texts(
    store,
    LESSON_PLAN_DOCUMENT,
    plans.map((p) => p.id),
  );
  return plans.map((plan) => ({
    ...NO_FACETS,
    partnershipId: plan.partnershipId,
    kind: "plan",
    recordId: plan.id,
    title: plan.title,
    body: indexableText(
      plan.objectives,
      plan.successCriteria,
      plan.starter,
      plan.mainActivity,
      plan.plenary,
      plan.assessment,
      plan.evaluation,
      plan.nextSteps,
      ...plan.differentiation.map((d) => d.note),
      ...plan.strategies.map((s) => s.strategy.title),
      notesOf.get(plan.id),
    ),
    href: `/plans/${plan.id}`,
    institutionId: plan.course.leadInstitutionId,
    courseId: plan.courseId,
    keyStage: facetValues([plan.course.keyStage]),
    needs: facetValues(plan.differentiation.map((d) => d.needArea)),
    status: plan.status,
    occurredAt: plan.lessonDate ?? plan.updatedAt,
    lessonPlanId: plan.id,
  }));
}

export async function resourceEntries(store: Db, ids: readonly string[]): Promise<SearchEntryData[]> {
  const resources = await store.lessonResource.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      title: true,
      fileName: true,
      createdAt: true,
      lessonPlan: { select: { id: true, partnershipId: true, title: true, courseId: true, course: COURSE_FACETS } },
    },
  });
  return resources.map((resource) => ({
    ...NO_FACETS,
    partnershipId: resource.lessonPlan.partnershipId,
    kind: "resource",
    recordId: resource.id,
    title: resource.title,
    body: indexableText(resource.fileName, resource.lessonPlan.title),
    href: `/plans/${resource.lessonPlan.id}`,
    institutionId: resource.lessonPlan.course.leadInstitutionId,
    courseId: resource.lessonPlan.courseId,
    keyStage: facetValues([resource.lessonPlan.course.keyStage]),
    occurredAt: resource.createdAt,
    lessonPlanId: resource.lessonPlan.id,
  }));
}
