// A meeting's pack, for its print view and its Word minutes: agenda, attendance, the minutes section by section
// (each agenda item's heading with what was written under it), decisions, the action list and matters arising.
// Read through the meeting page's own gate, so whoever reads the pack could read the page; student names the reader
// may not see are put as initials, as everywhere else the reader is sent free text.
import { mapBlockText, sectionsByHeading, textsOfBlocks, type Block } from "~/lib/document-blocks";
import { formatDate, formatDateTime, formatLongDay } from "~/lib/format";
import { ACTION_STATUSES, AGENDA_PURPOSES, ATTENDANCE } from "~/lib/meeting-vocabulary";
import { ukDayOf, ukTimeOf } from "~/lib/uk-calendar";
import type { Actor } from "~/policies/actor";
import { readDocumentBlocks } from "./document-blocks.server";
import { getMeetingPage } from "./meetings.server";
import { studentNameScreen } from "./student-names.server";

export interface PackAction {
  description: string;
  owner: string;
  due: string;
  status: string;
  note: string;
  item: string;
}

type MeetingPage = Awaited<ReturnType<typeof getMeetingPage>>;

const DRAFT_LABELS: Record<string, string> = {
  submitted: "Draft minutes, submitted for approval",
  revising: "Draft minutes, being revised",
};

function minutesStanding(meeting: MeetingPage["meeting"]) {
  const approved = meeting.minutesStatus === "approved";
  const label = approved ? "Approved minutes" : (DRAFT_LABELS[meeting.minutesStatus] ?? "Draft minutes");
  const detail =
    approved && meeting.approvedAt
      ? `Approved by ${meeting.approvedBy ?? "the chair"} on ${formatDateTime(meeting.approvedAt)}.`
      : "Not yet approved: these minutes may still change.";
  return { approved, label, detail };
}

/** Who came, for the group's members (others of an open group read the approved minutes, not the register). */
function attendanceOf(page: MeetingPage) {
  if (!page.can.follow) return null;
  const statusOf = new Map(page.attendance.filter((a) => a.userId).map((a) => [a.userId, a.status]));
  const label = (status: string | undefined) =>
    status ? (ATTENDANCE[status as keyof typeof ATTENDANCE] ?? status) : "Not recorded";
  return [
    ...page.members.map((m) => ({ name: m.name, institution: m.institution.name, status: label(statusOf.get(m.id)) })),
    ...page.attendance
      .filter((a) => !a.userId)
      .map((a) => ({ name: a.guestName || "Guest", institution: "Guest", status: label(a.status) })),
  ];
}

/** Everything in the pack of a meeting the actor may see (the meeting page's rule), or a DomainError. */
export async function loadMeetingPack(actor: Actor, meetingId: string) {
  const page = await getMeetingPage(actor, meetingId);
  const { meeting, group } = page;
  const items = page.items.filter((item) => item.status === "accepted");
  const minutes = page.minutesDocumentId ? (await readDocumentBlocks(page.minutesDocumentId, ["root"])).root : [];
  const screen = await studentNameScreen(actor, [
    ...textsOfBlocks(minutes),
    ...page.decisions.map((d) => d.text),
    ...page.actions.map((a) => a.description),
    ...page.mattersArising.map((a) => a.description),
  ]);
  const { sections, other } = sectionsByHeading(
    mapBlockText(minutes, screen),
    items.map((item) => item.title),
  );
  const titleOf = new Map(items.map((item, index) => [item.id, `${index + 1}. ${item.title}`]));
  const nameOf = new Map(page.members.map((m) => [m.id, m.name]));
  const action = (a: MeetingPage["actions"][number]): PackAction => ({
    description: screen(a.description),
    owner: a.owner.name,
    due: formatDate(`${a.dueDate}T12:00:00Z`),
    status: ACTION_STATUSES[a.status as keyof typeof ACTION_STATUSES] ?? a.status,
    note: screen(a.statusNote),
    item: (a.itemId && titleOf.get(a.itemId)) || "The meeting as a whole",
  });
  const decisions = page.decisions.map((d) => ({
    text: screen(d.text),
    item: (d.itemId && titleOf.get(d.itemId)) || "The meeting as a whole",
  }));
  const startsAt = new Date(meeting.startsAt);
  return {
    meetingId: meeting.id,
    groupName: group.name,
    day: formatLongDay(startsAt),
    isoDay: ukDayOf(startsAt),
    time: `${ukTimeOf(startsAt)} to ${ukTimeOf(new Date(meeting.endsAt))}`,
    place: meeting.site ? `${meeting.site.name}, ${meeting.site.town}` : "Online",
    onlineLink: meeting.onlineLink,
    minutes: minutesStanding(meeting),
    revisions: meeting.revisions.map((r) => `Revision opened ${formatDateTime(r.createdAt)}: ${r.reason}`),
    attendance: attendanceOf(page),
    items: items.map((item, index) => ({
      number: index + 1,
      title: item.title,
      purpose: AGENDA_PURPOSES[item.purpose as keyof typeof AGENDA_PURPOSES] ?? item.purpose,
      lead: (item.leadId && nameOf.get(item.leadId)) || "",
      minutesAllowed: item.minutes,
      notes: sections.get(item.title.trim()) ?? ([] as Block[]),
      decisions: decisions.filter((d) => d.item === titleOf.get(item.id)).map((d) => d.text),
      actions: page.actions.filter((a) => a.itemId === item.id).map(action),
      mattersArising: item.standing === "matters_arising" ? page.mattersArising.map(action) : [],
    })),
    otherNotes: other,
    decisions,
    actions: page.actions.map(action),
  };
}

export type MeetingPack = Awaited<ReturnType<typeof loadMeetingPack>>;
