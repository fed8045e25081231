// A teacher's home: this week's lessons of their groups, by day, with each plan's status; the plans in the courses
// they co-plan that need them; then their courses.
import { Link } from "@remix-run/react";
import { formatDate, formatLongDay } from "~/lib/format";
import { dayName, LessonStatus, lessonWhere } from "./lesson-parts";
import type { HomePageData } from "./page-data";

type TeacherHome = NonNullable<HomePageData["teacher"]>;
type Lesson = TeacherHome["week"]["days"][number]["lessons"][number];

function ThisWeek({ week, teachesGroups }: { week: TeacherHome["week"]; teachesGroups: boolean }) {
  return (
    <section aria-labelledby="week-heading">
      <h2 id="week-heading">This week&apos;s lessons</h2>
      <p className="muted">
        {formatLongDay(week.monday)} to {formatLongDay(week.sunday)}
      </p>
      {week.days.length === 0 ? (
        <div className="card">
          {teachesGroups ? (
            <p>None of your groups has a lesson planned this week. Plan one from the group&apos;s course page.</p>
          ) : (
            <p>
              You do not teach a group yet. When a course&apos;s co-planners add you as a group&apos;s teacher, its
              lessons appear here. <Link to="/courses">Find your courses</Link> or{" "}
              <Link to="/courses/new">start a course</Link>.
            </p>
          )}
        </div>
      ) : (
        week.days.map((day) => (
          <section key={day.date} className="card" aria-labelledby={`week-${day.date}`}>
            <h3 id={`week-${day.date}`}>{dayName(day.date, week.today)}</h3>
            <ul className="activity-list">
              {day.lessons.map((lesson) => (
                <li key={lesson.id}>
                  <p>
                    <Link to={`/plans/${lesson.id}`}>{lesson.title}</Link> <LessonStatus status={lesson.status} />
                  </p>
                  <p className="muted">{lessonWhere(lesson)}</p>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}

function PlanList({ id, title, plans, when }: { id: string; title: string; plans: Lesson[]; when: string }) {
  if (plans.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul className="activity-list">
        {plans.map((plan) => (
          <li key={plan.id}>
            <Link to={`/plans/${plan.id}`}>{plan.title}</Link>{" "}
            <span className="muted">
              · {plan.course} · {when} {plan.date ? formatDate(plan.date) : "no date set"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PlansThatNeedYou({ needs }: { needs: TeacherHome["needs"] }) {
  const nothing = !needs.drafts.length && !needs.withoutObjectives.length && !needs.withoutEvaluation.length;
  return (
    <section aria-labelledby="needs-heading">
      <h2 id="needs-heading">Plans that need you</h2>
      <div className="card">
        {nothing ? (
          <p>
            Nothing needs you in the courses you co-plan: no drafts for the next fortnight, every plan to come has its
            objectives, and every lesson taught has an evaluation.
          </p>
        ) : (
          <>
            <PlanList id="needs-drafts" title="Drafts for lessons coming soon" plans={needs.drafts} when="for" />
            <PlanList
              id="needs-objectives"
              title="Plans without objectives"
              plans={needs.withoutObjectives}
              when="for"
            />
            <PlanList
              id="needs-evaluation"
              title="Lessons taught without an evaluation"
              plans={needs.withoutEvaluation}
              when="taught"
            />
          </>
        )}
      </div>
    </section>
  );
}

function YourCourses({ courses }: { courses: TeacherHome["courses"] }) {
  return (
    <section aria-labelledby="courses-heading">
      <h2 id="courses-heading">Your courses</h2>
      {courses.length === 0 ? (
        <p className="card">
          You do not co-plan or teach a course yet. <Link to="/courses">Browse the partnership&apos;s courses</Link> and
          ask their co-planners to add you, or <Link to="/courses/new">start a course</Link>.
        </p>
      ) : (
        <div className="card">
          <ul className="activity-list">
            {courses.map((course) => (
              <li key={course.id}>
                <Link to={`/courses/${course.id}`}>{course.title}</Link>{" "}
                <span className="muted">
                  · led by {course.leadInstitution}
                  {course.coPlans ? " · you co-plan it" : ""}
                  {course.groups.length ? ` · you teach ${course.groups.map((g) => g.name).join(", ")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function TeacherSections({ home }: { home: TeacherHome }) {
  return (
    <>
      <ThisWeek week={home.week} teachesGroups={home.courses.some((c) => c.groups.length > 0)} />
      <PlansThatNeedYou needs={home.needs} />
      <YourCourses courses={home.courses} />
    </>
  );
}
