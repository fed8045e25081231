// The meeting pack through the real built server, on SQLite and PostgreSQL: a new meeting's minutes start with a
// heading per agenda item and follow the agenda while nothing is written; once written, the chair adds the section
// of a later item without touching the text; the print view and the Word minutes (opened with mammoth) carry the
// title, attendance table, a heading per item with its minutes, decisions and actions, labelled draft until
// approved; someone outside the group or the partnership gets neither.
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { blocksOf, textOfRuns } from "~/lib/document-blocks";
import { yjsStateToEditorState } from "~/lib/document-schema/headless";
import { ukToday } from "~/lib/lesson-dates";
import { addDays } from "~/lib/uk-calendar";
import { createDb, type Db } from "~/models/db.server";
import { MEETING_MINUTES_DOCUMENT } from "~/policies/meeting";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { STEERING_GROUP } from "../../prisma/seed/meetings";
import { encodeSyncUpdate } from "../../server/realtime/collab/protocol";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { PROVIDERS, seededDatabase } from "../support/databases";
import { signedInClient, type HttpClient } from "../support/http-client";
import { connectSocket, type TestSocket } from "../support/socket-client";

const today = ukToday();
const STANDING = ["Apologies", "Minutes of the last meeting", "Matters arising"];

describe.each(PROVIDERS)("the meeting pack on %s", (provider) => {
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
    app = await startApp({ databaseUrl: url, seedDemo: false });
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await store?.$disconnect();
    await app?.stop();
  });

  showServerOutputOnFailure(() => app);

  const signIn = (key: Parameters<typeof demoUser>[0], suffix = "") =>
    signedInClient(app.origin, demoUser(key).email + suffix, DEMO_PASSWORD);

  /** The minutes as stored now: the compaction snapshot and every update after it. */
  async function minutesState(meetingId: string): Promise<{ documentId: string; state: Uint8Array }> {
    const document = await store.collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: MEETING_MINUTES_DOCUMENT, ownerId: meetingId } },
    });
    const [snapshot, updates] = await Promise.all([
      store.collabSnapshot.findFirstOrThrow({ where: { documentId: document.id, kind: "compaction" } }),
      store.collabUpdate.findMany({ where: { documentId: document.id }, orderBy: { id: "asc" } }),
    ]);
    const state = Y.mergeUpdates([snapshot.state, ...updates.map((u) => u.data)].map((b) => new Uint8Array(b)));
    return { documentId: document.id, state };
  }

  async function headingsOf(meetingId: string): Promise<string[]> {
    const blocks = blocksOf(await yjsStateToEditorState((await minutesState(meetingId)).state));
    return blocks.filter((b) => b.kind === "heading").map((b) => (b.kind === "heading" ? textOfRuns(b.runs) : ""));
  }

  /** Types `text` into the empty paragraph under the heading, as the minute-taker's editor would, over the socket. */
  async function writeUnder(client: HttpClient, meetingId: string, heading: string, text: string) {
    const { documentId, state } = await minutesState(meetingId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const blocks = (doc.get("root", Y.XmlText).toDelta() as Array<{ insert: Y.XmlText }>).map((op) => op.insert);
    const at = blocks.findIndex((b) => b.getAttribute("__type") === "heading" && b.toString().includes(heading));
    const paragraph = blocks[at + 1]!;
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      const node = new Y.Map<unknown>();
      paragraph.insertEmbed(0, node);
      for (const [key, value] of Object.entries({ __type: "text", __format: 0, __style: "", __mode: 0, __detail: 0 }))
        node.set(key, value);
      paragraph.insert(1, text);
    });
    const socket = await connectSocket(app.origin, { cookie: client.cookieHeader() });
    sockets.push(socket);
    expect(await socket.timeout(5_000).emitWithAck("collab:join", documentId)).toMatchObject({ ok: true });
    const update = Y.encodeStateAsUpdate(doc, before);
    expect(await socket.timeout(5_000).emitWithAck("collab:sync", documentId, encodeSyncUpdate(update))).toEqual({
      ok: true,
    });
    socket.close();
  }

  async function download(client: HttpClient, path: string) {
    const res = await fetch(app.url(path), { headers: { cookie: client.cookieHeader() }, redirect: "manual" });
    return { res, buffer: Buffer.from(await res.arrayBuffer()) };
  }

  it("starts the minutes with the agenda's sections, follows the agenda until written, then adds new ones", async () => {
    const chair = await signIn("coordinator");
    const scheduled = await chair.post(`/meeting-groups/${groupId}`, {
      intent: "schedule",
      date: addDays(today, 3),
      startTime: "16:00",
      endTime: "17:30",
      siteId: "",
      onlineLink: "https://meet.example/steering",
    });
    expect(scheduled.status, scheduled.body.slice(0, 300)).toBe(302);
    const meetingId = scheduled.location!.split("/").pop()!;
    expect(await headingsOf(meetingId)).toEqual(STANDING);

    const item = (title: string) => ({ intent: "propose", title, purpose: "discussion", leadId: "" });
    expect((await chair.post(`/meetings/${meetingId}`, item("Festival planning"))).status).toBe(200);
    expect(await headingsOf(meetingId), "nothing written: the minutes follow the agenda").toEqual([
      ...STANDING,
      "Festival planning",
    ]);

    const minuteTaker = await signIn("teacherFe");
    await writeUnder(minuteTaker, meetingId, "Apologies", "Apologies from the head of dance.");
    await writeUnder(minuteTaker, meetingId, "Festival planning", "Agreed the date of the dance festival.");
    expect((await chair.post(`/meetings/${meetingId}`, item("Staff training"))).status).toBe(200);
    expect(await headingsOf(meetingId), "written minutes are left alone").not.toContain("Staff training");

    const member = await signIn("teacher");
    expect((await member.post(`/meetings/${meetingId}`, { intent: "add-sections" })).status).toBe(403);
    const added = await minuteTaker.post(`/meetings/${meetingId}`, { intent: "add-sections" });
    expect(added.status, added.body.slice(0, 300)).toBe(200);
    expect(added.body).toContain("Sections added to the minutes: 1.");
    expect(await headingsOf(meetingId)).toEqual([...STANDING, "Festival planning", "Staff training"]);
    const text = blocksOf(await yjsStateToEditorState((await minutesState(meetingId)).state))
      .flatMap((b) => (b.kind === "list" ? [] : [textOfRuns(b.runs)]))
      .join("\n");
    expect(text).toContain("Apologies from the head of dance.");
    expect(text).toContain("Agreed the date of the dance festival.");

    // The pack: attendance, an action and a decision against the festival item.
    const festival = await store.agendaItem.findFirstOrThrow({ where: { meetingId, title: "Festival planning" } });
    await chair.post(`/meetings/${meetingId}`, {
      intent: "attendance",
      userId: users.get("teacher")!,
      status: "present",
    });
    await chair.post(`/meetings/${meetingId}`, {
      intent: "attendance",
      userId: users.get("teacherDance")!,
      status: "apologies",
    });
    const action = await chair.post(`/meetings/${meetingId}`, {
      intent: "action",
      itemId: festival.id,
      description: "Book the theatre for the festival",
      ownerId: users.get("teacher")!,
      dueDate: addDays(today, 14),
    });
    expect(action.status, action.body.slice(0, 300)).toBe(200);
    await chair.post(`/meetings/${meetingId}`, { intent: "decision", itemId: festival.id, text: "Hold it in June" });

    const { res, buffer } = await download(member, `/meetings/${meetingId}/minutes.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("wordprocessingml.document");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="draft-minutes-.+\.docx"/);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toMatch(/<h1>Draft minutes: .+<\/h1>/);
    for (const [index, title] of ["Apologies", "Minutes of the last meeting", "Matters arising"].entries())
      expect(html).toContain(`<h2>${index + 1}. ${title}</h2>`);
    expect(html).toContain("<h2>4. Festival planning</h2>");
    expect(html).toContain("Apologies from the head of dance.");
    expect(html).toContain("Agreed the date of the dance festival.");
    expect(html).toMatch(/<table>.*Sarah Whitfield.*Present.*<\/table>/s);
    expect(html).toMatch(/<h1>Actions<\/h1><table>.*Book the theatre for the festival.*Sarah Whitfield.*Open/s);
    expect(html).toContain("Hold it in June");

    const print = await member.get(`/meetings/${meetingId}/print`);
    expect(print.status).toBe(200);
    expect(print.body).toContain("Draft minutes");
    expect(print.body).toContain("Agreed the date of the dance festival.");
    expect(print.body).toContain("Book the theatre for the festival");

    // Not a member of the group: drafts are the group's; another partnership: not even there.
    const outsider = await signIn("lsaDeaf");
    expect((await download(outsider, `/meetings/${meetingId}/minutes.docx`)).res.status).toBe(403);
    expect((await outsider.get(`/meetings/${meetingId}/print`)).status).toBe(403);
    const stranger = await signIn("coordinator", ".other");
    const refused = await download(stranger, `/meetings/${meetingId}/minutes.docx`);
    expect(refused.res.status).toBe(404);
    expect(refused.buffer.toString()).not.toContain("festival");
    expect((await stranger.get(`/meetings/${meetingId}/print`)).status).toBe(404);
  }, 120_000);

  it("labels approved minutes as approved, and lets the open group's other members read them", async () => {
    const approved = await store.meeting.findFirstOrThrow({
      where: { groupId, minutesStatus: "approved" },
      orderBy: { startsAt: "desc" },
    });
    const outsider = await signIn("lsaDeaf");
    const { res, buffer } = await download(outsider, `/meetings/${approved.id}/minutes.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="minutes-/);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toMatch(/<h1>Minutes: .+<\/h1>/);
    expect(html).toContain("Approved minutes.");
    expect(html).not.toContain("Draft minutes");
  });
});
