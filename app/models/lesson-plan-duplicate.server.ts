// Copying a lesson plan into another group or date of the same course (the plan page's "Duplicate"): what is
// copied, what stays with the lesson that was taught, and undoing a half-made copy.
import { yjsStateToEditorState } from "~/lib/document-schema/headless";
import type { ActionContext } from "~/policies/actor";
import { auditAction } from "./audit.server";
import { createDocument } from "./collab-documents.server";
import { loadDocumentState } from "./collab-log.server";
import { db } from "./db.server";
import { LESSON_PLAN_DOCUMENT } from "./document-owners.server";
import type { LessonPlanAccess } from "./lesson-plan-facts.server";
import { paragraphsOf, readPlanText } from "./lesson-plan-text.server";
import {
  bodyHeading,
  checkLessonDate,
  checkUnitAndGroup,
  deleteLessonPlan,
  nextPlanPosition,
  toLessonDate,
} from "./lesson-plans.server";

/**
 * Copies the plan into another group or date of the same course: its structured
 * parts, strategy links, need-area notes, notes for students who are in the new
 * group, resources, and the body as last saved. Deployments, feedback and the
 * evaluation belong to the lesson that was taught, so they are not copied; the
 * copy starts as a draft.
 */
export async function duplicateLessonPlan(
  ctx: ActionContext,
  plan: LessonPlanAccess,
  input: { title: string; groupId: string; lessonDate: string; startTime: string },
) {
  const { actor } = ctx;
  const planId = plan.id;
  const source = await db().lessonPlan.findUniqueOrThrow({
    where: { id: planId },
    include: { strategies: true, differentiation: true, resources: true },
  });
  checkLessonDate(input.lessonDate);
  await checkUnitAndGroup(source.courseId, { unitId: "", groupId: input.groupId });
  // The text as it is in the live document now (its plain-text copy may be a moment behind).
  const text = await readPlanText(planId);
  const groupStudentIds = input.groupId
    ? new Set(
        (await db().groupStudent.findMany({ where: { groupId: input.groupId }, select: { studentId: true } })).map(
          (s) => s.studentId,
        ),
      )
    : new Set<string>();
  const copy = await db().$transaction(async (tx) => {
    const created = await tx.lessonPlan.create({
      data: {
        partnershipId: source.partnershipId,
        courseId: source.courseId,
        unitId: source.unitId,
        groupId: input.groupId || null,
        title: input.title,
        lessonDate: toLessonDate(input.lessonDate),
        startTime: input.startTime,
        durationMinutes: source.durationMinutes,
        position: await nextPlanPosition(tx, source.courseId),
        objectives: text.texts.objectives,
        successCriteria: text.texts.successCriteria,
        starter: text.texts.starter,
        mainActivity: text.texts.mainActivity,
        plenary: text.texts.plenary,
        assessment: text.texts.assessment,
        textInDocument: true,
        createdById: actor.id,
        updatedById: actor.id,
      },
    });
    if (source.strategies.length > 0) {
      await tx.lessonPlanStrategy.createMany({
        data: source.strategies.map((s) => ({
          lessonPlanId: created.id,
          strategyId: s.strategyId,
          note: s.note,
          addedById: actor.id,
        })),
      });
    }
    const notes = source.differentiation.filter((n) => !n.studentId || groupStudentIds.has(n.studentId));
    if (notes.length > 0) {
      await tx.differentiationNote.createMany({
        data: notes.map((n) => ({
          lessonPlanId: created.id,
          studentId: n.studentId,
          needArea: n.needArea,
          note: n.note,
        })),
      });
    }
    for (const r of source.resources) {
      await tx.lessonResource.create({
        data: {
          lessonPlanId: created.id,
          kind: r.kind,
          title: r.title,
          url: r.url,
          fileName: r.fileName,
          mimeType: r.mimeType,
          sizeBytes: r.sizeBytes,
          data: r.data ? new Uint8Array(r.data) : null,
          uploadedById: r.uploadedById,
        },
      });
    }
    return created;
  });
  try {
    const document = await db().collabDocument.findUnique({
      where: { ownerType_ownerId: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: planId } },
      select: { id: true },
    });
    const content = document ? await yjsStateToEditorState((await loadDocumentState(document.id)).state) : undefined;
    await createDocument(actor, {
      ownerType: LESSON_PLAN_DOCUMENT,
      ownerId: copy.id,
      title: copy.title,
      initialContent: content ?? bodyHeading(copy.title),
      // The evaluation and next steps belong to the lesson that was taught.
      otherRoots: { ...text.roots, evaluation: paragraphsOf(""), nextSteps: paragraphsOf("") },
    });
  } catch (error) {
    await deleteLessonPlan(ctx, copy);
    throw error;
  }
  await auditAction(ctx, {
    action: "lesson_plan.duplicated",
    subjectType: "lesson_plan",
    subjectId: copy.id,
    detail: { from: planId },
  });
  return copy;
}
