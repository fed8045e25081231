// A lesson plan read whole for its page (and the duplicate form): the plan with its course, unit, group, site and live
// document, and its linked strategies, differentiation notes and resources. Two statements rather than a model query
// per relation, since every opening of a plan asks for it: the plan's row, and its three lists in one, scoped through
// the plan to the partnership.
import type { Actor } from "~/policies/actor";
import { LESSON_PLAN_DOCUMENT } from "~/policies/lesson-plan";
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
  documentId: string | null;
  documentPartnershipId: string | null;
}

/**
 * One of the plan's parts, in one statement for all three kinds: a linked strategy (its id, the plan's note on it, its
 * title and summary), a differentiation note (its student or area of need) or a resource; each leaves the others'
 * columns null.
 */
interface PartRow {
  part: "note" | "resource" | "strategy";
  id: string;
  createdAt: Instant;
  text: string | null;
  title: string | null;
  summary: string | null;
  studentId: string | null;
  needArea: string | null;
  kind: string | null;
  url: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: Integer | null;
}

/** The plan the route has checked, whole; null when it is not in the actor's partnership (404). */
export async function getLessonPlan(actor: Actor, access: LessonPlanAccess) {
  const { partnershipId } = actor;
  const planId = access.id;
  const [plans, parts] = await Promise.all([
    db().$queryRaw<PlanRow[]>`
      SELECT p."id", p."partnershipId", p."courseId", p."unitId", p."groupId", p."title", p."lessonDate",
        p."startTime", p."durationMinutes", p."position", p."status", p."objectives", p."successCriteria",
        p."starter", p."mainActivity", p."plenary", p."assessment", p."evaluation", p."nextSteps",
        p."textInDocument", p."createdById", p."updatedById", p."createdAt", p."updatedAt",
        c."title" AS "courseTitle", u."title" AS "unitTitle", g."name" AS "groupName",
        s."id" AS "siteId", s."name" AS "siteName",
        doc."id" AS "documentId", doc."partnershipId" AS "documentPartnershipId"
      FROM "LessonPlan" p
      JOIN "Course" c ON c."id" = p."courseId"
      LEFT JOIN "CourseUnit" u ON u."id" = p."unitId"
      LEFT JOIN "TeachingGroup" g ON g."id" = p."groupId"
      LEFT JOIN "Institution" s ON s."id" = g."siteId"
      LEFT JOIN "CollabDocument" doc ON doc."ownerType" = ${LESSON_PLAN_DOCUMENT} AND doc."ownerId" = p."id"
      WHERE p."id" = ${planId} AND p."partnershipId" = ${partnershipId}`,
    db().$queryRaw<PartRow[]>`
      SELECT * FROM (
        SELECT 'strategy' AS "part", ls."strategyId" AS "id", ls."createdAt", ls."note" AS "text", st."title",
          st."summary", NULL AS "studentId", NULL AS "needArea", NULL AS "kind", NULL AS "url", NULL AS "fileName",
          NULL AS "mimeType", CAST(NULL AS INTEGER) AS "sizeBytes"
        FROM "LessonPlanStrategy" ls JOIN "Strategy" st ON st."id" = ls."strategyId"
        WHERE ls."lessonPlanId" = ${planId}
        UNION ALL
        SELECT 'note', n."id", n."createdAt", n."note", NULL, NULL, n."studentId", n."needArea", NULL, NULL, NULL,
          NULL, NULL
        FROM "DifferentiationNote" n WHERE n."lessonPlanId" = ${planId}
        UNION ALL
        SELECT 'resource', r."id", r."createdAt", NULL, r."title", NULL, NULL, NULL, r."kind", r."url", r."fileName",
          r."mimeType", r."sizeBytes"
        FROM "LessonResource" r WHERE r."lessonPlanId" = ${planId}
      ) AS "parts"
      WHERE EXISTS (SELECT 1 FROM "LessonPlan" p WHERE p."id" = ${planId} AND p."partnershipId" = ${partnershipId})
      ORDER BY "part", "createdAt", "id"`,
  ]);
  const of = (part: PartRow["part"]) => parts.filter((row) => row.part === part);
  const row = plans[0];
  if (!row) return null;
  const { courseTitle, unitTitle, groupName, siteId, siteName, documentId, documentPartnershipId, ...plan } = row;
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
    strategies: of("strategy").map((s) => ({
      strategyId: s.id,
      note: s.text ?? "",
      createdAt: sqlInstant(s.createdAt),
      strategy: { id: s.id, title: s.title ?? "", summary: s.summary ?? "" },
    })),
    differentiation: of("note").map((n) => ({
      id: n.id,
      studentId: n.studentId,
      needArea: n.needArea ?? "",
      note: n.text ?? "",
    })),
    resources: of("resource").map((r) => ({
      id: r.id,
      kind: r.kind ?? "",
      title: r.title ?? "",
      url: r.url ?? "",
      fileName: r.fileName ?? "",
      mimeType: r.mimeType ?? "",
      sizeBytes: Number(r.sizeBytes),
      createdAt: sqlInstant(r.createdAt),
    })),
    /** The plan's live document (its text parts and shared notes), for the document rules to decide on. */
    document:
      documentId && documentPartnershipId
        ? { id: documentId, partnershipId: documentPartnershipId, ownerType: LESSON_PLAN_DOCUMENT, ownerId: plan.id }
        : null,
  };
}
