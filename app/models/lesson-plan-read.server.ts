// A lesson plan read whole for its page (and the duplicate form): the plan with its course, unit, group and site,
// its linked strategies, differentiation notes and resources. Four statements rather than a model query per
// relation, since every opening of a plan asks for it; each list is scoped through the plan to the partnership.
import type { Actor } from "~/policies/actor";
import { db } from "./db.server";
import type { LessonPlanAccess } from "./lesson-plan-facts.server";
import { sqlInstant } from "./sql-values.server";

/** A stored instant as SQLite (ISO text) or PostgreSQL (a Date) answers it in raw SQL. */
type Instant = Date | string;
/** SQLite answers integers as numbers or bigints and booleans as 0/1, PostgreSQL as numbers and booleans. */
type Integer = number | bigint;

interface PlanRow {
  id: string;
  partnershipId: string;
  courseId: string;
  unitId: string | null;
  groupId: string | null;
  title: string;
  lessonDate: Instant | null;
  startTime: string;
  durationMinutes: Integer;
  position: Integer;
  status: string;
  objectives: string;
  successCriteria: string;
  starter: string;
  mainActivity: string;
  plenary: string;
  assessment: string;
  evaluation: string;
  nextSteps: string;
  textInDocument: boolean | Integer;
  createdById: string | null;
  updatedById: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  courseTitle: string;
  unitTitle: string | null;
  groupName: string | null;
  siteId: string | null;
  siteName: string | null;
}

interface StrategyRow {
  strategyId: string;
  note: string;
  createdAt: Instant;
  title: string;
  summary: string;
}

interface NoteRow {
  id: string;
  studentId: string | null;
  needArea: string;
  note: string;
}

interface ResourceRow {
  id: string;
  kind: string;
  title: string;
  url: string;
  fileName: string;
  mimeType: string;
  sizeBytes: Integer;
  createdAt: Instant;
}

/** The plan the route has checked, whole; null when it is not in the actor's partnership (404). */
export async function getLessonPlan(actor: Actor, access: LessonPlanAccess) {
  const { partnershipId } = actor;
  const planId = access.id;
  const [plans, strategies, differentiation, resources] = await Promise.all([
    db().$queryRaw<PlanRow[]>`
      SELECT p."id", p."partnershipId", p."courseId", p."unitId", p."groupId", p."title", p."lessonDate",
        p."startTime", p."durationMinutes", p."position", p."status", p."objectives", p."successCriteria",
        p."starter", p."mainActivity", p."plenary", p."assessment", p."evaluation", p."nextSteps",
        p."textInDocument", p."createdById", p."updatedById", p."createdAt", p."updatedAt",
        c."title" AS "courseTitle", u."title" AS "unitTitle", g."name" AS "groupName",
        s."id" AS "siteId", s."name" AS "siteName"
      FROM "LessonPlan" p
      JOIN "Course" c ON c."id" = p."courseId"
      LEFT JOIN "CourseUnit" u ON u."id" = p."unitId"
      LEFT JOIN "TeachingGroup" g ON g."id" = p."groupId"
      LEFT JOIN "Institution" s ON s."id" = g."siteId"
      WHERE p."id" = ${planId} AND p."partnershipId" = ${partnershipId}`,
    db().$queryRaw<StrategyRow[]>`
      SELECT ls."strategyId", ls."note", ls."createdAt", st."title", st."summary"
      FROM "LessonPlanStrategy" ls
      JOIN "LessonPlan" p ON p."id" = ls."lessonPlanId" AND p."partnershipId" = ${partnershipId}
      JOIN "Strategy" st ON st."id" = ls."strategyId"
      WHERE ls."lessonPlanId" = ${planId}
      ORDER BY ls."createdAt" ASC`,
    db().$queryRaw<NoteRow[]>`
      SELECT n."id", n."studentId", n."needArea", n."note"
      FROM "DifferentiationNote" n
      JOIN "LessonPlan" p ON p."id" = n."lessonPlanId" AND p."partnershipId" = ${partnershipId}
      WHERE n."lessonPlanId" = ${planId}
      ORDER BY n."createdAt" ASC`,
    db().$queryRaw<ResourceRow[]>`
      SELECT r."id", r."kind", r."title", r."url", r."fileName", r."mimeType", r."sizeBytes", r."createdAt"
      FROM "LessonResource" r
      JOIN "LessonPlan" p ON p."id" = r."lessonPlanId" AND p."partnershipId" = ${partnershipId}
      WHERE r."lessonPlanId" = ${planId}
      ORDER BY r."createdAt" ASC`,
  ]);
  const row = plans[0];
  if (!row) return null;
  const { courseTitle, unitTitle, groupName, siteId, siteName, ...plan } = row;
  return {
    ...plan,
    lessonDate: sqlInstant(plan.lessonDate),
    durationMinutes: Number(plan.durationMinutes),
    position: Number(plan.position),
    textInDocument: Boolean(Number(plan.textInDocument)),
    createdAt: sqlInstant(plan.createdAt),
    updatedAt: sqlInstant(plan.updatedAt),
    course: { id: plan.courseId, title: courseTitle },
    unit: plan.unitId ? { id: plan.unitId, title: unitTitle ?? "" } : null,
    group:
      plan.groupId && siteId
        ? { id: plan.groupId, name: groupName ?? "", site: { id: siteId, name: siteName ?? "" } }
        : null,
    strategies: strategies.map((s) => ({
      strategyId: s.strategyId,
      note: s.note,
      createdAt: sqlInstant(s.createdAt),
      strategy: { id: s.strategyId, title: s.title, summary: s.summary },
    })),
    differentiation: differentiation.map((n) => ({ ...n })),
    resources: resources.map((r) => ({ ...r, sizeBytes: Number(r.sizeBytes), createdAt: sqlInstant(r.createdAt) })),
  };
}
