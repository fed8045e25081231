// Who may do what in the strategy library. Pure functions over plain facts, used
// by loaders, actions and (for the co-edited description) the socket engine via
// the document owner-type registry. Every rule starts from the tenant check.
// Reading and editing lesson plans are the lesson-plan policy's rules, used as they are.
import { isCoordinator, isLsa, isTeacher, samePartnership, type Actor } from "./actor";
import { canEditLessonPlan, type LessonPlanFacts } from "./lesson-plan";

/** The owner type of a strategy's co-edited description (CollabDocument.ownerType). */
export const STRATEGY_DOCUMENT = "strategy";

export interface StrategyFacts {
  partnershipId: string;
  createdById: string | null;
}

export interface RatingFacts {
  userId: string;
}

/** Coordinators, teachers and LSAs (who co-plan) share strategies; leaders browse and rate. */
const sharesPractice = (actor: Actor) => isCoordinator(actor) || isTeacher(actor) || isLsa(actor);

export function canBrowseStrategies(_actor: Actor): boolean {
  return true;
}

export function canReadStrategy(actor: Actor, strategy: StrategyFacts): boolean {
  return samePartnership(actor, strategy);
}

export function canShareStrategy(actor: Actor): boolean {
  return sharesPractice(actor);
}

/** The summary, evidence and tags: the author (while they still share practice) or the coordinator. */
export function canEditStrategy(actor: Actor, strategy: StrategyFacts): boolean {
  if (!samePartnership(actor, strategy)) return false;
  if (isCoordinator(actor)) return true;
  return sharesPractice(actor) && strategy.createdById === actor.id;
}

/** Deleting a strategy (with its ratings and plan links) is for those who may edit it. */
export function canDeleteStrategy(actor: Actor, strategy: StrategyFacts): boolean {
  return canEditStrategy(actor, strategy);
}

/** The co-edited description: every member reads; coordinator, teachers and LSAs write. */
export function canReadStrategyDescription(actor: Actor, doc: { partnershipId: string }): boolean {
  return samePartnership(actor, doc);
}

export function canWriteStrategyDescription(actor: Actor, doc: { partnershipId: string }): boolean {
  return samePartnership(actor, doc) && sharesPractice(actor);
}

/** Anyone in the partnership rates impact, leaders included. */
export function canRateStrategy(actor: Actor, strategy: StrategyFacts): boolean {
  return samePartnership(actor, strategy);
}

/** A rating (and its comment) is changed only by the member who gave it. */
export function canEditRating(actor: Actor, strategy: StrategyFacts, rating: RatingFacts): boolean {
  return canRateStrategy(actor, strategy) && rating.userId === actor.id;
}

/** Whether the actor could edit any lesson plan at all (so the page offers "add to a lesson plan"). */
export function mayEditLessonPlans(actor: Actor): boolean {
  return isCoordinator(actor) || isTeacher(actor);
}

/** Adding a strategy to a plan needs the strategy readable and the plan editable (the lesson-plan rule). */
export function canAddStrategyToPlan(actor: Actor, strategy: StrategyFacts, plan: LessonPlanFacts): boolean {
  return canReadStrategy(actor, strategy) && canEditLessonPlan(actor, plan);
}
