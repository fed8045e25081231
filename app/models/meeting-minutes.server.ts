// Where a meeting's minutes stand: the minute-taker submits the draft (its Yjs state vector is kept as the mark),
// the chair approves it only if the text is still what was submitted (then it is locked, and the approved text is
// kept as a named version), and a later correction opens a reasoned revision that keeps the approved one visible.
import * as Y from "yjs";
import { DomainError } from "~/lib/errors";
import type { ActionContext, Actor } from "~/policies/actor";
import { canApproveMinutes, canReviseMinutes, canSubmitMinutes } from "~/policies/meeting";
import { documentAccessChanged } from "./collab-documents.server";
import { docFromUpdates, createVersionSnapshot, loadDocumentState } from "./collab-log.server";
import { db } from "./db.server";
import { allow, minutesDocumentIdOf, refusalFor, requireMeeting, type MeetingAccess } from "./meeting-facts.server";
import { notifyMinutesAwaitingApproval } from "./meeting-notifications.server";

export const MINUTES_CHANGED =
  "The minutes changed after they were submitted. Read the changes; the minute-taker submits them again before approval.";

async function minutesDocumentId(meetingId: string): Promise<string> {
  const documentId = await minutesDocumentIdOf(meetingId);
  if (!documentId) throw new DomainError("not-found", "This meeting has no minutes document.");
  return documentId;
}

/** Which edits the stored minutes include: the same whatever compaction did, different after any change. */
async function minutesMark(documentId: string): Promise<string> {
  const doc = docFromUpdates([(await loadDocumentState(documentId)).state]);
  const mark = Buffer.from(Y.encodeStateVector(doc)).toString("base64");
  doc.destroy();
  return mark;
}

export async function submitMinutes(ctx: ActionContext, meetingId: string, now = new Date()) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(
    canSubmitMinutes(ctx.actor, meeting),
    meeting.minutesStatus === "approved"
      ? "These minutes are approved. Ask the chair to open a revision to change them."
      : "Only the minute-taker, the chair and the coordinator submit the minutes.",
  );
  const mark = await minutesMark(await minutesDocumentId(meeting.id));
  await db().meeting.update({
    where: { id: meeting.id },
    data: {
      minutesStatus: "submitted",
      minutesSubmittedMark: mark,
      minutesSubmittedAt: now,
      minutesSubmittedById: ctx.actor.id,
    },
  });
  await notifyMinutesAwaitingApproval(ctx, meeting, now);
}

export async function approveMinutes(ctx: ActionContext, meetingId: string, now = new Date()) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(
    canApproveMinutes(ctx.actor, meeting),
    meeting.minutesStatus === "submitted"
      ? "Only the chair and the coordinator approve minutes."
      : "The minutes have to be submitted by the minute-taker before they can be approved.",
  );
  const documentId = await minutesDocumentId(meeting.id);
  const { state } = await loadDocumentState(documentId);
  const mark = await minutesMark(documentId);
  // Only if nothing changed since submission, and only once if two people approve at the same moment.
  const approved = await db().meeting.updateMany({
    where: { id: meeting.id, minutesStatus: "submitted", minutesSubmittedMark: mark },
    data: { minutesStatus: "approved", minutesApprovedAt: now, minutesApprovedById: ctx.actor.id },
  });
  if (approved.count === 0) throw new DomainError("conflict", MINUTES_CHANGED);
  await documentAccessChanged(documentId);
  await createVersionSnapshot(documentId, "named", {
    name: `Approved minutes (${now.toISOString().slice(0, 10)})`,
    createdById: ctx.actor.id,
    state,
  });
}

/** Reopens approved minutes for a correction, with the reason; the approved text stays as a named version. */
export async function reviseMinutes(ctx: ActionContext, meetingId: string, reason: string) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(
    canReviseMinutes(ctx.actor, meeting),
    "Only the chair and the coordinator open a revision of approved minutes.",
  );
  const documentId = await minutesDocumentId(meeting.id);
  const approvedVersion = await db().collabSnapshot.findFirst({
    where: { documentId, kind: "named", name: { startsWith: "Approved minutes" } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const opened = await db().meeting.updateMany({
    where: { id: meeting.id, minutesStatus: "approved" },
    data: { minutesStatus: "revising" },
  });
  if (opened.count === 0)
    throw new DomainError("conflict", "Someone else opened a revision of these minutes just now.");
  await documentAccessChanged(documentId);
  await db().minutesRevision.create({
    data: { meetingId: meeting.id, reason, approvedVersionId: approvedVersion?.id ?? "", createdById: ctx.actor.id },
  });
}

/** The group's meeting before this one (cancelled ones aside): its minutes are approved at this one. */
async function previousMeetingOf(meeting: { id: string; groupId: string; startsAt: Date }) {
  return db().meeting.findFirst({
    where: { groupId: meeting.groupId, id: { not: meeting.id }, startsAt: { lt: meeting.startsAt }, cancelledAt: null },
    orderBy: { startsAt: "desc" },
    select: { id: true, startsAt: true, minutesStatus: true, minutesApprovedAt: true, minutesApprovedById: true },
  });
}

/** The "minutes of the last meeting" item: where the previous meeting's minutes stand, and whether the actor approves. */
export async function previousMinutes(actor: Actor, meeting: MeetingAccess) {
  const previous = await previousMeetingOf(meeting);
  if (!previous) return null;
  const approver = previous.minutesApprovedById
    ? await db().user.findFirst({
        where: { id: previous.minutesApprovedById, partnershipId: actor.partnershipId },
        select: { name: true },
      })
    : null;
  return {
    id: previous.id,
    startsAt: previous.startsAt,
    minutesStatus: previous.minutesStatus,
    approvedAt: previous.minutesApprovedAt,
    approvedBy: approver?.name ?? null,
    // A cancelled meeting does not take place: the minutes wait for the next one held.
    canApprove: !meeting.cancelled && canApproveMinutes(actor, { ...meeting, minutesStatus: previous.minutesStatus }),
  };
}

/**
 * The chair approves the last meeting's minutes at this one. The form names the meeting it showed: if another has
 * come between since, nothing is approved; the same rules and changed-since-submission refusal as on its own page.
 */
export async function approvePreviousMinutes(ctx: ActionContext, meetingId: string, previousId: string) {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(!meeting.cancelled, refusalFor(meeting, ""));
  const previous = await previousMeetingOf(meeting);
  if (!previous || previous.id !== previousId)
    throw new DomainError("conflict", "The meeting before this one changed: check which minutes you are approving.");
  await approveMinutes(ctx, previous.id);
  return previous.id;
}
