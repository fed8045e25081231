// The partnership's week for the people who lead it: plans written, updated and taught, supporters deployed and
// strategies shared, per institution, with the latest plans and strategies to open. Counts and titles only: no
// students. Every query is scoped to the actor's partnership; rows pass the lesson-plan and strategy policies.
import { DomainError } from "~/lib/errors";
import { ukWeekOf } from "~/lib/uk-calendar";
import type { Actor } from "~/policies/actor";
import { canViewPartnershipActivity } from "~/policies/activity";
import { activityCounts, activityLists, type Measure } from "./partnership-activity-sql.server";

const LIST_LIMIT = 8;

type Counts = Record<Measure, number>;

const zero = (): Counts => ({
  plansWritten: 0,
  plansUpdated: 0,
  lessonsTaught: 0,
  deployments: 0,
  strategiesShared: 0,
});

/**
 * This week (Monday to Sunday in the UK) across the partnership. Plans written and updated count for the
 * institution of the member who did it; lessons taught for the site they were taught at; deployments for the
 * supporter's institution; strategies for the institution they were shared from. The people who may see it read
 * every plan and strategy of their partnership (policies/activity.ts), so the partnership's rows are what they read.
 */
export async function partnershipActivity(actor: Actor, now = new Date()) {
  if (!canViewPartnershipActivity(actor))
    throw new DomainError("forbidden", "The partnership's activity is for leaders and the coordinator.");
  const week = ukWeekOf(now);
  const [rows, lists] = await Promise.all([
    activityCounts(actor.partnershipId, week),
    activityLists(actor.partnershipId, week, LIST_LIMIT),
  ]);
  const institutions = rows
    .filter((row) => row.measure === "institution")
    .sort((a, b) => a.n - b.n)
    .map((row) => ({ id: row.institutionId!, name: row.name!, counts: zero() }));
  const byId = new Map(institutions.map((i) => [i.id, i.counts]));
  const total = zero();
  const deployments = { notBriefed: 0, notRead: 0, feedbackGiven: 0 };
  for (const { measure, institutionId, n } of rows) {
    if (measure === "institution") continue;
    if (measure in deployments) {
      deployments[measure as keyof typeof deployments] = n;
      continue;
    }
    total[measure as Measure] += n;
    const counts = institutionId ? byId.get(institutionId) : undefined;
    if (counts) counts[measure as Measure] += n;
  }
  return {
    week: { monday: week.monday, sunday: week.sunday },
    total,
    institutions,
    deployments,
    recentPlans: lists.plans.map((p) => ({
      ...p,
      lessonDate: p.lessonDate ? p.lessonDate.toISOString().slice(0, 10) : null,
    })),
    strategies: lists.strategies,
  };
}
