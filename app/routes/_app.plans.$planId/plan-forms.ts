// Which reply belongs to which of the plan page's forms, so each form shows only its own errors.
import type { PlanActionData } from "./plan.server";

export type { PlanActionData, PlanPage } from "./plan.server";

/** The last result of one form; a briefing form's only when it was sent for that deployment. */
export function lastResultFor(actionData: PlanActionData, intent: string, deploymentId?: string) {
  if (!actionData || actionData.intent !== intent) return undefined;
  if (deploymentId !== undefined && actionData.result?.initialValue?.deploymentId !== deploymentId) return undefined;
  return actionData.result;
}
