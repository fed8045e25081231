// Who may mark a student as left, erase them now, export everything held about them, and set the retention period,
// over HTTP: each refused request changes nothing; the coordinator's export and erasure are audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { signedInClient } from "../support/http-client";
import { createLessonFixture, type LessonFixture } from "../support/lesson-plan-fixtures";

let app: AppProcess;
let store: Db;
let fixture: LessonFixture;
let partnershipId = "";

beforeAll(async () => {
  const { url: databaseUrl, demo } = await seededDatabase("sqlite");
  store = createDb(databaseUrl);
  partnershipId = demo.partnershipId;
  fixture = await createLessonFixture(store, demo, " (leavers)");
  app = await startApp({ databaseUrl, seedDemo: false });
}, 120_000);

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const signIn = (key: Parameters<typeof demoUser>[0]) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);
const leftOn = async (id: string) => (await store.student.findUniqueOrThrow({ where: { id } })).leftOn;

describe("leavers over HTTP", () => {
  it("a teacher of the home institution marks a student as left and back; other staff are refused", async () => {
    const id = fixture.studentIds.hollins;
    for (const key of ["teacherDance", "leader", "lsa"] as const) {
      const res = await (await signIn(key)).post(`/students/${id}`, { intent: "left", leftOn: "2026-07-20" });
      expect(res.status, key).toBe(403);
    }
    expect(await leftOn(id)).toBeNull();
    const sarah = await signIn("teacher");
    expect((await sarah.post(`/students/${id}`, { intent: "left", leftOn: "2020-07-20" })).status).toBe(200);
    expect(await leftOn(id)).toEqual(new Date("2020-07-20T00:00:00.000Z"));
    expect((await sarah.post(`/students/${id}`, { intent: "left", leftOn: "2999-01-01" })).status).toBe(400);
    expect((await sarah.post(`/students/${id}`, { intent: "reinstate" })).status).toBe(200);
    expect(await leftOn(id)).toBeNull();
  });

  it("only the coordinator exports everything held about a student, as an audited JSON download", async () => {
    const id = fixture.studentIds.deaf;
    for (const key of ["teacher", "leader", "lsa"] as const) {
      expect((await (await signIn(key)).get(`/students/${id}/export`)).status, key).toBe(403);
    }
    const res = await (await signIn("coordinator")).get(`/students/${id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="student-${id}.json"`);
    const exported = JSON.parse(res.body) as { student: { id: string; lastName: string }; groups: unknown[] };
    expect(exported.student.id).toBe(id);
    expect(exported.groups.length).toBeGreaterThan(0);
    expect(await store.auditEvent.count({ where: { action: "student.exported", subjectId: id } })).toBe(1);
  });

  it("only the coordinator erases a student now, audited by id", async () => {
    const id = fixture.studentIds.mld1;
    for (const key of ["teacher", "leader", "teacherDance"] as const) {
      expect((await (await signIn(key)).post(`/students/${id}`, { intent: "erase" })).status, key).toBe(403);
    }
    expect(await store.student.count({ where: { id } })).toBe(1);
    const res = await (await signIn("coordinator")).post(`/students/${id}`, { intent: "erase" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/students?erased=1");
    expect(await store.student.count({ where: { id } })).toBe(0);
    expect(await store.auditEvent.count({ where: { action: "student.erased", subjectId: id, partnershipId } })).toBe(1);
  });

  it("only the coordinator sees the leavers and sets the retention period", async () => {
    const sarah = await signIn("teacher");
    expect((await sarah.get("/students/leavers")).status).toBe(403);
    expect((await sarah.post("/students/leavers", { years: "2" })).status).toBe(403);
    const helen = await signIn("coordinator");
    expect((await helen.get("/students/leavers")).status).toBe(200);
    expect((await helen.post("/students/leavers", { years: "0" })).status).toBe(400);
    expect((await helen.post("/students/leavers", { years: "3" })).status).toBe(200);
    const partnership = await store.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(partnership.studentRetentionYears).toBe(3);
  });
});
