// The rough edges of the structured forms, through the real built server: a person booked in two places at once
// is named and must be confirmed (an LSA in two lessons, a teacher in two groups), touching times are no clash;
// a group meets at one of its course's delivery sites; a lesson's date is in a sensible window and is checked
// against its group's timetable; a group page leads its planners to plan a lesson for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser, type DemoUserKey } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { signedInClient, type HttpClient } from "../support/http-client";
import { briefing, createLessonFixture, type LessonFixture } from "../support/lesson-plan-fixtures";

let app: AppProcess;
let store: Db;
let fixture: LessonFixture;
let users: Map<string, string>;
let institutions: Map<string, string>;
const demo = { btecCourse: "", btecGroup: "" };

beforeAll(async () => {
  const seeded = await seededDatabase("sqlite");
  store = createDb(seeded.url);
  users = seeded.demo.userIds;
  institutions = seeded.demo.institutionIds;
  fixture = await createLessonFixture(store, seeded.demo);
  // The fixture's groups meet at Hollins Park and Ashbury College: the course's two delivery sites.
  await store.courseSite.createMany({
    data: ["hollins", "ashbury"].map((key) => ({ courseId: fixture.courseId, institutionId: institutions.get(key)! })),
  });
  const btec = await store.course.findFirstOrThrow({
    where: { partnershipId: seeded.demo.partnershipId, title: "BTEC First Award in Sport" },
  });
  demo.btecCourse = btec.id;
  demo.btecGroup = (await store.teachingGroup.findFirstOrThrow({ where: { courseId: btec.id } })).id;
  app = await startApp({ databaseUrl: seeded.url, seedDemo: false });
}, 120_000);

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const as = (key: DemoUserKey) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);

/** The first date on or after n days from today that falls on an ISO weekday (1 Monday ... 7 Sunday). */
function weekdayFromToday(n: number, isoWeekday: number): string {
  let day = new Date(Date.now() + n * 86_400_000);
  while (((day.getUTCDay() + 6) % 7) + 1 !== isoWeekday) day = new Date(day.getTime() + 86_400_000);
  return day.toISOString().slice(0, 10);
}

async function createPlan(
  teacher: HttpClient,
  plan: { title: string; groupId: string; lessonDate: string; startTime: string; durationMinutes: number },
  courseId = fixture.courseId,
): Promise<string> {
  const res = await teacher.post(`/courses/${courseId}/plans/new`, {
    ...plan,
    durationMinutes: String(plan.durationMinutes),
  });
  expect(res.status, res.body.slice(0, 500)).toBe(302);
  return res.location!.split("/").pop()!;
}

const deploy = (teacher: HttpClient, planId: string, extra: Record<string, string> = {}) =>
  teacher.post(`/plans/${planId}`, {
    intent: "deploy",
    supporterId: users.get("lsa")!,
    supporterRole: "lsa",
    phase: "main",
    mode: "group",
    minutes: "40",
    ...briefing,
    ...extra,
  });

const deploymentsOf = (planId: string) => store.deployment.count({ where: { lessonPlanId: planId } });

describe("an LSA booked in two lessons at once", () => {
  it("is named where she is deployed and must be confirmed; touching times are no clash; her list warns her", async () => {
    const sarah = await as("teacher");
    // A Sunday: no lesson of the demo seed falls on it, so only this test's lessons can clash.
    const day = weekdayFromToday(30, 7);
    const atHollins = await createPlan(sarah, {
      title: "Fitness testing",
      groupId: fixture.groupId,
      lessonDate: day,
      startTime: "13:15",
      durationMinutes: 120,
    });
    const atAshbury = await createPlan(sarah, {
      title: "Circuit training",
      groupId: fixture.otherGroupId,
      lessonDate: day,
      startTime: "13:30",
      durationMinutes: 60,
    });
    const afterwards = await createPlan(sarah, {
      title: "Cool-down games",
      groupId: fixture.otherGroupId,
      lessonDate: day,
      startTime: "15:15",
      durationMinutes: 45,
    });
    expect((await deploy(sarah, atHollins)).status).toBe(200);

    const warned = await deploy(sarah, atAshbury);
    expect(warned.status).toBe(400);
    expect(warned.body).toContain("Joanne Price is already booked then: Fitness testing,");
    expect(warned.body).toContain(
      "13:15-15:15 at Hollins Park Sports College (60 minutes at the same time, at another site)",
    );
    expect(warned.body).toContain("Deploy them anyway");
    expect(await deploymentsOf(atAshbury)).toBe(0);

    expect((await deploy(sarah, atAshbury, { confirmClash: "on" })).status).toBe(200);
    expect(await deploymentsOf(atAshbury)).toBe(1);
    // The plan page keeps the clash in view beside her deployment, as does the other lesson's.
    expect((await sarah.get(`/plans/${atAshbury}`)).body).toContain("Joanne Price is also booked then:");
    expect((await sarah.get(`/plans/${atHollins}`)).body).toContain("Joanne Price is also booked then:");

    // 13:15 for 120 minutes ends at 15:15, when the next lesson starts: no warning, nothing to confirm.
    const touching = await deploy(sarah, afterwards);
    expect(touching.status, touching.body.includes("already booked") ? "warned" : "").toBe(200);
    expect(await deploymentsOf(afterwards)).toBe(1);

    const list = await (await as("lsa")).get("/deployments");
    expect(list.status).toBe(200);
    expect(list.body).toContain("At the same time as:");
    expect(list.body).toContain("Circuit training,");
    // Two deployments clash with each other, each names the other; the touching one names none.
    expect(list.body.match(/At the same time as:/g)).toHaveLength(2);
  });
});

describe("a teacher timetabled with two groups at once", () => {
  it("is named when a clashing session or the teacher is added, must be confirmed, and the group page says so", async () => {
    const sarah = await as("teacher");
    // Sarah teaches the demo BTEC group on Tuesdays 13:15-15:15 and Thursdays 09:00-10:30, and the fixture's group.
    const session = { intent: "add-session", dayOfWeek: "2", startTime: "14:00", endTime: "15:00" };
    const hollins = institutions.get("hollins")!;
    const warned = await sarah.post(`/groups/${fixture.groupId}`, { ...session, siteId: hollins });
    expect(warned.status).toBe(400);
    expect(warned.body).toContain(
      "Sarah Whitfield is already booked then: BTEC Sport 2025-26 (Tuesday and Thursday), Tuesday 13:15-15:15 at Hollins Park Sports College (60 minutes at the same time)",
    );
    expect(warned.body).toContain("Add the session anyway");
    expect(await store.groupSession.count({ where: { groupId: fixture.groupId } })).toBe(0);
    const confirmed = await sarah.post(`/groups/${fixture.groupId}`, {
      ...session,
      siteId: hollins,
      confirmClash: "on",
    });
    expect(confirmed.status).toBe(200);
    expect(await store.groupSession.count({ where: { groupId: fixture.groupId } })).toBe(1);

    // Thursday 10:30 is when her BTEC session ends: touching, so no warning.
    const touching = await sarah.post(`/groups/${fixture.groupId}`, {
      intent: "add-session",
      dayOfWeek: "4",
      startTime: "10:30",
      endTime: "11:30",
      siteId: hollins,
    });
    expect(touching.status).toBe(200);

    const page = await sarah.get(`/groups/${fixture.groupId}`);
    expect(page.body).toContain("Sarah Whitfield teaches another group at the same time:");

    // Tom also teaches the BTEC group on Tuesdays: adding him to a group that meets then is a clash to confirm.
    const ashbury = institutions.get("ashbury")!;
    expect(
      (
        await sarah.post(`/groups/${fixture.otherGroupId}`, {
          intent: "add-session",
          dayOfWeek: "2",
          startTime: "13:30",
          endTime: "14:30",
          siteId: ashbury,
        })
      ).status,
    ).toBe(200);
    const tom = users.get("teacherFe")!;
    const addTom = await sarah.post(`/groups/${fixture.otherGroupId}`, { intent: "add-teacher", userId: tom });
    expect(addTom.status).toBe(400);
    expect(addTom.body).toContain("Tom Gallagher is already booked then:");
    expect(addTom.body).toContain("at another site");
    expect(await store.groupTeacher.count({ where: { groupId: fixture.otherGroupId, userId: tom } })).toBe(0);
    const added = await sarah.post(`/groups/${fixture.otherGroupId}`, {
      intent: "add-teacher",
      userId: tom,
      confirmClash: "on",
    });
    expect(added.status).toBe(200);
    expect(await store.groupTeacher.count({ where: { groupId: fixture.otherGroupId, userId: tom } })).toBe(1);
  });
});

describe("a group's site", () => {
  it("is one of the course's delivery sites: the forms offer only those and the server refuses others", async () => {
    const sarah = await as("teacher");
    const brookfield = institutions.get("brookfield")!;
    const form = await sarah.get(`/courses/${fixture.courseId}/groups/new`);
    expect(form.body).toContain(`value="${institutions.get("ashbury")}"`);
    expect(form.body).not.toContain(`value="${brookfield}"`);

    const refused = await sarah.post(`/courses/${fixture.courseId}/groups/new`, {
      name: "Away group",
      siteId: brookfield,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("delivery sites. To meet somewhere else, add that site to the course first.");
    expect(await store.teachingGroup.count({ where: { name: "Away group" } })).toBe(0);

    const moved = await sarah.post(`/groups/${fixture.groupId}`, {
      intent: "details",
      name: "Year 10-11 BTEC Sport",
      siteId: brookfield,
    });
    expect(moved.status).toBe(400);
    expect(moved.body).toContain("delivery sites.");
    expect((await store.teachingGroup.findUniqueOrThrow({ where: { id: fixture.groupId } })).siteId).toBe(
      institutions.get("hollins"),
    );
    const created = await sarah.post(`/courses/${fixture.courseId}/groups/new`, {
      name: "College group",
      siteId: institutions.get("ashbury")!,
    });
    expect(created.status).toBe(302);
  });
});

describe("a lesson's date", () => {
  it("is refused beside the date field when it is in 1999 or years ahead, on creation and when changed", async () => {
    const sarah = await as("teacher");
    const plan = { title: "Long ago", groupId: "", startTime: "", durationMinutes: "60" };
    const old = await sarah.post(`/courses/${fixture.courseId}/plans/new`, { ...plan, lessonDate: "1999-03-02" });
    expect(old.status).toBe(400);
    expect(old.body).toContain("Choose a date from 1 September");
    expect(await store.lessonPlan.count({ where: { title: "Long ago" } })).toBe(0);

    const planId = await createPlan(sarah, {
      title: "Moved lesson",
      groupId: "",
      lessonDate: weekdayFromToday(10, 3),
      startTime: "",
      durationMinutes: 60,
    });
    const far = await sarah.post(`/plans/${planId}`, {
      intent: "details",
      ...plan,
      title: "Moved lesson",
      lessonDate: "2062-03-02",
    });
    expect(far.status).toBe(400);
    expect(far.body).toContain("lessons are planned at most two years ahead.");
    const stored = await store.lessonPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(stored.lessonDate?.toISOString().slice(0, 10)).toBe(weekdayFromToday(10, 3));
  });

  it("is checked against the group's timetable: a warning on the plan page when it is not a day the group meets", async () => {
    const sarah = await as("teacher");
    const group = { groupId: demo.btecGroup, startTime: "13:15", durationMinutes: 120 };
    const wednesday = await createPlan(
      sarah,
      { ...group, title: "Wednesday catch-up", lessonDate: weekdayFromToday(20, 3) },
      demo.btecCourse,
    );
    const page = await sarah.get(`/plans/${wednesday}`);
    expect(page.body).toContain(
      "BTEC Sport 2025-26 (Tuesday and Thursday) meets on Tuesdays and Thursdays; this date is a Wednesday.",
    );
    const tuesday = await createPlan(
      sarah,
      { ...group, title: "Tuesday lesson", lessonDate: weekdayFromToday(20, 2) },
      demo.btecCourse,
    );
    expect((await sarah.get(`/plans/${tuesday}`)).body).not.toContain("this date is a");
  });
});

describe("planning a lesson from a group page", () => {
  it("offers its planners a link to a new plan with the group chosen; not those who cannot plan", async () => {
    const link = `href="/courses/${demo.btecCourse}/plans/new?group=${demo.btecGroup}"`;
    const teacherPage = await (await as("teacher")).get(`/groups/${demo.btecGroup}`);
    expect(teacherPage.body).toContain(link);
    expect(teacherPage.body).toContain("Plan a lesson for this group");
    for (const key of ["lsa", "leader"] as const) {
      const page = await (await as(key)).get(`/groups/${demo.btecGroup}`);
      expect(page.status, key).toBe(200);
      expect(page.body, key).not.toContain("Plan a lesson for this group");
    }
    const form = await (await as("teacher")).get(`/courses/${demo.btecCourse}/plans/new?group=${demo.btecGroup}`);
    expect(form.body).toMatch(new RegExp(`<option value="${demo.btecGroup}" selected=""`));
  });
});
