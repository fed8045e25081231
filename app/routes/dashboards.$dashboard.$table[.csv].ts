// One dashboard table as a CSV download, checked like its page. The figures are counts, never student records, so
// the download is not audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, tableToCsv } from "~/lib/csv.server";
import { isDashboardSlug, parseDateRange } from "~/lib/dashboards";
import { dashboardTables } from "~/models/dashboards.server";
import { ensure, notFound, requireActor } from "~/policies/enforce.server";
import { dashboardScopeFor } from "~/policies/dashboard";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const scope = dashboardScopeFor(actor);
  ensure(scope !== null, "Dashboards are for teachers, leaders and the coordinator.");
  const slug = params.dashboard;
  if (!isDashboardSlug(slug)) notFound();
  const range = parseDateRange(new URL(request.url).searchParams);
  const table = (await dashboardTables(slug, actor, scope, range)).find((t) => t.id === params.table);
  if (!table) notFound();
  return csvResponse(`${slug}-${table.id}-${range.from}-to-${range.to}.csv`, tableToCsv(table));
}
