// Moving and cancelling a meeting: the chair or the coordinator changes its date, times or place, or calls it off;
// members are told, and calendars that hold the meeting replace their copy (its SEQUENCE rises each time).
import { invalidField } from "~/lib/errors";
import { formatLongDay } from "~/lib/format";
import type { CancelMeetingInput } from "~/lib/forms/meeting-schedule";
import type { MeetingInput } from "~/lib/forms/meetings";
import { ukDayOf, ukTimeOf } from "~/lib/uk-calendar";
import type { ActionContext } from "~/policies/actor";
import { canCancelMeeting, canMoveMeeting } from "~/policies/meeting";
import { db } from "./db.server";
import { allow, requireMeeting, type MeetingAccess } from "./meeting-facts.server";
import { siteOf, timesOf } from "./meetings.server";
import { notify } from "./notifications.server";

const NOT_MOVABLE =
  "Only the group's chair and the coordinator can move or cancel its meetings, and only before the minutes are submitted.";

/** A meeting is moved to a time still to come: a past date, or a start earlier today, is refused beside its field. */
function refusePast(input: MeetingInput, startsAt: Date, now: Date): void {
  if (input.date < ukDayOf(now)) throw invalidField("date", "That date has passed: choose today or a later day.");
  if (startsAt <= now) throw invalidField("startTime", "That time has passed: choose a later start time.");
}

async function tellMembers(
  ctx: ActionContext,
  meeting: MeetingAccess,
  kind: "meeting-moved" | "meeting-cancelled",
  title: string,
  sequence: number,
) {
  await notify({
    partnershipId: ctx.actor.partnershipId,
    kind,
    recipientIds: meeting.memberIds,
    actorId: ctx.actor.id,
    title,
    href: `/meetings/${meeting.id}`,
    subjectType: "meeting",
    subjectId: meeting.id,
    dedupeKey: `${kind}:${meeting.id}:${sequence}`,
  });
}

/** Moves a meeting to a new date, times and place; its agenda, minutes and actions stay with it. */
export async function moveMeeting(ctx: ActionContext, meetingId: string, input: MeetingInput, now = new Date()) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(canMoveMeeting(ctx.actor, meeting), NOT_MOVABLE);
  const times = timesOf(input);
  refusePast(input, times.startsAt, now);
  const moved = await db().meeting.update({
    where: { id: meeting.id },
    data: {
      ...times,
      siteId: await siteOf(ctx.actor.partnershipId, input.siteId),
      onlineLink: input.onlineLink,
      calendarSequence: { increment: 1 },
    },
  });
  const when = `${formatLongDay(moved.startsAt)} at ${ukTimeOf(moved.startsAt)}`;
  await tellMembers(ctx, meeting, "meeting-moved", `${meeting.groupName} has moved to ${when}`, moved.calendarSequence);
  return moved;
}

/** Calls a meeting off: it stays on the group's page marked cancelled, and leaves members' lists of meetings to come. */
export async function cancelMeeting(
  ctx: ActionContext,
  meetingId: string,
  input: CancelMeetingInput,
  now = new Date(),
) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(canCancelMeeting(ctx.actor, meeting), NOT_MOVABLE);
  const cancelled = await db().meeting.update({
    where: { id: meeting.id },
    data: {
      cancelledAt: now,
      cancelledById: ctx.actor.id,
      cancelReason: input.reason,
      calendarSequence: { increment: 1 },
    },
  });
  const title = `${meeting.groupName} on ${formatLongDay(meeting.startsAt)} is cancelled`;
  await tellMembers(ctx, meeting, "meeting-cancelled", title, cancelled.calendarSequence);
  return cancelled;
}
