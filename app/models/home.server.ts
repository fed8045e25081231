// The home page of the people who teach and support lessons: a supporter's next deployments and what waits on them
// (briefings to read, feedback to write), a teacher's week of lessons, the plans that need them, and their courses.
// The partnership's activity for leaders is in partnership-activity.server.ts. Students are never named here, only
// counted: their names follow the visibility rules on the pages these link to. Every query is scoped to the
// partnership and each row passes its policy.
import { addDays, lessonDateOf, ukWeekOf } from "~/lib/uk-calendar";
import type { Actor } from "~/policies/actor";
import { canViewDeployment } from "~/policies/deployment";
import { canEditLessonPlan, canReadLessonPlan, type LessonPlanFacts } from "~/policies/lesson-plan";
import { db } from "./db.server";

/** How far ahead "next deployments" and "drafts for lessons coming soon" look. */
const DAYS_AHEAD = 14;
const LIST_LIMIT = 8;
const TAUGHT = ["taught", "reviewed"];

function planFacts(plan: {
  partnershipId: string;
  course: { planners: Array<{ userId: string }> };
  deployments: Array<{ supporterId: string }>;
}): LessonPlanFacts {
  return {
    partnershipId: plan.partnershipId,
    plannerIds: plan.course.planners.map((p) => p.userId),
    supporterIds: [...new Set(plan.deployments.map((d) => d.supporterId))],
  };
}

/** A lesson's own columns; what it belongs to comes from withLessonDetails, in one query per table for the page. */
const lessonSelect = {
  id: true,
  title: true,
  lessonDate: true,
  startTime: true,
  durationMinutes: true,
  status: true,
  partnershipId: true,
  courseId: true,
  groupId: true,
} as const;

const deploymentSelect = {
  id: true,
  partnershipId: true,
  supporterId: true,
  supporterRole: true,
  phase: true,
  mode: true,
  minutes: true,
  briefedAt: true,
  readAt: true,
  lessonPlan: { select: lessonSelect },
} as const;

const byLessonTime = (direction: "asc" | "desc") => [
  { lessonPlan: { lessonDate: direction } },
  { lessonPlan: { startTime: direction } },
  { createdAt: "asc" as const },
];

type LessonColumns = {
  id: string;
  title: string;
  lessonDate: Date | null;
  startTime: string;
  durationMinutes: number;
  status: string;
  partnershipId: string;
  courseId: string;
  groupId: string | null;
};

type LessonRow = LessonColumns & {
  course: { title: string; planners: Array<{ userId: string }> };
  group: { name: string; site: { name: string } } | null;
  deployments: Array<{ supporterId: string }>;
};

/**
 * The lessons with their course (title, planners), group (name, site) and deployed supporters, for their policy and
 * summary: one query per table for all of them, none for an empty list.
 */
async function withLessonDetails<T extends LessonColumns>(lessons: readonly T[]): Promise<Array<T & LessonRow>> {
  if (lessons.length === 0) return [];
  const unique = (ids: Array<string | null>) => [...new Set(ids.filter((id): id is string => id !== null))];
  const planIds = unique(lessons.map((l) => l.id));
  const courseIds = unique(lessons.map((l) => l.courseId));
  const groupIds = unique(lessons.map((l) => l.groupId));
  const [courses, planners, groups, deployments] = await Promise.all([
    db().course.findMany({ where: { id: { in: courseIds } }, select: { id: true, title: true } }),
    db().coursePlanner.findMany({ where: { courseId: { in: courseIds } }, select: { courseId: true, userId: true } }),
    groupIds.length > 0
      ? db().teachingGroup.findMany({
          where: { id: { in: groupIds } },
          select: { id: true, name: true, site: { select: { name: true } } },
        })
      : [],
    db().deployment.findMany({
      where: { lessonPlanId: { in: planIds } },
      select: { lessonPlanId: true, supporterId: true },
    }),
  ]);
  const courseById = new Map(courses.map((c) => [c.id, c]));
  const groupById = new Map(groups.map((g) => [g.id, g]));
  return lessons.map((lesson) => ({
    ...lesson,
    course: {
      title: courseById.get(lesson.courseId)?.title ?? "",
      planners: planners.filter((p) => p.courseId === lesson.courseId),
    },
    group: lesson.groupId ? (groupById.get(lesson.groupId) ?? null) : null,
    deployments: deployments.filter((d) => d.lessonPlanId === lesson.id),
  }));
}

type DeploymentRow = {
  id: string;
  partnershipId: string;
  supporterId: string;
  supporterRole: string;
  phase: string;
  mode: string;
  minutes: number;
  briefedAt: Date | null;
  readAt: Date | null;
  studentCount: number;
  lessonPlan: LessonRow;
};

/** The deployments with their lessons' details and how many students each supports, in one query per table. */
async function withDeploymentDetails(
  rows: ReadonlyArray<Omit<DeploymentRow, "lessonPlan" | "studentCount"> & { lessonPlan: LessonColumns }>,
): Promise<DeploymentRow[]> {
  if (rows.length === 0) return [];
  const [lessons, counts] = await Promise.all([
    withLessonDetails(rows.map((d) => d.lessonPlan)),
    db().deploymentStudent.groupBy({
      by: ["deploymentId"],
      where: { deploymentId: { in: rows.map((d) => d.id) } },
      _count: { _all: true },
    }),
  ]);
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const countById = new Map(counts.map((c) => [c.deploymentId, c._count._all]));
  return rows.map((d) => ({
    ...d,
    lessonPlan: lessonById.get(d.lessonPlan.id)!,
    studentCount: countById.get(d.id) ?? 0,
  }));
}

function lessonSummary(plan: LessonRow) {
  return {
    id: plan.id,
    title: plan.title,
    date: plan.lessonDate ? plan.lessonDate.toISOString().slice(0, 10) : null,
    startTime: plan.startTime,
    durationMinutes: plan.durationMinutes,
    status: plan.status,
    course: plan.course.title,
    group: plan.group?.name ?? null,
    site: plan.group?.site.name ?? null,
  };
}

function deploymentSummary(d: DeploymentRow) {
  return {
    id: d.id,
    lesson: lessonSummary(d.lessonPlan),
    supporterRole: d.supporterRole,
    phase: d.phase,
    mode: d.mode,
    minutes: d.minutes,
    studentCount: d.studentCount,
    briefed: d.briefedAt !== null,
    read: d.readAt !== null,
  };
}

/**
 * The member's own deployments from today for the next fortnight, soonest first; the briefings they have not read
 * yet; and the lessons already taught (or past) that still wait for their feedback, latest first.
 */
export async function supporterHome(actor: Actor, now = new Date()) {
  const { today } = ukWeekOf(now);
  const own = { partnershipId: actor.partnershipId, supporterId: actor.id };
  const fromToday = { gte: lessonDateOf(today), lt: lessonDateOf(addDays(today, DAYS_AHEAD)) };
  const taughtOrPast = { OR: [{ lessonDate: { lt: lessonDateOf(today) } }, { status: { in: TAUGHT } }] };
  const [upcoming, upcomingCount, feedbackDue, feedbackDueCount, hasAny] = await Promise.all([
    db().deployment.findMany({
      where: { ...own, lessonPlan: { lessonDate: fromToday } },
      select: deploymentSelect,
      orderBy: byLessonTime("asc"),
      take: LIST_LIMIT,
    }),
    db().deployment.count({ where: { ...own, lessonPlan: { lessonDate: fromToday } } }),
    db().deployment.findMany({
      where: { ...own, feedbackAt: null, lessonPlan: taughtOrPast },
      select: deploymentSelect,
      orderBy: byLessonTime("desc"),
      take: LIST_LIMIT,
    }),
    db().deployment.count({ where: { ...own, feedbackAt: null, lessonPlan: taughtOrPast } }),
    db()
      .deployment.count({ where: own })
      .then((n) => n > 0),
  ]);
  // Both lists' lessons in one pass: the first rows are the upcoming ones.
  const detailed = await withDeploymentDetails([...upcoming, ...feedbackDue]);
  const visible = (rows: DeploymentRow[]) =>
    rows
      .filter((d) => canViewDeployment(actor, { ...d, plan: planFacts(d.lessonPlan) }))
      .map((d) => deploymentSummary(d));
  const next = visible(detailed.slice(0, upcoming.length));
  return {
    daysAhead: DAYS_AHEAD,
    next,
    moreUpcoming: Math.max(0, upcomingCount - next.length),
    briefingsToRead: next.filter((d) => d.briefed && !d.read),
    feedbackDue: visible(detailed.slice(upcoming.length)),
    feedbackDueCount,
    hasAny,
  };
}

/** This week's lessons of the groups the teacher teaches, by day, earliest first. */
async function teachersWeek(actor: Actor, now: Date) {
  const week = ukWeekOf(now);
  const lessons = await db().lessonPlan.findMany({
    where: {
      partnershipId: actor.partnershipId,
      lessonDate: { gte: lessonDateOf(week.monday), lte: lessonDateOf(week.sunday) },
      group: { teachers: { some: { userId: actor.id } } },
    },
    select: lessonSelect,
    orderBy: [{ lessonDate: "asc" }, { startTime: "asc" }, { title: "asc" }],
  });
  const days: Array<{ date: string; lessons: Array<ReturnType<typeof lessonSummary>> }> = [];
  for (const plan of (await withLessonDetails(lessons)).filter((p) => canReadLessonPlan(actor, planFacts(p)))) {
    const lesson = lessonSummary(plan);
    const day = days.at(-1);
    if (day && day.date === lesson.date) day.lessons.push(lesson);
    else days.push({ date: lesson.date ?? week.monday, lessons: [lesson] });
  }
  return { ...week, days };
}

/**
 * Plans in the courses the teacher co-plans that need something from them: drafts of lessons in the next fortnight,
 * plans still to be taught without objectives, and lessons taught (or past) without an evaluation.
 */
async function plansThatNeedTeacher(actor: Actor, now: Date) {
  const { today } = ukWeekOf(now);
  const theirs = { partnershipId: actor.partnershipId, course: { planners: { some: { userId: actor.id } } } };
  const query = (where: object, direction: "asc" | "desc") =>
    db().lessonPlan.findMany({
      where: { ...theirs, ...where },
      select: lessonSelect,
      orderBy: [{ lessonDate: direction }, { startTime: direction }],
      take: LIST_LIMIT,
    });
  const [drafts, withoutObjectives, withoutEvaluation] = await Promise.all([
    query(
      { status: "draft", lessonDate: { gte: lessonDateOf(today), lt: lessonDateOf(addDays(today, DAYS_AHEAD)) } },
      "asc",
    ),
    query({ status: { notIn: TAUGHT }, objectives: "", lessonDate: { gte: lessonDateOf(today) } }, "asc"),
    query({ evaluation: "", OR: [{ status: { in: TAUGHT } }, { lessonDate: { lt: lessonDateOf(today) } }] }, "desc"),
  ]);
  const detailed = await withLessonDetails([...drafts, ...withoutObjectives, ...withoutEvaluation]);
  const editable = (from: number, count: number) =>
    detailed
      .slice(from, from + count)
      .filter((p) => canEditLessonPlan(actor, planFacts(p)))
      .map((p) => lessonSummary(p));
  return {
    drafts: editable(0, drafts.length),
    withoutObjectives: editable(drafts.length, withoutObjectives.length),
    withoutEvaluation: editable(drafts.length + withoutObjectives.length, withoutEvaluation.length),
  };
}

/** The courses the teacher co-plans or teaches a group of, by title, with what they do in each. */
async function teachersCourses(actor: Actor) {
  const courses = await db().course.findMany({
    where: {
      partnershipId: actor.partnershipId,
      archivedAt: null,
      OR: [
        { planners: { some: { userId: actor.id } } },
        { groups: { some: { teachers: { some: { userId: actor.id } } } } },
      ],
    },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      leadInstitution: { select: { name: true } },
      planners: { where: { userId: actor.id }, select: { userId: true } },
      groups: {
        where: { teachers: { some: { userId: actor.id } } },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      },
    },
  });
  return courses.map((c) => ({
    id: c.id,
    title: c.title,
    leadInstitution: c.leadInstitution.name,
    coPlans: c.planners.length > 0,
    groups: c.groups,
  }));
}

/** A teacher's home: this week's lessons, the plans that need them, their courses. */
export async function teacherHome(actor: Actor, now = new Date()) {
  const [week, needs, courses] = await Promise.all([
    teachersWeek(actor, now),
    plansThatNeedTeacher(actor, now),
    teachersCourses(actor),
  ]);
  return { week, needs, courses };
}
