// The meeting cycle through the real built server, on SQLite and PostgreSQL: pages by membership and partnership,
// bad input answered beside the field (a meeting ending before it starts, an action due in the past), a reorder
// against a changed agenda refused (the earlier order kept), an action marked done reaching other pages' sockets,
// approval refused for minutes changed since submission, and the approval lock: once the chair approves, a write to
// the minutes is refused over HTTP and, at once, over the socket; the last meeting's minutes approved at the next
// meeting by the chair only; a cancelled meeting closed to changes; an action owner who left answered beside the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ukToday } from "~/lib/lesson-dates";
import { addDays } from "~/lib/uk-calendar";
import { createDb, type Db } from "~/models/db.server";
import { MEETING_MINUTES_DOCUMENT } from "~/policies/meeting";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { STEERING_GROUP } from "../../prisma/seed/meetings";
import { encodeSyncUpdate } from "../../server/realtime/collab/protocol";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { PROVIDERS, seededDatabase } from "../support/databases";
import { signedInClient } from "../support/http-client";
import { connectSocket, nextEvent, type TestSocket } from "../support/socket-client";

const today = ukToday();

describe.each(PROVIDERS)("meetings over HTTP on %s", (provider) => {
  let app: AppProcess;
  let store: Db;
  let groupId: string;
  const sockets: TestSocket[] = [];
  const users = new Map<string, string>();

  beforeAll(async () => {
    const { url, demo } = await seededDatabase(provider);
    store = createDb(url);
    for (const [key, id] of demo.userIds) users.set(key, id);
    groupId = (
      await store.meetingGroup.findFirstOrThrow({ where: { partnershipId: demo.partnershipId, name: STEERING_GROUP } })
    ).id;
    // The periodic access recheck is set far beyond the test: approval itself has to lock open editors.
    app = await startApp({ databaseUrl: url, seedDemo: false, env: { COLLAB_ACCESS_RECHECK_MS: "600000" } });
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await store?.$disconnect();
    await app?.stop();
  });

  showServerOutputOnFailure(() => app);

  const signIn = (key: Parameters<typeof demoUser>[0], suffix = "") =>
    signedInClient(app.origin, demoUser(key).email + suffix, DEMO_PASSWORD);

  async function schedule(days: number) {
    const chair = await signIn("coordinator");
    const res = await chair.post(`/meeting-groups/${groupId}`, {
      intent: "schedule",
      date: addDays(today, days),
      startTime: "16:00",
      endTime: "17:30",
      siteId: "",
      onlineLink: "https://meet.example/steering",
    });
    expect(res.status, res.body.slice(0, 300)).toBe(302);
    return res.location!.split("/").pop()!;
  }

  const minutesOf = (meetingId: string) =>
    store.collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: MEETING_MINUTES_DOCUMENT, ownerId: meetingId } },
    });

  it("shows the group, its meetings and My actions to members, and nothing to another partnership", async () => {
    const teacher = await signIn("teacher");
    const group = await teacher.get(`/meeting-groups/${groupId}`);
    expect(group.status).toBe(200);
    expect(group.body).toContain("Decisions log");
    const meeting = await store.meeting.findFirstOrThrow({ where: { groupId }, orderBy: { startsAt: "desc" } });
    expect((await teacher.get(`/meetings/${meeting.id}`)).body).toContain("Matters arising");
    expect((await teacher.get("/actions")).status).toBe(200);
    const stranger = await signIn("coordinator", ".other");
    expect((await stranger.get(`/meeting-groups/${groupId}`)).status).toBe(404);
    expect((await stranger.get(`/meetings/${meeting.id}`)).status).toBe(404);
    expect((await teacher.post(`/meeting-groups/${groupId}`, { intent: "schedule" })).status).toBe(403);
  });

  it("answers a meeting ending before it starts and an action due in the past beside the field", async () => {
    const chair = await signIn("coordinator");
    const backwards = await chair.post(`/meeting-groups/${groupId}`, {
      intent: "schedule",
      date: addDays(today, 30),
      startTime: "17:00",
      endTime: "16:00",
      siteId: "",
      onlineLink: "https://meet.example/x",
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toContain("The meeting must end after it starts: check the end time.");
    const meetingId = await schedule(31);
    const late = await chair.post(`/meetings/${meetingId}`, {
      intent: "action",
      itemId: "",
      description: "Order bibs",
      ownerId: users.get("teacher")!,
      dueDate: addDays(today, -2),
    });
    expect(late.status).toBe(400);
    expect(late.body).toContain("The due date has passed: choose today or a later day.");
  });

  it("refuses a reorder made against an agenda someone changed since", async () => {
    const meetingId = await schedule(32);
    const chair = await signIn("coordinator");
    const items = await store.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
    const { agendaVersion } = await store.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const reorder = (ids: string[]) =>
      chair.post(`/meetings/${meetingId}`, {
        intent: "reorder",
        agendaVersion: String(agendaVersion),
        ...Object.fromEntries(ids.map((id, index) => [`itemIds[${index}]`, id])),
      });
    const chairsOrder = items.map((i) => i.id).reverse();
    expect((await reorder(chairsOrder)).status).toBe(200);
    const stale = await reorder(items.map((i) => i.id));
    expect(stale.status).toBe(409);
    expect(stale.body).toContain("The agenda changed while you were moving items: here is the current order");
    const stored = await store.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
    expect(stored.map((i) => i.id)).toEqual(chairsOrder);
  });

  it("marks an action done and tells every open page at once", async () => {
    const meetingId = await schedule(33);
    const minuteTaker = await signIn("teacherFe");
    const recorded = await minuteTaker.post(`/meetings/${meetingId}`, {
      intent: "action",
      itemId: "",
      description: "Book the minibus for the festival",
      ownerId: users.get("teacher")!,
      dueDate: addDays(today, 10),
    });
    expect(recorded.status, recorded.body.slice(0, 300)).toBe(200);
    const action = await store.meetingAction.findFirstOrThrow({ where: { meetingId } });
    const chairSocket = await connectSocket(app.origin, { cookie: (await signIn("coordinator")).cookieHeader() });
    sockets.push(chairSocket);
    const heard = nextEvent(chairSocket, "partnership:changed");
    const owner = await signIn("teacher");
    expect((await owner.get("/actions")).body).toContain("Book the minibus for the festival");
    const done = await owner.post("/actions", { intent: "action-status", actionId: action.id, status: "done" });
    expect(done.status).toBe(200);
    expect(await heard).toMatchObject({ entity: "meeting-action", id: action.id, action: "updated" });
    const someoneElse = await signIn("teacherDeaf");
    const refused = await someoneElse.post("/actions", {
      intent: "action-status",
      actionId: action.id,
      status: "open",
    });
    expect(refused.status).toBe(403);
  });

  it("locks approved minutes at once: writes are refused over HTTP and over the socket", async () => {
    const meetingId = await schedule(0);
    const document = await minutesOf(meetingId);
    const minuteTaker = await signIn("teacherFe");
    const socket = await connectSocket(app.origin, { cookie: minuteTaker.cookieHeader() });
    sockets.push(socket);
    expect(await socket.timeout(5_000).emitWithAck("collab:join", document.id)).toMatchObject({
      ok: true,
      readOnly: false,
    });
    const edit = (text: string) => {
      const doc = new Y.Doc();
      doc.get("root", Y.XmlText).insert(0, text);
      return socket
        .timeout(5_000)
        .emitWithAck("collab:sync", document.id, encodeSyncUpdate(Y.encodeStateAsUpdate(doc)));
    };
    expect(await edit("Agreed the festival plan. ")).toEqual({ ok: true });
    expect((await minuteTaker.post(`/meetings/${meetingId}`, { intent: "submit" })).status).toBe(200);
    const chair = await signIn("coordinator");
    // Changed after submission: approval is refused with the reason, and the change is kept for the next submission.
    expect(await edit("Minibus at 12:50. ")).toEqual({ ok: true });
    const changed = await chair.post(`/meetings/${meetingId}`, { intent: "approve" });
    expect(changed.status).toBe(409);
    expect(changed.body).toContain("The minutes changed after they were submitted.");
    expect((await minuteTaker.post(`/meetings/${meetingId}`, { intent: "submit" })).status).toBe(200);
    const approved = await chair.post(`/meetings/${meetingId}`, { intent: "approve" });
    expect(approved.status, approved.body.slice(0, 300)).toBe(200);
    const stored = await store.collabUpdate.count({ where: { documentId: document.id } });

    const late = await minuteTaker.post(`/meetings/${meetingId}`, { intent: "decision", itemId: "", text: "Late" });
    expect(late.status).toBe(403);
    // No wait: the open editor was told as the approval was stored.
    expect(await edit("Changed after approval. ")).toMatchObject({ ok: false, code: "forbidden" });
    expect(await store.collabUpdate.count({ where: { documentId: document.id } })).toBe(stored);
    const rejoin = await connectSocket(app.origin, { cookie: minuteTaker.cookieHeader() });
    sockets.push(rejoin);
    expect(await rejoin.timeout(5_000).emitWithAck("collab:join", document.id)).toMatchObject({
      ok: true,
      readOnly: true,
    });
    const page = await chair.get(`/meetings/${meetingId}`);
    expect(page.body).toContain("approved by Helen Okafor");
  });

  it("approves the last meeting's minutes at the next meeting, by the chair only", async () => {
    const first = await schedule(40);
    const next = await schedule(47);
    const minuteTaker = await signIn("teacherFe");
    expect((await minuteTaker.post(`/meetings/${first}`, { intent: "submit" })).status).toBe(200);
    const chair = await signIn("coordinator");
    const page = await chair.get(`/meetings/${next}`);
    expect(page.body).toContain(`href="/meetings/${first}"`);
    expect(page.body).toContain("Approve the minutes of");
    const member = await signIn("teacher");
    expect((await member.get(`/meetings/${next}`)).body).not.toContain("Approve the minutes of");
    const refused = await member.post(`/meetings/${next}`, { intent: "approve-previous", previousMeetingId: first });
    expect(refused.status).toBe(403);
    // The form names the meeting it showed: a meeting that is not the one before is never approved from here.
    const wrong = await chair.post(`/meetings/${first}`, { intent: "approve-previous", previousMeetingId: next });
    expect(wrong.status).toBe(409);
    expect((await store.meeting.findUniqueOrThrow({ where: { id: first } })).minutesStatus).toBe("submitted");
    const approved = await chair.post(`/meetings/${next}`, { intent: "approve-previous", previousMeetingId: first });
    expect(approved.status, approved.body.slice(0, 300)).toBe(200);
    expect(approved.body).toContain("Minutes approved and locked.");
    expect(await store.meeting.findUniqueOrThrow({ where: { id: first } })).toMatchObject({
      minutesStatus: "approved",
      minutesApprovedById: users.get("coordinator"),
    });
    expect((await chair.get(`/meetings/${next}`)).body).toContain("approved by Helen Okafor");
  });

  it("closes a cancelled meeting: proposals, agenda edits, attendance, actions and decisions refused", async () => {
    const meetingId = await schedule(50);
    const chair = await signIn("coordinator");
    const cancelled = await chair.post(`/meetings/${meetingId}`, { intent: "cancel", reason: "Snow closure." });
    expect(cancelled.status, cancelled.body.slice(0, 300)).toBe(200);
    const items = await store.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
    const { agendaVersion } = await store.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const member = await signIn("teacher");
    const attempts: Array<{ by: typeof chair; form: Record<string, string> }> = [
      { by: member, form: { intent: "propose", title: "Kit audit", purpose: "discussion", leadId: "", minutes: "" } },
      {
        by: chair,
        form: {
          intent: "reorder",
          agendaVersion: String(agendaVersion),
          ...Object.fromEntries([...items].reverse().map((item, index) => [`itemIds[${index}]`, item.id])),
        },
      },
      { by: chair, form: { intent: "circulate" } },
      { by: chair, form: { intent: "attendance", userId: users.get("teacher")!, guestName: "", status: "present" } },
      {
        by: member,
        form: {
          intent: "action",
          itemId: "",
          description: "Book the hall",
          ownerId: users.get("teacher")!,
          dueDate: addDays(today, 60),
        },
      },
      { by: member, form: { intent: "decision", itemId: "", text: "Move the festival" } },
      { by: chair, form: { intent: "approve-previous", previousMeetingId: "" } },
    ];
    for (const { by, form } of attempts) {
      const refused = await by.post(`/meetings/${meetingId}`, form);
      expect(refused.status, form.intent).toBe(403);
      expect(refused.body, form.intent).toContain("This meeting is cancelled");
    }
    const stored = await store.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      include: { items: { orderBy: { position: "asc" } }, attendance: true, actions: true, decisions: true },
    });
    expect(stored.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(stored).toMatchObject({ agendaCirculatedAt: null, attendance: [], actions: [], decisions: [] });
    const page = await chair.get(`/meetings/${meetingId}`);
    expect(page.body).toContain("This meeting is cancelled.");
    expect(page.body).toContain("Its agenda, attendance, actions and decisions are closed.");
    for (const intent of ["propose", "attendance", "action", "decision", "circulate"])
      expect(page.body, intent).not.toContain(`value="${intent}"`);
  });

  it("answers an action owner who left the partnership beside the field, and saves nothing", async () => {
    const meetingId = await schedule(51);
    const { members } = await store.meetingGroup.findUniqueOrThrow({
      where: { id: groupId },
      select: { members: { select: { userId: true } } },
    });
    const busy = new Set(["coordinator", "teacher", "teacherFe", "teacherDeaf"].map((key) => users.get(key)));
    const leaver = members.map((m) => m.userId).find((id) => !busy.has(id))!;
    await store.user.update({ where: { id: leaver }, data: { deactivatedAt: new Date() } });
    try {
      const chair = await signIn("coordinator");
      const refused = await chair.post(`/meetings/${meetingId}`, {
        intent: "action",
        itemId: "",
        description: "Collect the bibs",
        ownerId: leaver,
        dueDate: addDays(today, 7),
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toContain("has left the partnership: choose someone else.");
      expect(await store.meetingAction.count({ where: { meetingId } })).toBe(0);
    } finally {
      await store.user.update({ where: { id: leaver }, data: { deactivatedAt: null } });
    }
  });
});
