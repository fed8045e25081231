// A deployment grants its supporter need-to-know for its students, through the real built server: Joanne (an LSA at
// Brookfield) deployed to Maya (a deaf student of Thornbury) sees Maya's full name, SEN, areas of need and
// communication mode on her briefing and on Maya's page, and nothing more of the record; not Liam, whom she is not
// deployed to; each view is audited; the grant ends the moment the deployment is removed (page and socket, whose
// event names nobody), and a fortnight after the lesson.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { signedInClient, type HttpClient } from "../support/http-client";
import { briefing, createLessonFixture, dayFromToday, type LessonFixture } from "../support/lesson-plan-fixtures";
import { connectSocket, nextEvent, type TestSocket } from "../support/socket-client";

let app: AppProcess;
let store: Db;
let fixture: LessonFixture;
const sockets: TestSocket[] = [];
let users = new Map<string, string>();

beforeAll(async () => {
  const { url: databaseUrl, demo } = await seededDatabase("sqlite");
  store = createDb(databaseUrl);
  users = demo.userIds;
  fixture = await createLessonFixture(store, demo, " (need-to-know)");
  // What a supporter does not need: the record's notes and its at-risk flag.
  await store.student.update({
    where: { id: fixture.studentIds.deaf },
    data: { notes: "Private note for home staff only", atRisk: true },
  });
  app = await startApp({ databaseUrl, seedDemo: false });
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const signIn = (key: Parameters<typeof demoUser>[0]) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);

async function createPlan(teacher: HttpClient, title: string, lessonDate: string): Promise<string> {
  const res = await teacher.post(`/courses/${fixture.courseId}/plans/new`, {
    title,
    unitId: fixture.unitId,
    groupId: fixture.groupId,
    lessonDate,
    startTime: "09:15",
    durationMinutes: "60",
  });
  expect(res.status, res.body.slice(0, 500)).toBe(302);
  return res.location!.split("/").pop()!;
}

async function deploy(teacher: HttpClient, planId: string, supporterKey: string, studentIds: string[]) {
  const form = new URLSearchParams({
    intent: "deploy",
    supporterId: users.get(supporterKey)!,
    supporterRole: "lsa",
    phase: "main",
    mode: "group",
    minutes: "40",
    ...briefing,
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
    where: { lessonPlanId: planId, supporterId: users.get(supporterKey)! },
    orderBy: { createdAt: "desc" },
  });
}

const viewsOf = (studentId: string, via: string) =>
  store.auditEvent.findMany({
    where: { action: "student.viewed", actorId: users.get("lsa"), subjectId: studentId, detail: { contains: via } },
  });

describe("a deployment's need-to-know for its supporter", () => {
  it("shows Joanne the name and needs of the student she supports, audited, until the deployment is removed", async () => {
    const teacher = await signIn("teacher");
    const joanne = await signIn("lsa");
    const { deaf: maya, hollins: liam, mld1: kayden } = fixture.studentIds;
    const planId = await createPlan(teacher, "Fitness testing with support", dayFromToday(7));
    const forMaya = await deploy(teacher, planId, "lsa", [maya]);
    // Joanne stays deployed in the plan for Kayden (her own institution's student); Aisha supports Liam and Maya.
    await deploy(teacher, planId, "lsa", [kayden]);
    await deploy(teacher, planId, "lsaDeaf", [liam, maya]);

    const briefingPage = await joanne.get(`/deployments/${forMaya.id}`);
    expect(briefingPage.status).toBe(200);
    for (const shown of ["Maya Patel", "EHC plan", "Sensory and/or physical", "British Sign Language", "Thornbury"])
      expect(briefingPage.body, shown).toContain(shown);
    expect(briefingPage.body).not.toContain("M. P.");
    expect(briefingPage.body).not.toContain("Private note");

    const record = await joanne.get(`/students/${maya}`);
    expect(record.status).toBe(200);
    expect(record.body).toContain("Maya Patel");
    expect(record.body).toContain("British Sign Language");
    expect(record.body).not.toContain("Private note");
    expect(record.body).not.toContain("At risk");
    expect(record.body).not.toContain("Vulnerable or at risk");
    expect(record.body).not.toContain("Teaching groups");

    // Liam (Hollins Park) is in the same lesson, but not in her deployment: initials, and his page is closed to her.
    const plan = await joanne.get(`/plans/${planId}`);
    expect(plan.status).toBe(200);
    expect(plan.body).toContain("L. C.");
    expect(plan.body).not.toContain("Liam Carter");
    expect(plan.body).toContain("Maya Patel");
    expect((await joanne.get(`/students/${liam}`)).status).toBe(403);

    for (const via of ["deployment", "record", "lesson-plan"]) {
      const views = await viewsOf(maya, `"via":"${via}"`);
      expect(views, via).toHaveLength(1);
      expect(JSON.parse(views[0]!.detail)).toEqual({ via, view: "need-to-know" });
    }
    expect(await viewsOf(liam, "via")).toHaveLength(0);

    // The teacher removes the deployment: Joanne's socket hears of it without a name, and the grant is gone.
    const socket = await connectSocket(app.origin, { cookie: joanne.cookieHeader() });
    sockets.push(socket);
    const heard = nextEvent(socket, "partnership:changed");
    const removed = await teacher.post(`/plans/${planId}`, { intent: "remove-deployment", deploymentId: forMaya.id });
    expect(removed.status).toBe(200);
    const payload = await heard;
    expect(payload).toMatchObject({ entity: "deployment", id: forMaya.id, action: "deleted" });
    expect(JSON.stringify(payload)).not.toMatch(/Maya|Patel|Liam|Carter/);

    const gone = await joanne.get(`/deployments/${forMaya.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).not.toContain("Maya Patel");
    expect((await joanne.get(`/students/${maya}`)).status).toBe(403);
    const planAfter = await joanne.get(`/plans/${planId}`);
    expect(planAfter.body).toContain("M. P.");
    expect(planAfter.body).not.toContain("Maya Patel");
  });

  it("ends a fortnight after the lesson: a deployment in a lesson long past shows initials", async () => {
    const teacher = await signIn("teacher");
    const joanne = await signIn("lsa");
    const { deaf: maya } = fixture.studentIds;
    const planId = await createPlan(teacher, "A lesson last term", dayFromToday(3));
    const deployment = await deploy(teacher, planId, "lsa", [maya]);
    expect((await joanne.get(`/deployments/${deployment.id}`)).body).toContain("Maya Patel");
    await store.lessonPlan.update({
      where: { id: planId },
      data: { lessonDate: new Date(`${dayFromToday(-15)}T00:00:00.000Z`) },
    });
    const page = await joanne.get(`/deployments/${deployment.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("M. P.");
    expect(page.body).not.toContain("Maya Patel");
  });
});
