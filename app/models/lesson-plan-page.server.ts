// The plan page's server side: everything it shows, gathered in one call, and
// the one dispatcher for its forms (each form posts one `intent`). Field errors
// come back in conform's shape so each form shows them beside its fields.
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import type { z } from "zod";
import { analyseDeployments } from "~/lib/deployment-patterns";
import { briefingSchema, deploySchema, removeDeploymentSchema } from "~/lib/forms/deployments";
import {
  assessmentSchema,
  differentiationSchema,
  evaluationSchema,
  linkResourceSchema,
  objectivesSchema,
  phasesSchema,
  planDetailsSchema,
  removeDifferentiationSchema,
  removeResourceSchema,
  statusSchema,
  unlinkStrategySchema,
} from "~/lib/forms/lesson-plans";
import type { Actor } from "~/policies/actor";
import { getDocumentByOwnerForActor } from "./collab-documents.server";
import { db } from "./db.server";
import {
  DeploymentError,
  deploySupporter,
  listDeployableMembers,
  listPlanDeployments,
  removeDeployment,
  saveBriefing,
} from "./deployments.server";
import { LESSON_PLAN_DOCUMENT } from "./document-owners.server";
import { addLinkResource, addFileResource, removeResource } from "./lesson-resources.server";
import { lessonStudents } from "./lesson-students.server";
import {
  LessonPlanError,
  addDifferentiationNote,
  fromLessonDate,
  getLessonPlan,
  lessonPlanDeletionImpact,
  removeDifferentiationNote,
  setLessonPlanStatus,
  unlinkStrategy,
  updateLessonPlanPart,
} from "./lesson-plans.server";

/**
 * The plan's shared notes with the actor's rights on them, and the plan's title, for the notes' own pages
 * (version history); null for 404. The notes' access rules are the plan's (document-owners.server.ts).
 */
export async function loadLessonPlanNotes(actor: Actor, planId: string) {
  const notes = await getDocumentByOwnerForActor(actor, LESSON_PLAN_DOCUMENT, planId);
  if (!notes) return null;
  const plan = await db().lessonPlan.findFirst({
    where: { id: planId, partnershipId: actor.partnershipId },
    select: { title: true },
  });
  return plan ? { title: plan.title, notes } : null;
}

/** Everything the plan page shows, as the actor may see it; null for 404. */
export async function loadLessonPlanPage(
  actor: Actor,
  planId: string,
  options: { confirmDelete?: boolean; ipAddress?: string } = {},
) {
  const found = await getLessonPlan(actor, planId);
  if (!found) return null;
  const { plan, canEdit, canDelete } = found;
  const [deployments, body, units, groups, members, impact] = await Promise.all([
    listPlanDeployments(actor.partnershipId, plan.id),
    getDocumentByOwnerForActor(actor, LESSON_PLAN_DOCUMENT, plan.id),
    canEdit
      ? db().courseUnit.findMany({
          where: { courseId: plan.courseId },
          orderBy: { position: "asc" },
          select: { id: true, title: true },
        })
      : [],
    canEdit
      ? db().teachingGroup.findMany({
          where: { courseId: plan.courseId, partnershipId: actor.partnershipId },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        })
      : [],
    canEdit ? listDeployableMembers(actor.partnershipId) : [],
    canDelete && options.confirmDelete ? lessonPlanDeletionImpact(actor, plan.id) : null,
  ]);
  const students = await lessonStudents(
    { actor, ipAddress: options.ipAddress ?? "" },
    {
      groupIds: plan.groupId ? [plan.groupId] : [],
      studentIds: [
        ...deployments.flatMap((d) => d.students.map((s) => s.studentId)),
        ...plan.differentiation.flatMap((n) => (n.studentId ? [n.studentId] : [])),
      ],
    },
    "lesson-plan",
  );
  const inGroup = plan.groupId
    ? new Set(
        (await db().groupStudent.findMany({ where: { groupId: plan.groupId }, select: { studentId: true } })).map(
          (g) => g.studentId,
        ),
      )
    : new Set<string>();
  const nameOf = (studentId: string) => students.get(studentId)?.name ?? "a student";
  const patterns = analyseDeployments(
    plan.durationMinutes,
    deployments.map((d) => ({
      id: d.id,
      supporterName: d.supporter.name,
      phase: d.phase,
      mode: d.mode,
      minutes: d.minutes,
      studentIds: d.students.map((s) => s.studentId),
      briefed: Boolean(d.briefedAt),
    })),
    nameOf,
  );
  const { differentiation, ...rest } = plan;
  return {
    plan: { ...rest, lessonDate: fromLessonDate(plan.lessonDate) },
    canEdit,
    canDelete,
    body: body ? { documentId: body.document.id, canWrite: body.canWrite } : null,
    notes: differentiation.map((n) => ({ ...n, studentName: n.studentId ? nameOf(n.studentId) : null })),
    groupStudents: [...students.values()].filter((s) => inGroup.has(s.id)),
    deployments: deployments.map((d) => ({
      id: d.id,
      supporter: { id: d.supporter.id, name: d.supporter.name, institution: d.supporter.institution.name },
      supporterRole: d.supporterRole,
      phase: d.phase,
      mode: d.mode,
      minutes: d.minutes,
      students: d.students.map((s) => ({ id: s.studentId, name: nameOf(s.studentId) })),
      briefing: {
        concepts: d.concepts,
        skills: d.skills,
        outcomes: d.outcomes,
        feedbackExpected: d.feedbackExpected,
        independence: d.independence,
      },
      briefedBy: d.briefedBy?.name ?? null,
      briefedAt: d.briefedAt,
      readAt: d.readAt,
      feedback: d.feedback,
      feedbackAt: d.feedbackAt,
    })),
    patterns: {
      perStudent: patterns.perStudent.map((s) => ({ ...s, name: nameOf(s.studentId) })),
      warnings: patterns.warnings,
    },
    units,
    groups,
    members: members.map((m) => ({
      value: m.id,
      label: `${m.name} (${m.role === "lsa" ? "LSA" : m.jobTitle || m.role}, ${m.institution.name})`,
    })),
    impact,
  };
}

export type PlanChange = {
  entity: "lesson-plan" | "deployment";
  id: string;
  action: "created" | "updated" | "deleted";
};
export type PlanIntentOutcome =
  | {
      ok: true;
      intent: string;
      result: SubmissionResult<string[]>;
      message: string;
      change: PlanChange;
      deploymentId?: string;
    }
  | { ok: false; intent: string; result: SubmissionResult<string[]>; status: 400; deploymentId?: string };

/** A refusal of an upload before it could be read (too large): the file field's message. */
export function uploadRefused(message: string): PlanIntentOutcome {
  return { ok: false, intent: "add-file", status: 400, result: { status: "error", error: { file: [message] } } };
}

/**
 * Runs one form of the plan page. Field errors return as a 400 outcome; a
 * refusal (403) or a record out of reach (404) is thrown as a LessonPlanError
 * or DeploymentError with that status for the route to turn into a response.
 */
export async function runLessonPlanIntent(
  actor: Actor,
  planId: string,
  formData: FormData,
  ipAddress = "",
): Promise<PlanIntentOutcome> {
  const intent = String(formData.get("intent") ?? "");
  const planChange: PlanChange = { entity: "lesson-plan", id: planId, action: "updated" };

  async function run<S extends z.ZodTypeAny>(
    schema: S,
    apply: (value: z.infer<S>) => Promise<{ message: string; change?: PlanChange }>,
    deploymentId?: string,
  ): Promise<PlanIntentOutcome> {
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success")
      return { ok: false, intent, status: 400, result: submission.reply(), deploymentId };
    try {
      const done = await apply(submission.value);
      return {
        ok: true,
        intent,
        result: submission.reply({ resetForm: intent.startsWith("add-") || intent === "deploy" }),
        message: done.message,
        change: done.change ?? planChange,
        deploymentId,
      };
    } catch (error) {
      if ((error instanceof LessonPlanError || error instanceof DeploymentError) && error.status === 400) {
        return {
          ok: false,
          intent,
          status: 400,
          result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }),
          deploymentId,
        };
      }
      throw error;
    }
  }

  switch (intent) {
    case "details":
      return run(
        planDetailsSchema,
        async (v) => (await updateLessonPlanPart(actor, planId, v, ipAddress), { message: "Lesson details saved." }),
      );
    case "objectives":
      return run(
        objectivesSchema,
        async (v) => (
          await updateLessonPlanPart(actor, planId, v, ipAddress),
          { message: "Objectives and success criteria saved." }
        ),
      );
    case "phases":
      return run(
        phasesSchema,
        async (v) => (
          await updateLessonPlanPart(actor, planId, v, ipAddress),
          { message: "Starter, main activity and plenary saved." }
        ),
      );
    case "assessment":
      return run(
        assessmentSchema,
        async (v) => (
          await updateLessonPlanPart(actor, planId, v, ipAddress),
          { message: "Assessment for learning saved." }
        ),
      );
    case "evaluation":
      return run(
        evaluationSchema,
        async (v) => (await updateLessonPlanPart(actor, planId, v, ipAddress), { message: "Evaluation saved." }),
      );
    case "status":
      return run(
        statusSchema,
        async (v) => (await setLessonPlanStatus(actor, planId, v.status, ipAddress), { message: "Status changed." }),
      );
    case "add-differentiation":
      return run(
        differentiationSchema,
        async (v) => (
          await addDifferentiationNote(actor, planId, v, ipAddress),
          { message: "Differentiation note added." }
        ),
      );
    case "remove-differentiation":
      return run(
        removeDifferentiationSchema,
        async (v) => (
          await removeDifferentiationNote(actor, planId, v.noteId, ipAddress),
          { message: "Note removed." }
        ),
      );
    case "unlink-strategy":
      return run(
        unlinkStrategySchema,
        async (v) => (
          await unlinkStrategy(actor, planId, v.strategyId, ipAddress),
          { message: "Strategy removed from this plan. It stays in the library." }
        ),
      );
    case "add-link":
      return run(
        linkResourceSchema,
        async (v) => (await addLinkResource(actor, planId, v, ipAddress), { message: "Link added." }),
      );
    case "add-file": {
      const file = formData.get("file");
      const title = String(formData.get("title") ?? "");
      if (!(file instanceof Blob) || file.size === 0) {
        return {
          ok: false,
          intent,
          status: 400,
          result: { status: "error", initialValue: { title }, error: { file: ["Choose a file to upload."] } },
        };
      }
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const name = "name" in file && typeof file.name === "string" ? file.name : "file";
        await addFileResource(actor, planId, { title, fileName: name, bytes }, ipAddress);
        return {
          ok: true,
          intent,
          result: { status: "success", initialValue: null },
          message: "File uploaded.",
          change: planChange,
        };
      } catch (error) {
        if (error instanceof LessonPlanError && error.status === 400) {
          return {
            ok: false,
            intent,
            status: 400,
            result: { status: "error", initialValue: { title }, error: { [error.field]: [error.message] } },
          };
        }
        throw error;
      }
    }
    case "remove-resource":
      return run(
        removeResourceSchema,
        async (v) => (await removeResource(actor, planId, v.resourceId, ipAddress), { message: "Resource removed." }),
      );
    case "deploy":
      return run(deploySchema, async ({ intent: _intent, ...v }) => {
        const deployment = await deploySupporter(actor, planId, v, ipAddress);
        return {
          message: deployment.briefedAt
            ? "Supporter deployed and briefed."
            : "Supporter deployed. Add their briefing before the lesson.",
          change: { entity: "deployment", id: deployment.id, action: "created" },
        };
      });
    case "brief": {
      const deploymentId = String(formData.get("deploymentId") ?? "");
      await checkDeploymentInPlan(actor, planId, deploymentId);
      return run(
        briefingSchema,
        async ({ intent: _intent, deploymentId: id, ...v }) => (
          await saveBriefing(actor, id, v, ipAddress),
          {
            message: "Briefing saved. The supporter is asked to read it again.",
            change: { entity: "deployment", id, action: "updated" },
          }
        ),
        deploymentId,
      );
    }
    case "remove-deployment": {
      const deploymentId = String(formData.get("deploymentId") ?? "");
      await checkDeploymentInPlan(actor, planId, deploymentId);
      return run(
        removeDeploymentSchema,
        async (v) => (
          await removeDeployment(actor, v.deploymentId, ipAddress),
          { message: "Deployment removed.", change: { entity: "deployment", id: v.deploymentId, action: "deleted" } }
        ),
      );
    }
    default:
      return {
        ok: false,
        intent,
        status: 400,
        result: { status: "error", error: { "": ["That action is not available here."] } },
      };
  }
}

async function checkDeploymentInPlan(actor: Actor, planId: string, deploymentId: string) {
  const found = await db().deployment.findFirst({
    where: { id: deploymentId, lessonPlanId: planId, partnershipId: actor.partnershipId },
    select: { id: true },
  });
  if (!found) throw new DeploymentError("form", "We could not find that deployment.", 404);
}
