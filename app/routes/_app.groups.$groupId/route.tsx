// A teaching group: its students (details only for those allowed), teachers, weekly timetable and transport from
// each institution; edit forms for those who edit the course. The loader and action live in group.server.ts.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { Notice } from "~/components/ui/notice";
import { LESSON_STATUSES } from "~/lib/co-planning";
import { formatDate } from "~/lib/format";
import type { IntentReply } from "~/lib/forms/intents.server";
import type { loader } from "./group.server";
import type { GroupPageData } from "./page-data";

const TransportSection = lazySection(() => import("./transport-section").then((m) => m.TransportSection));
const TimetableSection = lazySection(() => import("./timetable-section").then((m) => m.TimetableSection));
const TeachersSection = lazySection(() => import("./teachers-section").then((m) => m.TeachersSection));
const StudentsSection = lazySection(() => import("./students-section").then((m) => m.StudentsSection));
const GroupSettings = lazySection(() => import("./group-settings").then((m) => m.GroupSettings));

export { action, loader } from "./group.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.group.name ?? "Teaching group"} · Staffroom` },
];

export default function GroupPage() {
  const data = useLoaderData<typeof loader>();
  const { group, travellingFrom, institutions, canEdit, canPlan } = data;
  const reply = useLastActionData<IntentReply>();
  // The picker offers the institutions students already travel from, then every other one.
  const pickFrom = travellingFrom
    .concat(institutions.map((i) => ({ id: i.value, name: i.label })))
    .filter((i, index, all) => all.findIndex((x) => x.id === i.id) === index);
  return (
    <>
      <p>
        <Link to={`/courses/${group.course.id}`}>Back to {group.course.title}</Link>
      </p>
      <h1>{group.name}</h1>
      <p className="page-intro">
        {group.course.title} · meets at {group.site}
        {group.academicYear ? ` · ${group.academicYear}` : ""}
      </p>
      {reply?.message ? (
        <Notice tone={reply.failed ? "error" : "success"}>
          <p>{reply.message}</p>
        </Notice>
      ) : null}
      <StudentsSection {...data} pickFrom={pickFrom} reply={reply} />
      <TimetableSection {...data} reply={reply} />
      <TransportSection {...data} reply={reply} />
      <TeachersSection {...data} reply={reply} />
      <LessonPlansSection group={group} canPlan={canPlan} />
      {canEdit ? <GroupSettings {...data} reply={reply} /> : null}
    </>
  );
}

function LessonPlansSection({ group, canPlan }: { group: GroupPageData["group"]; canPlan: boolean }) {
  const { lessonPlans } = group;
  return (
    <section className="card" aria-labelledby="plans-heading">
      <h2 id="plans-heading">Lesson plans for this group</h2>
      {canPlan ? (
        <p>
          <Link to={`/courses/${group.course.id}/plans/new?group=${encodeURIComponent(group.id)}`}>
            Plan a lesson for this group
          </Link>
        </p>
      ) : null}
      {lessonPlans.length === 0 ? (
        <p>No lesson plans for this group yet. They appear here once a co-planner writes one for it.</p>
      ) : (
        <ul>
          {lessonPlans.map((p) => (
            <li key={p.id}>
              <Link to={`/plans/${p.id}`}>{p.title}</Link>{" "}
              <span className="muted">
                · {p.lessonDate ? formatDate(p.lessonDate) : "Not dated"} · {LESSON_STATUSES.label(p.status)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
