// The records behind a dashboard figure as a CSV download, checked like their page. They name lessons, courses and
// supporters, never students, so the download is not audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, tableToCsv } from "~/lib/csv.server";
import { parseDateRange } from "~/lib/dashboards";
import { isRecordKind, recordsTable } from "~/models/dashboard-records.server";
import { ensure, notFound, requireActor } from "~/policies/enforce.server";
import { dashboardScopeFor } from "~/policies/dashboard";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const scope = dashboardScopeFor(actor);
  ensure(scope !== null, "Dashboards are for teachers, leaders and the coordinator.");
  if (!isRecordKind(params.kind)) notFound();
  const searchParams = new URL(request.url).searchParams;
  const range = parseDateRange(searchParams);
  const table = await recordsTable(params.kind, { actor, scope, range }, searchParams);
  return csvResponse(`${params.kind}-${range.from}-to-${range.to}.csv`, tableToCsv(table));
}
