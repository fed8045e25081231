// The statements behind the partnership's week (decision 042): what was planned, taught, deployed and shared, counted
// per institution in SQL, and the latest plans and strategies, limited in SQL. Both engines; each statement is
// scoped to the partnership, the whole of what the leaders and the coordinator who see it may read.
import { Prisma } from "~/generated/sqlite/client";
import { lessonDateOf, type UkWeek } from "~/lib/uk-calendar";
import { db } from "./db.server";
import { sqlInstant } from "./sql-values.server";

export type Measure = "plansWritten" | "plansUpdated" | "lessonsTaught" | "deployments" | "strategiesShared";
type Briefing = "notBriefed" | "notRead" | "feedbackGiven";

const count = (value: number | bigint | null) => Number(value ?? 0);

/**
 * The partnership's open institutions (measure "institution", ranked by name), and this week's counts of each measure
 * by the institution it counts for (null: not one of the partnership's members, or no site), with the week's
 * deployments by briefing state.
 */
export async function activityCounts(partnershipId: string, week: UkWeek) {
  const stamped = (column: Prisma.Sql) => Prisma.sql`${column} >= ${week.startsAt} AND ${column} < ${week.endsAt}`;
  const lessonDays = Prisma.sql`p."lessonDate" >= ${lessonDateOf(week.monday)}
    AND p."lessonDate" <= ${lessonDateOf(week.sunday)}`;
  const plans = (measure: Measure, by: string, written: Prisma.Sql) => Prisma.sql`
    SELECT '${Prisma.raw(measure)}', u."institutionId", COUNT(*), NULL FROM "LessonPlan" p
    LEFT JOIN "User" u ON u."id" = p.${Prisma.raw(`"${by}"`)} AND u."partnershipId" = ${partnershipId}
    WHERE p."partnershipId" = ${partnershipId} AND ${stamped(Prisma.sql`p."updatedAt"`)} AND ${written}
    GROUP BY u."institutionId"`;
  const deployments = Prisma.sql`FROM "Deployment" d JOIN "LessonPlan" p ON p."id" = d."lessonPlanId"
    WHERE d."partnershipId" = ${partnershipId} AND ${lessonDays}`;
  const rows = await db().$queryRaw<
    Array<{ measure: string; institutionId: string | null; n: number | bigint; name: string | null }>
  >`
    SELECT 'institution' AS "measure", i."id" AS "institutionId", ROW_NUMBER() OVER (ORDER BY i."name" ASC) AS "n",
      i."name" AS "name"
    FROM "Institution" i WHERE i."partnershipId" = ${partnershipId} AND i."archivedAt" IS NULL
    UNION ALL ${plans("plansWritten", "createdById", Prisma.sql`p."createdAt" >= ${week.startsAt}`)}
    UNION ALL ${plans("plansUpdated", "updatedById", Prisma.sql`p."createdAt" < ${week.startsAt}`)}
    UNION ALL SELECT 'lessonsTaught', g."siteId", COUNT(*), NULL FROM "LessonPlan" p
      LEFT JOIN "TeachingGroup" g ON g."id" = p."groupId"
      WHERE p."partnershipId" = ${partnershipId} AND ${lessonDays} AND p."status" IN ('taught', 'reviewed')
      GROUP BY g."siteId"
    UNION ALL SELECT 'deployments', u."institutionId", COUNT(*), NULL FROM "Deployment" d
      JOIN "LessonPlan" p ON p."id" = d."lessonPlanId" JOIN "User" u ON u."id" = d."supporterId"
      WHERE d."partnershipId" = ${partnershipId} AND ${lessonDays} GROUP BY u."institutionId"
    UNION ALL SELECT 'strategiesShared', s."institutionId", COUNT(*), NULL FROM "Strategy" s
      WHERE s."partnershipId" = ${partnershipId} AND ${stamped(Prisma.sql`s."createdAt"`)} GROUP BY s."institutionId"
    UNION ALL SELECT 'notBriefed', NULL, COUNT(*), NULL ${deployments} AND d."briefedAt" IS NULL
    UNION ALL SELECT 'notRead', NULL, COUNT(*), NULL ${deployments} AND d."briefedAt" IS NOT NULL AND d."readAt" IS NULL
    UNION ALL SELECT 'feedbackGiven', NULL, COUNT(*), NULL ${deployments} AND d."feedbackAt" IS NOT NULL`;
  return rows.map((row) => ({
    measure: row.measure as Measure | Briefing | "institution",
    institutionId: row.institutionId,
    n: count(row.n),
    name: row.name,
  }));
}

/**
 * The latest `limit` plans written or updated this week (with their course and who last touched them, when one of
 * the partnership's members) and strategies shared this week (with the open institution they came from), newest first.
 */
export async function activityLists(partnershipId: string, week: UkWeek, limit: number) {
  const rows = await db().$queryRaw<
    Array<{
      list: number | bigint;
      rank: number | bigint;
      id: string;
      title: string;
      status: string | null;
      lessonDate: Date | string | null;
      at: Date | string;
      createdAt: Date | string;
      name: string | null;
      by: string | null;
    }>
  >`
    SELECT 0 AS "list", l."rank", p."id", p."title", p."status", p."lessonDate", p."updatedAt" AS "at", p."createdAt",
      c."title" AS "name", u."name" AS "by"
    FROM (SELECT * FROM (SELECT p."id", ROW_NUMBER() OVER (ORDER BY p."updatedAt" DESC) AS "rank" FROM "LessonPlan" p
      WHERE p."partnershipId" = ${partnershipId} AND p."updatedAt" >= ${week.startsAt} AND p."updatedAt" < ${week.endsAt}
      ORDER BY p."updatedAt" DESC LIMIT ${limit}) AS "plans") l
    JOIN "LessonPlan" p ON p."id" = l."id" JOIN "Course" c ON c."id" = p."courseId"
    LEFT JOIN "User" u ON u."id" = COALESCE(p."updatedById", p."createdById") AND u."partnershipId" = ${partnershipId}
    UNION ALL
    SELECT 1, l."rank", s."id", s."title", NULL, NULL, s."createdAt", s."createdAt", i."name", NULL
    FROM (SELECT * FROM (SELECT s."id", ROW_NUMBER() OVER (ORDER BY s."createdAt" DESC) AS "rank" FROM "Strategy" s
      WHERE s."partnershipId" = ${partnershipId} AND s."createdAt" >= ${week.startsAt} AND s."createdAt" < ${week.endsAt}
      ORDER BY s."createdAt" DESC LIMIT ${limit}) AS "strategies") l
    JOIN "Strategy" s ON s."id" = l."id"
    LEFT JOIN "Institution" i ON i."id" = s."institutionId" AND i."partnershipId" = ${partnershipId}
      AND i."archivedAt" IS NULL`;
  const sorted = [...rows].sort((a, b) => Number(a.list) - Number(b.list) || Number(a.rank) - Number(b.rank));
  const plans = sorted.filter((row) => Number(row.list) === 0);
  return {
    plans: plans.map((row) => ({
      id: row.id,
      title: row.title,
      course: row.name ?? "",
      status: row.status ?? "",
      lessonDate: sqlInstant(row.lessonDate),
      updatedAt: sqlInstant(row.at),
      written: sqlInstant(row.createdAt) >= week.startsAt,
      by: row.by,
    })),
    strategies: sorted
      .filter((row) => Number(row.list) === 1)
      .map((row) => ({ id: row.id, title: row.title, createdAt: sqlInstant(row.at), institution: row.name })),
  };
}
