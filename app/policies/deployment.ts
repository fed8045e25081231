// Who may deploy a supporter in a lesson, brief them, and act on a deployment.
// Pure functions over plain facts; every rule starts from the partnership.
//   plan editors (coordinator; teachers co-planning the course): deploy, brief, change, remove
//   the deployed supporter (whatever their role): reads their briefing, marks it read, writes feedback
//   plan readers (leaders, teachers): see deployments and feedback in the plan; change nothing
import { samePartnership, type Actor } from "./actor";
import { canEditLessonPlan, canReadLessonPlan, type LessonPlanFacts } from "./lesson-plan";

export interface DeploymentFacts {
  partnershipId: string;
  supporterId: string;
  plan: LessonPlanFacts;
}

/** Who may be deployed: any active member of the plan's partnership (LSAs first in the list). */
export function canBeDeployed(
  supporter: { partnershipId: string; deactivatedAt: Date | null },
  plan: LessonPlanFacts,
): boolean {
  return supporter.partnershipId === plan.partnershipId && supporter.deactivatedAt === null;
}

export function canDeploySupporter(actor: Actor, plan: LessonPlanFacts): boolean {
  return canEditLessonPlan(actor, plan);
}

const isSupporter = (actor: Actor, deployment: DeploymentFacts) =>
  samePartnership(actor, deployment) && samePartnership(actor, deployment.plan) && actor.id === deployment.supporterId;

export function canViewDeployment(actor: Actor, deployment: DeploymentFacts): boolean {
  if (!samePartnership(actor, deployment)) return false;
  return isSupporter(actor, deployment) || canReadLessonPlan(actor, deployment.plan);
}

/** The briefing (four need-to-knows, independence), students, phase, mode, minutes; and removal. */
export function canEditDeployment(actor: Actor, deployment: DeploymentFacts): boolean {
  return samePartnership(actor, deployment) && canEditLessonPlan(actor, deployment.plan);
}

export function canMarkBriefingRead(actor: Actor, deployment: DeploymentFacts): boolean {
  return isSupporter(actor, deployment);
}

export function canRecordDeploymentFeedback(actor: Actor, deployment: DeploymentFacts): boolean {
  return isSupporter(actor, deployment);
}
