// A meeting's agenda and attendance: members propose items, the chair accepts, edits, removes and reorders them
// (refusing a reorder made against an agenda someone else has changed since) and circulates the agenda;
// attendance is one row per member (or guest by name), set in one click.
import { DomainError, invalidField } from "~/lib/errors";
import type { AgendaItemInput } from "~/lib/forms/meetings";
import type { ActionContext } from "~/policies/actor";
import { canEditAgenda, canProposeAgendaItem, canTakeAttendance, type MeetingFacts } from "~/policies/meeting";
import { db } from "./db.server";
import { allow, refusalFor, requireMeeting } from "./meeting-facts.server";
import { checkLinks } from "./meeting-links.server";
import { notifyAgendaCirculated } from "./meeting-notifications.server";

const NOT_THE_CHAIR = "Only the chair and the coordinator can change the agenda.";
const AGENDA_CHANGED =
  "The agenda changed while you were moving items: here is the current order. Move the items again if you still need to.";

async function leadOf(meeting: MeetingFacts, leadId: string): Promise<string | null> {
  if (!leadId) return null;
  if (!meeting.memberIds.includes(leadId)) throw invalidField("leadId", "Choose a member of the group to lead it.");
  return leadId;
}

/** Members propose; what the chair adds is accepted at once. New items go to the end. */
export async function addAgendaItem(ctx: ActionContext, meetingId: string, input: AgendaItemInput) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(
    canProposeAgendaItem(ctx.actor, meeting),
    refusalFor(meeting, "Only the group's members can propose agenda items."),
  );
  const accepted = canEditAgenda(ctx.actor, meeting);
  const leadId = await leadOf(meeting, input.leadId);
  const links = await checkLinks(ctx.actor, input.links);
  return db().$transaction(async (tx) => {
    const last = await tx.agendaItem.aggregate({ where: { meetingId: meeting.id }, _max: { position: true } });
    const item = await tx.agendaItem.create({
      data: {
        meetingId: meeting.id,
        position: (last._max.position ?? -1) + 1,
        title: input.title,
        purpose: input.purpose,
        leadId,
        minutes: input.minutes ?? null,
        links: { create: links },
        status: accepted ? "accepted" : "proposed",
        proposedById: ctx.actor.id,
      },
    });
    await tx.meeting.update({ where: { id: meeting.id }, data: { agendaVersion: { increment: 1 } } });
    return item;
  });
}

async function requireItem(meetingId: string, itemId: string) {
  const item = await db().agendaItem.findFirst({ where: { id: itemId, meetingId } });
  if (!item) throw new DomainError("not-found", "That item is no longer on the agenda.");
  return item;
}

export async function acceptAgendaItem(ctx: ActionContext, meetingId: string, itemId: string) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(canEditAgenda(ctx.actor, meeting), refusalFor(meeting, NOT_THE_CHAIR));
  const item = await requireItem(meeting.id, itemId);
  await db().agendaItem.update({ where: { id: item.id }, data: { status: "accepted" } });
}

/** Removes an item; standing items stay, and an item with actions or decisions keeps them (on the meeting). */
export async function removeAgendaItem(ctx: ActionContext, meetingId: string, itemId: string) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(canEditAgenda(ctx.actor, meeting), refusalFor(meeting, NOT_THE_CHAIR));
  const item = await requireItem(meeting.id, itemId);
  if (item.standing) throw new DomainError("invalid", "Standing items stay on every agenda.");
  await db().$transaction([
    db().agendaItem.delete({ where: { id: item.id } }),
    db().meeting.update({ where: { id: meeting.id }, data: { agendaVersion: { increment: 1 } } }),
  ]);
}

/**
 * Puts the items in the order given. `agendaVersion` is the version the chair's page showed: if anyone changed the
 * agenda since (another reorder, a new item), nothing is saved and a conflict says so.
 */
export async function reorderAgenda(ctx: ActionContext, meetingId: string, itemIds: string[], agendaVersion: number) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(canEditAgenda(ctx.actor, meeting), refusalFor(meeting, NOT_THE_CHAIR));
  return db().$transaction(async (tx) => {
    // Compare-and-set: only one of two concurrent reorders moves the version on.
    const claimed = await tx.meeting.updateMany({
      where: { id: meeting.id, agendaVersion },
      data: { agendaVersion: { increment: 1 } },
    });
    if (claimed.count === 0) throw new DomainError("conflict", AGENDA_CHANGED);
    const items = await tx.agendaItem.findMany({ where: { meetingId: meeting.id }, select: { id: true } });
    const known = new Set(items.map((i) => i.id));
    if (itemIds.length !== known.size || !itemIds.every((id) => known.has(id)))
      throw new DomainError("conflict", AGENDA_CHANGED);
    for (const [position, id] of itemIds.entries()) await tx.agendaItem.update({ where: { id }, data: { position } });
    return agendaVersion + 1;
  });
}

/** Sends the agenda to the members: it shows as circulated on their home pages. */
export async function circulateAgenda(ctx: ActionContext, meetingId: string, now = new Date()) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(canEditAgenda(ctx.actor, meeting), refusalFor(meeting, NOT_THE_CHAIR));
  await db().meeting.update({ where: { id: meeting.id }, data: { agendaCirculatedAt: now } });
  await notifyAgendaCirculated(ctx, meeting, now);
  return meeting;
}

/** Present, apologies or absent, for a member (by id) or a guest (by name). */
export async function setAttendance(
  ctx: ActionContext,
  meetingId: string,
  input: { userId: string; guestName: string; status: string },
) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(
    canTakeAttendance(ctx.actor, meeting),
    refusalFor(meeting, "Only the chair and the minute-taker take attendance."),
  );
  if (input.userId) {
    if (!meeting.memberIds.includes(input.userId)) throw invalidField("userId", "Choose a member of the group.");
    await db().meetingAttendance.upsert({
      where: { meetingId_userId: { meetingId: meeting.id, userId: input.userId } },
      create: { meetingId: meeting.id, userId: input.userId, status: input.status },
      update: { status: input.status },
    });
    return;
  }
  if (!input.guestName) throw invalidField("guestName", "Enter the guest's name.");
  const guest = await db().meetingAttendance.findFirst({
    where: { meetingId: meeting.id, userId: null, guestName: input.guestName },
  });
  if (guest) await db().meetingAttendance.update({ where: { id: guest.id }, data: { status: input.status } });
  else
    await db().meetingAttendance.create({
      data: { meetingId: meeting.id, guestName: input.guestName, status: input.status },
    });
}
