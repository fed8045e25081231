// The plain facts the meeting policies decide from, read in one query each, and the gates every meeting page and
// action passes first: the group or meeting as the rules see it, or a 404/403 DomainError. Kept apart from the
// meeting models so the document access registry can load a meeting's facts without importing them.
import { DomainError } from "~/lib/errors";
import type { Actor } from "~/policies/actor";
import {
  canFollowMeetings,
  canViewMeetingGroup,
  type MeetingGroupFacts,
  type MeetingFacts,
  MEETING_MINUTES_DOCUMENT,
} from "~/policies/meeting";
import { db, type Db } from "./db.server";

export interface MeetingGroupAccess extends MeetingGroupFacts {
  id: string;
  name: string;
}

export interface MeetingAccess extends MeetingFacts {
  id: string;
  groupId: string;
  groupName: string;
  startsAt: Date;
}

/** The group's columns the meeting rules read (also selected through a relation by the comment subjects). */
export const GROUP_FACTS = {
  id: true,
  name: true,
  partnershipId: true,
  chairId: true,
  minuteTakerId: true,
  openToPartnership: true,
  members: { select: { userId: true } },
} as const;

type GroupRow = {
  id: string;
  name: string;
  partnershipId: string;
  chairId: string | null;
  minuteTakerId: string | null;
  openToPartnership: boolean;
  members: Array<{ userId: string }>;
};

export function groupFacts(group: GroupRow): MeetingGroupAccess {
  return {
    id: group.id,
    name: group.name,
    partnershipId: group.partnershipId,
    chairId: group.chairId,
    minuteTakerId: group.minuteTakerId,
    openToPartnership: group.openToPartnership,
    memberIds: group.members.map((m) => m.userId),
  };
}

export async function loadMeetingGroupFacts(partnershipId: string, groupId: string) {
  const group = await db().meetingGroup.findFirst({ where: { id: groupId, partnershipId }, select: GROUP_FACTS });
  return group ? groupFacts(group) : null;
}

/** `client` is a transaction's when the meeting is being created in it (not visible to others yet). */
export async function loadMeetingFacts(
  partnershipId: string,
  meetingId: string,
  client: Pick<Db, "meeting"> = db(),
): Promise<MeetingAccess | null> {
  const meeting = await client.meeting.findFirst({
    where: { id: meetingId, partnershipId },
    select: { id: true, startsAt: true, minutesStatus: true, cancelledAt: true, group: { select: GROUP_FACTS } },
  });
  if (!meeting) return null;
  const group = groupFacts(meeting.group);
  return {
    ...group,
    id: meeting.id,
    groupId: group.id,
    groupName: group.name,
    startsAt: meeting.startsAt,
    minutesStatus: meeting.minutesStatus,
    cancelled: meeting.cancelledAt !== null,
  };
}

/** The group if the actor may see it at all; otherwise a 404 (never reveal a closed group exists). */
export async function requireMeetingGroup(actor: Actor, groupId: string): Promise<MeetingGroupAccess> {
  const group = await loadMeetingGroupFacts(actor.partnershipId, groupId);
  if (!group || !canViewMeetingGroup(actor, group)) throw new DomainError("not-found", "We could not find that group.");
  return group;
}

/** The meeting if the actor may see it (members, the coordinator; others of an open group after approval). */
export async function requireMeeting(actor: Actor, meetingId: string): Promise<MeetingAccess> {
  const meeting = await loadMeetingFacts(actor.partnershipId, meetingId);
  if (!meeting || !canViewMeetingGroup(actor, meeting))
    throw new DomainError("not-found", "We could not find that meeting.");
  return meeting;
}

/** Why a change to a cancelled meeting is refused, whoever asks: it will not take place. */
const MEETING_CANCELLED = "This meeting is cancelled: its agenda, attendance, actions and decisions are closed.";

/** The refusal for a change to a meeting: that it is cancelled, when it is; otherwise the rule's own message. */
export function refusalFor(meeting: { cancelled: boolean }, message: string): string {
  return meeting.cancelled ? MEETING_CANCELLED : message;
}

/** Throws a 403 DomainError with the message unless allowed. */
export function allow(allowed: boolean, message: string): asserts allowed {
  if (!allowed) throw new DomainError("forbidden", message);
}

/** Members and the coordinator follow a group's meetings; others of an open group read approved minutes only. */
export function requireFollower(actor: Actor, group: MeetingGroupFacts): void {
  allow(canFollowMeetings(actor, group), "Only the group's members can see its agendas, draft minutes and actions.");
}

/** The id of a meeting's minutes document, or null before it has one. */
export async function minutesDocumentIdOf(meetingId: string): Promise<string | null> {
  const document = await db().collabDocument.findUnique({
    where: { ownerType_ownerId: { ownerType: MEETING_MINUTES_DOCUMENT, ownerId: meetingId } },
    select: { id: true },
  });
  return document?.id ?? null;
}
