// Lesson plans: create one in a course (with its co-edited body), read it whole
// for the plan page, change its structured parts and status, differentiate,
// unlink strategies, duplicate it into another group or date, delete it with
// everything it owns. Every query is scoped to the actor's partnership; every
// change is checked against app/policies/lesson-plan.ts here, not only in routes.
import { $createHeadingNode } from "~/lib/document-schema/nodes";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import type { LessonPlanDetailsInput } from "~/lib/forms/lesson-plans";
import { LESSON_STATUSES, NEED_AREAS } from "~/lib/co-planning";
import type { Actor } from "~/policies/actor";
import {
  canCreateLessonPlan,
  canDeleteLessonPlan,
  canEditLessonPlan,
  canReadLessonPlan,
  type LessonPlanFacts,
} from "~/policies/lesson-plan";
import { yjsStateToEditorState } from "~/lib/document-schema/headless";
import { recordAudit } from "./audit.server";
import { createDocument, deleteDocumentsOfOwner } from "./collab-documents.server";
import { loadDocumentState } from "./collab-log.server";
import { db } from "./db.server";
import { LESSON_PLAN_DOCUMENT } from "./document-owners.server";
import { loadCoursePlanningFacts, loadLessonPlanFacts } from "./lesson-plan-facts.server";

export class LessonPlanError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status: 400 | 403 | 404 = 400,
  ) {
    super(message);
  }
}

const notFound = () => new LessonPlanError("form", "We could not find that lesson plan.", 404);
const notAllowed = () =>
  new LessonPlanError("form", "Only the coordinator and the course's co-planners can change this lesson plan.", 403);

/** "2026-03-12" as the stored lesson date (midnight UTC, the same calendar day in the UK all year). */
export function toLessonDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

export function fromLessonDate(value: Date | null): string {
  return value ? value.toISOString().slice(0, 10) : "";
}

/** The plan's facts for the policies, or a 404 error when it is not in the actor's partnership. */
export async function requireLessonPlanFacts(actor: Actor, planId: string): Promise<LessonPlanFacts> {
  const facts = await loadLessonPlanFacts(actor.partnershipId, planId);
  if (!facts || !canReadLessonPlan(actor, facts)) throw notFound();
  return facts;
}

/** As requireLessonPlanFacts, and refuses (403) when the actor may read but not edit the plan. */
export async function requireEditableLessonPlan(actor: Actor, planId: string): Promise<LessonPlanFacts> {
  const facts = await requireLessonPlanFacts(actor, planId);
  if (!canEditLessonPlan(actor, facts)) throw notAllowed();
  return facts;
}

async function checkUnitAndGroup(courseId: string, input: { unitId: string; groupId: string }) {
  const [unit, group] = await Promise.all([
    input.unitId ? db().courseUnit.findFirst({ where: { id: input.unitId, courseId }, select: { id: true } }) : null,
    input.groupId
      ? db().teachingGroup.findFirst({ where: { id: input.groupId, courseId }, select: { id: true } })
      : null,
  ]);
  if (input.unitId && !unit) throw new LessonPlanError("unitId", "Choose one of this course's units.");
  if (input.groupId && !group) throw new LessonPlanError("groupId", "Choose one of this course's teaching groups.");
}

/** What the new-plan form offers: the course, its units and groups, and whether the actor may plan in it. */
export async function getPlanningContext(actor: Actor, courseId: string) {
  const facts = await loadCoursePlanningFacts(actor.partnershipId, courseId);
  if (!facts) return null;
  const [units, groups] = await Promise.all([
    db().courseUnit.findMany({ where: { courseId }, orderBy: { position: "asc" }, select: { id: true, title: true } }),
    db().teachingGroup.findMany({
      where: { courseId, partnershipId: actor.partnershipId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, site: { select: { name: true } } },
    }),
  ]);
  return {
    course: { id: facts.id, title: facts.title },
    units,
    groups,
    canCreate: canCreateLessonPlan(actor, facts),
    facts,
  };
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

export async function createLessonPlan(actor: Actor, courseId: string, input: LessonPlanDetailsInput, ipAddress = "") {
  const course = await loadCoursePlanningFacts(actor.partnershipId, courseId);
  if (!course) throw new LessonPlanError("form", "We could not find that course.", 404);
  if (!canCreateLessonPlan(actor, course))
    throw new LessonPlanError("form", "Only the coordinator and the course's co-planners can plan its lessons.", 403);
  await checkUnitAndGroup(courseId, input);
  const position = await db().lessonPlan.count({ where: { courseId } });
  const plan = await db().lessonPlan.create({
    data: {
      partnershipId: actor.partnershipId,
      courseId,
      unitId: input.unitId || null,
      groupId: input.groupId || null,
      title: input.title,
      lessonDate: toLessonDate(input.lessonDate),
      startTime: input.startTime,
      durationMinutes: input.durationMinutes,
      position,
      createdById: actor.id,
      updatedById: actor.id,
    },
  });
  try {
    await createDocument(actor, {
      ownerType: LESSON_PLAN_DOCUMENT,
      ownerId: plan.id,
      title: plan.title,
      initialContent: bodyHeading(plan.title),
    });
  } catch (error) {
    // A plan without its body would be half made: undo it rather than leave it.
    await db().lessonPlan.delete({ where: { id: plan.id } });
    throw error;
  }
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "lesson_plan.created",
    subjectType: "lesson_plan",
    subjectId: plan.id,
    detail: { title: plan.title, courseId },
    ipAddress,
  });
  return plan;
}

/** The whole plan for its page, or null when missing or out of the actor's reach (show 404). */
export async function getLessonPlan(actor: Actor, planId: string) {
  const facts = await loadLessonPlanFacts(actor.partnershipId, planId);
  if (!facts || !canReadLessonPlan(actor, facts)) return null;
  const plan = await db().lessonPlan.findFirst({
    where: { id: planId, partnershipId: actor.partnershipId },
    include: {
      course: { select: { id: true, title: true } },
      unit: { select: { id: true, title: true } },
      group: { select: { id: true, name: true, site: { select: { id: true, name: true } } } },
      strategies: {
        orderBy: { createdAt: "asc" },
        select: {
          strategyId: true,
          note: true,
          createdAt: true,
          strategy: { select: { id: true, title: true, summary: true } },
        },
      },
      differentiation: {
        orderBy: { createdAt: "asc" },
        select: { id: true, studentId: true, needArea: true, note: true },
      },
      resources: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          kind: true,
          title: true,
          url: true,
          fileName: true,
          mimeType: true,
          sizeBytes: true,
          createdAt: true,
        },
      },
    },
  });
  if (!plan) return null;
  return { plan, facts, canEdit: canEditLessonPlan(actor, facts), canDelete: canDeleteLessonPlan(actor, facts) };
}

export type LessonPlanPart =
  | {
      intent: "details";
      title: string;
      unitId: string;
      groupId: string;
      lessonDate: string;
      startTime: string;
      durationMinutes: number;
    }
  | { intent: "objectives"; objectives: string; successCriteria: string }
  | { intent: "phases"; starter: string; mainActivity: string; plenary: string }
  | { intent: "assessment"; assessment: string }
  | { intent: "evaluation"; evaluation: string; nextSteps: string };

/** Saves one structured part of the plan (the forms on the plan page send one part each). */
export async function updateLessonPlanPart(actor: Actor, planId: string, part: LessonPlanPart, ipAddress = "") {
  await requireEditableLessonPlan(actor, planId);
  const { intent, ...values } = part;
  let data: Record<string, unknown> = values;
  if (part.intent === "details") {
    const plan = await db().lessonPlan.findUniqueOrThrow({ where: { id: planId }, select: { courseId: true } });
    await checkUnitAndGroup(plan.courseId, part);
    data = {
      title: part.title,
      unitId: part.unitId || null,
      groupId: part.groupId || null,
      lessonDate: toLessonDate(part.lessonDate),
      startTime: part.startTime,
      durationMinutes: part.durationMinutes,
    };
    await db().collabDocument.updateMany({
      where: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: planId },
      data: { title: part.title },
    });
  }
  await db().lessonPlan.update({ where: { id: planId }, data: { ...data, updatedById: actor.id } });
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "lesson_plan.updated",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { part: intent },
    ipAddress,
  });
}

export async function setLessonPlanStatus(actor: Actor, planId: string, status: string, ipAddress = "") {
  if (!LESSON_STATUSES.is(status)) throw new LessonPlanError("status", "Choose a status.");
  await requireEditableLessonPlan(actor, planId);
  const before = await db().lessonPlan.findUniqueOrThrow({ where: { id: planId }, select: { status: true } });
  await db().lessonPlan.update({ where: { id: planId }, data: { status, updatedById: actor.id } });
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "lesson_plan.status_changed",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { from: before.status, to: status },
    ipAddress,
  });
}

/** A note on how the lesson adapts, for one student of the plan's group or for a need area. */
export async function addDifferentiationNote(
  actor: Actor,
  planId: string,
  input: { studentId: string; needArea: string; note: string },
  ipAddress = "",
) {
  await requireEditableLessonPlan(actor, planId);
  if (input.needArea && !NEED_AREAS.is(input.needArea))
    throw new LessonPlanError("needArea", "Choose one of the four areas of need.");
  if (input.studentId) {
    const inGroup = await db().lessonPlan.findFirst({
      where: { id: planId, group: { students: { some: { studentId: input.studentId } } } },
      select: { id: true },
    });
    if (!inGroup) throw new LessonPlanError("studentId", "Choose a student of this lesson's teaching group.");
  }
  const note = await db().differentiationNote.create({
    data: {
      lessonPlanId: planId,
      studentId: input.studentId || null,
      needArea: input.studentId ? "" : input.needArea,
      note: input.note,
    },
  });
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "lesson_plan.differentiation_added",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { noteId: note.id, ...(input.studentId ? { studentId: input.studentId } : { needArea: input.needArea }) },
    ipAddress,
  });
  return note;
}

export async function removeDifferentiationNote(actor: Actor, planId: string, noteId: string, ipAddress = "") {
  await requireEditableLessonPlan(actor, planId);
  const { count } = await db().differentiationNote.deleteMany({ where: { id: noteId, lessonPlanId: planId } });
  if (count === 0) throw new LessonPlanError("noteId", "That note has already been removed.", 404);
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "lesson_plan.differentiation_removed",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { noteId },
    ipAddress,
  });
}

/** Removes a strategy from the plan (the strategy stays in the library). */
export async function unlinkStrategy(actor: Actor, planId: string, strategyId: string, ipAddress = "") {
  await requireEditableLessonPlan(actor, planId);
  const { count } = await db().lessonPlanStrategy.deleteMany({ where: { lessonPlanId: planId, strategyId } });
  if (count === 0) throw new LessonPlanError("strategyId", "That strategy is no longer linked to this plan.", 404);
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "lesson_plan.strategy_removed",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { strategyId },
    ipAddress,
  });
}

/** What deleting the plan takes with it, to say so before asking. */
export async function lessonPlanDeletionImpact(actor: Actor, planId: string) {
  await requireLessonPlanFacts(actor, planId);
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
export async function deleteLessonPlan(actor: Actor, planId: string, ipAddress = "") {
  const facts = await requireLessonPlanFacts(actor, planId);
  if (!canDeleteLessonPlan(actor, facts)) throw notAllowed();
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
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "lesson_plan.deleted",
    subjectType: "lesson_plan",
    subjectId: planId,
    detail: { title: plan.title, courseId: plan.courseId },
    ipAddress,
  });
  return plan;
}

/**
 * Copies the plan into another group or date of the same course: its structured
 * parts, strategy links, need-area notes, notes for students who are in the new
 * group, resources, and the body as last saved. Deployments, feedback and the
 * evaluation belong to the lesson that was taught, so they are not copied; the
 * copy starts as a draft.
 */
export async function duplicateLessonPlan(
  actor: Actor,
  planId: string,
  input: { title: string; groupId: string; lessonDate: string; startTime: string },
  ipAddress = "",
) {
  await requireEditableLessonPlan(actor, planId);
  const source = await db().lessonPlan.findUniqueOrThrow({
    where: { id: planId },
    include: { strategies: true, differentiation: true, resources: true },
  });
  await checkUnitAndGroup(source.courseId, { unitId: "", groupId: input.groupId });
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
        position: await tx.lessonPlan.count({ where: { courseId: source.courseId } }),
        objectives: source.objectives,
        successCriteria: source.successCriteria,
        starter: source.starter,
        mainActivity: source.mainActivity,
        plenary: source.plenary,
        assessment: source.assessment,
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
    });
  } catch (error) {
    await deleteLessonPlan(actor, copy.id, ipAddress);
    throw error;
  }
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "lesson_plan.duplicated",
    subjectType: "lesson_plan",
    subjectId: copy.id,
    detail: { from: planId },
    ipAddress,
  });
  return copy;
}
