// The document owner types whose access rules need facts from the database,
// registered where every process that opens documents (the Remix app and the
// socket engine) loads them: app/models/collab-documents.server.ts imports this.
import { registerDocumentOwnerType } from "~/policies/document";
import { canEditLessonPlan, canReadLessonPlan, type LessonPlanFacts } from "~/policies/lesson-plan";
import { loadLessonPlanFacts } from "./lesson-plan-facts.server";

/** The co-edited body of a lesson plan: readers are the plan's readers, writers its editors. */
export const LESSON_PLAN_DOCUMENT = "lesson-plan";

registerDocumentOwnerType<LessonPlanFacts | null>(LESSON_PLAN_DOCUMENT, {
  loadFacts: (doc) => loadLessonPlanFacts(doc.partnershipId, doc.ownerId),
  canRead: (actor, _doc, plan) => plan !== null && canReadLessonPlan(actor, plan),
  canWrite: (actor, _doc, plan) => plan !== null && canEditLessonPlan(actor, plan),
});
