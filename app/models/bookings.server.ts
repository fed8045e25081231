// Where and when a person is already booked, for the clash check (app/lib/clashes.ts decides what overlaps): an
// LSA's deployments in dated, timed lessons, and a teacher's weekly group sessions. Scoped to the partnership.
import { describeClashes, endTimeOf, findClashes, type Booking, type Clash } from "~/lib/clashes";
import { invalidField } from "~/lib/errors";
import { formatDate } from "~/lib/format";
import { dayLabel } from "~/lib/timetable";
import { Prisma } from "~/generated/sqlite/client";
import { addDays } from "./dashboard-sql.server";
import { currentProvider, db } from "./db.server";

/** A lesson's time and place: its group's site, or without a group the course's lead institution. */
const LESSON_TIMES = Prisma.sql`p."id", p."title", p."lessonDate", p."startTime", p."durationMinutes",
  COALESCE(site."id", lead."id") AS "siteId", COALESCE(site."name", lead."name") AS "siteName"`;
const LESSON_PLACES = Prisma.sql`JOIN "Course" c ON c."id" = p."courseId"
  JOIN "Institution" lead ON lead."id" = c."leadInstitutionId"
  LEFT JOIN "TeachingGroup" g ON g."id" = p."groupId"
  LEFT JOIN "Institution" site ON site."id" = g."siteId"`;

interface PlanTimesRow {
  id: string;
  title: string;
  // SQLite answers stored instants as ISO text and integers as bigints where PostgreSQL has timestamps and numbers.
  lessonDate: Date | string | null;
  startTime: string;
  durationMinutes: number | bigint;
  siteId: string;
  siteName: string;
}

/** A lesson as a booking (by the plan's id, so two deployments in one lesson never clash); null without a time. */
function lessonBooking(plan: PlanTimesRow): Booking | null {
  if (!plan.lessonDate || !plan.startTime) return null;
  const day = new Date(plan.lessonDate).toISOString().slice(0, 10);
  const endTime = endTimeOf(plan.startTime, Number(plan.durationMinutes));
  return {
    id: plan.id,
    day,
    startTime: plan.startTime,
    endTime,
    siteId: plan.siteId,
    label: `${plan.title}, ${formatDate(day)} ${plan.startTime}-${endTime} at ${plan.siteName}`,
  };
}

async function planTimes(partnershipId: string, planId: string): Promise<PlanTimesRow | null> {
  const rows = await db().$queryRaw<PlanTimesRow[]>`SELECT ${LESSON_TIMES} FROM "LessonPlan" p ${LESSON_PLACES}
    WHERE p."id" = ${planId} AND p."partnershipId" = ${partnershipId}`;
  return rows[0] ?? null;
}

/**
 * Lessons the supporters (members of the partnership) are deployed in on those days (lesson dates are stored at
 * midnight UTC), with who is deployed: one statement for any number of supporters and days. The plans are sought
 * by the span of the days on the lesson date column itself (a function of the column hides it from the planner,
 * which then read every deployment of the partnership), then each plan's day is compared as before.
 */
async function supportersLessons(partnershipId: string, supporterIds: readonly string[], days: readonly Date[]) {
  if (supporterIds.length === 0 || days.length === 0) return [];
  const postgres = currentProvider() === "postgresql";
  const dayOf = postgres
    ? Prisma.sql`to_char(p."lessonDate", 'YYYY-MM-DD')`
    : Prisma.sql`substr(p."lessonDate", 1, 10)`;
  const bound = (day: string) => (postgres ? Prisma.sql`CAST(${day} AS date)` : Prisma.sql`${day}`);
  const dayList = [...new Set(days.map((day) => day.toISOString().slice(0, 10)))].sort();
  const rows = await db().$queryRaw<Array<PlanTimesRow & { deploymentId: string; supporterId: string }>>`
    SELECT d."id" AS "deploymentId", d."supporterId", ${LESSON_TIMES}
    FROM "Deployment" d
    JOIN "User" u ON u."id" = d."supporterId" AND u."partnershipId" = ${partnershipId}
    JOIN "LessonPlan" p ON p."id" = d."lessonPlanId"
    ${LESSON_PLACES}
    WHERE d."partnershipId" = ${partnershipId}
      AND d."supporterId" IN (${Prisma.join([...supporterIds])})
      AND p."partnershipId" = ${partnershipId}
      AND p."lessonDate" >= ${bound(dayList[0]!)} AND p."lessonDate" < ${bound(addDays(dayList.at(-1)!, 1))}
      AND ${dayOf} IN (${Prisma.join(dayList)})`;
  return rows.map(({ deploymentId, supporterId, ...plan }) => ({ deploymentId, supporterId, plan }));
}

/**
 * The supporter's other lessons that overlap this plan's time, with their name; none when the plan has no date or
 * time yet, or the supporter is not a member of the partnership (the deployment itself refuses them).
 */
export async function supporterClashes(partnershipId: string, planId: string, supporterId: string) {
  const [plan, supporter] = await Promise.all([
    planTimes(partnershipId, planId),
    db().user.findFirst({ where: { id: supporterId, partnershipId }, select: { name: true } }),
  ]);
  const candidate = plan ? lessonBooking(plan) : null;
  if (!plan?.lessonDate || !candidate || !supporter) return { person: "", clashes: [] };
  const others = await supportersLessons(partnershipId, [supporterId], [new Date(plan.lessonDate)]);
  const bookings = others.map((o) => lessonBooking(o.plan)).filter((b): b is Booking => b !== null);
  return { person: supporter.name, clashes: findClashes(candidate, bookings) };
}

/**
 * For the plan page: what each deployed supporter is also booked for at this lesson's time, by supporter id. One
 * query for every supporter's lessons that day, so the page's statements do not grow with its deployments.
 */
export async function planDeploymentClashes(partnershipId: string, planId: string, supporterIds: readonly string[]) {
  const clashes = new Map<string, Clash[]>();
  if (supporterIds.length === 0) return clashes;
  const plan = await planTimes(partnershipId, planId);
  const candidate = plan ? lessonBooking(plan) : null;
  if (!plan?.lessonDate || !candidate) return clashes;
  const lessons = await supportersLessons(partnershipId, [...new Set(supporterIds)], [new Date(plan.lessonDate)]);
  for (const supporterId of new Set(lessons.map((l) => l.supporterId))) {
    const bookings = lessons
      .filter((l) => l.supporterId === supporterId)
      .map((l) => lessonBooking(l.plan))
      .filter((b): b is Booking => b !== null);
    const found = findClashes(candidate, bookings);
    if (found.length > 0) clashes.set(supporterId, found);
  }
  return clashes;
}

/** For a list of the supporter's own deployments: what each clashes with, by deployment id. */
export async function clashesOfDeployments(
  partnershipId: string,
  supporterId: string,
  deployments: ReadonlyArray<{ id: string; lessonPlan: { lessonDate: Date | null } }>,
): Promise<Map<string, Clash[]>> {
  const days = [...new Set(deployments.flatMap((d) => (d.lessonPlan.lessonDate ? [d.lessonPlan.lessonDate] : [])))];
  const clashes = new Map<string, Clash[]>();
  if (days.length === 0) return clashes;
  const lessons = await supportersLessons(partnershipId, [supporterId], days);
  const bookings = lessons.map((l) => lessonBooking(l.plan)).filter((b): b is Booking => b !== null);
  for (const lesson of lessons) {
    const booking = lessonBooking(lesson.plan);
    const found = booking ? findClashes(booking, bookings) : [];
    if (found.length > 0) clashes.set(lesson.deploymentId, found);
  }
  return clashes;
}

interface SessionTimes {
  id: string;
  dayOfWeek: number;
  startTime: string;
  endTime: string;
  site: { id: string; name: string };
}

function sessionBooking(groupName: string, session: SessionTimes): Booking {
  return {
    id: session.id,
    day: session.dayOfWeek,
    startTime: session.startTime,
    endTime: session.endTime,
    siteId: session.site.id,
    label: `${groupName}, ${dayLabel(session.dayOfWeek)} ${session.startTime}-${session.endTime} at ${session.site.name}`,
  };
}

/** A session of another group a teacher teaches, with the group's name and the session's site. */
interface TeacherSessionRow {
  teacherId: string;
  teacherName: string;
  groupName: string;
  id: string;
  dayOfWeek: number | bigint;
  startTime: string;
  endTime: string;
  siteId: string;
  siteName: string;
}

export interface TeacherClashes {
  teacher: { id: string; name: string };
  clashes: Clash[];
}

/**
 * The teachers' sessions with their other groups that overlap `sessions` (this group's timetable, or a session
 * about to be added): one entry per teacher with at least one clash.
 */
export async function teacherClashes(
  partnershipId: string,
  groupId: string,
  teacherIds: readonly string[],
  sessions: ReadonlyArray<Omit<SessionTimes, "id" | "site"> & { id?: string; siteId: string }>,
): Promise<TeacherClashes[]> {
  if (teacherIds.length === 0 || sessions.length === 0) return [];
  // One statement for every teacher's sessions with other groups on the days in question, in the order of the groups'
  // ids (a clash is on the same weekday).
  const rows = await db().$queryRaw<TeacherSessionRow[]>`
    SELECT gt."userId" AS "teacherId", u."name" AS "teacherName", g."name" AS "groupName", s."id", s."dayOfWeek",
      s."startTime", s."endTime", s."siteId", site."name" AS "siteName"
    FROM "GroupTeacher" gt JOIN "TeachingGroup" g ON g."id" = gt."groupId" JOIN "User" u ON u."id" = gt."userId"
      JOIN "GroupSession" s ON s."groupId" = g."id" JOIN "Institution" site ON site."id" = s."siteId"
    WHERE gt."userId" IN (${Prisma.join([...teacherIds])}) AND g."partnershipId" = ${partnershipId}
      AND g."id" <> ${groupId} AND s."dayOfWeek" IN (${Prisma.join([...new Set(sessions.map((s) => s.dayOfWeek))])})
    ORDER BY g."id", s."id"`;
  const teaching = rows.map((row) => ({
    user: { id: row.teacherId, name: row.teacherName },
    booking: sessionBooking(row.groupName, {
      ...row,
      dayOfWeek: Number(row.dayOfWeek),
      site: { id: row.siteId, name: row.siteName },
    }),
  }));
  const result: TeacherClashes[] = [];
  for (const teacherId of teacherIds) {
    const theirs = teaching.filter((t) => t.user.id === teacherId);
    const others = theirs.map((t) => t.booking);
    const clashes = sessions
      .flatMap((s) => findClashes({ ...s, id: s.id ?? "new", day: s.dayOfWeek, label: "" }, others))
      .filter((c, i, all) => all.findIndex((x) => x.booking.id === c.booking.id) === i);
    if (clashes.length > 0 && theirs[0]) result.push({ teacher: theirs[0].user, clashes });
  }
  return result;
}

/**
 * A clash is a warning the person arranging it confirms, not a refusal: in a partnership people do cover two
 * things at once (an LSA who leaves one lesson early for another, a teacher whose group is taught by a colleague
 * for that hour), and only they know. Unconfirmed, the form comes back with the clash named beside the box to tick.
 */
export function confirmClashes(
  people: ReadonlyArray<{ person: string; clashes: readonly Clash[] }>,
  confirmed: boolean,
  what: string,
): void {
  const found = people.filter((p) => p.clashes.length > 0);
  if (found.length === 0 || confirmed) return;
  const sentences = found.map((p) => describeClashes(p.person, p.clashes)).join(" ");
  throw invalidField("confirmClash", `${sentences} Tick “${what}” and send again to go ahead.`);
}
