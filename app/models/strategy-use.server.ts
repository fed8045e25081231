// Where a strategy is used and how it was rated: the lesson plans that link it
// (only those the viewer may read), their courses' institutions, the ratings
// with their aggregate, and the plans a member could add it to.
import type { Actor } from "~/policies/actor";
import { Prisma } from "~/generated/sqlite/client";
import { canReadLessonPlan } from "~/policies/lesson-plan";
import { mayEditLessonPlans } from "~/policies/strategy";
import { currentProvider, db } from "./db.server";
import { titleKey } from "./sql-title-order.server";
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

interface PlanUseRow {
  id: string;
  title: string;
  lessonDate: Date | string | null;
  note: string;
  courseId: string;
  courseTitle: string;
  leadInstitutionId: string;
  leadInstitutionName: string;
  supportedByViewer: boolean | number | bigint;
}

/** The lesson plans that use the strategy and the viewer may read, and their courses' institutions. */
export async function listPlanUses(actor: Actor, strategyId: string) {
  // Whether the viewer is deployed to the plan is all the read rule needs of its supporters (LSAs read only those).
  const links = await db().$queryRaw<PlanUseRow[]>`
    SELECT p."id", p."title", p."lessonDate", l."note", c."id" AS "courseId", c."title" AS "courseTitle",
      i."id" AS "leadInstitutionId", i."name" AS "leadInstitutionName",
      EXISTS (SELECT 1 FROM "Deployment" d WHERE d."lessonPlanId" = p."id" AND d."supporterId" = ${actor.id})
        AS "supportedByViewer"
    FROM "LessonPlanStrategy" l
    JOIN "Strategy" s ON s."id" = l."strategyId"
    JOIN "LessonPlan" p ON p."id" = l."lessonPlanId"
    JOIN "Course" c ON c."id" = p."courseId"
    JOIN "Institution" i ON i."id" = c."leadInstitutionId"
    WHERE l."strategyId" = ${strategyId} AND s."partnershipId" = ${actor.partnershipId}
      AND p."partnershipId" = ${actor.partnershipId}`;
  const visible = links.filter((link) =>
    canReadLessonPlan(actor, {
      partnershipId: actor.partnershipId,
      plannerIds: [],
      supporterIds: Number(link.supportedByViewer) ? [actor.id] : [],
    }),
  );
  const courseIds = [...new Set(visible.map((link) => link.courseId))];
  const sites =
    courseIds.length === 0
      ? []
      : await db().$queryRaw<Array<{ id: string; name: string }>>`
          SELECT DISTINCT i."id", i."name" FROM "CourseSite" cs JOIN "Institution" i ON i."id" = cs."institutionId"
          WHERE cs."courseId" IN (${Prisma.join(courseIds)})`;
  const institutions = new Map<string, string>();
  for (const link of visible) institutions.set(link.leadInstitutionId, link.leadInstitutionName);
  for (const site of sites) institutions.set(site.id, site.name);
  const time = (d: Date | string | null) => (d === null ? 0 : new Date(d).getTime());
  const screen = await studentNameScreen(
    actor,
    visible.map((link) => link.note),
  );
  return {
    plans: visible
      .sort((a, b) => time(b.lessonDate) - time(a.lessonDate))
      .map((link) => ({
        id: link.id,
        title: link.title,
        lessonDate: link.lessonDate === null ? null : new Date(link.lessonDate),
        courseTitle: link.courseTitle,
        note: screen(link.note),
      })),
    institutions: [...institutions.values()].sort((a, b) => a.localeCompare(b, "en-GB")),
    hiddenCount: links.length - visible.length,
    totalCount: links.length,
  };
}

interface PlanToAddRow {
  id: string;
  title: string;
  lessonDate: Date | string | null;
  courseTitle: string;
}

/**
 * Plans the actor may edit that do not use the strategy yet: upcoming first (soonest first), then undated (by title),
 * then past (most recent first), at most PLANS_OFFERED. Each part is read in order from the (partnership, lesson date)
 * index and cut at PLANS_OFFERED, so the statement reads a few hundred rows however many plans the partnership has.
 */
export async function listPlansToAddTo(actor: Actor, strategyId: string) {
  if (!mayEditLessonPlans(actor)) return [];
  const postgres = currentProvider() === "postgresql";
  const startOfToday = new Date();
  startOfToday.setHours(0, 0, 0, 0);
  // SQLite stores instants as ISO text with "+00:00"; PostgreSQL compares timestamps.
  const today = postgres
    ? Prisma.sql`CAST(${startOfToday.toISOString()} AS TIMESTAMP)`
    : Prisma.sql`${startOfToday.toISOString().replace("Z", "+00:00")}`;
  // The lesson-plan policy's editors: the coordinator, or a teacher who co-plans the plan's course.
  const editable = Prisma.sql`p."partnershipId" = ${actor.partnershipId}
    AND NOT EXISTS (SELECT 1 FROM "LessonPlanStrategy" l WHERE l."lessonPlanId" = p."id" AND l."strategyId" = ${strategyId})
    ${
      actor.role === "teacher"
        ? Prisma.sql`AND EXISTS (SELECT 1 FROM "CoursePlanner" cp WHERE cp."courseId" = p."courseId" AND cp."userId" = ${actor.id})`
        : Prisma.empty
    }`;
  const part = (rank: number, where: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`
    SELECT * FROM (
      SELECT p."id", p."title", p."lessonDate", p."courseId", ${Prisma.raw(String(rank))} AS "rank",
        ROW_NUMBER() OVER (ORDER BY ${order}) AS "position"
      FROM "LessonPlan" p WHERE ${editable} AND ${where} ORDER BY ${order} LIMIT ${PLANS_OFFERED}
    ) ${Prisma.raw(`"part${rank}"`)}`;
  const byTitle = Prisma.sql`${titleKey(Prisma.sql`p."title"`, postgres)}${Prisma.raw(postgres ? ' COLLATE "C"' : "")},
    p."title"${Prisma.raw(postgres ? ' COLLATE "C"' : "")} DESC, p."id"`;
  const rows = await db().$queryRaw<PlanToAddRow[]>`
    SELECT o."id", o."title", o."lessonDate", c."title" AS "courseTitle"
    FROM (
      ${part(0, Prisma.sql`p."lessonDate" >= ${today}`, Prisma.sql`p."lessonDate", p."id"`)}
      UNION ALL ${part(1, Prisma.sql`p."lessonDate" IS NULL`, byTitle)}
      UNION ALL ${part(2, Prisma.sql`p."lessonDate" < ${today}`, Prisma.sql`p."lessonDate" DESC, p."id"`)}
    ) o
    JOIN "Course" c ON c."id" = o."courseId"
    ORDER BY o."rank", o."position"
    LIMIT ${PLANS_OFFERED}`;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    lessonDate: r.lessonDate === null ? null : new Date(r.lessonDate),
    courseTitle: r.courseTitle,
  }));
}
