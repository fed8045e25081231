// The form handler every page that lists actions shares (My actions, a group's tracker, a meeting): change an
// action's status, then tell every open page of the partnership, in every process, so each list updates live.
import { failedReply, type IntentHandler } from "~/lib/forms/intents.server";
import { actionStatusSchema } from "~/lib/forms/meetings";
import type { RealtimeHub } from "~/lib/realtime-hub";
import type { ActionContext } from "~/policies/actor";
import { setActionStatus } from "./meeting-actions.server";

const DONE_MESSAGE = { open: "Action reopened.", done: "Action marked done.", dropped: "Action dropped." } as const;

export function actionStatusHandler(ctx: ActionContext, realtime: RealtimeHub): IntentHandler {
  return async (formData, intent) => {
    const parsed = actionStatusSchema.safeParse({
      actionId: formData.get("actionId") ?? undefined,
      status: formData.get("status") ?? undefined,
      note: formData.get("note") ?? undefined,
    });
    if (!parsed.success) return failedReply({ intent, message: parsed.error.issues[0]?.message });
    const action = await setActionStatus(ctx, parsed.data);
    realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity: "meeting-action",
      id: action.id,
      action: "updated",
      by: ctx.actor.id,
    });
    return { intent, message: DONE_MESSAGE[parsed.data.status] };
  };
}
