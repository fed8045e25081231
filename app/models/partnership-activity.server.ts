// The partnership's week for the people who lead it: plans written, updated and taught, supporters deployed and
// strategies shared, per institution, with the latest plans and strategies to open. Counts and titles only: no
// students. Every query is scoped to the actor's partnership; rows pass the lesson-plan and strategy policies.
import { DomainError } from "~/lib/errors";
import { lessonDateOf, ukWeekOf } from "~/lib/uk-calendar";
import type { Actor } from "~/policies/actor";
import { canViewPartnershipActivity } from "~/policies/activity";
import { canReadLessonPlan } from "~/policies/lesson-plan";
import { canReadStrategy } from "~/policies/strategy";
import { db } from "./db.server";

const LIST_LIMIT = 8;

type Measure = "plansWritten" | "plansUpdated" | "lessonsTaught" | "deployments" | "strategiesShared";
type Counts = Record<Measure, number>;

const zero = (): Counts => ({
  plansWritten: 0,
  plansUpdated: 0,
  lessonsTaught: 0,
  deployments: 0,
  strategiesShared: 0,
});

async function weekRows(partnershipId: string, now: Date) {
  const week = ukWeekOf(now);
  const stamped = { gte: week.startsAt, lt: week.endsAt };
  const lessonDays = { gte: lessonDateOf(week.monday), lte: lessonDateOf(week.sunday) };
  const [institutions, members, plans, taught, deployments, strategies] = await Promise.all([
    db().institution.findMany({
      where: { partnershipId, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().user.findMany({ where: { partnershipId }, select: { id: true, name: true, institutionId: true } }),
    db().lessonPlan.findMany({
      where: { partnershipId, updatedAt: stamped },
      orderBy: { updatedAt: "desc" },
      select: {
        id: true,
        title: true,
        status: true,
        lessonDate: true,
        createdAt: true,
        updatedAt: true,
        createdById: true,
        updatedById: true,
        course: { select: { title: true, planners: { select: { userId: true } } } },
        deployments: { select: { supporterId: true } },
      },
    }),
    db().lessonPlan.findMany({
      where: { partnershipId, lessonDate: lessonDays, status: { in: ["taught", "reviewed"] } },
      select: { id: true, group: { select: { siteId: true } } },
    }),
    db().deployment.findMany({
      where: { partnershipId, lessonPlan: { lessonDate: lessonDays } },
      select: {
        id: true,
        readAt: true,
        briefedAt: true,
        feedbackAt: true,
        supporter: { select: { institutionId: true } },
      },
    }),
    db().strategy.findMany({
      where: { partnershipId, createdAt: stamped },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true, partnershipId: true, createdById: true, createdAt: true, institutionId: true },
    }),
  ]);
  return { week, institutions, members, plans, taught, deployments, strategies };
}

/**
 * This week (Monday to Sunday in the UK) across the partnership. Plans written and updated count for the
 * institution of the member who did it; lessons taught for the site they were taught at; deployments for the
 * supporter's institution; strategies for the institution they were shared from.
 */
export async function partnershipActivity(actor: Actor, now = new Date()) {
  if (!canViewPartnershipActivity(actor))
    throw new DomainError("forbidden", "The partnership's activity is for leaders and the coordinator.");
  const rows = await weekRows(actor.partnershipId, now);
  const member = new Map(rows.members.map((m) => [m.id, m]));
  const plans = rows.plans.filter((p) =>
    canReadLessonPlan(actor, {
      partnershipId: actor.partnershipId,
      plannerIds: p.course.planners.map((x) => x.userId),
      supporterIds: p.deployments.map((d) => d.supporterId),
    }),
  );
  const strategies = rows.strategies.filter((s) => canReadStrategy(actor, s));

  const counts = new Map(rows.institutions.map((i) => [i.id, zero()]));
  const total = zero();
  const add = (institutionId: string | null | undefined, measure: Measure) => {
    total[measure] += 1;
    const row = institutionId ? counts.get(institutionId) : undefined;
    if (row) row[measure] += 1;
  };
  for (const p of plans) {
    const written = p.createdAt >= rows.week.startsAt;
    if (written) add(member.get(p.createdById ?? "")?.institutionId, "plansWritten");
    else add(member.get(p.updatedById ?? "")?.institutionId, "plansUpdated");
  }
  for (const p of rows.taught) add(p.group?.siteId, "lessonsTaught");
  for (const d of rows.deployments) add(d.supporter.institutionId, "deployments");
  for (const s of strategies) add(s.institutionId, "strategiesShared");

  const institutionName = new Map(rows.institutions.map((i) => [i.id, i.name]));
  return {
    week: { monday: rows.week.monday, sunday: rows.week.sunday },
    total,
    institutions: rows.institutions.map((i) => ({ id: i.id, name: i.name, counts: counts.get(i.id)! })),
    deployments: {
      notBriefed: rows.deployments.filter((d) => !d.briefedAt).length,
      notRead: rows.deployments.filter((d) => d.briefedAt && !d.readAt).length,
      feedbackGiven: rows.deployments.filter((d) => d.feedbackAt).length,
    },
    recentPlans: plans.slice(0, LIST_LIMIT).map((p) => {
      const by = member.get(p.updatedById ?? p.createdById ?? "");
      return {
        id: p.id,
        title: p.title,
        course: p.course.title,
        status: p.status,
        lessonDate: p.lessonDate ? p.lessonDate.toISOString().slice(0, 10) : null,
        updatedAt: p.updatedAt,
        written: p.createdAt >= rows.week.startsAt,
        by: by?.name ?? null,
      };
    }),
    strategies: strategies.slice(0, LIST_LIMIT).map((s) => ({
      id: s.id,
      title: s.title,
      createdAt: s.createdAt,
      institution: s.institutionId ? (institutionName.get(s.institutionId) ?? null) : null,
    })),
  };
}
