// Actions and decisions recorded against a meeting's agenda items; actions closed (done, dropped with a note) or
// reopened; the carry-forward of open actions into later meetings' "matters arising"; a member's own actions
// across groups, overdue first; the group's action tracker with its filters.
import { invalidField } from "~/lib/errors";
import type { ActionInput, ActionStatusInput, DecisionInput } from "~/lib/forms/meetings";
import { ukToday } from "~/lib/lesson-dates";
import type { ActionContext, Actor } from "~/policies/actor";
import { canUpdateAction, canWriteMinutes } from "~/policies/meeting";
import { db } from "./db.server";
import { allow, refusalFor, loadMeetingGroupFacts, requireFollower, requireMeeting } from "./meeting-facts.server";
import { checkLinks, LINK_TARGETS, linksByOwner } from "./meeting-links.server";
import { notifyActionAssigned } from "./meeting-notifications.server";

const overdue = (today: string) => (a: { status: string; dueDate: string }) => a.status === "open" && a.dueDate < today;

const LOCKED = "These minutes are approved and locked. Ask the chair to open a revision to change them.";

const ACTION_FIELDS = {
  id: true,
  description: true,
  dueDate: true,
  status: true,
  statusNote: true,
  closedAt: true,
  groupId: true,
  itemId: true,
  owner: { select: { id: true, name: true } },
  meeting: { select: { id: true, startsAt: true } },
} as const;

/** The item must be on this meeting's agenda ("" for the meeting as a whole). */
async function itemOfMeeting(meetingId: string, itemId: string): Promise<string | null> {
  if (!itemId) return null;
  const item = await db().agendaItem.findFirst({ where: { id: itemId, meetingId }, select: { id: true } });
  if (!item) throw invalidField("itemId", "Choose an item of this meeting's agenda.");
  return item.id;
}

export async function recordAction(ctx: ActionContext, meetingId: string, input: ActionInput, now = new Date()) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(
    canWriteMinutes(ctx.actor, meeting),
    refusalFor(meeting, meeting.minutesStatus === "approved" ? LOCKED : "Only members can."),
  );
  if (input.dueDate < ukToday(now))
    throw invalidField("dueDate", "The due date has passed: choose today or a later day.");
  if (!meeting.memberIds.includes(input.ownerId)) throw invalidField("ownerId", "Choose a member of the group.");
  const owner = await db().user.findFirst({
    where: { id: input.ownerId, partnershipId: ctx.actor.partnershipId },
    select: { deactivatedAt: true, name: true },
  });
  if (!owner || owner.deactivatedAt)
    throw invalidField("ownerId", `${owner?.name ?? "That member"} has left the partnership: choose someone else.`);
  const action = await db().meetingAction.create({
    data: {
      partnershipId: ctx.actor.partnershipId,
      groupId: meeting.groupId,
      meetingId: meeting.id,
      itemId: await itemOfMeeting(meeting.id, input.itemId),
      description: input.description,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      createdById: ctx.actor.id,
    },
  });
  await notifyActionAssigned(ctx, action);
  return action;
}

export async function recordDecision(ctx: ActionContext, meetingId: string, input: DecisionInput) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(
    canWriteMinutes(ctx.actor, meeting),
    refusalFor(meeting, meeting.minutesStatus === "approved" ? LOCKED : "Only members can."),
  );
  const links = await checkLinks(ctx.actor, input.links);
  return db().meetingDecision.create({
    data: {
      partnershipId: ctx.actor.partnershipId,
      groupId: meeting.groupId,
      meetingId: meeting.id,
      itemId: await itemOfMeeting(meeting.id, input.itemId),
      text: input.text,
      links: { create: links },
      createdById: ctx.actor.id,
    },
  });
}

/** Done, dropped (with why) or open again: whenever, even after the minutes that recorded it are approved. */
export async function setActionStatus(ctx: ActionContext, input: ActionStatusInput) {
  const action = await db().meetingAction.findFirst({
    where: { id: input.actionId, partnershipId: ctx.actor.partnershipId },
    select: { id: true, groupId: true, ownerId: true },
  });
  const group = action ? await loadMeetingGroupFacts(ctx.actor.partnershipId, action.groupId) : null;
  if (!action || !group) throw invalidField("actionId", "We could not find that action.");
  allow(
    canUpdateAction(ctx.actor, group, action),
    "Only the action's owner, the chair and the minute-taker can change it.",
  );
  return db().meetingAction.update({
    where: { id: action.id },
    data: {
      status: input.status,
      statusNote: input.note,
      closedAt: input.status === "open" ? null : new Date(),
    },
    select: { id: true, groupId: true, status: true },
  });
}

/**
 * Matters arising of a meeting: every action of the group agreed at an earlier meeting that is still open. An
 * action leaves the list by being done or dropped, never by a meeting passing.
 */
export async function carriedForwardActions(meeting: { groupId: string; startsAt: Date }, now = new Date()) {
  const actions = await db().meetingAction.findMany({
    where: { groupId: meeting.groupId, status: "open", meeting: { startsAt: { lt: meeting.startsAt } } },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    select: ACTION_FIELDS,
  });
  return actions.map((a) => ({ ...a, overdue: overdue(ukToday(now))(a) }));
}

/** The actions and decisions agreed at one meeting (against its items or the meeting as a whole). */
export async function meetingOutcomes(actor: Actor, meetingId: string) {
  const [actions, decisions] = await Promise.all([
    db().meetingAction.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" }, select: ACTION_FIELDS }),
    db().meetingDecision.findMany({
      where: { meetingId },
      orderBy: { createdAt: "asc" },
      select: { id: true, itemId: true, text: true, links: { select: LINK_TARGETS } },
    }),
  ]);
  const links = await linksByOwner(actor, decisions);
  return { actions, decisions: decisions.map((d) => ({ ...d, links: links.get(d.id) ?? [] })) };
}

/** A member's actions across every group: open ones overdue first, then by due date; closed ones after. */
export async function listMyActions(actor: Actor, now = new Date()) {
  const today = ukToday(now);
  const actions = await db().meetingAction.findMany({
    where: { partnershipId: actor.partnershipId, ownerId: actor.id },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    select: { ...ACTION_FIELDS, group: { select: { id: true, name: true } } },
  });
  const rank = (a: (typeof actions)[number]) => (overdue(today)(a) ? 0 : a.status === "open" ? 1 : 2);
  return actions
    .map((a) => ({ ...a, overdue: overdue(today)(a) }))
    .sort((a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate));
}

export interface ActionFilters {
  ownerId?: string;
  status?: string;
  meetingId?: string;
}

/** The group's action tracker, filtered by owner, status and meeting. */
export async function listGroupActions(actor: Actor, groupId: string, filters: ActionFilters, now = new Date()) {
  const group = await loadMeetingGroupFacts(actor.partnershipId, groupId);
  if (!group) return [];
  requireFollower(actor, group);
  const today = ukToday(now);
  const actions = await db().meetingAction.findMany({
    where: {
      groupId: group.id,
      ...(filters.ownerId ? { ownerId: filters.ownerId } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.meetingId ? { meetingId: filters.meetingId } : {}),
    },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    select: ACTION_FIELDS,
  });
  return actions.map((a) => ({ ...a, overdue: overdue(today)(a) }));
}
