// My deployments: every lesson the member supports, across all sites, by day and
// time: upcoming first (soonest at the top), or past ones; grouped by date.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DEPLOYMENT_MODES, LESSON_PHASES, SUPPORTER_ROLES } from "~/lib/co-planning";
import { formatDate } from "~/lib/format";
import { Notice } from "~/components/ui/notice";
import { Pagination } from "~/components/ui/pagination";
import { listClashes } from "~/lib/clashes";
import { clashesOfDeployments } from "~/models/bookings.server";
import { listMyDeployments, type DeploymentWhen } from "~/models/deployments.server";
import { lessonStudents } from "~/models/lesson-students.server";
import { requireActor } from "~/policies/enforce.server";
import { pageFromQuery } from "~/lib/pagination";

export const meta: MetaFunction = () => [{ title: "My deployments · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const url = new URL(request.url);
  const when: DeploymentWhen = url.searchParams.get("when") === "past" ? "past" : "upcoming";
  const result = await listMyDeployments(actor, {
    when,
    page: pageFromQuery(url.searchParams),
  });
  const students = await lessonStudents(
    { actor, ipAddress: context.clientIp },
    { groupIds: [], studentIds: result.deployments.flatMap((d) => d.students.map((s) => s.studentId)) },
    "my-deployments",
  );
  const clashes = await clashesOfDeployments(actor.partnershipId, actor.id, result.deployments);
  // Grouped by the lesson's date, in the list's order.
  const days: Array<{ date: string | null; items: Array<Record<string, unknown> & ReturnType<typeof row>> }> = [];
  function row(d: (typeof result.deployments)[number]) {
    return {
      id: d.id,
      title: d.lessonPlan.title,
      startTime: d.lessonPlan.startTime,
      durationMinutes: d.lessonPlan.durationMinutes,
      course: d.lessonPlan.course.title,
      group: d.lessonPlan.group?.name ?? null,
      site: d.lessonPlan.group?.site.name ?? null,
      phase: d.phase,
      mode: d.mode,
      supporterRole: d.supporterRole,
      minutes: d.minutes,
      students: d.students.map((s) => students.get(s.studentId)?.name ?? "a student"),
      briefed: Boolean(d.briefedAt),
      read: Boolean(d.readAt),
      feedbackGiven: Boolean(d.feedbackAt),
      clash: listClashes(clashes.get(d.id) ?? []) || null,
    };
  }
  for (const d of result.deployments) {
    const date = d.lessonPlan.lessonDate ? d.lessonPlan.lessonDate.toISOString().slice(0, 10) : null;
    const last = days[days.length - 1];
    if (last && last.date === date) last.items.push(row(d));
    else days.push({ date, items: [row(d)] });
  }
  return { days, when, total: result.total, hasAny: result.hasAny, page: result.page, pageCount: result.pageCount };
}

export default function MyDeploymentsPage() {
  const { days, when, total, hasAny, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My deployments</h1>
      <p className="page-intro">
        The lessons you support, at every site: where and when, which students, and what the teacher wants.
      </p>
      <nav aria-label="Which deployments" className="tabs">
        <Link to="?when=upcoming" aria-current={when === "upcoming" ? "page" : undefined}>
          Upcoming
        </Link>{" "}
        <Link to="?when=past" aria-current={when === "past" ? "page" : undefined}>
          Past
        </Link>
      </nav>
      <p role="status">
        {total} {when} {total === 1 ? "deployment" : "deployments"}
      </p>
      {days.length === 0 ? (
        <div className="card">
          <p>
            {!hasAny
              ? "You are not deployed in any lesson yet. When a teacher deploys you, the lesson appears here with its briefing."
              : when === "upcoming"
                ? "No upcoming deployments. Past lessons, where you can still leave feedback, are under Past."
                : "No past deployments yet."}
          </p>
        </div>
      ) : (
        days.map((day) => (
          <section key={day.date ?? "undated"} aria-labelledby={`day-${day.date ?? "undated"}`} className="card">
            <h2 id={`day-${day.date ?? "undated"}`}>{day.date ? formatDate(day.date) : "No date set"}</h2>
            <ul className="item-list">
              {day.items.map((d) => (
                <li key={d.id}>
                  <p>
                    <Link to={`/deployments/${d.id}`}>
                      {d.startTime ? `${d.startTime}: ` : ""}
                      {d.title}
                    </Link>
                  </p>
                  <p>
                    {d.site ? `At ${d.site}` : "Site not set"} · {d.course}
                    {d.group ? ` · ${d.group}` : ""}
                  </p>
                  <p>
                    {SUPPORTER_ROLES.label(d.supporterRole)}: {DEPLOYMENT_MODES.label(d.mode).toLowerCase()} in the{" "}
                    {LESSON_PHASES.label(d.phase).toLowerCase()}, {d.minutes} minutes
                  </p>
                  <p>{d.students.length ? `Students: ${d.students.join(", ")}` : "The whole group"}</p>
                  {d.clash ? (
                    <Notice tone="warning">
                      <p>
                        <strong>At the same time as:</strong> {d.clash}. Ask the teachers which lesson you go to.
                      </p>
                    </Notice>
                  ) : null}
                  <p className="muted">
                    {d.briefed ? (d.read ? "Briefing read" : "Briefing not read yet") : "No briefing yet"}
                    {when === "past" ? (d.feedbackGiven ? " · Feedback given" : " · Feedback not given yet") : ""}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <Pagination page={page} pageCount={pageCount} label="Deployment pages" />
    </>
  );
}
