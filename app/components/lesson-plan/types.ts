// The plan page's data and action result, as its section components receive them.
import type { useActionData, useLoaderData } from "@remix-run/react";
import type { action, loader } from "~/routes/_app.plans.$planId";

export type PlanPage = ReturnType<typeof useLoaderData<typeof loader>>;
export type PlanActionData = ReturnType<typeof useActionData<typeof action>>;

/** The last result of one form, so each form shows only its own errors. */
export function lastResultFor(actionData: PlanActionData, intent: string, deploymentId?: string) {
  if (!actionData || actionData.intent !== intent) return undefined;
  if (deploymentId !== undefined && actionData.deploymentId !== deploymentId) return undefined;
  return actionData.result;
}
