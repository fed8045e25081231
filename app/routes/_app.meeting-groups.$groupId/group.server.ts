// The group page's server side: what the page shows (meetings, decisions log, action tracker filtered by owner,
// status and meeting) for whoever may see the group, and one handler per form, each behind the group's policy.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { refusal } from "~/lib/errors";
import { intentOf, runIntent, submitForm } from "~/lib/forms/intents.server";
import { meetingGroupSchema, meetingSchema } from "~/lib/forms/meetings";
import { listInstitutions } from "~/models/institutions.server";
import { requireMeetingGroup } from "~/models/meeting-facts.server";
import { getMeetingGroupPage, listActiveColleagues, updateMeetingGroup } from "~/models/meeting-groups.server";
import { actionStatusHandler } from "~/models/meeting-intents.server";
import { scheduleMeeting } from "~/models/meetings.server";
import { ensure, requireActionContext, requireActor } from "~/policies/enforce.server";
import { canEditMeetingGroup, canScheduleMeeting } from "~/policies/meeting";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const url = new URL(request.url);
  const filters = {
    ownerId: url.searchParams.get("owner") ?? "",
    status: url.searchParams.get("status") ?? "",
    meetingId: url.searchParams.get("meeting") ?? "",
  };
  const page = await getMeetingGroupPage(actor, params.groupId ?? "", filters).catch(refusal);
  const [sites, colleagues] = await Promise.all([
    page.can.schedule ? listInstitutions(actor.partnershipId) : [],
    page.can.edit ? listActiveColleagues(actor.partnershipId) : [],
  ]);
  return {
    ...page,
    filters,
    userId: actor.id,
    sites: sites.map((s) => ({ value: s.id, label: `${s.name}, ${s.town}` })),
    colleagues,
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const group = await requireMeetingGroup(ctx.actor, params.groupId ?? "").catch(refusal);
  const formData = await request.formData();
  // The chair's forms are refused before their input is read.
  const intent = intentOf(formData);
  if (intent === "schedule")
    ensure(canScheduleMeeting(ctx.actor, group), "Only the chair and the coordinator schedule.");
  if (intent === "settings") ensure(canEditMeetingGroup(ctx.actor, group), "Only the chair and the coordinator can.");
  const changed = (id: string, entity = "meeting-group") =>
    context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity,
      id,
      action: "updated",
      by: ctx.actor.id,
    });
  return runIntent(formData, {
    schedule: (data, intent) =>
      submitForm(data, intent, meetingSchema, async (value) => {
        const meeting = await scheduleMeeting(ctx, group.id, value);
        changed(meeting.id, "meeting");
        throw redirect(`/meetings/${meeting.id}`);
      }),
    settings: (data, intent) =>
      submitForm(data, intent, meetingGroupSchema, async (value) => {
        await updateMeetingGroup(ctx, group.id, value);
        changed(group.id);
        return "Group saved.";
      }),
    "action-status": actionStatusHandler(ctx, context.realtime),
  });
}
