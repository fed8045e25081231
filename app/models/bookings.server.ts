// Where and when a person is already booked, for the clash check (app/lib/clashes.ts decides what overlaps): an
// LSA's deployments in dated, timed lessons, and a teacher's weekly group sessions. Scoped to the partnership.
import { describeClashes, endTimeOf, findClashes, type Booking, type Clash } from "~/lib/clashes";
import { invalidField } from "~/lib/errors";
import { formatDate } from "~/lib/format";
import { dayLabel } from "~/lib/timetable";
import { db } from "./db.server";

const planSelect = {
  id: true,
  title: true,
  lessonDate: true,
  startTime: true,
  durationMinutes: true,
  course: { select: { leadInstitution: { select: { id: true, name: true } } } },
  group: { select: { site: { select: { id: true, name: true } } } },
} as const;

interface PlanTimes {
  id: string;
  title: string;
  lessonDate: Date | null;
  startTime: string;
  durationMinutes: number;
  course: { leadInstitution: { id: string; name: string } };
  group: { site: { id: string; name: string } } | null;
}

/** A lesson as a booking (by the plan's id, so two deployments in one lesson never clash); null without a time. */
function lessonBooking(plan: PlanTimes): Booking | null {
  if (!plan.lessonDate || !plan.startTime) return null;
  const day = plan.lessonDate.toISOString().slice(0, 10);
  // A lesson without a group happens at the course's lead institution, as far as anyone has said.
  const site = plan.group?.site ?? plan.course.leadInstitution;
  const endTime = endTimeOf(plan.startTime, plan.durationMinutes);
  return {
    id: plan.id,
    day,
    startTime: plan.startTime,
    endTime,
    siteId: site.id,
    label: `${plan.title}, ${formatDate(day)} ${plan.startTime}-${endTime} at ${site.name}`,
  };
}

/** Lessons the supporters (partnership members) are deployed in on those days, with who is deployed. */
async function supportersLessons(partnershipId: string, supporterIds: readonly string[], days: Date[]) {
  if (supporterIds.length === 0 || days.length === 0) return [];
  const deployments = await db().deployment.findMany({
    where: {
      partnershipId,
      supporterId: { in: [...supporterIds] },
      supporter: { partnershipId },
      lessonPlan: { lessonDate: { in: days } },
    },
    select: { id: true, supporterId: true, lessonPlan: { select: planSelect } },
  });
  return deployments.map((d) => ({ deploymentId: d.id, supporterId: d.supporterId, plan: d.lessonPlan }));
}

/**
 * The supporter's other lessons that overlap this plan's time, with their name; none when the plan has no date or
 * time yet, or the supporter is not a member of the partnership (the deployment itself refuses them).
 */
export async function supporterClashes(partnershipId: string, planId: string, supporterId: string) {
  const [plan, supporter] = await Promise.all([
    db().lessonPlan.findFirst({ where: { id: planId, partnershipId }, select: planSelect }),
    db().user.findFirst({ where: { id: supporterId, partnershipId }, select: { name: true } }),
  ]);
  const candidate = plan ? lessonBooking(plan) : null;
  if (!plan?.lessonDate || !candidate || !supporter) return { person: "", clashes: [] };
  const others = await supportersLessons(partnershipId, [supporterId], [plan.lessonDate]);
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
  const plan = await db().lessonPlan.findFirst({ where: { id: planId, partnershipId }, select: planSelect });
  const candidate = plan ? lessonBooking(plan) : null;
  if (!plan?.lessonDate || !candidate) return clashes;
  const lessons = await supportersLessons(partnershipId, [...new Set(supporterIds)], [plan.lessonDate]);
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
  const teaching = await db().groupTeacher.findMany({
    where: { userId: { in: [...teacherIds] }, group: { partnershipId, id: { not: groupId } } },
    select: {
      user: { select: { id: true, name: true } },
      group: {
        select: {
          name: true,
          sessions: { select: { id: true, dayOfWeek: true, startTime: true, endTime: true, site: true } },
        },
      },
    },
  });
  const result: TeacherClashes[] = [];
  for (const teacherId of teacherIds) {
    const theirs = teaching.filter((t) => t.user.id === teacherId);
    const others = theirs.flatMap((t) => t.group.sessions.map((s) => sessionBooking(t.group.name, s)));
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
