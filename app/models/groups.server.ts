// Mixed teaching groups of a course: who teaches them, their weekly timetable,
// transport from each institution, and which students are in them. Students'
// details are read only through students.server.ts, which applies the visibility rule.
// The group as its page reads it is in group-sql.server.ts.
import { DomainError, invalidField } from "~/lib/errors";
import type { ActionContext } from "~/policies/actor";
import { auditAction } from "./audit.server";
import { db, isUniqueViolation } from "./db.server";

async function checkInstitution(partnershipId: string, institutionId: string, field: string, message: string) {
  const found = await db().institution.findFirst({
    where: { id: institutionId, partnershipId },
    select: { id: true, name: true },
  });
  if (!found) throw invalidField(field, message);
  return found;
}

/**
 * Where a group of the course may meet: its delivery sites (the lead institution when none are recorded, as for
 * courses made before sites were asked for). Partnership-scoped through the course.
 */
export async function listDeliverySites(partnershipId: string, courseId: string) {
  const rows = await db().$queryRaw<Array<{ id: string; name: string; lead: number | bigint | boolean }>>`
    SELECT i."id", i."name", 0 AS "lead" FROM "CourseSite" cs JOIN "Course" c ON c."id" = cs."courseId"
      JOIN "Institution" i ON i."id" = cs."institutionId" WHERE c."id" = ${courseId} AND c."partnershipId" = ${partnershipId}
    UNION ALL SELECT i."id", i."name", 1 FROM "Course" c JOIN "Institution" i ON i."id" = c."leadInstitutionId"
      WHERE c."id" = ${courseId} AND c."partnershipId" = ${partnershipId}`;
  const institution = ({ id, name }: { id: string; name: string }) => ({ id, name });
  const lead = rows.find((row) => Number(row.lead));
  if (!lead) return [];
  const sites = rows
    .filter((row) => !Number(row.lead))
    .map(institution)
    .sort((a, b) => a.name.localeCompare(b.name));
  return sites.length > 0 ? sites : [institution(lead)];
}

/** The weekdays each group meets (1 Monday ... 5 Friday), by group id, to check a lesson's date against. */
export async function listGroupDays(partnershipId: string, groupIds: readonly string[]) {
  const groups = await db().teachingGroup.findMany({
    where: { id: { in: [...groupIds] }, partnershipId },
    select: { id: true, name: true, sessions: { select: { dayOfWeek: true } } },
  });
  return Object.fromEntries(
    groups.map((g) => [g.id, { name: g.name, days: [...new Set(g.sessions.map((s) => s.dayOfWeek))] }]),
  );
}

async function checkDeliverySite(partnershipId: string, courseId: string, siteId: string) {
  const sites = await listDeliverySites(partnershipId, courseId);
  if (!sites.some((s) => s.id === siteId))
    throw invalidField(
      "siteId",
      "Choose one of the course's delivery sites. To meet somewhere else, add that site to the course first.",
    );
}

async function ownGroup(ctx: ActionContext, groupId: string) {
  const group = await db().teachingGroup.findFirst({
    where: { id: groupId, partnershipId: ctx.actor.partnershipId },
    select: { id: true, name: true, courseId: true },
  });
  if (!group) throw new DomainError("invalid", "That group is not in this partnership.");
  return group;
}

function audit(ctx: ActionContext, action: string, groupId: string, detail: Record<string, unknown>) {
  return auditAction(ctx, { action, subjectType: "group", subjectId: groupId, detail });
}

/** Creates a group of the course; a teacher who creates it teaches it. */
export async function createGroup(
  ctx: ActionContext,
  courseId: string,
  input: { name: string; siteId: string; academicYear: string },
) {
  const course = await db().course.findFirst({
    where: { id: courseId, partnershipId: ctx.actor.partnershipId },
    select: { id: true },
  });
  if (!course) throw new DomainError("invalid", "That course is not in this partnership.");
  await checkDeliverySite(ctx.actor.partnershipId, course.id, input.siteId);
  const group = await db().teachingGroup.create({
    data: {
      partnershipId: ctx.actor.partnershipId,
      courseId: course.id,
      name: input.name.trim(),
      siteId: input.siteId,
      academicYear: input.academicYear.trim(),
      ...(ctx.actor.role === "teacher" ? { teachers: { create: [{ userId: ctx.actor.id }] } } : {}),
    },
  });
  await audit(ctx, "group.created", group.id, { name: group.name, courseId: course.id });
  return group;
}

export async function updateGroup(
  ctx: ActionContext,
  groupId: string,
  input: { name: string; siteId: string; academicYear: string },
) {
  const group = await ownGroup(ctx, groupId);
  await checkDeliverySite(ctx.actor.partnershipId, group.courseId, input.siteId);
  await db().teachingGroup.update({
    where: { id: group.id },
    data: { name: input.name.trim(), siteId: input.siteId, academicYear: input.academicYear.trim() },
  });
  await audit(ctx, "group.updated", group.id, { name: input.name.trim() });
}

export async function addGroupTeacher(ctx: ActionContext, groupId: string, userId: string) {
  const group = await ownGroup(ctx, groupId);
  const user = await db().user.findFirst({
    where: {
      id: userId,
      partnershipId: ctx.actor.partnershipId,
      deactivatedAt: null,
      role: { in: ["teacher", "coordinator"] },
    },
    select: { id: true, name: true },
  });
  if (!user) throw invalidField("userId", "Choose a teacher of this partnership.");
  const existing = await db().groupTeacher.findUnique({ where: { groupId_userId: { groupId: group.id, userId } } });
  const alreadyTeaching = () => invalidField("userId", `${user.name} already teaches this group.`);
  if (existing) throw alreadyTeaching();
  try {
    await db().groupTeacher.create({ data: { groupId: group.id, userId } });
  } catch (error) {
    // Added by another request at the same moment (a double click, two tabs).
    if (isUniqueViolation(error)) throw alreadyTeaching();
    throw error;
  }
  await audit(ctx, "group.teacher_added", group.id, { userId });
}

export async function removeGroupTeacher(ctx: ActionContext, groupId: string, userId: string) {
  const group = await ownGroup(ctx, groupId);
  const { count } = await db().groupTeacher.deleteMany({ where: { groupId: group.id, userId } });
  if (count > 0) await audit(ctx, "group.teacher_removed", group.id, { userId });
  return count > 0;
}

export async function addSession(
  ctx: ActionContext,
  groupId: string,
  input: { dayOfWeek: number; startTime: string; endTime: string; siteId: string },
) {
  const group = await ownGroup(ctx, groupId);
  await checkInstitution(ctx.actor.partnershipId, input.siteId, "siteId", "Choose a site of this partnership.");
  const session = await db().groupSession.create({
    data: {
      groupId: group.id,
      dayOfWeek: input.dayOfWeek,
      startTime: input.startTime,
      endTime: input.endTime,
      siteId: input.siteId,
    },
  });
  await audit(ctx, "group.timetable_changed", group.id, {
    added: { day: input.dayOfWeek, start: input.startTime, end: input.endTime },
  });
  return session;
}

export async function removeSession(ctx: ActionContext, groupId: string, sessionId: string) {
  const group = await ownGroup(ctx, groupId);
  const { count } = await db().groupSession.deleteMany({ where: { id: sessionId, groupId: group.id } });
  if (count > 0) await audit(ctx, "group.timetable_changed", group.id, { removed: sessionId });
  return count > 0;
}

/** Sets how students of one institution travel to the group; an empty note removes it. */
export async function setTransport(ctx: ActionContext, groupId: string, institutionId: string, note: string) {
  const group = await ownGroup(ctx, groupId);
  const institution = await checkInstitution(
    ctx.actor.partnershipId,
    institutionId,
    "institutionId",
    "Choose an institution of this partnership.",
  );
  const text = note.trim();
  if (text) {
    await db().groupTransport.upsert({
      where: { groupId_institutionId: { groupId: group.id, institutionId } },
      create: { groupId: group.id, institutionId, note: text },
      update: { note: text },
    });
  } else {
    await db().groupTransport.deleteMany({ where: { groupId: group.id, institutionId } });
  }
  await audit(ctx, "group.transport_changed", group.id, { institution: institution.name, removed: !text });
}

/** Adds students of the partnership to the group (those already in it are left as they are). */
export async function addStudentsToGroup(ctx: ActionContext, groupId: string, studentIds: string[]) {
  const group = await ownGroup(ctx, groupId);
  const students = await db().student.findMany({
    where: { id: { in: studentIds }, partnershipId: ctx.actor.partnershipId },
    select: { id: true },
  });
  if (students.length !== new Set(studentIds).size)
    throw invalidField("studentIds", "Choose students of this partnership.");
  const added = await addMissingGroupStudents(
    group.id,
    students.map((s) => s.id),
  );
  for (const student of added) {
    await auditAction(ctx, {
      action: "student.group_added",
      subjectType: "student",
      subjectId: student.id,
      detail: { groupId: group.id },
    });
  }
  return added.length;
}

/**
 * Inserts the students not yet in the group, one row at a time, and returns those this call inserted: a
 * request adding the same students at the same moment may insert some first, and those are skipped. (One
 * createMany would fail as a whole, and SQLite has no skipDuplicates.)
 */
async function addMissingGroupStudents(groupId: string, studentIds: string[]): Promise<{ id: string }[]> {
  const existing = new Set(
    (
      await db().groupStudent.findMany({
        where: { groupId, studentId: { in: studentIds } },
        select: { studentId: true },
      })
    ).map((s) => s.studentId),
  );
  const added: { id: string }[] = [];
  for (const studentId of studentIds.filter((id) => !existing.has(id))) {
    try {
      await db().groupStudent.create({ data: { groupId, studentId } });
      added.push({ id: studentId });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return added;
}

export async function removeStudentFromGroup(ctx: ActionContext, groupId: string, studentId: string) {
  const group = await ownGroup(ctx, groupId);
  const { count } = await db().groupStudent.deleteMany({
    where: { groupId: group.id, studentId, student: { partnershipId: ctx.actor.partnershipId } },
  });
  if (count > 0) {
    await auditAction(ctx, {
      action: "student.group_removed",
      subjectType: "student",
      subjectId: studentId,
      detail: { groupId: group.id },
    });
  }
  return count > 0;
}

/** What deleting the group affects: its lesson plans stay in the course without a group. */
export async function groupDeletionImpact(partnershipId: string, groupId: string) {
  return db().teachingGroup.findFirst({
    where: { id: groupId, partnershipId },
    select: {
      name: true,
      _count: { select: { students: true, sessions: true } },
      lessonPlans: { select: { id: true, title: true } },
    },
  });
}

export async function deleteGroup(ctx: ActionContext, groupId: string) {
  const group = await ownGroup(ctx, groupId);
  await db().teachingGroup.delete({ where: { id: group.id } });
  // Recorded against the course: the group's own id leads nowhere once it is gone.
  await auditAction(ctx, {
    action: "group.deleted",
    subjectType: "course",
    subjectId: group.courseId,
    detail: { name: group.name },
  });
  return group;
}
