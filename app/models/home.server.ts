// The home page of the people who teach and support lessons: a supporter's next deployments and what waits on them
// (briefings to read, feedback to write), a teacher's week of lessons, the plans that need them, and their courses.
// The partnership's activity for leaders is in partnership-activity.server.ts. Students are never named here, only
// counted: their names follow the visibility rules on the pages these link to. Every query is scoped to the
// partnership and each row passes its policy; the statements are in home-sql.server.ts.
import { ukWeekOf } from "~/lib/uk-calendar";
import type { Actor } from "~/policies/actor";
import { canViewDeployment } from "~/policies/deployment";
import { canEditLessonPlan, canReadLessonPlan } from "~/policies/lesson-plan";
import {
  lessonPlanFactsOf,
  supporterDeployments,
  teacherCourses,
  teacherLessons,
  type HomeDeployment,
  type HomeLesson,
} from "./home-sql.server";

/** How far ahead "next deployments" and "drafts for lessons coming soon" look. */
const DAYS_AHEAD = 14;
const LIST_LIMIT = 8;

function lessonSummary(plan: HomeLesson) {
  return {
    id: plan.id,
    title: plan.title,
    date: plan.lessonDate ? plan.lessonDate.toISOString().slice(0, 10) : null,
    startTime: plan.startTime,
    durationMinutes: plan.durationMinutes,
    status: plan.status,
    course: plan.course,
    group: plan.group,
    site: plan.site,
  };
}

function deploymentSummary(d: HomeDeployment) {
  return {
    id: d.id,
    lesson: lessonSummary(d.lesson),
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
  const own = await supporterDeployments(actor, today, DAYS_AHEAD, LIST_LIMIT);
  const facts = await lessonPlanFactsOf([...own.next, ...own.waitingForFeedback].map((d) => d.lesson));
  const visible = (rows: HomeDeployment[]) =>
    rows
      .filter((d) => canViewDeployment(actor, { ...d, plan: facts.get(d.lesson.id)! }))
      .map((d) => deploymentSummary(d));
  const next = visible(own.next);
  return {
    daysAhead: DAYS_AHEAD,
    next,
    moreUpcoming: Math.max(0, own.upcoming - next.length),
    briefingsToRead: next.filter((d) => d.briefed && !d.read),
    feedbackDue: visible(own.waitingForFeedback),
    feedbackDueCount: own.feedbackDue,
    hasAny: own.all > 0,
  };
}

/**
 * A teacher's home: this week's lessons of the groups they teach, by day, earliest first; the plans in the courses
 * they co-plan that need something from them (drafts of lessons in the next fortnight, plans still to be taught
 * without objectives, lessons taught or past without an evaluation); and their courses.
 */
export async function teacherHome(actor: Actor, now = new Date()) {
  const week = ukWeekOf(now);
  const [lessons, courses] = await Promise.all([
    teacherLessons(actor, week, DAYS_AHEAD, LIST_LIMIT),
    teacherCourses(actor),
  ]);
  const facts = await lessonPlanFactsOf([
    ...lessons.week,
    ...lessons.drafts,
    ...lessons.withoutObjectives,
    ...lessons.withoutEvaluation,
  ]);
  const days: Array<{ date: string; lessons: Array<ReturnType<typeof lessonSummary>> }> = [];
  for (const plan of lessons.week.filter((p) => canReadLessonPlan(actor, facts.get(p.id)!))) {
    const lesson = lessonSummary(plan);
    const day = days.at(-1);
    if (day && day.date === lesson.date) day.lessons.push(lesson);
    else days.push({ date: lesson.date ?? week.monday, lessons: [lesson] });
  }
  const editable = (plans: HomeLesson[]) =>
    plans.filter((p) => canEditLessonPlan(actor, facts.get(p.id)!)).map((p) => lessonSummary(p));
  return {
    week: { ...week, days },
    needs: {
      drafts: editable(lessons.drafts),
      withoutObjectives: editable(lessons.withoutObjectives),
      withoutEvaluation: editable(lessons.withoutEvaluation),
    },
    courses,
  };
}
