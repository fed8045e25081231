// A group's meetings: schedule one (Europe/London times, at a site or online, with the standing items and its
// co-edited minutes), what the meeting's page shows (agenda with proposed items, attendance, actions and
// decisions per item, matters arising carried forward, where the minutes stand), and a member's meetings to come.
import { invalidField } from "~/lib/errors";
import { type MeetingInput } from "~/lib/forms/meetings";
import { STANDING_ITEMS, type StandingItem } from "~/lib/meeting-vocabulary";
import { ukInstant } from "~/lib/uk-calendar";
import type { ActionContext, Actor } from "~/policies/actor";
import {
  canAddMinutesSections,
  canApproveMinutes,
  canCancelMeeting,
  canEditAgenda,
  canFollowMeetings,
  canMoveMeeting,
  canProposeAgendaItem,
  canReviseMinutes,
  canScheduleMeeting,
  canSubmitMinutes,
  canTakeAttendance,
  canUpdateAction,
  canWriteMinutes,
  MEETING_MINUTES_DOCUMENT,
} from "~/policies/meeting";
import { createDocumentInTransaction, firstDocumentState, getDocumentByOwnerForActor } from "./collab-documents.server";
import { db } from "./db.server";
import { carriedForwardActions, meetingOutcomes } from "./meeting-actions.server";
import { allow, loadMeetingFacts, requireMeeting, requireMeetingGroup } from "./meeting-facts.server";
import { LINK_TARGETS, linksByOwner } from "./meeting-links.server";
import { previousMinutes } from "./meeting-minutes.server";
import { minutesSectionsContent } from "./minutes-sections.server";

const NOT_THE_CHAIR = "Only the group's chair and the coordinator can schedule its meetings.";

/** The site must be one of the partnership's institutions; "" means online only. */
export async function siteOf(partnershipId: string, siteId: string): Promise<string | null> {
  if (!siteId) return null;
  const site = await db().institution.findFirst({ where: { id: siteId, partnershipId, archivedAt: null } });
  if (!site) throw invalidField("siteId", "Choose one of the partnership's sites.");
  return site.id;
}

export function timesOf(input: MeetingInput) {
  return { startsAt: ukInstant(input.date, input.startTime), endsAt: ukInstant(input.date, input.endTime) };
}

export async function scheduleMeeting(ctx: ActionContext, groupId: string, input: MeetingInput) {
  const { actor } = ctx;
  const group = await requireMeetingGroup(actor, groupId);
  allow(canScheduleMeeting(actor, group), NOT_THE_CHAIR);
  const siteId = await siteOf(actor.partnershipId, input.siteId);
  // A section per agenda item: the standing items now, later items as they are added.
  const minutesState = firstDocumentState({ initialContent: minutesSectionsContent(Object.values(STANDING_ITEMS)) });
  // The meeting, its standing items and the minutes with their headings are stored together or not at all.
  return db().$transaction(async (tx) => {
    const meeting = await tx.meeting.create({
      data: {
        partnershipId: actor.partnershipId,
        groupId: group.id,
        ...timesOf(input),
        siteId,
        onlineLink: input.onlineLink,
        createdById: actor.id,
        items: {
          create: (Object.keys(STANDING_ITEMS) as StandingItem[]).map((standing, position) => ({
            position,
            title: STANDING_ITEMS[standing],
            purpose: standing === "last_minutes" ? "decision" : "information",
            standing,
          })),
        },
      },
    });
    const minutes = {
      ownerType: MEETING_MINUTES_DOCUMENT,
      ownerId: meeting.id,
      title: `Minutes: ${group.name}`,
      state: minutesState,
    };
    await createDocumentInTransaction(tx, actor, minutes, await loadMeetingFacts(actor.partnershipId, meeting.id, tx));
    return meeting;
  });
}

const PERSON = { select: { id: true, name: true, institution: { select: { name: true } } } } as const;

/** Everything the meeting's page shows, for someone who may see it (outsiders of an open group: approved only). */
export async function getMeetingPage(actor: Actor, meetingId: string) {
  const facts = await requireMeeting(actor, meetingId);
  const follows = canFollowMeetings(actor, facts);
  allow(
    follows || facts.minutesStatus === "approved",
    "Only the group's members can see a meeting before its minutes are approved.",
  );
  const meeting = await db().meeting.findFirstOrThrow({
    where: { id: facts.id },
    include: {
      site: { select: { id: true, name: true, town: true } },
      items: { orderBy: { position: "asc" }, include: { links: { select: LINK_TARGETS } } },
      attendance: { include: { user: PERSON } },
      revisions: { orderBy: { createdAt: "asc" } },
      group: { select: { id: true, name: true, members: { select: { user: PERSON } } } },
    },
  });
  const [outcomes, mattersArising, minutes, people, previous] = await Promise.all([
    meetingOutcomes(actor, meeting.id),
    carriedForwardActions(meeting),
    getDocumentByOwnerForActor(actor, MEETING_MINUTES_DOCUMENT, meeting.id),
    db().user.findMany({
      where: {
        partnershipId: actor.partnershipId,
        id: { in: [meeting.minutesSubmittedById, meeting.minutesApprovedById].filter((id) => id !== null) },
      },
      select: { id: true, name: true },
    }),
    follows ? previousMinutes(actor, facts) : null,
  ]);
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;
  // Proposed items are for the group's eyes; the chair decides whether they join the agenda.
  const shown = meeting.items.filter((item) => item.status === "accepted" || follows);
  const itemLinks = await linksByOwner(actor, shown);
  const items = shown.map((item) => ({ ...item, links: itemLinks.get(item.id) ?? [] }));
  return {
    meeting: {
      id: meeting.id,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      site: meeting.site,
      onlineLink: meeting.onlineLink,
      agendaVersion: meeting.agendaVersion,
      agendaCirculatedAt: meeting.agendaCirculatedAt,
      minutesStatus: meeting.minutesStatus,
      submittedBy: nameOf(meeting.minutesSubmittedById),
      submittedAt: meeting.minutesSubmittedAt,
      approvedBy: nameOf(meeting.minutesApprovedById),
      approvedAt: meeting.minutesApprovedAt,
      revisions: meeting.revisions,
      cancelledAt: meeting.cancelledAt,
      cancelReason: meeting.cancelReason,
    },
    group: {
      id: meeting.group.id,
      name: meeting.group.name,
      chairId: facts.chairId,
      minuteTakerId: facts.minuteTakerId,
    },
    members: meeting.group.members.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name)),
    items,
    attendance: follows ? meeting.attendance : [],
    actions: follows ? outcomes.actions : [],
    decisions: outcomes.decisions,
    mattersArising: follows ? mattersArising : [],
    previous,
    minutesDocumentId: minutes?.document.id ?? null,
    can: {
      follow: follows,
      schedule: canScheduleMeeting(actor, facts),
      propose: canProposeAgendaItem(actor, facts),
      editAgenda: canEditAgenda(actor, facts),
      takeAttendance: canTakeAttendance(actor, facts),
      writeMinutes: canWriteMinutes(actor, facts),
      addSections: canAddMinutesSections(actor, facts),
      submit: canSubmitMinutes(actor, facts),
      approve: canApproveMinutes(actor, facts),
      revise: canReviseMinutes(actor, facts),
      updateAnyAction: canUpdateAction(actor, facts, { ownerId: "" }),
      move: canMoveMeeting(actor, facts),
      cancel: canCancelMeeting(actor, facts),
    },
  };
}

/** The actor's meetings to come, across their groups, soonest first. */
export async function listUpcomingMeetings(actor: Actor, now = new Date(), take = 5) {
  return db().meeting.findMany({
    where: {
      partnershipId: actor.partnershipId,
      endsAt: { gte: now },
      cancelledAt: null,
      group: { members: { some: { userId: actor.id } } },
    },
    orderBy: { startsAt: "asc" },
    take,
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      onlineLink: true,
      agendaCirculatedAt: true,
      site: { select: { name: true } },
      group: { select: { id: true, name: true } },
    },
  });
}
