// Courses of the partnership: the list with filters, the overview (units, scheme
// of work, groups, co-planners, recent activity), and every change to a course,
// its delivery sites, units and co-planners. Every query is scoped to the actor's partnership.
import type { CourseSort } from "~/lib/forms/courses";
import type { Actor } from "~/policies/actor";
import { canPlanCourses, type CourseFacts } from "~/policies/course";
import { recordAudit } from "./audit.server";
import { deleteDocumentsOfOwner } from "./collab-documents.server";
import { db, isUniqueViolation } from "./db.server";

export const COURSES_PAGE_SIZE = 20;

export class CourseError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

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
  const orderBy =
    filters.sort === "recent"
      ? [{ updatedAt: "desc" as const }, { title: "asc" as const }]
      : filters.sort === "subject"
        ? [{ subject: "asc" as const }, { title: "asc" as const }]
        : [{ title: "asc" as const }, { id: "asc" as const }];
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

/** The plain facts course policies need, or null when it is not in this partnership. */
export async function getCourseFacts(
  partnershipId: string,
  courseId: string,
): Promise<(CourseFacts & { id: string; title: string }) | null> {
  const course = await db().course.findFirst({
    where: { id: courseId, partnershipId },
    select: { id: true, title: true, partnershipId: true, planners: { select: { userId: true } } },
  });
  if (!course) return null;
  return {
    id: course.id,
    title: course.title,
    partnershipId: course.partnershipId,
    plannerIds: course.planners.map((p) => p.userId),
  };
}

/** A course with everything its pages show except lesson plans and activity. */
export async function getCourse(partnershipId: string, courseId: string) {
  const course = await db().course.findFirst({
    where: { id: courseId, partnershipId },
    include: {
      leadInstitution: { select: { id: true, name: true } },
      units: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        include: { _count: { select: { lessonPlans: true } } },
      },
      sites: { include: { institution: { select: { id: true, name: true } } } },
      planners: {
        orderBy: { createdAt: "asc" },
        include: { user: { select: { id: true, name: true, role: true, institution: { select: { name: true } } } } },
      },
      groups: {
        orderBy: { name: "asc" },
        include: {
          site: { select: { name: true } },
          _count: { select: { students: true } },
          lessonPlans: { select: { deployments: { select: { supporterId: true } } } },
        },
      },
    },
  });
  if (!course) return null;
  return {
    ...course,
    sites: course.sites.map((s) => s.institution).sort((a, b) => a.name.localeCompare(b.name)),
    plannerIds: course.planners.map((p) => p.userId),
    groups: course.groups.map(({ lessonPlans, ...group }) => ({
      ...group,
      deployedSupporterIds: [...new Set(lessonPlans.flatMap((plan) => plan.deployments.map((d) => d.supporterId)))],
    })),
  };
}

/**
 * The scheme of work: the course's lesson plans by unit order, then position and date.
 * onlyDeployedSupporterId: an LSA sees only the plans they are deployed in.
 */
export async function listSchemeOfWork(
  partnershipId: string,
  courseId: string,
  options: { onlyDeployedSupporterId?: string } = {},
) {
  const plans = await db().lessonPlan.findMany({
    where: {
      partnershipId,
      courseId,
      ...(options.onlyDeployedSupporterId
        ? { deployments: { some: { supporterId: options.onlyDeployedSupporterId } } }
        : {}),
    },
    select: {
      id: true,
      title: true,
      lessonDate: true,
      position: true,
      status: true,
      createdAt: true,
      unit: { select: { id: true, title: true, position: true } },
      group: { select: { id: true, name: true } },
    },
  });
  const time = (d: Date | null) => (d ? d.getTime() : Number.MAX_SAFE_INTEGER);
  return plans.sort(
    (a, b) =>
      (a.unit?.position ?? Number.MAX_SAFE_INTEGER) - (b.unit?.position ?? Number.MAX_SAFE_INTEGER) ||
      a.position - b.position ||
      time(a.lessonDate) - time(b.lessonDate) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
}

/**
 * Recent audit entries about the course, its groups and its lesson plans.
 * Student entries are left out: they are personal data, read in the audit log only.
 */
export async function listCourseActivity(partnershipId: string, courseId: string, take = 15) {
  const [plans, groups] = await Promise.all([
    db().lessonPlan.findMany({ where: { partnershipId, courseId }, select: { id: true } }),
    db().teachingGroup.findMany({ where: { partnershipId, courseId }, select: { id: true } }),
  ]);
  const subjectIds = [courseId, ...plans.map((p) => p.id), ...groups.map((g) => g.id)];
  const events = await db().auditEvent.findMany({
    where: { partnershipId, subjectId: { in: subjectIds }, NOT: { action: { startsWith: "student." } } },
    orderBy: { createdAt: "desc" },
    take,
  });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id)))];
  const actors = await db().user.findMany({
    where: { id: { in: actorIds }, partnershipId },
    select: { id: true, name: true },
  });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    subjectType: e.subjectType,
    createdAt: e.createdAt,
    actorName: e.actorId ? (names.get(e.actorId) ?? "Former member") : "System",
    detail: JSON.parse(e.detail) as Record<string, unknown>,
  }));
}

/** Teachers and the coordinator of the partnership who can be co-planners or group teachers. */
export async function listPlanningColleagues(partnershipId: string) {
  const users = await db().user.findMany({
    where: { partnershipId, deactivatedAt: null, role: { in: ["teacher", "coordinator"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true, institution: { select: { name: true } } },
  });
  return users.filter(canPlanCourses);
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
    throw new CourseError("leadInstitutionId", "Choose an institution of this partnership.");
  if (!input.siteIds.every((id) => known.has(id)))
    throw new CourseError("siteIds", "Choose delivery sites from this partnership's institutions.");
}

async function checkPlanners(partnershipId: string, userIds: string[], field: string) {
  if (userIds.length === 0) return;
  const found = await db().user.findMany({
    where: { partnershipId, id: { in: userIds }, deactivatedAt: null, role: { in: ["teacher", "coordinator"] } },
    select: { id: true },
  });
  if (found.length !== new Set(userIds).size)
    throw new CourseError(field, "Choose co-planners from the teachers of this partnership.");
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
  actor: Actor,
  input: CourseDetailsInput & { units: string[]; plannerIds: string[] },
  ipAddress = "",
) {
  await checkInstitutions(actor.partnershipId, input);
  const plannerIds = [...new Set([...(actor.role === "teacher" ? [actor.id] : []), ...input.plannerIds])];
  await checkPlanners(actor.partnershipId, plannerIds, "plannerIds");
  if (plannerIds.length === 0)
    throw new CourseError("plannerIds", "Choose at least one teacher to co-plan the course.");
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
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "course.created",
    subjectType: "course",
    subjectId: course.id,
    detail: { title: course.title },
    ipAddress,
  });
  return course;
}

export async function updateCourseDetails(actor: Actor, courseId: string, input: CourseDetailsInput, ipAddress = "") {
  await checkInstitutions(actor.partnershipId, input);
  const course = await db().course.findFirst({
    where: { id: courseId, partnershipId: actor.partnershipId },
    select: { id: true },
  });
  if (!course) throw new CourseError("form", "That course is not in this partnership.");
  await db().$transaction([
    db().course.update({ where: { id: course.id }, data: detailsData(input) }),
    db().courseSite.deleteMany({ where: { courseId: course.id } }),
    db().courseSite.createMany({
      data: [...new Set(input.siteIds)].map((institutionId) => ({ courseId: course.id, institutionId })),
    }),
  ]);
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "course.updated",
    subjectType: "course",
    subjectId: course.id,
    detail: { title: input.title.trim() },
    ipAddress,
  });
}

async function ownCourseId(actor: Actor, courseId: string) {
  const course = await db().course.findFirst({
    where: { id: courseId, partnershipId: actor.partnershipId },
    select: { id: true },
  });
  if (!course) throw new CourseError("form", "That course is not in this partnership.");
  return course.id;
}

async function ownUnit(actor: Actor, courseId: string, unitId: string) {
  const unit = await db().courseUnit.findFirst({
    where: { id: unitId, courseId, course: { partnershipId: actor.partnershipId } },
  });
  if (!unit) throw new CourseError("unitId", "That unit is not part of this course.");
  return unit;
}

async function touch(courseId: string) {
  await db().course.update({ where: { id: courseId }, data: { updatedAt: new Date() } });
}

export async function addUnit(actor: Actor, courseId: string, title: string, ipAddress = "") {
  const id = await ownCourseId(actor, courseId);
  const last = await db().courseUnit.findFirst({
    where: { courseId: id },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  const unit = await db().courseUnit.create({
    data: { courseId: id, title: title.trim(), position: (last?.position ?? 0) + 1 },
  });
  await touch(id);
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "course.unit_added",
    subjectType: "course",
    subjectId: id,
    detail: { unit: unit.title },
    ipAddress,
  });
  return unit;
}

export async function renameUnit(actor: Actor, courseId: string, unitId: string, title: string, ipAddress = "") {
  const unit = await ownUnit(actor, courseId, unitId);
  await db().courseUnit.update({ where: { id: unit.id }, data: { title: title.trim() } });
  await touch(courseId);
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "course.unit_renamed",
    subjectType: "course",
    subjectId: courseId,
    detail: { from: unit.title, to: title.trim() },
    ipAddress,
  });
}

/** Swaps the unit with its neighbour above or below; positions are renumbered 1..n. */
export async function moveUnit(
  actor: Actor,
  courseId: string,
  unitId: string,
  direction: "up" | "down",
  ipAddress = "",
) {
  await ownUnit(actor, courseId, unitId);
  const units = await db().courseUnit.findMany({
    where: { courseId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true },
  });
  const index = units.findIndex((u) => u.id === unitId);
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= units.length) return false;
  [units[index], units[target]] = [units[target]!, units[index]!];
  await db().$transaction(
    units.map((u, i) => db().courseUnit.update({ where: { id: u.id }, data: { position: i + 1 } })),
  );
  await touch(courseId);
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "course.units_reordered",
    subjectType: "course",
    subjectId: courseId,
    detail: { unit: units[target]!.title, direction },
    ipAddress,
  });
  return true;
}

/** What removing a unit affects: its lesson plans stay in the course without a unit. */
export async function unitRemovalImpact(actor: Actor, courseId: string, unitId: string) {
  const unit = await ownUnit(actor, courseId, unitId);
  const plans = await db().lessonPlan.findMany({
    where: { unitId: unit.id, partnershipId: actor.partnershipId },
    select: { id: true, title: true },
    orderBy: { position: "asc" },
  });
  return { unit, plans };
}

export async function removeUnit(actor: Actor, courseId: string, unitId: string, ipAddress = "") {
  const { unit, plans } = await unitRemovalImpact(actor, courseId, unitId);
  await db().courseUnit.delete({ where: { id: unit.id } });
  const rest = await db().courseUnit.findMany({
    where: { courseId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  await db().$transaction(
    rest.map((u, i) => db().courseUnit.update({ where: { id: u.id }, data: { position: i + 1 } })),
  );
  await touch(courseId);
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "course.unit_removed",
    subjectType: "course",
    subjectId: courseId,
    detail: { unit: unit.title, plansKept: plans.length },
    ipAddress,
  });
  return { plansKept: plans.length };
}

export async function addPlanner(actor: Actor, courseId: string, userId: string, ipAddress = "") {
  const id = await ownCourseId(actor, courseId);
  await checkPlanners(actor.partnershipId, [userId], "userId");
  const existing = await db().coursePlanner.findUnique({ where: { courseId_userId: { courseId: id, userId } } });
  const alreadyPlanning = () => new CourseError("userId", "They already co-plan this course.");
  if (existing) throw alreadyPlanning();
  try {
    await db().coursePlanner.create({ data: { courseId: id, userId, addedById: actor.id } });
  } catch (error) {
    // Added by another request at the same moment (a double click, two tabs).
    if (isUniqueViolation(error)) throw alreadyPlanning();
    throw error;
  }
  await touch(id);
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "course.planner_added",
    subjectType: "course",
    subjectId: id,
    detail: { userId },
    ipAddress,
  });
}

/** Removes a co-planner; a course always keeps at least one. */
export async function removePlanner(actor: Actor, courseId: string, userId: string, ipAddress = "") {
  const id = await ownCourseId(actor, courseId);
  const count = await db().coursePlanner.count({ where: { courseId: id } });
  if (count <= 1)
    throw new CourseError("form", "A course needs at least one co-planner. Add another before removing this one.");
  const { count: removed } = await db().coursePlanner.deleteMany({ where: { courseId: id, userId } });
  if (removed === 0) throw new CourseError("form", "They do not co-plan this course.");
  await touch(id);
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "course.planner_removed",
    subjectType: "course",
    subjectId: id,
    detail: { userId },
    ipAddress,
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

export async function deleteCourse(actor: Actor, courseId: string, ipAddress = "") {
  const course = await db().course.findFirst({
    where: { id: courseId, partnershipId: actor.partnershipId },
    select: { id: true, title: true },
  });
  if (!course) return false;
  const plans = await db().lessonPlan.findMany({ where: { courseId: course.id }, select: { id: true } });
  await db().course.delete({ where: { id: course.id } });
  // A plan's co-edited body is owned by the plan, not tied to it by a foreign key: remove it too (and close it in open editors).
  for (const plan of plans) await deleteDocumentsOfOwner("lesson-plan", plan.id);
  await recordAudit({
    partnershipId: actor.partnershipId,
    actorId: actor.id,
    action: "course.deleted",
    subjectType: "course",
    subjectId: course.id,
    detail: { title: course.title, lessonPlans: plans.length },
    ipAddress,
  });
  return true;
}
