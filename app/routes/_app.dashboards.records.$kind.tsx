// The records behind a dashboard figure (its drill-down): the deployments, lesson plans or meetings it counted,
// filtered as the figure's link says, in the viewer's scope and the URL's date range; each opens its plan or meeting.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DateRangeForm } from "~/components/dashboards/date-range-form";
import { formatCell, parseDateRange, rangeQuery, type DashboardSlug } from "~/lib/dashboards";
import { formatDate } from "~/lib/format";
import { RECORDS_LIMIT, isRecordKind, recordsTable, type RecordKind } from "~/models/dashboard-records.server";
import { ensure, notFound, requireActor } from "~/policies/enforce.server";
import { dashboardScopeFor } from "~/policies/dashboard";

/** The dashboard whose figures each kind of record is behind. */
const DASHBOARD_OF: Record<RecordKind, DashboardSlug> = {
  deployments: "deployment",
  plans: "co-planning",
  meetings: "meetings",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.table.caption ?? "Records"} · Staffroom` },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const scope = dashboardScopeFor(actor);
  ensure(scope !== null, "Dashboards are for teachers, leaders and the coordinator.");
  if (!isRecordKind(params.kind)) notFound();
  const searchParams = new URL(request.url).searchParams;
  const range = parseDateRange(searchParams);
  const table = await recordsTable(params.kind, { actor, scope, range }, searchParams);
  const filters = Object.fromEntries([...searchParams].filter(([name]) => name !== "from" && name !== "to"));
  return { kind: params.kind, range, table, filters, limit: RECORDS_LIMIT };
}

export default function DashboardRecordsPage() {
  const { kind, range, table, filters, limit } = useLoaderData<typeof loader>();
  const query = rangeQuery(range, filters);
  return (
    <>
      <p className="no-print">
        <Link to={`/dashboards/${DASHBOARD_OF[kind]}?${rangeQuery(range)}`}>Back to the dashboard</Link>
      </p>
      <h1>{table.caption} behind the figure</h1>
      <p className="page-intro">
        {kind === "meetings" ? "Meetings" : "Lessons"} dated {formatDate(range.from)} to {formatDate(range.to)}
        {table.rows.length >= limit ? `: the latest ${limit}` : ""}.
      </p>
      <DateRangeForm range={range} hidden={filters} />
      <p role="status">
        {table.rows.length} {table.rows.length === 1 ? "record" : "records"}
      </p>
      {table.rows.length === 0 ? (
        <p>{table.empty} Try a wider date range.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {table.columns.map((c) => (
                    <td key={c.key}>
                      {c.key === "plan" || c.key === "title" ? (
                        <Link to={row.href ?? "#"}>{formatCell(row.cells[c.key] ?? null)}</Link>
                      ) : (
                        formatCell(row.cells[c.key] ?? null, c.format)
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/dashboards/records/${kind}.csv?${query}`} download>
          Download these records as CSV
        </a>
      </p>
    </>
  );
}
