// The partnership dashboards by name: each a list of tables computed by grouped queries in the actor's scope.
import type { DashboardSlug, DashboardTable, DateRange } from "~/lib/dashboards";
import type { Actor } from "~/policies/actor";
import type { DashboardScope } from "~/policies/dashboard";
import { coPlanningDashboard } from "./dashboard-co-planning.server";
import { deploymentDashboard } from "./dashboard-deployment.server";
import { meetingsDashboard } from "./dashboard-meetings.server";
import { strategiesDashboard } from "./dashboard-strategies.server";

export async function dashboardTables(
  slug: DashboardSlug,
  actor: Actor,
  scope: DashboardScope,
  range: DateRange,
): Promise<DashboardTable[]> {
  const query = { actor, scope, range };
  switch (slug) {
    case "deployment":
      return deploymentDashboard(query);
    case "strategies":
      return strategiesDashboard(query);
    case "co-planning":
      return coPlanningDashboard(query);
    case "meetings":
      return meetingsDashboard(query);
  }
}
