// A course at a glance: details, units, the scheme of work, groups, co-planners, recent activity.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { TableWrap } from "~/components/ui/table-wrap";
import { Link, useLoaderData } from "@remix-run/react";
import { activityObject, activityPhrase } from "~/lib/activity";
import { COURSE_KINDS, KEY_STAGES, LESSON_STATUSES, SUBJECTS } from "~/lib/co-planning";
import { formatDate, formatDateTime } from "~/lib/format";
import { ROLE_LABELS, type Role } from "~/lib/roles";
import { getCourse } from "~/models/courses.server";
import { listCourseActivity, listSchemeOfWork } from "~/models/course-overview.server";
import { canEditCourse, canManageGroups, canViewCourse, canViewGroup } from "~/policies/course";
import { ensure, ensureFound, requireActor } from "~/policies/enforce.server";
import { canCreateLessonPlan } from "~/policies/lesson-plan";
import { DecisionsAboutThis } from "~/components/meetings/linked-records";
import { decisionsAbout } from "~/models/meeting-links.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.course.title ?? "Course"} · Courses · Staffroom` },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const course = ensureFound(actor, await getCourse(actor.partnershipId, params.courseId ?? ""));
  ensure(canViewCourse(actor, course));
  const [plans, activity, decisions] = await Promise.all([
    listSchemeOfWork(actor.partnershipId, course.id, actor.role === "lsa" ? { onlyDeployedSupporterId: actor.id } : {}),
    listCourseActivity(actor.partnershipId, course.id),
    decisionsAbout(actor, "course", course.id),
  ]);
  return {
    course: {
      id: course.id,
      title: course.title,
      kind: course.kind,
      qualification: course.qualification,
      subject: course.subject,
      keyStage: course.keyStage,
      summary: course.summary,
      leadInstitution: course.leadInstitution.name,
      sites: course.sites.map((s) => s.name),
      units: course.units.map((u) => ({
        id: u.id,
        position: u.position,
        title: u.title,
        planCount: u._count.lessonPlans,
      })),
      planners: course.planners.map((p) => ({
        id: p.user.id,
        name: p.user.name,
        role: p.user.role as Role,
        institution: p.user.institution.name,
      })),
      groups: course.groups
        .filter((g) => canViewGroup(actor, { ...g, plannerIds: course.plannerIds }))
        .map((g) => ({
          id: g.id,
          name: g.name,
          site: g.site.name,
          academicYear: g.academicYear,
          studentCount: g._count.students,
        })),
    },
    plans: plans.map((p) => ({
      id: p.id,
      title: p.title,
      lessonDate: p.lessonDate,
      status: p.status,
      unit: p.unit?.title ?? "",
      group: p.group?.name ?? "",
    })),
    activity,
    decisions,
    canEdit: canEditCourse(actor, course),
    canAddGroup: canManageGroups(actor, course),
    canPlan: canCreateLessonPlan(actor, course),
    isLsa: actor.role === "lsa",
  };
}

export default function CoursePage() {
  const { course, plans, activity, decisions, canEdit, canAddGroup, canPlan, isLsa } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/courses">Back to courses</Link>
      </p>
      <h1>{course.title}</h1>
      <p className="page-intro">
        {course.kind === "qualification" && course.qualification
          ? course.qualification
          : COURSE_KINDS.label(course.kind)}{" "}
        · {SUBJECTS.label(course.subject)} · {KEY_STAGES.label(course.keyStage)}
      </p>
      {canEdit ? (
        <p>
          <Link className="button button--secondary" to={`/courses/${course.id}/edit`}>
            Edit course, units and co-planners
          </Link>
        </p>
      ) : null}
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="details-list">
          <dt>Lead institution</dt>
          <dd>{course.leadInstitution}</dd>
          <dt>Delivery sites</dt>
          <dd>{course.sites.join(", ") || "None recorded"}</dd>
        </dl>
        {course.summary ? <p>{course.summary}</p> : null}
      </section>

      <section className="card" aria-labelledby="units-heading">
        <h2 id="units-heading">Units</h2>
        {course.units.length === 0 ? (
          <p>
            {canEdit
              ? "No units yet. Add them on the edit page so lesson plans can be filed under them."
              : "No units yet. The course's co-planners add them."}
          </p>
        ) : (
          <ol>
            {course.units.map((u) => (
              <li key={u.id}>
                {u.title}{" "}
                <span className="muted">({u.planCount === 1 ? "1 lesson plan" : `${u.planCount} lesson plans`})</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <SchemeOfWorkSection courseId={course.id} plans={plans} canPlan={canPlan} isLsa={isLsa} />
      <GroupsSection course={course} canAddGroup={canAddGroup} isLsa={isLsa} />
      <section className="card" aria-labelledby="planners-heading">
        <h2 id="planners-heading">Co-planners</h2>
        <ul>
          {course.planners.map((p) => (
            <li key={p.id}>
              {p.name}{" "}
              <span className="muted">
                · {ROLE_LABELS[p.role] ?? p.role}, {p.institution}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <DecisionsAboutThis decisions={decisions} />
      <ActivitySection activity={activity} />
    </>
  );
}

type CoursePageData = ReturnType<typeof useLoaderData<typeof loader>>;

function SchemeOfWorkSection({
  courseId,
  plans,
  canPlan,
  isLsa,
}: Pick<CoursePageData, "plans" | "canPlan" | "isLsa"> & { courseId: string }) {
  return (
    <section className="card" aria-labelledby="scheme-heading">
      <h2 id="scheme-heading">Scheme of work</h2>
      {canPlan ? (
        <p>
          <Link className="button button--secondary" to={`/courses/${courseId}/plans/new`}>
            Plan a lesson
          </Link>
        </p>
      ) : null}
      {plans.length === 0 ? (
        <p>
          {isLsa
            ? "You are not deployed in any lesson of this course yet. Lessons you are deployed in appear here."
            : "No lesson plans yet. Plans the co-planners write for this course appear here in unit order."}
        </p>
      ) : (
        <TableWrap label="Lesson plans of the course, in unit order">
          <table>
            <caption className="visually-hidden">Lesson plans of the course, in unit order</caption>
            <thead>
              <tr>
                <th scope="col">Lesson plan</th>
                <th scope="col">Unit</th>
                <th scope="col">Date</th>
                <th scope="col">Group</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/plans/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{p.unit || <span className="muted">No unit</span>}</td>
                  <td>{p.lessonDate ? formatDate(p.lessonDate) : <span className="muted">Not dated</span>}</td>
                  <td>{p.group || <span className="muted">No group</span>}</td>
                  <td>{LESSON_STATUSES.label(p.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function GroupsSection({ course, canAddGroup, isLsa }: Pick<CoursePageData, "course" | "canAddGroup" | "isLsa">) {
  return (
    <section className="card" aria-labelledby="groups-heading">
      <h2 id="groups-heading">Teaching groups</h2>
      {course.groups.length === 0 ? (
        <p>
          {canAddGroup
            ? "No teaching groups yet. Add one to set its timetable, transport and students."
            : isLsa
              ? "You are not deployed with any group of this course yet."
              : "No teaching groups yet. The course's co-planners add them."}
        </p>
      ) : (
        <TableWrap label="Teaching groups of the course">
          <table>
            <caption className="visually-hidden">Teaching groups of the course</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Site</th>
                <th scope="col">Academic year</th>
                <th scope="col">Students</th>
              </tr>
            </thead>
            <tbody>
              {course.groups.map((g) => (
                <tr key={g.id}>
                  <td>
                    <Link to={`/groups/${g.id}`}>{g.name}</Link>
                  </td>
                  <td>{g.site}</td>
                  <td>{g.academicYear || <span className="muted">Not set</span>}</td>
                  <td>{g.studentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {canAddGroup ? (
        <p>
          <Link className="button button--secondary" to={`/courses/${course.id}/groups/new`}>
            Add a teaching group
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function ActivitySection({ activity }: Pick<CoursePageData, "activity">) {
  return (
    <section className="card" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent activity</h2>
      {activity.length === 0 ? (
        <p>Nothing recorded yet. Changes to the course, its groups and its lesson plans appear here.</p>
      ) : (
        <ul className="activity-list">
          {activity.map((a) => {
            const object = activityObject(a.detail);
            return (
              <li key={a.id}>
                <strong>{a.actorName}</strong> {activityPhrase(a.action)}
                {object ? <> “{object}”</> : null} <span className="muted">· {formatDateTime(a.createdAt)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
