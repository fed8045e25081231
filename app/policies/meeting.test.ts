// Every meeting rule, cell by cell: each role as chair, minute-taker, member or outsider of a group, open or not,
// at each stage of the minutes, and never across partnerships.
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/lib/roles";
import type { Actor } from "./actor";
import {
  canAddMinutesSections,
  canApproveMinutes,
  canCancelMeeting,
  canCreateMeetingGroup,
  canLinkRecord,
  canDownloadMeetingEvent,
  canEditAgenda,
  canEditMeetingGroup,
  canFollowMeetings,
  canMoveMeeting,
  canProposeAgendaItem,
  canReadMinutes,
  canReviseMinutes,
  canScheduleMeeting,
  canSubmitMinutes,
  canTakeAttendance,
  canUpdateAction,
  canViewMeetingGroup,
  canWriteMinutes,
  MINUTES_STATUSES,
  type MeetingFacts,
} from "./meeting";

const OURS = "partnership-ours";
const THEIRS = "partnership-theirs";
const ME = "me";

type Place = "chair" | "minuteTaker" | "member" | "outsider";
const PLACES: Place[] = ["chair", "minuteTaker", "member", "outsider"];

const actor = (role: Role, partnershipId = OURS): Actor => ({ id: ME, role, partnershipId, institutionId: "i" });

function meeting(place: Place, minutesStatus = "draft", extra: Partial<MeetingFacts> = {}): MeetingFacts {
  return {
    partnershipId: OURS,
    memberIds: place === "outsider" ? ["someone"] : [ME, "someone"],
    chairId: place === "chair" ? ME : "someone",
    minuteTakerId: place === "minuteTaker" ? ME : "someone",
    openToPartnership: false,
    minutesStatus,
    cancelled: false,
    ...extra,
  };
}

// For each place in the group, the roles (besides the coordinator, who may always) that may do it.
const runs = (place: Place) => place === "chair";
const takesMinutes = (place: Place) => place === "chair" || place === "minuteTaker";
const belongs = (place: Place) => place !== "outsider";

describe.each(ROLES)("meeting policies for a %s", (role) => {
  const me = actor(role);
  const coordinator = role === "coordinator";

  it.each(PLACES)("as %s: sees the group and its meetings as the table says", (place) => {
    expect(canViewMeetingGroup(me, meeting(place))).toBe(coordinator || belongs(place));
    expect(canViewMeetingGroup(me, meeting(place, "draft", { openToPartnership: true }))).toBe(true);
    expect(canFollowMeetings(me, meeting(place, "draft", { openToPartnership: true }))).toBe(
      coordinator || belongs(place),
    );
  });

  it.each(PLACES)("as %s: reads minutes as a member, or once approved when the group is open", (place) => {
    for (const status of MINUTES_STATUSES) {
      const followsIt = coordinator || belongs(place);
      expect(canReadMinutes(me, meeting(place, status)), status).toBe(followsIt);
      expect(canReadMinutes(me, meeting(place, status, { openToPartnership: true })), `${status}, open`).toBe(
        followsIt || status === "approved",
      );
    }
  });

  it.each(PLACES)("as %s: edits the group, schedules and runs the agenda only as chair or coordinator", (place) => {
    const allowed = coordinator || runs(place);
    expect(canEditMeetingGroup(me, meeting(place))).toBe(allowed);
    expect(canScheduleMeeting(me, meeting(place))).toBe(allowed);
    expect(canEditAgenda(me, meeting(place))).toBe(allowed);
    expect(canEditAgenda(me, meeting(place, "approved")), "locked once approved").toBe(false);
    expect(canEditAgenda(me, meeting(place, "draft", { cancelled: true })), "closed once cancelled").toBe(false);
  });

  it.each(PLACES)(
    "as %s: moves and cancels a meeting as chair or coordinator while it is still to be held",
    (place) => {
      for (const status of MINUTES_STATUSES) {
        const allowed = (coordinator || runs(place)) && status === "draft";
        for (const cancelled of [false, true]) {
          const facts = { ...meeting(place, status), cancelled };
          expect(canMoveMeeting(me, facts), `move ${status}, cancelled ${cancelled}`).toBe(allowed && !cancelled);
          expect(canCancelMeeting(me, facts), `cancel ${status}, cancelled ${cancelled}`).toBe(allowed && !cancelled);
        }
      }
    },
  );

  it.each(PLACES)("as %s: downloads a meeting's calendar file when they may see the meeting", (place) => {
    for (const status of MINUTES_STATUSES) {
      const followsIt = coordinator || belongs(place);
      expect(canDownloadMeetingEvent(me, meeting(place, status)), status).toBe(followsIt);
      expect(canDownloadMeetingEvent(me, meeting(place, status, { openToPartnership: true })), status).toBe(
        followsIt || status === "approved",
      );
    }
  });

  it.each(PLACES)(
    "as %s: proposes items and writes minutes as a member until approval, never once cancelled",
    (place) => {
      for (const status of MINUTES_STATUSES) {
        const allowed = (coordinator || belongs(place)) && status !== "approved";
        expect(canProposeAgendaItem(me, meeting(place, status)), status).toBe(allowed);
        expect(canWriteMinutes(me, meeting(place, status)), status).toBe(allowed);
        const cancelled = meeting(place, status, { cancelled: true });
        expect(canProposeAgendaItem(me, cancelled), `${status}, cancelled`).toBe(false);
        expect(canWriteMinutes(me, cancelled), `${status}, cancelled`).toBe(false);
      }
    },
  );

  it.each(PLACES)("as %s: takes attendance as chair, minute-taker or coordinator", (place) => {
    expect(canTakeAttendance(me, meeting(place))).toBe(coordinator || takesMinutes(place));
    expect(canTakeAttendance(me, meeting(place, "approved"))).toBe(false);
    expect(canTakeAttendance(me, meeting(place, "draft", { cancelled: true })), "cancelled").toBe(false);
  });

  it.each(PLACES)("as %s: adds the minutes' sections for new items as chair, minute-taker or coordinator", (place) => {
    for (const status of MINUTES_STATUSES) {
      expect(canAddMinutesSections(me, meeting(place, status)), status).toBe(
        status !== "approved" && (coordinator || takesMinutes(place)),
      );
      expect(canAddMinutesSections(me, meeting(place, status, { cancelled: true })), `${status}, cancelled`).toBe(
        false,
      );
    }
  });

  it.each(PLACES)("as %s: submits, approves and revises minutes at the right stage", (place) => {
    for (const status of MINUTES_STATUSES) {
      const submittable = status !== "approved";
      expect(canSubmitMinutes(me, meeting(place, status)), `submit ${status}`).toBe(
        submittable && (coordinator || takesMinutes(place)),
      );
      expect(canApproveMinutes(me, meeting(place, status)), `approve ${status}`).toBe(
        status === "submitted" && (coordinator || runs(place)),
      );
      expect(canReviseMinutes(me, meeting(place, status)), `revise ${status}`).toBe(
        status === "approved" && (coordinator || runs(place)),
      );
    }
  });

  it.each(PLACES)("as %s: closes an action they own, or any as chair, minute-taker or coordinator", (place) => {
    expect(canUpdateAction(me, meeting(place), { ownerId: ME })).toBe(true);
    expect(canUpdateAction(me, meeting(place), { ownerId: "someone" })).toBe(coordinator || takesMinutes(place));
  });

  it("links only records of the partnership that they may open", () => {
    expect(canLinkRecord(me, { partnershipId: OURS, readable: true })).toBe(true);
    expect(canLinkRecord(me, { partnershipId: OURS, readable: false })).toBe(false);
    expect(canLinkRecord(me, { partnershipId: THEIRS, readable: true })).toBe(false);
  });

  it("starts a group as the coordinator or someone who chairs one", () => {
    expect(canCreateMeetingGroup(me, false)).toBe(coordinator);
    expect(canCreateMeetingGroup(me, true)).toBe(true);
  });

  it("does nothing in another partnership, even when named chair, minute-taker or member there", () => {
    const stranger = actor(role, THEIRS);
    const theirs = (status: string) => meeting("chair", status, { minuteTakerId: ME, openToPartnership: true });
    for (const status of MINUTES_STATUSES) {
      const rules = [
        canViewMeetingGroup(stranger, theirs(status)),
        canFollowMeetings(stranger, theirs(status)),
        canReadMinutes(stranger, theirs(status)),
        canEditMeetingGroup(stranger, theirs(status)),
        canScheduleMeeting(stranger, theirs(status)),
        canMoveMeeting(stranger, theirs(status)),
        canCancelMeeting(stranger, theirs(status)),
        canDownloadMeetingEvent(stranger, theirs(status)),
        canProposeAgendaItem(stranger, theirs(status)),
        canEditAgenda(stranger, theirs(status)),
        canTakeAttendance(stranger, theirs(status)),
        canWriteMinutes(stranger, theirs(status)),
        canAddMinutesSections(stranger, theirs(status)),
        canSubmitMinutes(stranger, theirs(status)),
        canApproveMinutes(stranger, theirs(status)),
        canReviseMinutes(stranger, theirs(status)),
        canUpdateAction(stranger, theirs(status), { ownerId: ME }),
        canLinkRecord(stranger, { partnershipId: OURS, readable: true }),
      ];
      expect(rules, status).toEqual(rules.map(() => false));
    }
  });
});
