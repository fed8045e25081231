// The deployment events that tell someone: the supporter is deployed, their briefing changes, their deployment is
// removed; the teacher gets the supporter's feedback. Called by deployments.server.ts right after the change.
import type { ActionContext } from "~/policies/actor";
import { db } from "./db.server";
import { deleteNotificationsAbout, notify } from "./notifications.server";

type DeploymentEvent = "deployment-assigned" | "deployment-changed" | "deployment-removed";

const TITLES: Record<DeploymentEvent, (plan: string) => string> = {
  "deployment-assigned": (plan) => `You are deployed to support ${plan}`,
  "deployment-changed": (plan) => `Your briefing for ${plan} has changed: please read it again`,
  "deployment-removed": (plan) => `Your deployment to ${plan} has been removed`,
};

async function planTitle(lessonPlanId: string): Promise<string> {
  const plan = await db().lessonPlan.findUnique({ where: { id: lessonPlanId }, select: { title: true } });
  return plan?.title ?? "a lesson";
}

/** `stamp` tells one change from the next (the deployment's updatedAt): a retry of the same change tells once. */
export async function notifySupporter(
  ctx: ActionContext,
  kind: DeploymentEvent,
  deployment: { id: string; supporterId: string; lessonPlanId: string },
  stamp: Date,
) {
  // A removed deployment takes what told of it; the removal itself is told about the plan, which remains.
  if (kind === "deployment-removed") await deleteNotificationsAbout("deployment", [deployment.id]);
  await notify({
    partnershipId: ctx.actor.partnershipId,
    kind,
    recipientIds: [deployment.supporterId],
    actorId: ctx.actor.id,
    title: TITLES[kind](await planTitle(deployment.lessonPlanId)),
    href: kind === "deployment-removed" ? "/deployments" : `/deployments/${deployment.id}`,
    subjectType: kind === "deployment-removed" ? "lesson-plan" : "deployment",
    subjectId: kind === "deployment-removed" ? deployment.lessonPlanId : deployment.id,
    dedupeKey: `${kind}:${deployment.id}:${stamp.toISOString()}`,
  });
}

/** The teacher who briefed the supporter (or, unbriefed, the plan's author) hears of the feedback. */
export async function notifyFeedbackReturned(
  ctx: ActionContext,
  deployment: { id: string; lessonPlanId: string; briefedById: string | null; feedbackAt: Date | null },
) {
  const plan = await db().lessonPlan.findUnique({
    where: { id: deployment.lessonPlanId },
    select: { title: true, createdById: true },
  });
  const teacherId = deployment.briefedById ?? plan?.createdById;
  if (!teacherId) return;
  await notify({
    partnershipId: ctx.actor.partnershipId,
    kind: "feedback-returned",
    recipientIds: [teacherId],
    actorId: ctx.actor.id,
    title: `Feedback from the supporter on ${plan?.title ?? "your lesson"}`,
    href: `/plans/${deployment.lessonPlanId}`,
    subjectType: "deployment",
    subjectId: deployment.id,
    dedupeKey: `feedback-returned:${deployment.id}:${deployment.feedbackAt?.toISOString() ?? ""}`,
  });
}
