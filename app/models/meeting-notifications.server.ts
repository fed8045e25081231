// The meeting events that tell someone: an action assigned to them, an agenda circulated to the group, minutes
// submitted and waiting for the chair's approval. Called by the meeting models right after the change is stored;
// the dedupe keys make a repeated request (a double click, a retry) tell nobody twice.
import { formatDate, formatDateTime } from "~/lib/format";
import { lessonDateOf } from "~/lib/uk-calendar";
import type { ActionContext } from "~/policies/actor";
import { db } from "./db.server";
import type { MeetingAccess } from "./meeting-facts.server";
import { notify } from "./notifications.server";

export async function notifyActionAssigned(
  ctx: ActionContext,
  action: { id: string; ownerId: string; description: string; dueDate: string },
) {
  await notify({
    partnershipId: ctx.actor.partnershipId,
    kind: "action-assigned",
    recipientIds: [action.ownerId],
    actorId: ctx.actor.id,
    title: `An action for you, due ${formatDate(lessonDateOf(action.dueDate))}: ${action.description}`,
    href: "/actions",
    subjectType: "meeting-action",
    subjectId: action.id,
    dedupeKey: `action-assigned:${action.id}:${action.ownerId}`,
  });
}

export async function notifyAgendaCirculated(ctx: ActionContext, meeting: MeetingAccess, circulatedAt: Date) {
  await notify({
    partnershipId: ctx.actor.partnershipId,
    kind: "agenda-circulated",
    recipientIds: meeting.memberIds,
    actorId: ctx.actor.id,
    title: `The agenda of ${meeting.groupName}, ${formatDateTime(meeting.startsAt)}, has been circulated`,
    href: `/meetings/${meeting.id}`,
    subjectType: "meeting",
    subjectId: meeting.id,
    dedupeKey: `agenda-circulated:${meeting.id}:${circulatedAt.toISOString()}`,
  });
}

/** To the chair (or, in a group without one, the coordinators, who run every group). */
export async function notifyMinutesAwaitingApproval(ctx: ActionContext, meeting: MeetingAccess, submittedAt: Date) {
  const approvers = meeting.chairId
    ? [meeting.chairId]
    : (
        await db().user.findMany({
          where: { partnershipId: meeting.partnershipId, role: "coordinator", deactivatedAt: null },
          select: { id: true },
        })
      ).map((u) => u.id);
  await notify({
    partnershipId: ctx.actor.partnershipId,
    kind: "minutes-awaiting-approval",
    recipientIds: approvers,
    actorId: ctx.actor.id,
    title: `The minutes of ${meeting.groupName}, ${formatDateTime(meeting.startsAt)}, are waiting for your approval`,
    href: `/meetings/${meeting.id}`,
    subjectType: "meeting",
    subjectId: meeting.id,
    dedupeKey: `minutes-submitted:${meeting.id}:${submittedAt.toISOString()}`,
  });
}
