// Who may do what with groups that meet (steering group, course teams), their meetings, agendas, attendance,
// minutes, decisions and actions. Pure functions over plain facts, used by loaders, actions and the socket engine.
import { isCoordinator, samePartnership, type Actor } from "./actor";

/** The co-edited minutes of a meeting (owner id: the meeting's id). */
export const MEETING_MINUTES_DOCUMENT = "meeting-minutes";

export const MINUTES_STATUSES = ["draft", "submitted", "approved", "revising"] as const;

/** What a group rule needs to know. */
export interface MeetingGroupFacts {
  partnershipId: string;
  memberIds: readonly string[];
  chairId: string | null;
  minuteTakerId: string | null;
  openToPartnership: boolean;
}

/** What a meeting rule needs: its group's facts, where its minutes stand and whether it was cancelled. */
export interface MeetingFacts extends MeetingGroupFacts {
  minutesStatus: string;
  cancelled: boolean;
}

const isChair = (actor: Actor, group: MeetingGroupFacts) => group.chairId === actor.id;
const isMinuteTaker = (actor: Actor, group: MeetingGroupFacts) => group.minuteTakerId === actor.id;
const isMember = (actor: Actor, group: MeetingGroupFacts) => group.memberIds.includes(actor.id);
/** The coordinator runs every group's meetings; a chair runs their own group's. */
const runsGroup = (actor: Actor, group: MeetingGroupFacts) =>
  samePartnership(actor, group) && (isCoordinator(actor) || isChair(actor, group));

/** Approved minutes are locked: a correction first opens a reasoned revision. */
function minutesLocked(meeting: { minutesStatus: string }): boolean {
  return meeting.minutesStatus === "approved";
}

/** A meeting is closed once its minutes are approved, or once it is cancelled (it will not take place). */
function closed(meeting: MeetingFacts): boolean {
  return minutesLocked(meeting) || meeting.cancelled;
}

/** The coordinator, and anyone who chairs a group, start new groups (a course team, the heads' group). */
export function canCreateMeetingGroup(actor: Actor, chairsAGroup: boolean): boolean {
  return isCoordinator(actor) || chairsAGroup;
}

/** Name, purpose, members, chair, minute-taker and the "open to the partnership" setting. */
export function canEditMeetingGroup(actor: Actor, group: MeetingGroupFacts): boolean {
  return runsGroup(actor, group);
}

/** The group's page: its members and the coordinator; anyone in the partnership when it is open. */
export function canViewMeetingGroup(actor: Actor, group: MeetingGroupFacts): boolean {
  if (!samePartnership(actor, group)) return false;
  return isCoordinator(actor) || isMember(actor, group) || group.openToPartnership;
}

/** Agendas, draft minutes, attendance and the action tracker: members and the coordinator only. */
export function canFollowMeetings(actor: Actor, group: MeetingGroupFacts): boolean {
  return samePartnership(actor, group) && (isCoordinator(actor) || isMember(actor, group));
}

/** Minutes: members while drafted; everyone in the partnership once approved, if the group is open to it. */
export function canReadMinutes(actor: Actor, meeting: MeetingFacts): boolean {
  if (canFollowMeetings(actor, meeting)) return true;
  return samePartnership(actor, meeting) && meeting.openToPartnership && meeting.minutesStatus === "approved";
}

/** Schedule a meeting. */
export function canScheduleMeeting(actor: Actor, group: MeetingGroupFacts): boolean {
  return runsGroup(actor, group);
}

/**
 * Move a meeting (date, times, place) or cancel it: whoever runs the group, while it is still to be held (not
 * cancelled, and no minutes submitted: once they are, the meeting took place as recorded).
 */
export function canMoveMeeting(actor: Actor, meeting: MeetingFacts): boolean {
  return runsGroup(actor, meeting) && !meeting.cancelled && meeting.minutesStatus === "draft";
}

export function canCancelMeeting(actor: Actor, meeting: MeetingFacts): boolean {
  return canMoveMeeting(actor, meeting);
}

/** The meeting as a calendar file (.ics): whoever may see the meeting's page. */
export function canDownloadMeetingEvent(actor: Actor, meeting: MeetingFacts): boolean {
  return canReadMinutes(actor, meeting);
}

/** Members propose agenda items (the chair accepts them); not once the minutes are approved or it is cancelled. */
export function canProposeAgendaItem(actor: Actor, meeting: MeetingFacts): boolean {
  return canFollowMeetings(actor, meeting) && !closed(meeting);
}

/** Accept, edit, reorder and remove items, and circulate the agenda: the chair (and the coordinator). */
export function canEditAgenda(actor: Actor, meeting: MeetingFacts): boolean {
  return runsGroup(actor, meeting) && !closed(meeting);
}

/** Attendance is taken by the chair or the minute-taker (and the coordinator), until the minutes are approved. */
export function canTakeAttendance(actor: Actor, meeting: MeetingFacts): boolean {
  if (closed(meeting) || !samePartnership(actor, meeting)) return false;
  return runsGroup(actor, meeting) || isMinuteTaker(actor, meeting);
}

/** Members write the minutes together, with their decisions and actions, until the minutes are approved. */
export function canWriteMinutes(actor: Actor, meeting: MeetingFacts): boolean {
  return canFollowMeetings(actor, meeting) && !closed(meeting);
}

/** The chair, the minute-taker (and the coordinator) add the minutes' sections for agenda items added later. */
export function canAddMinutesSections(actor: Actor, meeting: MeetingFacts): boolean {
  if (closed(meeting) || !samePartnership(actor, meeting)) return false;
  return runsGroup(actor, meeting) || isMinuteTaker(actor, meeting);
}

/** The minute-taker (or the chair, or the coordinator) submits a draft or a revision, or submits again after edits. */
export function canSubmitMinutes(actor: Actor, meeting: MeetingFacts): boolean {
  if (minutesLocked(meeting)) return false;
  return runsGroup(actor, meeting) || (samePartnership(actor, meeting) && isMinuteTaker(actor, meeting));
}

/** The chair (or the coordinator) approves submitted minutes. */
export function canApproveMinutes(actor: Actor, meeting: MeetingFacts): boolean {
  return meeting.minutesStatus === "submitted" && runsGroup(actor, meeting);
}

/** The chair (or the coordinator) opens a reasoned revision of approved minutes. */
export function canReviseMinutes(actor: Actor, meeting: MeetingFacts): boolean {
  return meeting.minutesStatus === "approved" && runsGroup(actor, meeting);
}

/** An action is closed (done or dropped) or reopened by its owner, the chair, the minute-taker or the coordinator. */
export function canUpdateAction(actor: Actor, group: MeetingGroupFacts, action: { ownerId: string }): boolean {
  if (!samePartnership(actor, group)) return false;
  return action.ownerId === actor.id || runsGroup(actor, group) || isMinuteTaker(actor, group);
}

/**
 * An agenda item or a decision links a record (course, unit, lesson plan, strategy, teaching group) only if it is
 * the partnership's and the person linking may open it (its own policy decides `readable`).
 */
export function canLinkRecord(actor: Actor, record: { partnershipId: string; readable: boolean }): boolean {
  return samePartnership(actor, record) && record.readable;
}
