// LSA deployment: a plan's editors deploy a supporter (from any institution of
// the partnership) to students for a phase, in a role and mode, with the EEF's
// four need-to-knows as a briefing; the supporter finds it under "My
// deployments", marks the briefing read and writes feedback after the lesson.
// Every query is scoped to the actor's partnership and checked against
// app/policies/deployment.ts here.
import type { BriefingInput, DeployInput } from "~/lib/forms/deployments";
import { DEPLOYMENT_MODES, LESSON_PHASES, SUPPORTER_ROLES } from "~/lib/co-planning";
import type { Actor } from "~/policies/actor";
import {
  canBeDeployed,
  canDeploySupporter,
  canEditDeployment,
  canMarkBriefingRead,
  canRecordDeploymentFeedback,
  canViewDeployment,
  type DeploymentFacts,
} from "~/policies/deployment";
import { canReadLessonPlan } from "~/policies/lesson-plan";
import { recordAudit } from "./audit.server";
import { db } from "./db.server";
import { loadLessonPlanFacts } from "./lesson-plan-facts.server";
import { LessonPlanError, requireLessonPlanFacts } from "./lesson-plans.server";

export const DEPLOYMENTS_PAGE_SIZE = 20;

export class DeploymentError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status: 400 | 403 | 404 = 400,
  ) {
    super(message);
  }
}

const notFound = () => new DeploymentError("form", "We could not find that deployment.", 404);

function isBriefed(b: { concepts: string; skills: string; outcomes: string; feedbackExpected: string }) {
  return Boolean(b.concepts.trim() && b.skills.trim() && b.outcomes.trim() && b.feedbackExpected.trim());
}

export async function loadDeploymentFacts(
  partnershipId: string,
  deploymentId: string,
): Promise<DeploymentFacts | null> {
  const deployment = await db().deployment.findFirst({
    where: { id: deploymentId, partnershipId },
    select: { partnershipId: true, supporterId: true, lessonPlanId: true },
  });
  if (!deployment) return null;
  const plan = await loadLessonPlanFacts(partnershipId, deployment.lessonPlanId);
  if (!plan) return null;
  return { partnershipId: deployment.partnershipId, supporterId: deployment.supporterId, plan };
}

async function requireDeployment(
  actor: Actor,
  deploymentId: string,
  allowed: (actor: Actor, facts: DeploymentFacts) => boolean,
  refusal: string,
) {
  const facts = await loadDeploymentFacts(actor.partnershipId, deploymentId);
  if (!facts || !canViewDeployment(actor, facts)) throw notFound();
  if (!allowed(actor, facts)) throw new DeploymentError("form", refusal, 403);
  return facts;
}

/** Who can be deployed: every active member of the partnership, LSAs first, with their institution. */
export async function listDeployableMembers(partnershipId: string) {
  const members = await db().user.findMany({
    where: { partnershipId, deactivatedAt: null },
    select: { id: true, name: true, role: true, jobTitle: true, institution: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
  return members.sort((a, b) => Number(b.role === "lsa") - Number(a.role === "lsa"));
}

export async function deploySupporter(actor: Actor, planId: string, input: DeployInput, ipAddress = "") {
  let plan;
  try {
    plan = await requireLessonPlanFacts(actor, planId);
  } catch (error) {
    if (error instanceof LessonPlanError) throw new DeploymentError("form", error.message, error.status);
    throw error;
  }
  if (!canDeploySupporter(actor, plan))
    throw new DeploymentError(
      "form",
      "Only the coordinator and the course's co-planners can deploy support in this lesson.",
      403,
    );
  if (!SUPPORTER_ROLES.is(input.supporterRole))
    throw new DeploymentError("supporterRole", "Choose their role in this lesson.");
  if (!LESSON_PHASES.is(input.phase)) throw new DeploymentError("phase", "Choose the part of the lesson.");
  if (!DEPLOYMENT_MODES.is(input.mode)) throw new DeploymentError("mode", "Choose how they will work.");
  const supporter = await db().user.findFirst({
    where: { id: input.supporterId, partnershipId: actor.partnershipId },
    select: { id: true, name: true, partnershipId: true, deactivatedAt: true },
  });
  if (!supporter || !canBeDeployed(supporter, plan))
    throw new DeploymentError("supporterId", "Choose an active member of the partnership.");
  const studentIds = [...new Set(input.studentIds)];
  if (studentIds.length > 0) {
    const lesson = await db().lessonPlan.findUniqueOrThrow({ where: { id: planId }, select: { groupId: true } });
    const inGroup = lesson.groupId
      ? await db().groupStudent.count({ where: { groupId: lesson.groupId, studentId: { in: studentIds } } })
      : 0;
    if (inGroup !== studentIds.length)
      throw new DeploymentError("studentIds", "Choose students of this lesson's teaching group.");
  }
  const briefing = {
    concepts: input.concepts,
    skills: input.skills,
    outcomes: input.outcomes,
    feedbackExpected: input.feedbackExpected,
    independence: input.independence,
  };
  const briefed = isBriefed(briefing);
  const deployment = await db().deployment.create({
    data: {
      partnershipId: actor.partnershipId,
      lessonPlanId: planId,
      supporterId: supporter.id,
      supporterRole: input.supporterRole,
      phase: input.phase,
      mode: input.mode,
      minutes: input.minutes,
      ...briefing,
      briefedById: briefed ? actor.id : null,
      briefedAt: briefed ? new Date() : null,
      students: { create: studentIds.map((studentId) => ({ studentId })) },
    },
  });
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "deployment.created",
    subjectType: "deployment",
    subjectId: deployment.id,
    detail: { lessonPlanId: planId, supporterId: supporter.id, students: studentIds.length },
    ipAddress,
  });
  return deployment;
}

/** Saves the briefing (all four need-to-knows and independence); the supporter is asked to read it again. */
export async function saveBriefing(actor: Actor, deploymentId: string, input: BriefingInput, ipAddress = "") {
  await requireDeployment(
    actor,
    deploymentId,
    canEditDeployment,
    "Only the coordinator and the course's co-planners can brief supporters in this lesson.",
  );
  const deployment = await db().deployment.update({
    where: { id: deploymentId },
    data: { ...input, briefedById: actor.id, briefedAt: new Date(), readAt: null },
  });
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "deployment.briefed",
    subjectType: "deployment",
    subjectId: deploymentId,
    ipAddress,
  });
  return deployment;
}

export async function removeDeployment(actor: Actor, deploymentId: string, ipAddress = "") {
  const facts = await requireDeployment(
    actor,
    deploymentId,
    canEditDeployment,
    "Only the coordinator and the course's co-planners can remove support from this lesson.",
  );
  await db().$transaction([
    db().deploymentStudent.deleteMany({ where: { deploymentId } }),
    db().deployment.delete({ where: { id: deploymentId } }),
  ]);
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "deployment.removed",
    subjectType: "deployment",
    subjectId: deploymentId,
    detail: { supporterId: facts.supporterId },
    ipAddress,
  });
}

/** The supporter confirms they have read the briefing. */
export async function markBriefingRead(actor: Actor, deploymentId: string, ipAddress = "") {
  await requireDeployment(
    actor,
    deploymentId,
    canMarkBriefingRead,
    "Only the person deployed can mark their briefing read.",
  );
  const deployment = await db().deployment.update({ where: { id: deploymentId }, data: { readAt: new Date() } });
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "deployment.briefing_read",
    subjectType: "deployment",
    subjectId: deploymentId,
    ipAddress,
  });
  return deployment;
}

/** The supporter's feedback after the lesson, shown to the teacher in the plan. */
export async function recordDeploymentFeedback(actor: Actor, deploymentId: string, feedback: string, ipAddress = "") {
  const trimmed = feedback.trim();
  if (trimmed.length < 3) throw new DeploymentError("feedback", "Write your feedback for the teacher.");
  await requireDeployment(
    actor,
    deploymentId,
    canRecordDeploymentFeedback,
    "Only the person deployed can write feedback on this deployment.",
  );
  const deployment = await db().deployment.update({
    where: { id: deploymentId },
    data: { feedback: trimmed, feedbackAt: new Date() },
  });
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "deployment.feedback",
    subjectType: "deployment",
    subjectId: deploymentId,
    detail: { lessonPlanId: deployment.lessonPlanId },
    ipAddress,
  });
  return deployment;
}

const deploymentInclude = {
  supporter: { select: { id: true, name: true, role: true, institution: { select: { name: true } } } },
  briefedBy: { select: { id: true, name: true } },
  students: { select: { studentId: true } },
} as const;

/** The deployments of one plan (the caller has checked the plan may be read). */
export async function listPlanDeployments(partnershipId: string, planId: string) {
  return db().deployment.findMany({
    where: { lessonPlanId: planId, partnershipId },
    include: deploymentInclude,
    orderBy: [{ createdAt: "asc" }],
  });
}

/** One deployment with its lesson, for the briefing page; null when missing or out of reach (404). */
export async function getDeployment(actor: Actor, deploymentId: string) {
  const facts = await loadDeploymentFacts(actor.partnershipId, deploymentId);
  if (!facts || !canViewDeployment(actor, facts)) return null;
  const deployment = await db().deployment.findFirst({
    where: { id: deploymentId, partnershipId: actor.partnershipId },
    include: {
      ...deploymentInclude,
      lessonPlan: {
        select: {
          id: true,
          title: true,
          lessonDate: true,
          startTime: true,
          durationMinutes: true,
          objectives: true,
          successCriteria: true,
          starter: true,
          mainActivity: true,
          plenary: true,
          course: { select: { title: true } },
          group: { select: { id: true, name: true, site: { select: { name: true } } } },
        },
      },
    },
  });
  if (!deployment) return null;
  return {
    deployment,
    isSupporter: canMarkBriefingRead(actor, facts),
    canGiveFeedback: canRecordDeploymentFeedback(actor, facts),
    canReadPlan: canReadLessonPlan(actor, facts.plan),
  };
}

/** Today's date in the UK as stored for lessons ("2026-03-12" at midnight UTC). */
export function ukToday(now = new Date()): Date {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return new Date(`${day}T00:00:00.000Z`);
}

export type DeploymentWhen = "upcoming" | "past";

/** The actor's own deployments, across every site: upcoming soonest first, or past latest first. */
export async function listMyDeployments(
  actor: Actor,
  options: { when?: DeploymentWhen; page?: number; now?: Date } = {},
) {
  const when = options.when ?? "upcoming";
  const page = Math.max(1, options.page ?? 1);
  const today = ukToday(options.now);
  const where = {
    partnershipId: actor.partnershipId,
    supporterId: actor.id,
    lessonPlan:
      when === "upcoming"
        ? { OR: [{ lessonDate: { gte: today } }, { lessonDate: null }] }
        : { lessonDate: { lt: today } },
  };
  const direction = when === "upcoming" ? ("asc" as const) : ("desc" as const);
  const [rows, total, upcomingCount] = await Promise.all([
    db().deployment.findMany({
      where,
      include: {
        students: { select: { studentId: true } },
        lessonPlan: {
          select: {
            id: true,
            title: true,
            lessonDate: true,
            startTime: true,
            durationMinutes: true,
            status: true,
            course: { select: { title: true } },
            group: { select: { id: true, name: true, site: { select: { name: true } } } },
          },
        },
      },
      orderBy: [
        { lessonPlan: { lessonDate: direction } },
        { lessonPlan: { startTime: direction } },
        { createdAt: "asc" },
      ],
      skip: (page - 1) * DEPLOYMENTS_PAGE_SIZE,
      take: DEPLOYMENTS_PAGE_SIZE,
    }),
    db().deployment.count({ where }),
    db().deployment.count({ where: { partnershipId: actor.partnershipId, supporterId: actor.id } }),
  ]);
  return {
    deployments: rows,
    total,
    hasAny: upcomingCount > 0,
    page,
    pageCount: Math.max(1, Math.ceil(total / DEPLOYMENTS_PAGE_SIZE)),
    when,
  };
}

/** Whether the member has any deployment at all (for the "My deployments" navigation item). */
export async function hasDeployments(actor: Actor): Promise<boolean> {
  return (await db().deployment.count({ where: { partnershipId: actor.partnershipId, supporterId: actor.id } })) > 0;
}
