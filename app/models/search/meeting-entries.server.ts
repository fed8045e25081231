// Search entries of meetings' co-edited minutes, their decisions and their actions, with the group and meeting the
// visibility rules need (members; an open group's partnership once the minutes are approved).
import { formatDate } from "~/lib/format";
import { MEETING_MINUTES_DOCUMENT } from "~/policies/meeting";
// The client type itself, not db.server: that module builds its clients with withSearchIndexing.
import type { PrismaClient as Db } from "~/generated/sqlite/client";
import {
  indexableText,
  NO_FACETS,
  ownedDocumentTexts,
  type OwnerTexts,
  type SearchEntryData,
} from "./entry-text.server";

export async function minutesEntries(
  store: Db,
  meetingIds: readonly string[],
  texts: OwnerTexts = ownedDocumentTexts,
): Promise<SearchEntryData[]> {
  const meetings = await store.meeting.findMany({
    where: { id: { in: [...meetingIds] } },
    select: {
      id: true,
      partnershipId: true,
      groupId: true,
      startsAt: true,
      minutesStatus: true,
      group: { select: { name: true } },
    },
  });
  const minutesOf = await texts(
    store,
    MEETING_MINUTES_DOCUMENT,
    meetings.map((m) => m.id),
  );
  return meetings.map((meeting) => ({
    ...NO_FACETS,
    partnershipId: meeting.partnershipId,
    kind: "minutes",
    recordId: meeting.id,
    title: `${meeting.group.name}: minutes of ${formatDate(meeting.startsAt)}`,
    body: minutesOf.get(meeting.id) ?? "",
    href: `/meetings/${meeting.id}`,
    status: meeting.minutesStatus,
    occurredAt: meeting.startsAt,
    groupId: meeting.groupId,
    meetingId: meeting.id,
  }));
}

const MEETING = { select: { id: true, startsAt: true, group: { select: { name: true } } } } as const;

export async function decisionEntries(store: Db, ids: readonly string[]): Promise<SearchEntryData[]> {
  const decisions = await store.meetingDecision.findMany({
    where: { id: { in: [...ids] } },
    include: { meeting: MEETING },
  });
  return decisions.map((decision) => ({
    ...NO_FACETS,
    partnershipId: decision.partnershipId,
    kind: "decision",
    recordId: decision.id,
    title: `Decision of ${decision.meeting.group.name}, ${formatDate(decision.meeting.startsAt)}`,
    body: indexableText(decision.text),
    href: `/meetings/${decision.meetingId}`,
    occurredAt: decision.meeting.startsAt,
    groupId: decision.groupId,
    meetingId: decision.meetingId,
  }));
}

export async function actionEntries(store: Db, ids: readonly string[]): Promise<SearchEntryData[]> {
  const actions = await store.meetingAction.findMany({
    where: { id: { in: [...ids] } },
    include: { meeting: MEETING, owner: { select: { name: true } } },
  });
  return actions.map((action) => ({
    ...NO_FACETS,
    partnershipId: action.partnershipId,
    kind: "action",
    recordId: action.id,
    title: `Action for ${action.owner.name} (${action.meeting.group.name})`,
    body: indexableText(action.description, action.statusNote),
    href: `/meetings/${action.meetingId}`,
    status: action.status,
    occurredAt: action.meeting.startsAt,
    groupId: action.groupId,
    meetingId: action.meetingId,
  }));
}
