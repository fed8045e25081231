// Lesson plans: create one in a course (with its co-edited body), read it whole for the plan page, change its
// structured parts and status, differentiate, unlink strategies, delete it with everything it owns. The page asks
// the policy once (requireLessonPlan in lesson-plan-facts.server.ts) and passes the plan down; these do the data work.
import type { Prisma } from "~/generated/sqlite/client";
import { $createHeadingNode } from "~/lib/document-schema/nodes";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { DomainError, invalidField } from "~/lib/errors";
import type { LessonPlanDetailsInput } from "~/lib/forms/lesson-plans";
import { lessonDateProblem, ukToday } from "~/lib/lesson-dates";
import { LESSON_STATUSES, NEED_AREAS } from "~/lib/co-planning";
import type { ActionContext, Actor } from "~/policies/actor";
import { auditAction } from "./audit.server";
import { createDocumentInTransaction, deleteDocumentsOfOwner, firstDocumentState } from "./collab-documents.server";
import { db } from "./db.server";
import { deleteCommentsAbout } from "./comment-deletion.server";
import { LESSON_PLAN_DOCUMENT } from "./document-owners.server";
import { loadLessonPlanFacts, type LessonPlanAccess, type PlanningCourse } from "./lesson-plan-facts.server";
import { planTextRoots } from "./lesson-plan-text.server";

/** "2026-03-12" as the stored lesson date (midnight UTC, the same calendar day in the UK all year). */
export function toLessonDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

export function fromLessonDate(value: Date | null): string {
  return value ? value.toISOString().slice(0, 10) : "";
}

/** Refuses a lesson date outside the window lessons are planned in (a mistyped year: 1999, 2062). */
export function checkLessonDate(value: string): void {
  const problem = lessonDateProblem(value, ukToday());
  if (problem) throw invalidField("lessonDate", problem);
}

export async function checkUnitAndGroup(courseId: string, input: { unitId: string; groupId: string }) {
  const [unit, group] = await Promise.all([
    input.unitId ? db().courseUnit.findFirst({ where: { id: input.unitId, courseId }, select: { id: true } }) : null,
    input.groupId
      ? db().teachingGroup.findFirst({ where: { id: input.groupId, courseId }, select: { id: true } })
      : null,
  ]);
  if (input.unitId && !unit) throw invalidField("unitId", "Choose one of this course's units.");
  if (input.groupId && !group) throw invalidField("groupId", "Choose one of this course's teaching groups.");
}

/** What the new-plan form offers beside the course: its units and groups. */
export async function getPlanningContext(actor: Actor, course: { id: string; title: string }) {
  const [units, groups] = await Promise.all([
    db().courseUnit.findMany({
      where: { courseId: course.id },
      orderBy: { position: "asc" },
      select: { id: true, title: true },
    }),
    db().teachingGroup.findMany({
      where: { courseId: course.id, partnershipId: actor.partnershipId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, site: { select: { name: true } } },
    }),
  ]);
  return { course: { id: course.id, title: course.title }, units, groups };
}

/** The body a new plan starts with (also written by the demo seed, prisma/seed/lessons.ts). */
export function bodyHeading(title: string) {
  return () => {
    const heading = $createHeadingNode("h2").append($createTextNode(title));
    const prompt = $createParagraphNode().append(
      $createTextNode("Notes for the lesson, written together: the sequence, key questions, what to watch for."),
    );
    $getRoot().append(heading, prompt);
  };
}

/**
 * Where a new plan goes in its course's order: after the last one. Read in the transaction that creates the plan; a
 * count of the course's plans would repeat a position after a plan was deleted.
 */
export async function nextPlanPosition(tx: Prisma.TransactionClient, courseId: string): Promise<number> {
  const last = await tx.lessonPlan.aggregate({ where: { courseId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

/** A new plan in a course the actor may plan in (requirePlanningCourse), with its shared notes. */
export async function createLessonPlan(ctx: ActionContext, course: PlanningCourse, input: LessonPlanDetailsInput) {
  const { actor } = ctx;
  const courseId = course.id;
  checkLessonDate(input.lessonDate);
  await checkUnitAndGroup(courseId, input);
  const bodyState = firstDocumentState({ initialContent: bodyHeading(input.title), otherRoots: planTextRoots() });
  // The plan and its body are stored together or not at all: a plan without its body would be half made.
  const plan = await db().$transaction(async (tx) => {
    const created = await tx.lessonPlan.create({
      data: {
        partnershipId: actor.partnershipId,
        courseId,
        unitId: input.unitId || null,
        groupId: input.groupId || null,
        title: input.title,
        lessonDate: toLessonDate(input.lessonDate),
        startTime: input.startTime,
        durationMinutes: input.durationMinutes,
        position: await nextPlanPosition(tx, courseId),
        textInDocument: true,
        createdById: actor.id,
        updatedById: actor.id,
      },
    });
    const body = {
      ownerType: LESSON_PLAN_DOCUMENT,
      ownerId: created.id,
      title: created.title,
      state: bodyState,
    };
    await createDocumentInTransaction(tx, actor, body, await loadLessonPlanFacts(actor.partnershipId, created.id, tx));
    return created;
  });
  await auditAction(ctx, {
    action: "lesson_plan.created",
    subjectType: "lesson_plan",
    subjectId: plan.id,
    detail: { title: plan.title, courseId },
  });
  return plan;
}

export type LessonPlanDetails = {
  intent: "details";
  title: string;
  unitId: string;
  groupId: string;
  lessonDate: string;
  startTime: string;
  durationMinutes: number;
};

/** Saves the plan's details (its text parts are written in its live document, not here). */
export async function updateLessonPlanDetails(ctx: ActionContext, plan: LessonPlanAccess, part: LessonPlanDetails) {
  const planId = plan.id;
  checkLessonDate(part.lessonDate);
  await checkUnitAndGroup(plan.courseId, part);
  await db().collabDocument.updateMany({
    where: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: planId },
    data: { title: part.title },
  });
  await db().lessonPlan.update({
    where: { id: planId },
    data: {
      title: part.title,
      unitId: part.unitId || null,
      groupId: part.groupId || null,
      lessonDate: toLessonDate(part.lessonDate),
      startTime: part.startTime,
      durationMinutes: part.durationMinutes,
      updatedById: ctx.actor.id,
    },
  });
  await auditAction(ctx, {
    action: "lesson_plan.updated",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { part: "details" },
  });
}

export async function setLessonPlanStatus(ctx: ActionContext, plan: LessonPlanAccess, status: string) {
  if (!LESSON_STATUSES.is(status)) throw invalidField("status", "Choose a status.");
  const planId = plan.id;
  const before = await db().lessonPlan.findUniqueOrThrow({ where: { id: planId }, select: { status: true } });
  await db().lessonPlan.update({ where: { id: planId }, data: { status, updatedById: ctx.actor.id } });
  await auditAction(ctx, {
    action: "lesson_plan.status_changed",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { from: before.status, to: status },
  });
}

/** A note on how the lesson adapts, for one student of the plan's group or for a need area. */
export async function addDifferentiationNote(
  ctx: ActionContext,
  plan: LessonPlanAccess,
  input: { studentId: string; needArea: string; note: string },
) {
  const planId = plan.id;
  if (input.needArea && !NEED_AREAS.is(input.needArea))
    throw invalidField("needArea", "Choose one of the four areas of need.");
  if (input.studentId) {
    const inGroup = await db().lessonPlan.findFirst({
      where: { id: planId, group: { students: { some: { studentId: input.studentId } } } },
      select: { id: true },
    });
    if (!inGroup) throw invalidField("studentId", "Choose a student of this lesson's teaching group.");
  }
  const note = await db().differentiationNote.create({
    data: {
      lessonPlanId: planId,
      studentId: input.studentId || null,
      needArea: input.studentId ? "" : input.needArea,
      note: input.note,
    },
  });
  await auditAction(ctx, {
    action: "lesson_plan.differentiation_added",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { noteId: note.id, ...(input.studentId ? { studentId: input.studentId } : { needArea: input.needArea }) },
  });
  return note;
}

export async function removeDifferentiationNote(ctx: ActionContext, plan: LessonPlanAccess, noteId: string) {
  const planId = plan.id;
  const { count } = await db().differentiationNote.deleteMany({ where: { id: noteId, lessonPlanId: planId } });
  if (count === 0) throw new DomainError("not-found", "That note has already been removed.", "noteId");
  await auditAction(ctx, {
    action: "lesson_plan.differentiation_removed",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { noteId },
  });
}

/** Removes a strategy from the plan (the strategy stays in the library). */
export async function unlinkStrategy(ctx: ActionContext, plan: LessonPlanAccess, strategyId: string) {
  const planId = plan.id;
  const { count } = await db().lessonPlanStrategy.deleteMany({ where: { lessonPlanId: planId, strategyId } });
  if (count === 0) throw new DomainError("not-found", "That strategy is no longer linked to this plan.", "strategyId");
  await auditAction(ctx, {
    action: "lesson_plan.strategy_removed",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { strategyId },
  });
}

/** What deleting the plan takes with it, to say so before asking. */
export async function lessonPlanDeletionImpact(plan: LessonPlanAccess) {
  const planId = plan.id;
  const [deployments, feedback, resources, notes, strategies, document] = await Promise.all([
    db().deployment.count({ where: { lessonPlanId: planId } }),
    db().deployment.count({ where: { lessonPlanId: planId, feedbackAt: { not: null } } }),
    db().lessonResource.count({ where: { lessonPlanId: planId } }),
    db().differentiationNote.count({ where: { lessonPlanId: planId } }),
    db().lessonPlanStrategy.count({ where: { lessonPlanId: planId } }),
    db().collabDocument.findUnique({
      where: { ownerType_ownerId: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: planId } },
      select: { id: true, _count: { select: { snapshots: true } } },
    }),
  ]);
  return {
    deployments,
    feedback,
    resources,
    notes,
    strategies,
    versions: document ? Math.max(0, document._count.snapshots - 1) : 0,
  };
}

/** Deletes the plan with its deployments (and their feedback), resources, notes, strategy links, body and versions. */
export async function deleteLessonPlan(ctx: ActionContext, access: Pick<LessonPlanAccess, "id">) {
  const planId = access.id;
  const plan = await db().lessonPlan.findUniqueOrThrow({
    where: { id: planId },
    select: { id: true, title: true, courseId: true },
  });
  // Explicit deletes rather than relying on ON DELETE CASCADE, which SQLite only honours with foreign_keys on.
  const deployments = await db().deployment.findMany({ where: { lessonPlanId: planId }, select: { id: true } });
  await db().$transaction([
    db().deploymentStudent.deleteMany({ where: { deploymentId: { in: deployments.map((d) => d.id) } } }),
    db().deployment.deleteMany({ where: { lessonPlanId: planId } }),
    db().lessonResource.deleteMany({ where: { lessonPlanId: planId } }),
    db().differentiationNote.deleteMany({ where: { lessonPlanId: planId } }),
    db().lessonPlanStrategy.deleteMany({ where: { lessonPlanId: planId } }),
    db().strategyRating.updateMany({ where: { lessonPlanId: planId }, data: { lessonPlanId: null } }),
    db().lessonPlan.delete({ where: { id: planId } }),
  ]);
  await deleteDocumentsOfOwner(LESSON_PLAN_DOCUMENT, planId);
  await deleteCommentsAbout(
    "deployment",
    deployments.map((d) => d.id),
  );
  await auditAction(ctx, {
    action: "lesson_plan.deleted",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { title: plan.title, courseId: plan.courseId },
  });
  return plan;
}
