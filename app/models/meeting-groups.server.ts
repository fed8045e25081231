// Groups that meet (the steering group, a course team, the heads' group): start one, change its members, chair,
// minute-taker and openness, and what its page shows (meetings to come and past, the decisions log, the action
// tracker). Every query is scoped to the actor's partnership here.
import { invalidField } from "~/lib/errors";
import type { MeetingGroupInput } from "~/lib/forms/meetings";
import type { ActionContext, Actor } from "~/policies/actor";
import { canCreateMeetingGroup, canEditMeetingGroup, canFollowMeetings, canScheduleMeeting } from "~/policies/meeting";
import { db, isUniqueViolation } from "./db.server";
import { allow, requireMeetingGroup } from "./meeting-facts.server";
import { listGroupActions, type ActionFilters } from "./meeting-actions.server";
import { LINK_TARGETS, linksByOwner } from "./meeting-links.server";

const NAME_IN_USE = "Another group of the partnership has this name: choose another.";

/** Ids of the partnership's active members among `ids`; anyone else is refused beside the field. */
async function requireActiveMembers(partnershipId: string, ids: readonly string[], field: string) {
  const unique = [...new Set(ids)];
  const found = await db().user.count({ where: { id: { in: unique }, partnershipId, deactivatedAt: null } });
  if (found !== unique.length)
    throw invalidField(field, "Choose members from the list: someone chosen has left the partnership.");
  return unique;
}

async function membersOf(ctx: ActionContext, input: MeetingGroupInput) {
  // The chair and minute-taker are members whether or not they were ticked.
  const ids = [...input.memberIds, input.chairId, input.minuteTakerId];
  await requireActiveMembers(ctx.actor.partnershipId, [input.chairId], "chairId");
  await requireActiveMembers(ctx.actor.partnershipId, [input.minuteTakerId], "minuteTakerId");
  return requireActiveMembers(ctx.actor.partnershipId, ids, "memberIds");
}

async function chairsAGroup(actor: Actor): Promise<boolean> {
  return (await db().meetingGroup.count({ where: { partnershipId: actor.partnershipId, chairId: actor.id } })) > 0;
}

export async function mayCreateMeetingGroup(actor: Actor): Promise<boolean> {
  return canCreateMeetingGroup(actor, await chairsAGroup(actor));
}

export async function createMeetingGroup(ctx: ActionContext, input: MeetingGroupInput) {
  const { actor } = ctx;
  allow(await mayCreateMeetingGroup(actor), "The coordinator and the chairs of groups start new groups.");
  const memberIds = await membersOf(ctx, input);
  try {
    return await db().meetingGroup.create({
      data: {
        partnershipId: actor.partnershipId,
        name: input.name,
        purpose: input.purpose,
        chairId: input.chairId,
        minuteTakerId: input.minuteTakerId,
        openToPartnership: input.openToPartnership,
        createdById: actor.id,
        members: { create: memberIds.map((userId) => ({ userId })) },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField("name", NAME_IN_USE);
    throw error;
  }
}

export async function updateMeetingGroup(ctx: ActionContext, groupId: string, input: MeetingGroupInput) {
  const group = await requireMeetingGroup(ctx.actor, groupId);
  allow(canEditMeetingGroup(ctx.actor, group), "Only the group's chair and the coordinator can change the group.");
  const memberIds = await membersOf(ctx, input);
  try {
    await db().$transaction([
      db().meetingGroup.update({
        where: { id: group.id },
        data: {
          name: input.name,
          purpose: input.purpose,
          chairId: input.chairId,
          minuteTakerId: input.minuteTakerId,
          openToPartnership: input.openToPartnership,
        },
      }),
      db().meetingGroupMember.deleteMany({ where: { groupId: group.id, userId: { notIn: memberIds } } }),
      ...memberIds.map((userId) =>
        db().meetingGroupMember.upsert({
          where: { groupId_userId: { groupId: group.id, userId } },
          create: { groupId: group.id, userId },
          update: {},
        }),
      ),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField("name", NAME_IN_USE);
    throw error;
  }
}

/** The groups the actor may open: theirs, every open group, and all of them for the coordinator. */
export async function listMeetingGroups(actor: Actor) {
  const everything = actor.role === "coordinator";
  const groups = await db().meetingGroup.findMany({
    where: {
      partnershipId: actor.partnershipId,
      ...(everything ? {} : { OR: [{ openToPartnership: true }, { members: { some: { userId: actor.id } } }] }),
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, purpose: true, openToPartnership: true, _count: { select: { members: true } } },
  });
  return groups.map((g) => ({ ...g, members: g._count.members }));
}

/** Everything the group's page shows, for someone who may see the group. */
export async function getMeetingGroupPage(actor: Actor, groupId: string, filters: ActionFilters, now = new Date()) {
  const facts = await requireMeetingGroup(actor, groupId);
  const follows = canFollowMeetings(actor, facts);
  const group = await db().meetingGroup.findFirstOrThrow({
    where: { id: facts.id },
    select: {
      id: true,
      name: true,
      purpose: true,
      openToPartnership: true,
      chairId: true,
      minuteTakerId: true,
      members: { select: { user: { select: { id: true, name: true, institution: { select: { name: true } } } } } },
    },
  });
  const meetings = await db().meeting.findMany({
    // Outsiders of an open group see only meetings whose minutes are approved.
    where: { groupId: facts.id, ...(follows ? {} : { minutesStatus: "approved" }) },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      minutesStatus: true,
      cancelledAt: true,
      site: { select: { name: true } },
    },
  });
  const decisions = await db().meetingDecision.findMany({
    where: { groupId: facts.id, meetingId: { in: meetings.map((m) => m.id) } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      text: true,
      links: { select: LINK_TARGETS },
      meeting: { select: { id: true, startsAt: true } },
    },
  });
  const decisionLinks = await linksByOwner(actor, decisions);
  return {
    group: {
      ...group,
      members: group.members
        .map((m) => ({ id: m.user.id, name: m.user.name, institution: m.user.institution.name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    },
    upcoming: meetings.filter((m) => m.endsAt >= now),
    past: meetings.filter((m) => m.endsAt < now).reverse(),
    decisions: decisions.map((d) => ({ ...d, links: decisionLinks.get(d.id) ?? [] })),
    actions: follows ? await listGroupActions(actor, facts.id, filters, now) : [],
    can: {
      follow: follows,
      edit: canEditMeetingGroup(actor, facts),
      schedule: canScheduleMeeting(actor, facts),
    },
  };
}

/** Active members of the partnership, for the member, chair, owner and lead pickers. */
export async function listActiveColleagues(partnershipId: string) {
  const people = await db().user.findMany({
    where: { partnershipId, deactivatedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, institution: { select: { name: true } } },
  });
  return people.map((p) => ({ value: p.id, label: `${p.name} (${p.institution.name})` }));
}
