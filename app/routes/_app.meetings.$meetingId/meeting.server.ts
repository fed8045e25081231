// The meeting page's server side: what the page shows for whoever may see the meeting, and one handler per form
// (agenda, attendance, actions and decisions, the minutes' submission, approval and revision), each checked by
// the meeting's policy in the model. Every change tells the partnership's open pages, so they update live.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { refusal } from "~/lib/errors";
import { runIntent, submitForm, type IntentHandler } from "~/lib/forms/intents.server";
import {
  actionSchema,
  agendaItemSchema,
  attendanceSchema,
  decisionSchema,
  reorderAgendaSchema,
  meetingSchema,
  revisionSchema,
} from "~/lib/forms/meetings";
import { recordAction, recordDecision } from "~/models/meeting-actions.server";
import {
  acceptAgendaItem,
  addAgendaItem,
  circulateAgenda,
  removeAgendaItem,
  reorderAgenda,
  setAttendance,
} from "~/models/meeting-agenda.server";
import { requireMeeting } from "~/models/meeting-facts.server";
import { actionStatusHandler } from "~/models/meeting-intents.server";
import { approveMinutes, approvePreviousMinutes, reviseMinutes, submitMinutes } from "~/models/meeting-minutes.server";
import { addMinutesSections, followAgendaInEmptyMinutes } from "~/models/minutes-sections.server";
import { getMeetingPage } from "~/models/meetings.server";
import { listInstitutions } from "~/models/institutions.server";
import { cancelMeeting, moveMeeting } from "~/models/meeting-schedule.server";
import { cancelMeetingSchema } from "~/lib/forms/meeting-schedule";
import { requireActionContext, requireActor } from "~/policies/enforce.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const page = await getMeetingPage(actor, params.meetingId ?? "").catch(refusal);
  const sites = page.can.move ? await listInstitutions(actor.partnershipId) : [];
  return {
    ...page,
    user: { id: actor.id, name: context.user!.name },
    sites: sites.map((s) => ({ value: s.id, label: `${s.name}, ${s.town}` })),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const meeting = await requireMeeting(ctx.actor, params.meetingId ?? "").catch(refusal);
  const id = meeting.id;
  const changed = <T>(outcome: T, about = id): T => {
    context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity: "meeting",
      id: about,
      action: "updated",
      by: ctx.actor.id,
    });
    return outcome;
  };
  // Minutes with nothing written yet keep a section per agenda item as the agenda changes.
  const agendaChanged = async <T>(outcome: T): Promise<T> => {
    await followAgendaInEmptyMinutes(id, ctx.actor.id);
    return changed(outcome);
  };
  const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");
  const handlers: Record<string, IntentHandler> = {
    propose: (formData, intent) =>
      submitForm(formData, intent, agendaItemSchema, async (value) => {
        const item = await addAgendaItem(ctx, id, value);
        return agendaChanged({
          message: item.status === "accepted" ? "Item added to the agenda." : "Item proposed: the chair will decide.",
          resetForm: true,
        });
      }),
    "accept-item": async (formData, intent) => {
      await acceptAgendaItem(ctx, id, field(formData, "itemId"));
      return agendaChanged({ intent, message: "Item accepted onto the agenda." });
    },
    "remove-item": async (formData, intent) => {
      await removeAgendaItem(ctx, id, field(formData, "itemId"));
      return agendaChanged({ intent, message: "Item removed from the agenda." });
    },
    reorder: (formData, intent) =>
      submitForm(formData, intent, reorderAgendaSchema, async (value) => {
        await reorderAgenda(ctx, id, value.itemIds, value.agendaVersion);
        return agendaChanged("Agenda order saved.");
      }),
    circulate: async (_formData, intent) => {
      await circulateAgenda(ctx, id);
      return changed({ intent, message: "Agenda circulated: members see it on their home pages." });
    },
    attendance: (formData, intent) =>
      submitForm(formData, intent, attendanceSchema, async (value) => {
        await setAttendance(ctx, id, value);
        return changed("Attendance saved.");
      }),
    action: (formData, intent) =>
      submitForm(formData, intent, actionSchema, async (value) => {
        await recordAction(ctx, id, value);
        return changed({ message: "Action recorded.", resetForm: true });
      }),
    decision: (formData, intent) =>
      submitForm(formData, intent, decisionSchema, async (value) => {
        await recordDecision(ctx, id, value);
        return changed({ message: "Decision recorded.", resetForm: true });
      }),
    submit: async (_formData, intent) => {
      await submitMinutes(ctx, id);
      return changed({ intent, message: "Minutes submitted to the chair for approval." });
    },
    approve: async (_formData, intent) => {
      await approveMinutes(ctx, id);
      return changed({ intent, message: "Minutes approved and locked." });
    },
    "approve-previous": async (formData, intent) => {
      const previousId = await approvePreviousMinutes(ctx, id, field(formData, "previousMeetingId"));
      changed(null);
      return changed({ intent, message: "Minutes approved and locked." }, previousId);
    },
    revise: (formData, intent) =>
      submitForm(formData, intent, revisionSchema, async (value) => {
        await reviseMinutes(ctx, id, value.reason);
        return changed("Revision opened: the minutes can be corrected, then submitted again.");
      }),
    "add-sections": async (_formData, intent) => {
      const added = await addMinutesSections(ctx, id);
      const message =
        added === 0 ? "Every agenda item already has a section." : `Sections added to the minutes: ${added}.`;
      return { intent, message };
    },
    "action-status": actionStatusHandler(ctx, context.realtime),
    move: (formData, intent) =>
      submitForm(formData, intent, meetingSchema, async (value) => {
        await moveMeeting(ctx, id, value);
        return changed("Meeting moved: members have been told.");
      }),
    cancel: (formData, intent) =>
      submitForm(formData, intent, cancelMeetingSchema, async (value) => {
        await cancelMeeting(ctx, id, value);
        return changed("Meeting cancelled: members have been told.");
      }),
  };
  return runIntent(await request.formData(), handlers);
}
