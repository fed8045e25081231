// One partnership dashboard (LSA deployment, strategies, co-planning, meetings): each figure a chart beside its data
// table, with links to the records behind it and a CSV download; the date range lives in the URL.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CHART_SPECS } from "~/components/dashboards/chart-specs";
import { DashboardTableSection } from "~/components/dashboards/dashboard-table";
import { DateRangeForm } from "~/components/dashboards/date-range-form";
import { DASHBOARDS, isDashboardSlug, parseDateRange, rangeQuery } from "~/lib/dashboards";
import { formatDate } from "~/lib/format";
import { dashboardTables } from "~/models/dashboards.server";
import { ensure, notFound, requireActor } from "~/policies/enforce.server";
import { dashboardScopeFor } from "~/policies/dashboard";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Dashboard"} dashboard · Staffroom` },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const scope = dashboardScopeFor(actor);
  ensure(scope !== null, "Dashboards are for teachers, leaders and the coordinator.");
  const slug = params.dashboard;
  if (!isDashboardSlug(slug)) notFound();
  const search = new URL(request.url).searchParams;
  const range = parseDateRange(search);
  const tables = await dashboardTables(slug, actor, scope, range, { shownInFull: search.get("all") });
  const title = DASHBOARDS.find((d) => d.slug === slug)!.title;
  return { slug, title, range, tables, scoped: scope.kind === "planned-courses" };
}

export default function DashboardPage() {
  const { slug, title, range, tables, scoped } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to={`/dashboards?${rangeQuery(range)}`}>All dashboards</Link>
      </p>
      <h1>{title} dashboard</h1>
      <p className="page-intro">
        {scoped ? "Figures for the courses you co-plan" : "Figures for the whole partnership"}, {formatDate(range.from)}{" "}
        to {formatDate(range.to)}. Each table is what its chart shows; follow a row to the records behind it.
      </p>
      <nav aria-label="Dashboards" className="dashboard-nav no-print">
        <ul>
          {DASHBOARDS.map((d) => (
            <li key={d.slug}>
              <Link
                to={`/dashboards/${d.slug}?${rangeQuery(range)}`}
                aria-current={d.slug === slug ? "page" : undefined}
              >
                {d.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <DateRangeForm range={range} />
      {tables.map((table) => (
        <DashboardTableSection
          key={table.id}
          table={table}
          chart={CHART_SPECS[table.id]}
          csvHref={`/dashboards/${slug}/${table.id}.csv?${rangeQuery(range)}`}
          allHref={`/dashboards/${slug}?${rangeQuery(range, { all: table.id })}#${table.id}-heading`}
        />
      ))}
    </>
  );
}
