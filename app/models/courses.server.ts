// Courses of the partnership: the list with filters, the overview (units, scheme of work, groups, co-planners,
// recent activity), creating, editing (details, delivery sites) and deleting a course. Units are changed in
// course-units.server.ts, co-planners in course-planners.server.ts. Every query is scoped to the actor's partnership.
import { DomainError, invalidField } from "~/lib/errors";
import type { CourseSort } from "~/lib/co-planning";
import type { ActionContext } from "~/policies/actor";
import { canPlanCourses } from "~/policies/course";
import { auditAction } from "./audit.server";
import { deployedSupportersByGroup } from "./course-overview.server";
import { deleteDocumentsOfOwner } from "./collab-documents.server";
import { db } from "./db.server";

const COURSES_PAGE_SIZE = 20;

export interface CourseFilters {
  subject?: string;
  keyStage?: string;
  kind?: string;
  /** Led by or delivered at this institution. */
  institutionId?: string;
  sort?: CourseSort;
  page?: number;
}

export async function listCourses(partnershipId: string, filters: CourseFilters = {}) {
  const page = Math.max(1, filters.page ?? 1);
  const where = {
    partnershipId,
    archivedAt: null,
    ...(filters.subject ? { subject: filters.subject } : {}),
    ...(filters.keyStage ? { keyStage: filters.keyStage } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.institutionId
      ? {
          OR: [
            { leadInstitutionId: filters.institutionId },
            { sites: { some: { institutionId: filters.institutionId } } },
          ],
        }
      : {}),
  };
  // Titles in title order (decision 049: the stored key, compared byte-wise on both engines), ties by id.
  const byTitle = [{ titleSortKey: "asc" as const }, { id: "asc" as const }];
  const orderBy =
    filters.sort === "recent"
      ? [{ updatedAt: "desc" as const }, ...byTitle]
      : filters.sort === "subject"
        ? [{ subject: "asc" as const }, ...byTitle]
        : byTitle;
  const [courses, total] = await Promise.all([
    db().course.findMany({
      where,
      orderBy,
      skip: (page - 1) * COURSES_PAGE_SIZE,
      take: COURSES_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        kind: true,
        qualification: true,
        subject: true,
        keyStage: true,
        updatedAt: true,
        leadInstitution: { select: { name: true } },
        _count: { select: { units: true, groups: true, planners: true } },
      },
    }),
    db().course.count({ where }),
  ]);
  return { courses, total, page, pageCount: Math.max(1, Math.ceil(total / COURSES_PAGE_SIZE)) };
}

/**
 * A course with everything its pages show except lesson plans and activity. The units' plan counts and the groups'
 * student counts are grouped over this course's rows only (a relation count aggregates its whole table first).
 */
export async function getCourse(partnershipId: string, courseId: string) {
  const [course, planCounts, studentCounts, supporters] = await Promise.all([
    db().course.findFirst({
      where: { id: courseId, partnershipId },
      include: {
        leadInstitution: { select: { id: true, name: true } },
        units: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
        sites: { include: { institution: { select: { id: true, name: true } } } },
        planners: {
          orderBy: { createdAt: "asc" },
          include: { user: { select: { id: true, name: true, role: true, institution: { select: { name: true } } } } },
        },
        groups: {
          orderBy: { name: "asc" },
          include: { site: { select: { name: true } } },
        },
      },
    }),
    db().lessonPlan.groupBy({ by: ["unitId"], where: { courseId, partnershipId }, _count: { _all: true } }),
    db().groupStudent.groupBy({
      by: ["groupId"],
      where: { group: { courseId, partnershipId } },
      _count: { _all: true },
    }),
    deployedSupportersByGroup(partnershipId, courseId),
  ]);
  if (!course) return null;
  const plansIn = new Map(planCounts.map((c) => [c.unitId, c._count._all]));
  const studentsIn = new Map(studentCounts.map((c) => [c.groupId, c._count._all]));
  return {
    ...course,
    units: course.units.map((unit) => ({ ...unit, _count: { lessonPlans: plansIn.get(unit.id) ?? 0 } })),
    sites: course.sites.map((s) => s.institution).sort((a, b) => a.name.localeCompare(b.name)),
    plannerIds: course.planners.map((p) => p.userId),
    groups: course.groups.map((group) => ({
      ...group,
      _count: { students: studentsIn.get(group.id) ?? 0 },
      deployedSupporterIds: supporters.get(group.id) ?? [],
    })),
  };
}

/** Teachers and the coordinator of the partnership who can be co-planners or group teachers. */
export async function listPlanningColleagues(partnershipId: string) {
  // One statement with the institution joined: a partnership has hundreds of teachers.
  const rows = await db().$queryRaw<Array<{ id: string; name: string; role: string; institution: string }>>`
    SELECT u."id", u."name", u."role", i."name" AS "institution"
    FROM "User" u JOIN "Institution" i ON i."id" = u."institutionId"
    WHERE u."partnershipId" = ${partnershipId} AND u."deactivatedAt" IS NULL AND u."role" IN ('teacher', 'coordinator')
    ORDER BY u."name" ASC`;
  return rows
    .map((row) => ({ id: row.id, name: row.name, role: row.role, institution: { name: row.institution } }))
    .filter(canPlanCourses);
}

export interface CourseDetailsInput {
  title: string;
  kind: string;
  qualification: string;
  subject: string;
  keyStage: string;
  leadInstitutionId: string;
  siteIds: string[];
  summary: string;
}

async function checkInstitutions(
  partnershipId: string,
  input: Pick<CourseDetailsInput, "leadInstitutionId" | "siteIds">,
) {
  const wanted = [...new Set([input.leadInstitutionId, ...input.siteIds])];
  const found = await db().institution.findMany({
    where: { partnershipId, id: { in: wanted }, archivedAt: null },
    select: { id: true },
  });
  const known = new Set(found.map((i) => i.id));
  if (!known.has(input.leadInstitutionId))
    throw invalidField("leadInstitutionId", "Choose an institution of this partnership.");
  if (!input.siteIds.every((id) => known.has(id)))
    throw invalidField("siteIds", "Choose delivery sites from this partnership's institutions.");
}

/** Refuses (beside `field`) anyone who is not an active teacher or the coordinator of this partnership. */
export async function checkPlanners(partnershipId: string, userIds: string[], field: string) {
  if (userIds.length === 0) return;
  const found = await db().user.findMany({
    where: { partnershipId, id: { in: userIds }, deactivatedAt: null, role: { in: ["teacher", "coordinator"] } },
    select: { id: true },
  });
  if (found.length !== new Set(userIds).size)
    throw invalidField(field, "Choose co-planners from the teachers of this partnership.");
}

/** The course's id when it is in the actor's partnership; a whole-form refusal otherwise. */
export async function ownCourseId(ctx: ActionContext, courseId: string) {
  const course = await db().course.findFirst({
    where: { id: courseId, partnershipId: ctx.actor.partnershipId },
    select: { id: true },
  });
  if (!course) throw new DomainError("invalid", "That course is not in this partnership.");
  return course.id;
}

/** A change to a unit or co-planner counts as a change to the course (the list sorts by it). */
export async function touchCourse(courseId: string) {
  await db().course.update({ where: { id: courseId }, data: { updatedAt: new Date() } });
}

function detailsData(input: CourseDetailsInput) {
  return {
    title: input.title.trim(),
    kind: input.kind,
    qualification: input.qualification.trim(),
    subject: input.subject,
    keyStage: input.keyStage,
    leadInstitutionId: input.leadInstitutionId,
    summary: input.summary.trim(),
  };
}

/** Creates a course with its sites and units; a teacher who creates it becomes its first co-planner. */
export async function createCourse(
  ctx: ActionContext,
  input: CourseDetailsInput & { units: string[]; plannerIds: string[] },
) {
  const { actor } = ctx;
  await checkInstitutions(actor.partnershipId, input);
  const plannerIds = [...new Set([...(actor.role === "teacher" ? [actor.id] : []), ...input.plannerIds])];
  await checkPlanners(actor.partnershipId, plannerIds, "plannerIds");
  if (plannerIds.length === 0) throw invalidField("plannerIds", "Choose at least one teacher to co-plan the course.");
  const course = await db().course.create({
    data: {
      partnershipId: actor.partnershipId,
      ...detailsData(input),
      createdById: actor.id,
      sites: { create: [...new Set(input.siteIds)].map((institutionId) => ({ institutionId })) },
      units: { create: input.units.map((title, index) => ({ title, position: index + 1 })) },
      planners: { create: plannerIds.map((userId) => ({ userId, addedById: actor.id })) },
    },
  });
  await auditAction(ctx, {
    action: "course.created",
    subjectType: "course",
    subjectId: course.id,
    detail: { title: course.title },
  });
  return course;
}

export async function updateCourseDetails(ctx: ActionContext, courseId: string, input: CourseDetailsInput) {
  await checkInstitutions(ctx.actor.partnershipId, input);
  const id = await ownCourseId(ctx, courseId);
  await db().$transaction([
    db().course.update({ where: { id }, data: detailsData(input) }),
    db().courseSite.deleteMany({ where: { courseId: id } }),
    db().courseSite.createMany({
      data: [...new Set(input.siteIds)].map((institutionId) => ({ courseId: id, institutionId })),
    }),
  ]);
  await auditAction(ctx, {
    action: "course.updated",
    subjectType: "course",
    subjectId: id,
    detail: { title: input.title.trim() },
  });
}

/** What deleting the course takes with it: its units, groups and lesson plans. */
export async function courseDeletionImpact(partnershipId: string, courseId: string) {
  const course = await db().course.findFirst({
    where: { id: courseId, partnershipId },
    select: {
      title: true,
      units: { select: { id: true, title: true }, orderBy: { position: "asc" } },
      groups: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      lessonPlans: { select: { id: true, title: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
    },
  });
  return course;
}

export async function deleteCourse(ctx: ActionContext, courseId: string) {
  const course = await db().course.findFirst({
    where: { id: courseId, partnershipId: ctx.actor.partnershipId },
    select: { id: true, title: true },
  });
  if (!course) return false;
  const plans = await db().lessonPlan.findMany({ where: { courseId: course.id }, select: { id: true } });
  await db().course.delete({ where: { id: course.id } });
  // A plan's co-edited body is owned by the plan, not tied to it by a foreign key: remove it too (and close it in open editors).
  for (const plan of plans) await deleteDocumentsOfOwner("lesson-plan", plan.id);
  await auditAction(ctx, {
    action: "course.deleted",
    subjectType: "course",
    subjectId: course.id,
    detail: { title: course.title, lessonPlans: plans.length },
  });
  return true;
}
