// The partnership dashboards: what each shows, for the viewer's scope, in the range in the URL.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DASHBOARDS, parseDateRange, rangeQuery } from "~/lib/dashboards";
import { ensure, requireActor } from "~/policies/enforce.server";
import { dashboardScopeFor } from "~/policies/dashboard";

export const meta: MetaFunction = () => [{ title: "Dashboards · Staffroom" }];

const ABOUT: Record<string, string> = {
  deployment:
    "Sessions and minutes of LSA support per institution, area of need and support pattern; LSAs working away from their own institution; briefings read before the lesson and feedback returned.",
  strategies:
    "Strategy use over time and impact ratings per strategy and area of need, beside the headteachers' ranking from the study.",
  "co-planning":
    "Which institutions plan together, lesson plans by status per course, and cross-site sessions each week.",
  meetings: "Attendance per institution and actions open, done and overdue.",
};

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const scope = dashboardScopeFor(actor);
  ensure(scope !== null, "Dashboards are for teachers, leaders and the coordinator.");
  return { range: parseDateRange(new URL(request.url).searchParams), scoped: scope.kind === "planned-courses" };
}

export default function DashboardsPage() {
  const { range, scoped } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Dashboards</h1>
      <p className="page-intro">
        {scoped
          ? "How the courses you co-plan are going: the same figures leaders see for the partnership, for your courses."
          : "What the partnership does: how LSAs are deployed, which strategies work, who plans together, how meetings go."}{" "}
        Every chart has its data table beside it, and every table downloads as CSV.
      </p>
      <ul className="dashboard-list">
        {DASHBOARDS.map((d) => (
          <li key={d.slug} className="card">
            <h2>
              <Link to={`/dashboards/${d.slug}?${rangeQuery(range)}`}>{d.title}</Link>
            </h2>
            <p>{ABOUT[d.slug]}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
