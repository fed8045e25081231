// Lesson plans and deployments through the real built server: pages by role,
// refusals (403 wrong role, 404 other partnership), field errors (400), uploads
// refused with a clear message, downloads as attachments, and live updates: an
// LSA's feedback reaches the teacher's socket; the plan's shared notes open on
// the socket only for plan readers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import { encodeSyncUpdate } from "../../server/realtime/collab/protocol";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { signedInClient, type HttpClient } from "../support/http-client";
import { briefing, createLessonFixture, dayFromToday, type LessonFixture } from "../support/lesson-plan-fixtures";
import { connectSocket, countAcks, nextEvent, ping, type TestSocket } from "../support/socket-client";
import { SocketIoYjsProvider } from "~/editor/socket-provider";
import { waitFor } from "./collab/harness";

let app: AppProcess;
let store: Db;
let fixture: LessonFixture;
let otherFixture: LessonFixture;
const sockets: TestSocket[] = [];
const ids = { users: new Map<string, string>() };

beforeAll(async () => {
  // The demo partnership and a second one ("other-valley", ".other" addresses), seeded once per run.
  const { url: databaseUrl, demo, other } = await seededDatabase("sqlite");
  store = createDb(databaseUrl);
  ids.users = demo.userIds;
  fixture = await createLessonFixture(store, demo);
  otherFixture = await createLessonFixture(store, other, " (other)");
  // Access to co-edited notes is re-decided from facts at most 200 ms old, so revocation is quick to test.
  app = await startApp({ databaseUrl, seedDemo: false, env: { COLLAB_ACCESS_RECHECK_MS: "200" } });
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const signIn = (key: Parameters<typeof demoUser>[0], suffix = "") =>
  signedInClient(app.origin, demoUser(key).email + suffix, DEMO_PASSWORD);

async function createPlan(teacher: HttpClient, title = "Components of fitness"): Promise<string> {
  const res = await teacher.post(`/courses/${fixture.courseId}/plans/new`, {
    title,
    unitId: fixture.unitId,
    groupId: fixture.groupId,
    lessonDate: dayFromToday(7),
    startTime: "09:15",
    durationMinutes: "60",
  });
  expect(res.status, res.body.slice(0, 500)).toBe(302);
  return res.location!.split("/").pop()!;
}

async function deploy(teacher: HttpClient, planId: string, supporterKey: string, studentIds: string[]) {
  const form = new URLSearchParams({
    intent: "deploy",
    supporterId: ids.users.get(supporterKey)!,
    supporterRole: "lsa",
    phase: "main",
    mode: "group",
    minutes: "40",
    ...briefing,
    // These stories deploy the same supporters in several lessons at one hour: the clash has been seen and
    // confirmed (clashes-and-dates-http.test.ts tests the warning itself).
    confirmClash: "on",
  });
  for (const id of studentIds) form.append("studentIds", id);
  const res = await fetch(app.url(`/plans/${planId}`), {
    method: "POST",
    headers: {
      cookie: teacher.cookieHeader(),
      origin: app.origin,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: form,
    redirect: "manual",
  });
  expect(res.status).toBe(200);
  return store.deployment.findFirstOrThrow({
    where: { lessonPlanId: planId, supporterId: ids.users.get(supporterKey)! },
    orderBy: { createdAt: "desc" },
  });
}

function upload(client: HttpClient, planId: string, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.append("intent", "add-file");
  form.append("title", "Worksheet");
  form.append("file", new Blob([bytes]), name);
  return fetch(app.url(`/plans/${planId}`), {
    method: "POST",
    headers: { cookie: client.cookieHeader(), origin: app.origin },
    body: form,
    redirect: "manual",
  });
}

/** A change with nothing in it: the server decides access for it as for any change, and stores nothing. */
function emptyChange(socket: TestSocket, documentId: string) {
  return socket
    .timeout(5_000)
    .emitWithAck("collab:sync", documentId, encodeSyncUpdate(Y.encodeStateAsUpdate(new Y.Doc())));
}

/**
 * Access is re-decided from facts at most COLLAB_ACCESS_RECHECK_MS (200) old: after a change to them in the
 * database, repeats `attempt` until `outcome` settles, within a bounded time, instead of sleeping past the age limit.
 */
async function repeatUntilSettled(outcome: Promise<unknown>, attempt: () => unknown, what: string): Promise<void> {
  let done = false;
  outcome.then(
    () => (done = true),
    () => (done = true),
  );
  await waitFor(
    async () => {
      if (!done) await attempt();
      return done;
    },
    5_000,
    what,
  );
}

describe("lesson plan pages by role", () => {
  it("a co-planner creates a plan; the plan page shows its parts; bad input gets field messages", async () => {
    const teacher = await signIn("teacher");
    expect((await teacher.get(`/courses/${fixture.courseId}/plans/new`)).status).toBe(200);
    const bad = await teacher.post(`/courses/${fixture.courseId}/plans/new`, {
      title: "x",
      lessonDate: "soon",
      durationMinutes: "5",
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("Use at least 3 characters.");
    expect(bad.body).toContain("Enter the date as day, month and year.");
    expect(bad.body).toContain("A lesson lasts at least 10 minutes.");
    const planId = await createPlan(teacher);
    // The reading view first: the plan in lesson order, its text parts live; the forms are one click away.
    const page = await teacher.get(`/plans/${planId}`);
    expect(page.status).toBe(200);
    for (const text of [
      "Components of fitness",
      "Objectives and success criteria",
      "The lesson",
      "Starter",
      "Evaluation",
    ])
      expect(page.body).toContain(text);
    expect(page.body).not.toContain("Deploy supporter");
    const editing = await teacher.get(`/plans/${planId}?edit`);
    for (const text of ["LSA deployment", "Resources", "Deploy supporter", "Change status"])
      expect(editing.body).toContain(text);
    // The editing view's forms get their choices (only it reads them): the members who can be deployed.
    expect(editing.body).toContain("Joanne Price (LSA, Brookfield School)");
    expect(page.body).not.toContain("Joanne Price (LSA, Brookfield School)");
    // The text parts are written in the live document, never posted as a form.
    expect((await teacher.post(`/plans/${planId}`, { intent: "objectives", objectives: "x" })).status).toBe(400);
    const badPart = await teacher.post(`/plans/${planId}`, { intent: "status", status: "finished" });
    expect(badPart.status).toBe(400);
  });

  it("refuses the wrong role with 403 and another partnership with 404", async () => {
    const teacher = await signIn("teacher");
    const planId = await createPlan(teacher, "Refusals");
    const leader = await signIn("leader");
    expect((await leader.get(`/plans/${planId}`)).status).toBe(200);
    expect((await leader.post(`/plans/${planId}`, { intent: "status", status: "taught" })).status).toBe(403);
    expect((await leader.get(`/courses/${fixture.courseId}/plans/new`)).status).toBe(403);
    expect(
      (await (await signIn("teacherDance")).post(`/plans/${planId}`, { intent: "assessment", assessment: "x" })).status,
    ).toBe(403);
    expect((await (await signIn("lsa")).get(`/plans/${planId}`)).status).toBe(404);
    const stranger = await signIn("coordinator", ".other");
    expect((await stranger.get(`/plans/${planId}`)).status).toBe(404);
    expect((await stranger.post(`/plans/${planId}`, { intent: "status", status: "taught" })).status).toBe(404);
    expect((await stranger.get(`/courses/${fixture.courseId}/plans/new`)).status).toBe(404);
    expect((await teacher.get(`/courses/${otherFixture.courseId}/plans/new`)).status).toBe(404);
  });

  it("refuses oversized and wrong-type uploads with a clear message, and serves files as attachments", async () => {
    const teacher = await signIn("teacher");
    const planId = await createPlan(teacher, "Uploads");
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set(new TextEncoder().encode("%PDF-1.4"));
    const tooBig = await upload(teacher, planId, "big.pdf", big);
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain("larger than 5 MB");
    const wrong = await upload(
      teacher,
      planId,
      "page.html",
      new TextEncoder().encode("<html><script>alert(1)</script></html>"),
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Files of that type cannot be uploaded");
    const ok = await upload(teacher, planId, "Fitness tests.pdf", new TextEncoder().encode("%PDF-1.4\n%%EOF\n"));
    expect(ok.status).toBe(200);
    const resource = await store.lessonResource.findFirstOrThrow({ where: { lessonPlanId: planId } });
    const download = await teacher.get(`/plans/${planId}/resources/${resource.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="Fitness tests.pdf"/);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await (await signIn("lsa")).get(`/plans/${planId}/resources/${resource.id}`)).status).toBe(404);
    expect(
      (await (await signIn("coordinator", ".other")).get(`/plans/${planId}/resources/${resource.id}`)).status,
    ).toBe(404);
  });
});

describe("deployment, briefing and feedback, live", () => {
  it("the LSA finds the deployment, reads the briefing and leaves feedback; the teacher's socket hears it", async () => {
    const teacher = await signIn("teacher");
    const planId = await createPlan(teacher, "Live feedback");
    const deployment = await deploy(teacher, planId, "lsa", [fixture.studentIds.mld1, fixture.studentIds.mld2]);
    const lsa = await signIn("lsa");
    const mine = await lsa.get("/deployments");
    expect(mine.status).toBe(200);
    expect(mine.body).toContain("Live feedback");
    expect(mine.body).toContain("Kayden Brooks");
    const briefingPage = await lsa.get(`/deployments/${deployment.id}`);
    expect(briefingPage.status).toBe(200);
    expect(briefingPage.body).toContain(briefing.concepts);
    expect((await (await signIn("lsaDeaf")).get(`/deployments/${deployment.id}`)).status).toBe(404);
    expect(
      (await teacher.post(`/deployments/${deployment.id}`, { intent: "feedback", feedback: "Not mine to give" }))
        .status,
    ).toBe(403);

    const socket = await connectSocket(app.origin, { cookie: teacher.cookieHeader() });
    sockets.push(socket);
    expect((await lsa.post(`/deployments/${deployment.id}`, { intent: "mark-read" })).status).toBe(200);
    const heard = nextEvent(socket, "partnership:changed");
    const sent = await lsa.post(`/deployments/${deployment.id}`, {
      intent: "feedback",
      feedback: "Both completed the bleep test with one prompt each.",
    });
    expect(sent.status).toBe(200);
    expect(await heard).toMatchObject({
      entity: "deployment",
      id: deployment.id,
      action: "updated",
      by: ids.users.get("lsa"),
    });
    const plan = await teacher.get(`/plans/${planId}`);
    expect(plan.body).toContain("Both completed the bleep test with one prompt each.");
    const short = await lsa.post(`/deployments/${deployment.id}`, { intent: "feedback", feedback: "" });
    expect(short.status).toBe(400);
    expect(short.body).toContain("Write your feedback for the teacher");
  });

  it("the plan's shared notes open on the socket for plan readers only", async () => {
    const teacher = await signIn("teacher");
    const planId = await createPlan(teacher, "Socket access");
    await deploy(teacher, planId, "lsa", [fixture.studentIds.mld1]);
    const document = await store.collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: planId } },
    });
    const join = async (client: HttpClient) => {
      const socket = await connectSocket(app.origin, { cookie: client.cookieHeader() });
      sockets.push(socket);
      return socket.timeout(5_000).emitWithAck("collab:join", document.id);
    };
    expect(await join(teacher)).toMatchObject({ ok: true, readOnly: false });
    expect(await join(await signIn("lsa"))).toMatchObject({ ok: true, readOnly: true });
    expect(await join(await signIn("leader"))).toMatchObject({ ok: true, readOnly: true });
    expect(await join(await signIn("lsaDeaf"))).toMatchObject({ ok: false, code: "not-found" });
    expect(await join(await signIn("coordinator", ".other"))).toMatchObject({ ok: false, code: "not-found" });
  });

  it("a planner taken off the course can no longer change the plan's shared notes once the access recheck comes round, and the refused change is not stored", async () => {
    const teacher = await signIn("teacher");
    const planId = await createPlan(teacher, "Revoked planner");
    const document = await store.collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: planId } },
    });
    const colleague = await signIn("teacherFe");
    const socket = await connectSocket(app.origin, { cookie: colleague.cookieHeader() });
    sockets.push(socket);
    expect(await socket.timeout(5_000).emitWithAck("collab:join", document.id)).toMatchObject({
      ok: true,
      readOnly: false,
    });
    const edit = (text: string) => {
      const doc = new Y.Doc();
      doc.get("root", Y.XmlText).insert(0, text); // text in the notes root: the server refuses roots a plan lacks
      return socket
        .timeout(5_000)
        .emitWithAck("collab:sync", document.id, encodeSyncUpdate(Y.encodeStateAsUpdate(doc)));
    };
    expect(await edit("while a planner")).toEqual({ ok: true });
    const stored = await store.collabUpdate.count({ where: { documentId: document.id } });
    expect(stored).toBeGreaterThan(0);

    const planner = { courseId_userId: { courseId: fixture.courseId, userId: ids.users.get("teacherFe")! } };
    await store.coursePlanner.delete({ where: planner });
    try {
      await waitFor(
        async () => (await emptyChange(socket, document.id)).ok === false,
        5_000,
        "the access recheck to come round",
      );
      // Still a teacher of the partnership, so she may read the plan: the change is refused, the socket stays.
      expect(await edit("after removal")).toMatchObject({ ok: false, code: "forbidden" });
      expect(await store.collabUpdate.count({ where: { documentId: document.id } })).toBe(stored);
    } finally {
      await store.coursePlanner.create({ data: { courseId: fixture.courseId, userId: ids.users.get("teacherFe")! } });
    }
    await waitFor(async () => (await emptyChange(socket, document.id)).ok, 5_000, "the access recheck to come round");
    expect(await edit("a planner again")).toEqual({ ok: true });
  });

  it("the editor of a planner taken off the course turns read-only, says why once, and a fresh copy holds only what was saved", async () => {
    const teacher = await signIn("teacher");
    const planId = await createPlan(teacher, "Refused in the editor");
    const document = await store.collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: planId } },
    });
    const socket = await connectSocket(app.origin, { cookie: (await signIn("teacherFe")).cookieHeader() });
    sockets.push(socket);
    const until = (check: () => boolean, what: string) => waitFor(check, 5_000, what);
    const editor = new SocketIoYjsProvider(socket, document.id, new Y.Doc());
    const refusals: string[] = [];
    editor.on("refused", (message) => refusals.push(message));
    editor.connect();
    await until(() => editor.syncState.phase === "saved", "the editor synced");
    const body = editor.doc.get("root", Y.XmlText);
    body.insert(0, "Saved while a planner. ");
    await until(() => editor.syncState.phase === "saved" && editor.syncState.unsaved === 0, "the first change saved");

    const planner = { courseId_userId: { courseId: fixture.courseId, userId: ids.users.get("teacherFe")! } };
    await store.coursePlanner.delete({ where: planner });
    try {
      // (Asked with an acknowledgement, so a refusal goes to this probe and not to the editor's error events.)
      await waitFor(
        async () => (await emptyChange(socket, document.id)).ok === false,
        5_000,
        "the access recheck to come round",
      );
      // Two changes in flight, both refused: the editor hears about it once, and nothing is left "unsaved".
      const answers = countAcks(socket);
      body.insert(0, "Turned away one. ");
      body.insert(0, "Turned away two. ");
      await until(() => refusals.length > 0, "the refusal");
      // Both refusals in, so the provider has had its chance to tell the editor twice.
      await until(() => answers() >= 2, "both changes answered");
      expect(refusals).toEqual(["You can read this document but not change it."]);
      expect(editor.syncState).toMatchObject({ phase: "saved", readOnly: true, unsaved: 0 });

      // What the editor component does next: leave, and open a fresh copy.
      editor.disconnect();
      const fresh = new SocketIoYjsProvider(socket, document.id, new Y.Doc());
      fresh.connect();
      await until(() => fresh.syncState.phase === "saved", "the fresh copy synced");
      expect(fresh.syncState.readOnly).toBe(true);
      const text = fresh.doc.get("root", Y.XmlText).toString();
      expect(text).toContain("Saved while a planner.");
      expect(text).not.toContain("Turned away");
      fresh.disconnect();
    } finally {
      await store.coursePlanner.create({ data: { courseId: fixture.courseId, userId: ids.users.get("teacherFe")! } });
    }
  });

  it("an LSA whose deployment is removed is taken out of the plan's notes when her presence next comes round", async () => {
    const teacher = await signIn("teacher");
    const planId = await createPlan(teacher, "Removed deployment");
    const deployment = await deploy(teacher, planId, "lsa", [fixture.studentIds.mld1]);
    const document = await store.collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: planId } },
    });
    const socket = await connectSocket(app.origin, { cookie: (await signIn("lsa")).cookieHeader() });
    sockets.push(socket);
    expect(await socket.timeout(5_000).emitWithAck("collab:join", document.id)).toMatchObject({
      ok: true,
      readOnly: true,
    });
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ cursor: null });
    const presence = () =>
      socket.emit("collab:awareness", document.id, encodeAwarenessUpdate(awareness, [awareness.clientID]));

    await store.deployment.delete({ where: { id: deployment.id } });
    const refused = nextEvent(socket, "collab:error");
    await repeatUntilSettled(refused, presence, "her presence to be refused");
    expect(await refused).toMatchObject({ documentId: document.id, code: "not-found" });
    awareness.destroy();
  });

  it("an LSA who only reads is taken out of the plan's notes by the next change after her deployment is removed, without sending anything", async () => {
    const teacher = await signIn("teacher");
    const planId = await createPlan(teacher, "Removed reader");
    const deployment = await deploy(teacher, planId, "lsa", [fixture.studentIds.mld1]);
    const document = await store.collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: planId } },
    });
    const reader = await connectSocket(app.origin, { cookie: (await signIn("lsa")).cookieHeader() });
    const writer = await connectSocket(app.origin, { cookie: teacher.cookieHeader() });
    sockets.push(reader, writer);
    expect(await reader.timeout(5_000).emitWithAck("collab:join", document.id)).toMatchObject({
      ok: true,
      readOnly: true,
    });
    expect(await writer.timeout(5_000).emitWithAck("collab:join", document.id)).toMatchObject({
      ok: true,
      readOnly: false,
    });
    const changes: string[] = [];
    reader.on("collab:sync", (_documentId, message) =>
      changes.push(Buffer.from(message as Uint8Array).toString("latin1")),
    );
    const edit = (text: string) => {
      const doc = new Y.Doc();
      doc.get("root", Y.XmlText).insert(0, text); // text in the notes root: the server refuses roots a plan lacks
      return writer
        .timeout(5_000)
        .emitWithAck("collab:sync", document.id, encodeSyncUpdate(Y.encodeStateAsUpdate(doc)));
    };
    expect(await edit("before-removal")).toEqual({ ok: true });
    await waitFor(
      () => changes.some((change) => change.includes("before-removal")),
      5_000,
      "the reader to get the first change",
    );

    await store.deployment.delete({ where: { id: deployment.id } });
    const removed = nextEvent(reader, "collab:error");
    // Changes from the writer until one finds the facts stale and reloads them; she sends nothing herself.
    await repeatUntilSettled(
      removed,
      async () => expect(await edit("after-removal")).toEqual({ ok: true }),
      "the reader to be taken out",
    );
    expect(await removed).toMatchObject({ documentId: document.id, code: "not-found" });
    expect(await edit("later-still")).toEqual({ ok: true });
    // The server sends a change to the others before it answers the writer, and a socket's messages keep their
    // order: a round trip on hers after the writer's answer brings anything that was sent to her before it.
    await ping(reader);
    // Out of the document: nothing written after her removal was decided reaches her.
    expect(changes.some((change) => change.includes("later-still"))).toBe(false);
  });

  it("the plan's notes have a version history: planners name and restore versions, readers look, others get 404", async () => {
    const teacher = await signIn("teacher");
    const planId = await createPlan(teacher, "History of notes");
    const page = await fetch(app.url(`/plans/${planId}`), { headers: { cookie: teacher.cookieHeader() } });
    expect(await page.text()).toContain(`/plans/${planId}/history`);
    const post = (client: HttpClient, form: Record<string, string>) =>
      fetch(app.url(`/plans/${planId}/history`), {
        method: "POST",
        headers: {
          cookie: client.cookieHeader(),
          origin: app.origin,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams(form).toString(),
        redirect: "manual",
      });

    expect((await post(teacher, { intent: "name-version", name: "Before the trip" })).status).toBe(200);
    expect((await post(teacher, { intent: "name-version", name: "" })).status).toBe(400);
    const history = await fetch(app.url(`/plans/${planId}/history`), { headers: { cookie: teacher.cookieHeader() } });
    expect(history.status).toBe(200);
    const html = await history.text();
    expect(html).toContain("Version history · History of notes · Staffroom");
    expect(html).toContain("Before the trip");

    const version = await store.collabSnapshot.findFirstOrThrow({
      where: { kind: "named", name: "Before the trip", document: { ownerId: planId } },
    });
    expect((await post(teacher, { intent: "restore", versionId: version.id })).status).toBe(200);
    // Restoring is a new change, after an automatic version of what was there.
    expect(
      await store.collabSnapshot.count({
        where: { kind: "auto", name: { startsWith: "Before restoring" }, document: { ownerId: planId } },
      }),
    ).toBe(1);

    // A leader reads the history but may not name or restore; another partnership's coordinator sees nothing.
    const leader = await signIn("leader");
    expect(
      (
        await fetch(app.url(`/plans/${planId}/history?version=${version.id}`), {
          headers: { cookie: leader.cookieHeader() },
        })
      ).status,
    ).toBe(200);
    expect((await post(leader, { intent: "name-version", name: "Mine" })).status).toBe(403);
    const outsider = await signIn("coordinator", ".other");
    expect(
      (await fetch(app.url(`/plans/${planId}/history`), { headers: { cookie: outsider.cookieHeader() } })).status,
    ).toBe(404);
    expect((await post(outsider, { intent: "restore", versionId: version.id })).status).toBe(404);
  });
});
