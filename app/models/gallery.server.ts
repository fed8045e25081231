// The shared practice gallery: reviewed lesson plans with their evaluation and the LSAs' feedback, strategies ranked
// by rated impact, and what the coordinator or a leader featured (with why). Reviewed plans follow the lesson-plan
// rule (an LSA sees only plans they were deployed in); student names in the free text go through the name screen.
// Featuring and unfeaturing are audited, as other changes to shared records are.
import { invalidField } from "~/lib/errors";
import type { ActionContext, Actor } from "~/policies/actor";
import { isLsa } from "~/policies/actor";
import { ensure, notFound } from "~/policies/enforce.server";
import { canFeaturePractice } from "~/policies/dashboard";
import { auditAction } from "./audit.server";
import { db } from "./db.server";
import { studentNameScreen } from "./student-names.server";

const GALLERY_PLANS = 30;
const GALLERY_STRATEGIES = 20;
export type PracticeKind = "plan" | "strategy";
/** The audit log's names for the featured records (as their own models write them). */
const AUDIT_SUBJECT: Record<PracticeKind, string> = { plan: "lesson_plan", strategy: "strategy" };

async function featuredOf(partnershipId: string, subjectType: PracticeKind, ids: string[]) {
  const rows = await db().featuredPractice.findMany({
    where: { partnershipId, subjectType, subjectId: { in: ids } },
    select: { subjectId: true, reason: true },
  });
  return new Map(rows.map((r) => [r.subjectId, r.reason]));
}

async function reviewedPlans(actor: Actor) {
  const plans = await db().lessonPlan.findMany({
    where: {
      partnershipId: actor.partnershipId,
      status: "reviewed",
      ...(isLsa(actor) ? { deployments: { some: { supporterId: actor.id } } } : {}),
    },
    orderBy: [{ lessonDate: "desc" }, { title: "asc" }],
    take: GALLERY_PLANS,
    select: {
      id: true,
      title: true,
      lessonDate: true,
      evaluation: true,
      nextSteps: true,
      course: { select: { title: true } },
      deployments: {
        where: { feedback: { not: "" } },
        select: { id: true, feedback: true, supporter: { select: { name: true } } },
      },
    },
  });
  const featured = await featuredOf(
    actor.partnershipId,
    "plan",
    plans.map((p) => p.id),
  );
  const screen = await studentNameScreen(
    actor,
    plans.flatMap((p) => [p.evaluation, p.nextSteps, ...p.deployments.map((d) => d.feedback)]),
  );
  return plans
    .map((p) => ({
      id: p.id,
      title: p.title,
      day: p.lessonDate ? p.lessonDate.toISOString().slice(0, 10) : null,
      course: p.course.title,
      evaluation: screen(p.evaluation),
      nextSteps: screen(p.nextSteps),
      feedback: p.deployments.map((d) => ({ id: d.id, supporter: d.supporter.name, text: screen(d.feedback) })),
      featured: featured.get(p.id) ?? null,
    }))
    .sort((a, b) => Number(b.featured !== null) - Number(a.featured !== null));
}

/** Strategies with at least one rating, highest mean first (more ratings break a tie), the featured first. */
async function rankedStrategies(actor: Actor) {
  const stats = await db().strategyRating.groupBy({
    by: ["strategyId"],
    where: { strategy: { partnershipId: actor.partnershipId } },
    _avg: { rating: true },
    _count: { _all: true },
  });
  const ranked = stats
    .map((s) => ({ id: s.strategyId, mean: s._avg.rating ?? 0, ratings: s._count._all }))
    .sort((a, b) => b.mean - a.mean || b.ratings - a.ratings)
    .slice(0, GALLERY_STRATEGIES);
  const ids = ranked.map((r) => r.id);
  const [strategies, featured] = await Promise.all([
    db().strategy.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, summary: true } }),
    featuredOf(actor.partnershipId, "strategy", ids),
  ]);
  const byId = new Map(strategies.map((s) => [s.id, s]));
  return ranked
    .map((r, i) => ({
      ...r,
      rank: i + 1,
      mean: Math.round(r.mean * 10) / 10,
      title: byId.get(r.id)?.title ?? "",
      summary: byId.get(r.id)?.summary ?? "",
      featured: featured.get(r.id) ?? null,
    }))
    .sort((a, b) => Number(b.featured !== null) - Number(a.featured !== null) || a.rank - b.rank);
}

export async function loadGallery(actor: Actor) {
  const [plans, strategies] = await Promise.all([reviewedPlans(actor), rankedStrategies(actor)]);
  return { plans, strategies };
}

async function practiceFacts(subjectType: PracticeKind, subjectId: string) {
  return subjectType === "plan"
    ? db().lessonPlan.findUnique({ where: { id: subjectId }, select: { partnershipId: true } })
    : db().strategy.findUnique({ where: { id: subjectId }, select: { partnershipId: true } });
}

/** Features a plan or strategy with the reason (a second featuring replaces the reason). */
export async function featurePractice(
  ctx: ActionContext,
  input: { subjectType: PracticeKind; subjectId: string; reason: string },
) {
  const { actor } = ctx;
  const facts = await practiceFacts(input.subjectType, input.subjectId);
  if (!facts || facts.partnershipId !== actor.partnershipId) notFound();
  ensure(canFeaturePractice(actor, facts), "Only the coordinator and leaders feature practice.");
  const reason = input.reason.trim();
  if (!reason) throw invalidField("reason", "Say why this is featured, so colleagues know what to look for.");
  const key = { partnershipId: actor.partnershipId, subjectType: input.subjectType, subjectId: input.subjectId };
  await db().featuredPractice.upsert({
    where: { partnershipId_subjectType_subjectId: key },
    create: { ...key, reason, featuredById: actor.id },
    update: { reason, featuredById: actor.id },
  });
  await auditAction(ctx, {
    action: "practice.featured",
    subjectType: AUDIT_SUBJECT[input.subjectType],
    subjectId: input.subjectId,
    detail: { reason },
  });
}

export async function unfeaturePractice(ctx: ActionContext, input: { subjectType: PracticeKind; subjectId: string }) {
  const { actor } = ctx;
  ensure(
    canFeaturePractice(actor, { partnershipId: actor.partnershipId }),
    "Only the coordinator and leaders feature practice.",
  );
  const { count } = await db().featuredPractice.deleteMany({ where: { partnershipId: actor.partnershipId, ...input } });
  if (count > 0) {
    await auditAction(ctx, {
      action: "practice.unfeatured",
      subjectType: AUDIT_SUBJECT[input.subjectType],
      subjectId: input.subjectId,
    });
  }
}
