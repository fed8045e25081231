// The partnership dashboards by name: each a list of tables computed by grouped queries in the actor's scope.
import { firstRowsOf, ROWS_SHOWN, type DashboardSlug, type DashboardTable, type DateRange } from "~/lib/dashboards";
import type { Actor } from "~/policies/actor";
import type { DashboardScope } from "~/policies/dashboard";
import { coPlanningDashboard } from "./dashboard-co-planning.server";
import { deploymentDashboard } from "./dashboard-deployment.server";
import { meetingsDashboard } from "./dashboard-meetings.server";
import { strategiesDashboard } from "./dashboard-strategies.server";

/** The page's view of a dashboard: long tables cut to their first rows, but the one asked for in full (`?all=<id>`). */
export interface PageView {
  shownInFull: string | null;
}

/**
 * A dashboard's tables: whole (the CSV downloads), or as the page shows them. The strategies ranking is cut in its
 * statement, so the figures of strategies the page does not show are never read out; other tables are cut here.
 */
export async function dashboardTables(
  slug: DashboardSlug,
  actor: Actor,
  scope: DashboardScope,
  range: DateRange,
  page?: PageView,
): Promise<DashboardTable[]> {
  const query = { actor, scope, range };
  const tables = await (async () => {
    switch (slug) {
      case "deployment":
        return deploymentDashboard(query);
      case "strategies":
        return strategiesDashboard(query, page && page.shownInFull !== "per-strategy" ? ROWS_SHOWN : null);
      case "co-planning":
        return coPlanningDashboard(query);
      case "meetings":
        return meetingsDashboard(query);
    }
  })();
  return page ? firstRowsOf(tables, page.shownInFull) : tables;
}
