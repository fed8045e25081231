// The meeting cycle at the model level, on SQLite and PostgreSQL: the seeded steering group; a group started by the
// coordinator with members from several institutions; meetings with London times; agenda proposals and a reorder
// against a stale agenda; attendance; actions carried forward across three meetings until done or dropped; the
// minutes' submission, the refusal to approve changed minutes, the approval lock and a reasoned revision; who sees
// what, and the partnership boundary.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { meetingSchema, type MeetingInput } from "~/lib/forms/meetings";
import { ukToday } from "~/lib/lesson-dates";
import { addDays } from "~/lib/uk-calendar";
import { applyDocumentChange, getDocumentByOwnerForActor } from "~/models/collab-documents.server";
import { loadDocumentState } from "~/models/collab-log.server";
import { db } from "~/models/db.server";
import { listMyActions, recordAction, recordDecision, setActionStatus } from "~/models/meeting-actions.server";
import { addAgendaItem, reorderAgenda, setAttendance } from "~/models/meeting-agenda.server";
import { createMeetingGroup, getMeetingGroupPage, listMeetingGroups } from "~/models/meeting-groups.server";
import { approveMinutes, MINUTES_CHANGED, reviseMinutes, submitMinutes } from "~/models/meeting-minutes.server";
import { getMeetingPage, listUpcomingMeetings, scheduleMeeting } from "~/models/meetings.server";
import type { ActionContext, Actor } from "~/policies/actor";
import { MEETING_MINUTES_DOCUMENT } from "~/policies/meeting";
import { STEERING_GROUP } from "../../prisma/seed/meetings";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";
import { refuseWrites } from "../support/refused-writes";

const ctx = (actor: Actor): ActionContext => ({ actor, ipAddress: "" });
const today = ukToday();
const meetingOn = (days: number, overrides: Partial<MeetingInput> = {}): MeetingInput => ({
  date: addDays(today, days),
  startTime: "16:00",
  endTime: "17:30",
  siteId: "",
  onlineLink: "https://meet.example/steering",
  ...overrides,
});

describe.each(PROVIDERS)("meetings on %s", (provider) => {
  const database = useModelDatabase(provider);
  const user = (key: string) => idOf(database.demo.userIds, key);
  const as = (key: string): Promise<Actor> => actorOf(user(key));

  async function startGroup(name: string, open = false) {
    const chair = await as("coordinator");
    const group = await createMeetingGroup(ctx(chair), {
      name,
      purpose: "",
      memberIds: [user("teacher"), user("teacherDeaf"), user("lsa")],
      chairId: user("coordinator"),
      minuteTakerId: user("teacherFe"),
      openToPartnership: open,
    });
    return { chair, group };
  }

  async function writeMinutes(meetingId: string, text: string, by: string) {
    const document = await db().collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: MEETING_MINUTES_DOCUMENT, ownerId: meetingId } },
    });
    await applyDocumentChange(document.id, (doc) => doc.get("root", Y.XmlText).insert(0, text), by);
  }

  it("seeds the steering group with three approved past meetings, one to come and actions open and done", async () => {
    const teacher = await as("teacher");
    const steering = (await listMeetingGroups(teacher)).find((g) => g.name === STEERING_GROUP);
    expect(steering).toBeDefined();
    const page = await getMeetingGroupPage(teacher, steering!.id, {});
    expect(page.past).toHaveLength(3);
    expect(page.past.every((m) => m.minutesStatus === "approved")).toBe(true);
    expect(page.upcoming).toHaveLength(1);
    expect(page.decisions.length).toBeGreaterThanOrEqual(3);
    expect(new Set(page.actions.map((a) => a.status))).toEqual(new Set(["open", "done", "dropped"]));
    const upcoming = await getMeetingPage(teacher, page.upcoming[0]!.id);
    expect(upcoming.mattersArising.map((a) => a.description)).toContain("Write a one-page briefing template for LSAs");
    expect(upcoming.mattersArising.every((a) => a.status === "open")).toBe(true);
    expect((await listUpcomingMeetings(teacher)).map((m) => m.group.name)).toContain(STEERING_GROUP);
    // Seeded minutes look like minutes the app starts: a heading per agenda item, the standing items first.
    for (const { id } of [...page.past, ...page.upcoming]) {
      const meeting = await getMeetingPage(teacher, id);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await loadDocumentState(meeting.minutesDocumentId!)).state);
      const headings = (doc.get("root", Y.XmlText).toDelta() as Array<{ insert: unknown }>)
        .map((op) => op.insert)
        .filter((block): block is Y.XmlText => block instanceof Y.XmlText && block.getAttribute("__type") === "heading")
        .map((block) =>
          (block.toDelta() as Array<{ insert: unknown }>)
            .map((op) => (typeof op.insert === "string" ? op.insert : ""))
            .join(""),
        );
      expect(headings).toEqual(meeting.items.map((item) => item.title));
    }
  });

  it("refuses a meeting that ends before it starts, and turns London times into instants", async () => {
    const result = meetingSchema.safeParse({ ...meetingOn(7), startTime: "17:00", endTime: "16:00" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["endTime"],
      message: "The meeting must end after it starts: check the end time.",
    });
    const { chair, group } = await startGroup("Course team: BTEC Sport");
    const meeting = await scheduleMeeting(ctx(chair), group.id, meetingOn(0, { date: "2026-10-24" }));
    expect(meeting.startsAt).toEqual(new Date("2026-10-24T15:00:00Z"));
    const winter = await scheduleMeeting(ctx(chair), group.id, meetingOn(0, { date: "2026-10-26" }));
    expect(winter.startsAt).toEqual(new Date("2026-10-26T16:00:00Z"));
    await expect(scheduleMeeting(ctx(await as("teacher")), group.id, meetingOn(7))).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("stores a meeting with its agenda and its minutes' headings, or nothing when the minutes fail", async () => {
    const { chair, group } = await startGroup("Transition working party");
    const allow = await refuseWrites(provider, "CollabSnapshot", "INSERT");
    try {
      // The minutes' first state is the last write: the meeting and its standing items were written before it.
      await expect(scheduleMeeting(ctx(chair), group.id, meetingOn(14))).rejects.toThrow();
    } finally {
      await allow();
    }
    expect(await db().meeting.count({ where: { groupId: group.id } })).toBe(0);
    expect(await db().agendaItem.count({ where: { meeting: { groupId: group.id } } })).toBe(0);
    expect(await db().collabDocument.count({ where: { title: "Minutes: Transition working party" } })).toBe(0);
    // Scheduled again once the database accepts it: the meeting comes with its agenda and minutes, once.
    const meeting = await scheduleMeeting(ctx(chair), group.id, meetingOn(14));
    expect(await db().meeting.count({ where: { groupId: group.id } })).toBe(1);
    const page = await getMeetingPage(chair, meeting.id);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.minutesDocumentId).not.toBeNull();
  });

  it("takes proposals from members and refuses a reorder made against a changed agenda", async () => {
    const { chair, group } = await startGroup("Heads' group");
    const meeting = await scheduleMeeting(ctx(chair), group.id, meetingOn(10));
    const teacher = await as("teacher");
    const proposed = await addAgendaItem(ctx(teacher), meeting.id, {
      title: "Shared marking",
      purpose: "discussion",
      leadId: teacher.id,
      links: [],
    });
    expect(proposed.status).toBe("proposed");
    const page = await getMeetingPage(chair, meeting.id);
    const ids = page.items.map((i) => i.id);
    const version = page.meeting.agendaVersion;
    const reversed = [...ids].reverse();
    expect(await reorderAgenda(ctx(chair), meeting.id, reversed, version)).toBe(version + 1);
    // A second chair's page still showed the old agenda: refused, and the first order stands.
    await expect(reorderAgenda(ctx(chair), meeting.id, ids, version)).rejects.toMatchObject({ code: "conflict" });
    expect((await getMeetingPage(chair, meeting.id)).items.map((i) => i.id)).toEqual(reversed);
    await expect(reorderAgenda(ctx(teacher), meeting.id, ids, version + 1)).rejects.toMatchObject({
      code: "forbidden",
    });
    await setAttendance(ctx(chair), meeting.id, { userId: teacher.id, guestName: "", status: "apologies" });
    await setAttendance(ctx(chair), meeting.id, { userId: "", guestName: "Ofsted visitor", status: "present" });
    expect((await getMeetingPage(chair, meeting.id)).attendance).toHaveLength(2);
  });

  it("carries an open action forward across three meetings until it is done", async () => {
    const { chair, group } = await startGroup("Carry-forward group");
    const [first, second, third] = [
      await scheduleMeeting(ctx(chair), group.id, meetingOn(1)),
      await scheduleMeeting(ctx(chair), group.id, meetingOn(8)),
      await scheduleMeeting(ctx(chair), group.id, meetingOn(15)),
    ];
    const minuteTaker = await as("teacherFe");
    const kept = await recordAction(ctx(minuteTaker), first!.id, {
      itemId: "",
      description: "Order the new bibs",
      ownerId: user("teacher"),
      dueDate: addDays(today, 20),
    });
    const dropped = await recordAction(ctx(minuteTaker), first!.id, {
      itemId: "",
      description: "Book the sports hall",
      ownerId: user("lsa"),
      dueDate: addDays(today, 5),
    });
    const arising = async (meetingId: string) =>
      (await getMeetingPage(chair, meetingId)).mattersArising.map((a) => a.description).sort();
    expect(await arising(first!.id)).toEqual([]);
    expect(await arising(second!.id)).toEqual(["Book the sports hall", "Order the new bibs"]);
    expect(await arising(third!.id)).toEqual(["Book the sports hall", "Order the new bibs"]);
    await expect(
      setActionStatus(ctx(await as("lsa")), { actionId: dropped.id, status: "dropped", note: "Hall closed" }),
    ).resolves.toBeTruthy();
    await expect(
      setActionStatus(ctx(await as("teacherDeaf")), { actionId: kept.id, status: "done", note: "" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await arising(third!.id)).toEqual(["Order the new bibs"]);
    const owner = await as("teacher");
    expect((await listMyActions(owner)).map((a) => a.description)).toContain("Order the new bibs");
    await setActionStatus(ctx(owner), { actionId: kept.id, status: "done", note: "" });
    expect(await arising(third!.id)).toEqual([]);
  });

  it("refuses an action due in the past, or owned by someone who left the partnership", async () => {
    const { chair, group } = await startGroup("Validation group");
    const meeting = await scheduleMeeting(ctx(chair), group.id, meetingOn(2));
    const action = { itemId: "", description: "Tidy the store", ownerId: user("lsa"), dueDate: addDays(today, -1) };
    await expect(recordAction(ctx(chair), meeting.id, action)).rejects.toMatchObject({
      field: "dueDate",
      message: "The due date has passed: choose today or a later day.",
    });
    await db().user.update({ where: { id: user("teacherDeaf") }, data: { deactivatedAt: new Date() } });
    try {
      await expect(
        recordAction(ctx(chair), meeting.id, { ...action, ownerId: user("teacherDeaf"), dueDate: today }),
      ).rejects.toMatchObject({ field: "ownerId", message: expect.stringContaining("has left the partnership") });
    } finally {
      await db().user.update({ where: { id: user("teacherDeaf") }, data: { deactivatedAt: null } });
    }
  });

  it("approves only the submitted text, then locks the minutes until a reasoned revision", async () => {
    const { chair, group } = await startGroup("Minutes group", true);
    const meeting = await scheduleMeeting(ctx(chair), group.id, meetingOn(0));
    const minuteTaker = await as("teacherFe");
    await writeMinutes(meeting.id, "Agreed the plan. ", minuteTaker.id);
    await submitMinutes(ctx(minuteTaker), meeting.id);
    await writeMinutes(meeting.id, "Changed after submission. ", user("teacher"));
    await expect(approveMinutes(ctx(chair), meeting.id)).rejects.toMatchObject({
      code: "conflict",
      message: MINUTES_CHANGED,
    });
    await submitMinutes(ctx(minuteTaker), meeting.id);
    await approveMinutes(ctx(chair), meeting.id);
    const page = await getMeetingPage(chair, meeting.id);
    expect(page.meeting).toMatchObject({ minutesStatus: "approved", approvedBy: "Helen Okafor" });
    const document = await getDocumentByOwnerForActor(minuteTaker, MEETING_MINUTES_DOCUMENT, meeting.id);
    expect(document?.canWrite).toBe(false);
    await expect(
      recordDecision(ctx(minuteTaker), meeting.id, { itemId: "", text: "Late decision", links: [] }),
    ).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("approved and locked") });
    // A member of the partnership outside this open group reads the approved minutes, read-only.
    const outsider = await as("teacherDance");
    expect((await getDocumentByOwnerForActor(outsider, MEETING_MINUTES_DOCUMENT, meeting.id))?.canWrite).toBe(false);
    expect((await getMeetingPage(outsider, meeting.id)).actions).toEqual([]);

    await reviseMinutes(ctx(chair), meeting.id, "The date of the next meeting was wrong");
    const revised = await getMeetingPage(chair, meeting.id);
    expect(revised.meeting.minutesStatus).toBe("revising");
    expect(revised.meeting.revisions[0]).toMatchObject({ reason: "The date of the next meeting was wrong" });
    expect(revised.meeting.revisions[0]!.approvedVersionId).not.toBe("");
    expect((await getDocumentByOwnerForActor(minuteTaker, MEETING_MINUTES_DOCUMENT, meeting.id))?.canWrite).toBe(true);
  });

  it("keeps a closed group from non-members and every group from another partnership", async () => {
    const { chair, group } = await startGroup("Closed group");
    const meeting = await scheduleMeeting(ctx(chair), group.id, meetingOn(3));
    const outsider = await as("teacherDance");
    await expect(getMeetingGroupPage(outsider, group.id, {})).rejects.toMatchObject({ code: "not-found" });
    await expect(getMeetingPage(outsider, meeting.id)).rejects.toMatchObject({ code: "not-found" });
    expect(await getDocumentByOwnerForActor(outsider, MEETING_MINUTES_DOCUMENT, meeting.id)).toBeNull();
    const stranger = await actorOf(idOf(database.other.userIds, "coordinator"));
    await expect(getMeetingGroupPage(stranger, group.id, {})).rejects.toMatchObject({ code: "not-found" });
    await expect(getMeetingPage(stranger, meeting.id)).rejects.toMatchObject({ code: "not-found" });
    expect((await listMeetingGroups(stranger)).map((g) => g.id)).not.toContain(group.id);
  });
});
