// The minutes of a meeting as a Word file: title, date, time and place, whether approved or still a draft, the
// attendance table, a heading per agenda item with its minutes, decisions and actions, then the decisions and the
// action list (owner, due date, status) in full.
import type { FileChild } from "docx";
import type { Actor } from "~/policies/actor";
import { loadMeetingPack, type PackAction } from "./meeting-pack.server";
import {
  blocksToParagraphs,
  bullets,
  fact,
  fileNamePart,
  heading,
  paragraph,
  table,
  wordFile,
} from "./word-document.server";

function actionRows(actions: readonly PackAction[]) {
  return actions.map((a) => [a.description, a.owner, a.due, a.note ? `${a.status}: ${a.note}` : a.status]);
}

const ATTENDANCE_FOR_MEMBERS = "The attendance is shown to the group's members.";
const ACTION_HEADERS = ["Action", "Owner", "Due", "Status"];

function itemChildren(item: Awaited<ReturnType<typeof loadMeetingPack>>["items"][number]): FileChild[] {
  const lead = [item.purpose, item.lead ? `led by ${item.lead}` : ""].filter(Boolean).join(", ");
  return [
    heading(`${item.number}. ${item.title}`, 2),
    paragraph(lead, { italic: true }),
    ...(item.notes.length ? blocksToParagraphs(item.notes, 1) : [paragraph("Nothing minuted.", { italic: true })]),
    ...(item.mattersArising.length
      ? [paragraph("Actions carried forward", { bold: true }), table(ACTION_HEADERS, actionRows(item.mattersArising))]
      : []),
    ...(item.decisions.length ? [paragraph("Decided", { bold: true }), ...bullets(item.decisions)] : []),
    ...(item.actions.length
      ? [paragraph("Actions agreed", { bold: true }), table(ACTION_HEADERS, actionRows(item.actions))]
      : []),
  ];
}

/** The minutes' Word file and its name, for someone who may see the meeting (a DomainError otherwise). */
export async function meetingMinutesDocx(actor: Actor, meetingId: string) {
  const pack = await loadMeetingPack(actor, meetingId);
  const title = `${pack.minutes.approved ? "Minutes" : "Draft minutes"}: ${pack.groupName}, ${pack.day}`;
  const children: FileChild[] = [
    heading(title, 1),
    paragraph(`${pack.minutes.label}. ${pack.minutes.detail}`, { bold: !pack.minutes.approved }),
    fact("Date", pack.day),
    fact("Time", pack.time),
    fact("Place", pack.onlineLink ? `${pack.place} (online: ${pack.onlineLink})` : pack.place),
    ...pack.revisions.map((revision) => paragraph(revision, { italic: true })),
    heading("Attendance", 2),
    pack.attendance
      ? table(
          ["Name", "Institution", "Attendance"],
          pack.attendance.map((a) => [a.name, a.institution, a.status]),
        )
      : paragraph(ATTENDANCE_FOR_MEMBERS),
    heading("Minutes", 1, { pageBreakBefore: true }),
    ...pack.items.flatMap(itemChildren),
    ...(pack.otherNotes.length ? [heading("Other notes", 2), ...blocksToParagraphs(pack.otherNotes, 1)] : []),
    heading("Decisions", 1, { pageBreakBefore: true }),
    ...(pack.decisions.length
      ? [
          table(
            ["Decision", "Agenda item"],
            pack.decisions.map((d) => [d.text, d.item]),
          ),
        ]
      : [paragraph("No decisions recorded.")]),
    heading("Actions", 1),
    ...(pack.actions.length
      ? [
          table(
            ["Action", "Owner", "Due", "Status", "Agenda item"],
            actionRows(pack.actions).map((row, i) => [...row, pack.actions[i]!.item]),
          ),
        ]
      : [paragraph("No actions agreed.")]),
  ];
  const prefix = pack.minutes.approved ? "minutes" : "draft-minutes";
  return {
    file: await wordFile(title, children),
    fileName: `${prefix}-${fileNamePart(pack.groupName)}-${pack.isoDay}.docx`,
  };
}
