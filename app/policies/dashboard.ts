// Who sees the partnership dashboards, the shared practice gallery and their CSV downloads, and who features
// practice. Pure functions over plain facts; every rule starts from the partnership.
//   coordinator, leader: the whole partnership's figures; feature a plan or strategy in the gallery
//   teacher:             the same figures for the courses they co-plan (CoursePlanner) only
//   lsa:                 no dashboards (their own deployments are on /deployments); the gallery's reviewed plans
//                        only where they were deployed, as the lesson-plan policy says
import { isCoordinator, isLeader, isTeacher, samePartnership, type Actor } from "./actor";

/** What a dashboard counts for this actor: everything in the partnership, or the courses they co-plan. */
export type DashboardScope = { kind: "partnership" } | { kind: "planned-courses"; plannerId: string };

/** The scope of the figures the actor may see, or null when they may see none. */
export function dashboardScopeFor(actor: Actor): DashboardScope | null {
  if (isCoordinator(actor) || isLeader(actor)) return { kind: "partnership" };
  if (isTeacher(actor)) return { kind: "planned-courses", plannerId: actor.id };
  return null;
}

export function canViewDashboards(actor: Actor): boolean {
  return dashboardScopeFor(actor) !== null;
}

/** Every member browses the gallery; which reviewed plans they see is the lesson-plan rule (app/models/gallery). */
export function canBrowseGallery(_actor: Actor): boolean {
  return true;
}

/** Featuring (and unfeaturing) practice is the coordinator's and leaders' call, within their partnership. */
export function canFeaturePractice(actor: Actor, record: { partnershipId: string }): boolean {
  return samePartnership(actor, record) && (isCoordinator(actor) || isLeader(actor));
}
