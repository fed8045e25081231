// LSA deployment: a plan's editors deploy a supporter (from any institution of the partnership) to students for a
// phase, in a role and mode, with the EEF's four need-to-knows as a briefing; the supporter finds it under "My
// deployments", marks the briefing read and writes feedback after the lesson. Changes from the plan page take the
// plan its route has checked (requireLessonPlan); the supporter's own actions are checked against
// app/policies/deployment.ts here. Every query is scoped to the actor's partnership.
import { DomainError, invalidField } from "~/lib/errors";
import type { BriefingInput, DeployInput } from "~/lib/forms/deployments";
import { DEPLOYMENT_MODES, LESSON_PHASES, SUPPORTER_ROLES } from "~/lib/co-planning";
import { lessonDateOf, ukDayOf } from "~/lib/uk-calendar";
import type { ActionContext, Actor } from "~/policies/actor";
import {
  canBeDeployed,
  canMarkBriefingRead,
  canRecordDeploymentFeedback,
  canViewDeployment,
  type DeploymentFacts,
} from "~/policies/deployment";
import { canReadLessonPlan } from "~/policies/lesson-plan";
import { auditAction } from "./audit.server";
import { db } from "./db.server";
import { notifyFeedbackReturned, notifySupporter } from "./deployment-notifications.server";
import { deleteCommentsAbout } from "./comment-deletion.server";
import { loadLessonPlanFacts, type LessonPlanAccess } from "./lesson-plan-facts.server";
import { myDeploymentsPage } from "./my-deployments-sql.server";

const DEPLOYMENTS_PAGE_SIZE = 20;

const DEPLOYMENT_NOT_FOUND = "We could not find that deployment.";

function isBriefed(b: { concepts: string; skills: string; outcomes: string; feedbackExpected: string }) {
  return Boolean(b.concepts.trim() && b.skills.trim() && b.outcomes.trim() && b.feedbackExpected.trim());
}

/** A deployment's briefing: the four need-to-knows and the independence note. */
export function briefingOf(d: BriefingInput) {
  const { concepts, skills, outcomes, feedbackExpected, independence } = d;
  return { concepts, skills, outcomes, feedbackExpected, independence };
}

/** A deployment as the rules see it, with its id: what the supporter's own changes take. */
export interface DeploymentAccess extends DeploymentFacts {
  id: string;
}

/** A deployment as the rules see it (its supporter and its plan's facts), or null when it is not in the partnership. */
export async function loadDeploymentFacts(
  partnershipId: string,
  deploymentId: string,
): Promise<DeploymentAccess | null> {
  const deployment = await db().deployment.findFirst({
    where: { id: deploymentId, partnershipId },
    select: { id: true, partnershipId: true, supporterId: true, lessonPlanId: true },
  });
  if (!deployment) return null;
  const plan = await loadLessonPlanFacts(partnershipId, deployment.lessonPlanId);
  if (!plan) return null;
  return { id: deployment.id, partnershipId: deployment.partnershipId, supporterId: deployment.supporterId, plan };
}

/**
 * The deployment page's gate, asked once per request: the deployment if the actor may see it and `rule` allows
 * them (canMarkBriefingRead, canRecordDeploymentFeedback); a 404 when it is out of reach, a 403 with `refusal`.
 */
export async function requireDeployment(
  actor: Actor,
  deploymentId: string,
  rule: (actor: Actor, facts: DeploymentFacts) => boolean,
  refusal: string,
): Promise<DeploymentAccess> {
  const facts = await loadDeploymentFacts(actor.partnershipId, deploymentId);
  if (!facts || !canViewDeployment(actor, facts)) throw new DomainError("not-found", DEPLOYMENT_NOT_FOUND);
  if (!rule(actor, facts)) throw new DomainError("forbidden", refusal);
  return facts;
}

/** Who can be deployed: every active member of the partnership, LSAs first, with their institution. */
export async function listDeployableMembers(partnershipId: string) {
  // One statement: every active member of the partnership with their institution, for the deploy form's choice.
  const members = await db().$queryRaw<
    Array<{ id: string; name: string; role: string; jobTitle: string; institutionName: string }>
  >`SELECT u."id", u."name", u."role", u."jobTitle", i."name" AS "institutionName"
    FROM "User" u JOIN "Institution" i ON i."id" = u."institutionId"
    WHERE u."partnershipId" = ${partnershipId} AND u."deactivatedAt" IS NULL
    ORDER BY u."name" ASC`;
  return members
    .map(({ institutionName, ...member }) => ({ ...member, institution: { name: institutionName } }))
    .sort((a, b) => Number(b.role === "lsa") - Number(a.role === "lsa"));
}

/** Deploys a supporter in a plan the page has checked for its editors (canDeploySupporter is canEditLessonPlan). */
export async function deploySupporter(ctx: ActionContext, plan: LessonPlanAccess, input: DeployInput) {
  const { actor } = ctx;
  const planId = plan.id;
  if (!SUPPORTER_ROLES.is(input.supporterRole))
    throw invalidField("supporterRole", "Choose their role in this lesson.");
  if (!LESSON_PHASES.is(input.phase)) throw invalidField("phase", "Choose the part of the lesson.");
  if (!DEPLOYMENT_MODES.is(input.mode)) throw invalidField("mode", "Choose how they will work.");
  const supporter = await db().user.findFirst({
    where: { id: input.supporterId, partnershipId: actor.partnershipId },
    select: { id: true, name: true, partnershipId: true, deactivatedAt: true },
  });
  if (!supporter || !canBeDeployed(supporter, plan))
    throw invalidField("supporterId", "Choose an active member of the partnership.");
  const studentIds = [...new Set(input.studentIds)];
  if (studentIds.length > 0) {
    const inGroup = plan.groupId
      ? await db().groupStudent.count({
          where: { groupId: plan.groupId, studentId: { in: studentIds }, student: { leftOn: null } },
        })
      : 0;
    if (inGroup !== studentIds.length)
      throw invalidField("studentIds", "Choose students of this lesson's teaching group.");
  }
  const briefing = briefingOf(input);
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
  await auditAction(ctx, {
    action: "deployment.created",
    subjectType: "deployment",
    subjectId: deployment.id,
    detail: { lessonPlanId: planId, supporterId: supporter.id, students: studentIds.length },
  });
  await notifySupporter(ctx, "deployment-assigned", deployment, deployment.createdAt);
  return deployment;
}

/** A deployment of a plan the page has checked for its editors (canEditDeployment asks canEditLessonPlan). */
export interface PlanDeployment {
  id: string;
  supporterId: string;
}

/** One deployment of the checked plan; a 404 when it is not that plan's. */
export async function requirePlanDeployment(plan: LessonPlanAccess, deploymentId: string): Promise<PlanDeployment> {
  const found = await db().deployment.findFirst({
    where: { id: deploymentId, lessonPlanId: plan.id, partnershipId: plan.partnershipId },
    select: { id: true, supporterId: true },
  });
  if (!found) throw new DomainError("not-found", DEPLOYMENT_NOT_FOUND);
  return found;
}

/** Saves the briefing (all four need-to-knows and independence); the supporter is asked to read it again. */
export async function saveBriefing(ctx: ActionContext, { id: deploymentId }: PlanDeployment, input: BriefingInput) {
  const deployment = await db().deployment.update({
    where: { id: deploymentId },
    data: { ...input, briefedById: ctx.actor.id, briefedAt: new Date(), readAt: null },
  });
  await auditAction(ctx, {
    action: "deployment.briefed",
    subjectType: "deployment",
    subjectId: deploymentId,
  });
  await notifySupporter(ctx, "deployment-changed", deployment, deployment.updatedAt);
  return deployment;
}

export async function removeDeployment(ctx: ActionContext, deployment: PlanDeployment) {
  const deploymentId = deployment.id;
  const removed = await db().deployment.findUniqueOrThrow({ where: { id: deploymentId } });
  await db().$transaction([
    db().deploymentStudent.deleteMany({ where: { deploymentId } }),
    db().deployment.delete({ where: { id: deploymentId } }),
  ]);
  await deleteCommentsAbout("deployment", [deploymentId]);
  await auditAction(ctx, {
    action: "deployment.removed",
    subjectType: "deployment",
    subjectId: deploymentId,
    detail: { supporterId: deployment.supporterId },
  });
  await notifySupporter(ctx, "deployment-removed", removed, new Date());
}

/** The supporter confirms they have read the briefing (the page has asked canMarkBriefingRead). */
export async function markBriefingRead(ctx: ActionContext, { id: deploymentId }: DeploymentAccess) {
  const deployment = await db().deployment.update({ where: { id: deploymentId }, data: { readAt: new Date() } });
  await auditAction(ctx, {
    action: "deployment.briefing_read",
    subjectType: "deployment",
    subjectId: deploymentId,
  });
  return deployment;
}

/** The supporter's feedback after the lesson, shown to the teacher in the plan (the page asked its rule). */
export async function recordDeploymentFeedback(
  ctx: ActionContext,
  { id: deploymentId }: DeploymentAccess,
  feedback: string,
) {
  const trimmed = feedback.trim();
  if (trimmed.length < 3) throw invalidField("feedback", "Write your feedback for the teacher.");
  const deployment = await db().deployment.update({
    where: { id: deploymentId },
    data: { feedback: trimmed, feedbackAt: new Date() },
  });
  await auditAction(ctx, {
    action: "deployment.feedback",
    subjectType: "deployment",
    subjectId: deploymentId,
    detail: { lessonPlanId: deployment.lessonPlanId },
  });
  await notifyFeedbackReturned(ctx, deployment);
  return deployment;
}

const deploymentInclude = {
  supporter: { select: { id: true, name: true, role: true, institution: { select: { name: true } } } },
  briefedBy: { select: { id: true, name: true } },
  students: { select: { studentId: true } },
} as const;

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

export type DeploymentWhen = "upcoming" | "past";

/** The actor's own deployments, across every site: upcoming soonest first, or past latest first. */
export async function listMyDeployments(
  actor: Actor,
  options: { when?: DeploymentWhen; page?: number; now?: Date } = {},
) {
  const when = options.when ?? "upcoming";
  const page = Math.max(1, options.page ?? 1);
  const { deployments, total, hasAny } = await myDeploymentsPage(actor, {
    upcoming: when === "upcoming",
    today: lessonDateOf(ukDayOf(options.now ?? new Date())),
    skip: (page - 1) * DEPLOYMENTS_PAGE_SIZE,
    take: DEPLOYMENTS_PAGE_SIZE,
  });
  return {
    deployments,
    total,
    hasAny,
    page,
    pageCount: Math.max(1, Math.ceil(total / DEPLOYMENTS_PAGE_SIZE)),
    when,
  };
}
