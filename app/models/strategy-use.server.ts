// Where a strategy is used and how it was rated: the lesson plans that link it
// (only those the viewer may read), their courses' institutions, the ratings
// with their aggregate, and the plans a member could add it to.
import type { Actor } from "~/policies/actor";
import { canEditLessonPlan, canReadLessonPlan } from "~/policies/lesson-plan";
import { mayEditLessonPlans } from "~/policies/strategy";
import { db } from "./db.server";
import { studentNameScreen } from "./student-names.server";

/** At most this many plans are offered in the "add to a lesson plan" list. */
const PLANS_OFFERED = 100;

type PlanVisibility = { partnershipId: string; deployments: Array<{ supporterId: string }> };

// Where-used lists only need to know who is deployed: LSAs read only those plans (planners do not matter for reading).
function readable(actor: Actor, plan: PlanVisibility): boolean {
  return canReadLessonPlan(actor, {
    partnershipId: plan.partnershipId,
    plannerIds: [],
    supporterIds: plan.deployments.map((d) => d.supporterId),
  });
}

/** The ratings newest first, with their average and distribution over 1..5. */
export async function listRatings(actor: Actor, strategyId: string) {
  const rows = await db().strategyRating.findMany({
    where: { strategyId, strategy: { partnershipId: actor.partnershipId } },
    orderBy: { updatedAt: "desc" },
    include: {
      user: { select: { id: true, name: true, institution: { select: { name: true } } } },
      lessonPlan: {
        select: { id: true, title: true, partnershipId: true, deployments: { select: { supporterId: true } } },
      },
    },
  });
  const distribution = [1, 2, 3, 4, 5].map((value) => ({
    value,
    count: rows.filter((r) => r.rating === value).length,
  }));
  const count = rows.length;
  const average = count ? rows.reduce((sum, r) => sum + r.rating, 0) / count : 0;
  const screen = await studentNameScreen(
    actor,
    rows.map((r) => r.comment),
  );
  return {
    count,
    average,
    distribution,
    items: rows.map((r) => ({
      id: r.id,
      rating: r.rating,
      comment: screen(r.comment),
      updatedAt: r.updatedAt,
      mine: r.userId === actor.id,
      rater: { name: r.user.name, institutionName: r.user.institution.name },
      // A plan the viewer may not read is "a lesson" only: no title, no link and no id reach them.
      lessonPlan:
        r.lessonPlan && readable(actor, r.lessonPlan) ? { id: r.lessonPlan.id, title: r.lessonPlan.title } : null,
      forAPlan: Boolean(r.lessonPlanId),
    })),
  };
}

/** The lesson plans that use the strategy and the viewer may read, and their courses' institutions. */
export async function listPlanUses(actor: Actor, strategyId: string) {
  const links = await db().lessonPlanStrategy.findMany({
    where: {
      strategyId,
      strategy: { partnershipId: actor.partnershipId },
      lessonPlan: { partnershipId: actor.partnershipId },
    },
    include: {
      lessonPlan: {
        select: {
          id: true,
          title: true,
          lessonDate: true,
          partnershipId: true,
          deployments: { select: { supporterId: true } },
          course: {
            select: {
              id: true,
              title: true,
              leadInstitution: { select: { id: true, name: true } },
              sites: { select: { institution: { select: { id: true, name: true } } } },
            },
          },
        },
      },
    },
  });
  const visible = links.filter((link) => readable(actor, link.lessonPlan));
  const institutions = new Map<string, string>();
  for (const { lessonPlan } of visible) {
    institutions.set(lessonPlan.course.leadInstitution.id, lessonPlan.course.leadInstitution.name);
    for (const site of lessonPlan.course.sites) institutions.set(site.institution.id, site.institution.name);
  }
  const time = (d: Date | null) => d?.getTime() ?? 0;
  const screen = await studentNameScreen(
    actor,
    visible.map((link) => link.note),
  );
  return {
    plans: visible
      .sort((a, b) => time(b.lessonPlan.lessonDate) - time(a.lessonPlan.lessonDate))
      .map((link) => ({
        id: link.lessonPlan.id,
        title: link.lessonPlan.title,
        lessonDate: link.lessonPlan.lessonDate,
        courseTitle: link.lessonPlan.course.title,
        note: screen(link.note),
      })),
    institutions: [...institutions.values()].sort((a, b) => a.localeCompare(b, "en-GB")),
    hiddenCount: links.length - visible.length,
    totalCount: links.length,
  };
}

/** Plans the actor may edit that do not use the strategy yet: upcoming first (soonest first), then undated, then past. */
export async function listPlansToAddTo(actor: Actor, strategyId: string) {
  if (!mayEditLessonPlans(actor)) return [];
  const plans = await db().lessonPlan.findMany({
    where: {
      partnershipId: actor.partnershipId,
      strategies: { none: { strategyId } },
      ...(actor.role === "teacher" ? { course: { planners: { some: { userId: actor.id } } } } : {}),
    },
    select: {
      id: true,
      title: true,
      lessonDate: true,
      partnershipId: true,
      course: { select: { title: true, planners: { select: { userId: true } } } },
      deployments: { select: { supporterId: true } },
    },
    orderBy: { lessonDate: "asc" },
    take: 500,
  });
  const startOfToday = new Date();
  startOfToday.setHours(0, 0, 0, 0);
  const rank = (d: Date | null) => (d === null ? 1 : d >= startOfToday ? 0 : 2);
  return plans
    .filter((p) =>
      canEditLessonPlan(actor, {
        partnershipId: p.partnershipId,
        plannerIds: p.course.planners.map((c) => c.userId),
        supporterIds: p.deployments.map((d) => d.supporterId),
      }),
    )
    .sort((a, b) => {
      const byRank = rank(a.lessonDate) - rank(b.lessonDate);
      if (byRank !== 0) return byRank;
      if (!a.lessonDate || !b.lessonDate) return a.title.localeCompare(b.title, "en-GB");
      const diff = a.lessonDate.getTime() - b.lessonDate.getTime();
      return rank(a.lessonDate) === 2 ? -diff : diff;
    })
    .slice(0, PLANS_OFFERED)
    .map((p) => ({ id: p.id, title: p.title, lessonDate: p.lessonDate, courseTitle: p.course.title }));
}
