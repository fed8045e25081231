// A lesson plan's print view and Word file through the real built server: its details, each text part as written in
// the live document, the shared notes, differentiation and deployments; students exactly as the plan page shows them
// to the reader (Joanne, an LSA, sees the student she supports by name and another only by initials, in the
// structured parts and in the written text alike), her view audited as the page's is; another partnership gets 404.
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { encodeSyncUpdate } from "../../server/realtime/collab/protocol";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { signedInClient, type HttpClient } from "../support/http-client";
import { briefing, createLessonFixture, dayFromToday, type LessonFixture } from "../support/lesson-plan-fixtures";
import { connectSocket } from "../support/socket-client";

let app: AppProcess;
let store: Db;
let fixture: LessonFixture;
let users = new Map<string, string>();

beforeAll(async () => {
  const { url: databaseUrl, demo } = await seededDatabase("sqlite");
  store = createDb(databaseUrl);
  users = demo.userIds;
  fixture = await createLessonFixture(store, demo, " (export)");
  app = await startApp({ databaseUrl, seedDemo: false });
}, 120_000);

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const signIn = (key: Parameters<typeof demoUser>[0], suffix = "") =>
  signedInClient(app.origin, demoUser(key).email + suffix, DEMO_PASSWORD);

async function post(client: HttpClient, path: string, form: URLSearchParams) {
  const res = await fetch(app.url(path), {
    method: "POST",
    headers: { cookie: client.cookieHeader(), origin: app.origin, "content-type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });
  expect(res.status, (await res.clone().text()).slice(0, 300)).toBeLessThan(400);
}

/** Types `text` into the first paragraph of one of the plan's text parts, as a co-planner's editor would. */
async function writePart(client: HttpClient, planId: string, part: string, text: string) {
  const document = await store.collabDocument.findUniqueOrThrow({
    where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: planId } },
  });
  const [snapshot, updates] = await Promise.all([
    store.collabSnapshot.findFirstOrThrow({ where: { documentId: document.id, kind: "compaction" } }),
    store.collabUpdate.findMany({ where: { documentId: document.id }, orderBy: { id: "asc" } }),
  ]);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates([snapshot.state, ...updates.map((u) => u.data)].map((b) => new Uint8Array(b))));
  const before = Y.encodeStateVector(doc);
  const paragraph = (doc.get(part, Y.XmlText).toDelta() as Array<{ insert: Y.XmlText }>)[0]!.insert;
  doc.transact(() => {
    const node = new Y.Map<unknown>();
    paragraph.insertEmbed(0, node);
    for (const [key, value] of Object.entries({ __type: "text", __format: 0, __style: "", __mode: 0, __detail: 0 }))
      node.set(key, value);
    paragraph.insert(1, text);
  });
  const socket = await connectSocket(app.origin, { cookie: client.cookieHeader() });
  expect(await socket.timeout(5_000).emitWithAck("collab:join", document.id)).toMatchObject({ ok: true });
  const update = encodeSyncUpdate(Y.encodeStateAsUpdate(doc, before));
  expect(await socket.timeout(5_000).emitWithAck("collab:sync", document.id, update)).toEqual({ ok: true });
  socket.close();
}

async function download(client: HttpClient, path: string) {
  const res = await fetch(app.url(path), { headers: { cookie: client.cookieHeader() }, redirect: "manual" });
  return { res, buffer: Buffer.from(await res.arrayBuffer()) };
}

describe("a lesson plan's print view and Word file", () => {
  it("carries every part, and students only as the reader may see them", async () => {
    const teacher = await signIn("teacher");
    const created = await teacher.post(`/courses/${fixture.courseId}/plans/new`, {
      title: "Fitness testing: the bleep test",
      unitId: fixture.unitId,
      groupId: fixture.groupId,
      lessonDate: dayFromToday(7),
      startTime: "09:15",
      durationMinutes: "60",
    });
    expect(created.status, created.body.slice(0, 300)).toBe(302);
    const planId = created.location!.split("/").pop()!;
    expect((await teacher.get(`/plans/${planId}`)).status).toBe(200);
    const { deaf: maya, hollins: liam } = fixture.studentIds;
    const deploy = (supporter: string, studentId: string) =>
      post(
        teacher,
        `/plans/${planId}`,
        new URLSearchParams({
          intent: "deploy",
          supporterId: users.get(supporter)!,
          supporterRole: "lsa",
          phase: "main",
          mode: "group",
          minutes: "40",
          studentIds: studentId,
          ...briefing,
        }),
      );
    await deploy("lsa", maya);
    await deploy("lsaDeaf", liam);
    await post(
      teacher,
      `/plans/${planId}`,
      new URLSearchParams({ intent: "add-differentiation", studentId: liam, note: "Give a visual timer." }),
    );
    await writePart(teacher, planId, "objectives", "Name the five components of fitness.");
    await writePart(teacher, planId, "mainActivity", "Liam Carter keeps time on the stopwatch.");

    const { res, buffer } = await download(teacher, `/plans/${planId}/export.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="lesson-plan-Fitness-testing-the-bleep-test.docx"; ' +
        "filename*=UTF-8''lesson-plan-Fitness-testing-the-bleep-test.docx",
    );
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain("<h1>Fitness testing: the bleep test</h1>");
    for (const heading of ["Learning objectives", "Main activity", "Lesson notes", "Differentiation", "Deployments"])
      expect(html, heading).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain("Name the five components of fitness.");
    expect(html).toContain("Liam Carter keeps time on the stopwatch.");
    expect(html).toMatch(/<table>.*Joanne Price.*<\/table>/s);
    expect(html).toContain(briefing.concepts);

    const joanne = await signIn("lsa");
    const viewsOfMaya = () =>
      store.auditEvent.findMany({
        where: { action: "student.viewed", actorId: users.get("lsa"), subjectId: maya },
        select: { detail: true },
      });
    expect(await viewsOfMaya()).toEqual([]);
    const hers = await download(joanne, `/plans/${planId}/export.docx`);
    expect(hers.res.status).toBe(200);
    expect(await viewsOfMaya(), "the export is audited as a view of the plan").toEqual([
      { detail: JSON.stringify({ via: "lesson-plan", view: "need-to-know" }) },
    ]);
    const { value: seen } = await mammoth.convertToHtml({ buffer: hers.buffer });
    expect(seen).toContain("Maya Patel");
    expect(seen).toContain("L. C. keeps time on the stopwatch.");
    expect(seen).not.toContain("Liam Carter");
    const print = await joanne.get(`/plans/${planId}/print`);
    expect(print.status).toBe(200);
    expect(print.body).toContain("Maya Patel");
    expect(print.body).toContain("L. C.");
    expect(print.body).not.toContain("Liam Carter");

    const stranger = await signIn("coordinator", ".other");
    const refused = await download(stranger, `/plans/${planId}/export.docx`);
    expect(refused.res.status).toBe(404);
    expect(refused.buffer.toString()).not.toContain("bleep");
    expect((await stranger.get(`/plans/${planId}/print`)).status).toBe(404);
  }, 120_000);
});
