// Courses, groups and students through the real production server: every loader
// and action checks the policy (403 for the wrong role), hides other partnerships'
// records (404), validates input field by field (400 with the message), and
// audits each full view of a student's details.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser, type DemoUserKey } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { HttpClient, signedInClient } from "../support/http-client";

let app: AppProcess;
let store: Db;
const ids = { btec: "", dance: "", btecGroup: "", danceGroup: "", kyle: "", ellie: "", theirCourse: "" };

beforeAll(async () => {
  // The demo partnership and a second one ("other-valley", ".other" addresses), seeded once per run.
  const { url: databaseUrl } = await seededDatabase("sqlite");
  app = await startApp({ databaseUrl, seedDemo: false });
  store = createDb(databaseUrl);
  const ours = await store.partnership.findUniqueOrThrow({ where: { slug: "ashbury-valley" } });
  const course = (title: string, partnershipId = ours.id) =>
    store.course.findFirstOrThrow({ where: { partnershipId, title } });
  ids.btec = (await course("BTEC First Award in Sport")).id;
  ids.dance = (await course("Dance (adapted module)")).id;
  ids.btecGroup = (await store.teachingGroup.findFirstOrThrow({ where: { courseId: ids.btec } })).id;
  ids.danceGroup = (await store.teachingGroup.findFirstOrThrow({ where: { courseId: ids.dance } })).id;
  ids.kyle = (await store.student.findFirstOrThrow({ where: { partnershipId: ours.id, firstName: "Kyle" } })).id;
  ids.ellie = (await store.student.findFirstOrThrow({ where: { partnershipId: ours.id, firstName: "Ellie" } })).id;
  const theirs = await store.partnership.findUniqueOrThrow({ where: { slug: "other-valley" } });
  ids.theirCourse = (await course("BTEC First Award in Sport", theirs.id)).id;
});

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const as = (key: DemoUserKey) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);
const asOther = (key: DemoUserKey) => signedInClient(app.origin, `${demoUser(key).email}.other`, DEMO_PASSWORD);
const viewsBy = async (key: DemoUserKey) => {
  const user = await store.user.findUniqueOrThrow({ where: { email: demoUser(key).email } });
  return store.auditEvent.count({ where: { actorId: user.id, action: "student.viewed" } });
};

describe("pages by role", () => {
  it("sends a visitor who is not signed in to sign in", async () => {
    const res = await new HttpClient(app.origin).get("/courses");
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login?redirectTo=%2Fcourses");
  });

  it("every role browses courses and opens one; the navigation offers Students to all but LSAs", async () => {
    for (const key of ["coordinator", "leader", "teacher", "lsa"] as const) {
      const browser = await as(key);
      const list = await browser.get("/courses");
      expect(list.status, key).toBe(200);
      expect(list.body).toContain("BTEC First Award in Sport");
      expect(list.body.includes('href="/students"'), `${key} Students link`).toBe(key !== "lsa");
      expect((await browser.get(`/courses/${ids.btec}`)).status, key).toBe(200);
    }
  });

  it("filters and sorts in the URL", async () => {
    const browser = await as("leader");
    const res = await browser.get("/courses?subject=dance&sort=recent");
    expect(res.body).toContain("Dance (adapted module)");
    expect(res.body).not.toContain("NVQ Level 1 Catering");
  });

  it("offers course creation to teachers and the coordinator only (403 otherwise, for the page and the action)", async () => {
    expect((await (await as("teacher")).get("/courses/new")).status).toBe(200);
    expect((await (await as("coordinator")).get("/courses/new")).status).toBe(200);
    for (const key of ["leader", "lsa"] as const) {
      const browser = await as(key);
      expect((await browser.get("/courses/new")).status, key).toBe(403);
      expect((await browser.post("/courses/new", { title: "Sneaky" })).status, key).toBe(403);
    }
  });

  it("lets only co-planners and the coordinator edit a course", async () => {
    expect((await (await as("teacher")).get(`/courses/${ids.btec}/edit`)).status).toBe(200);
    expect((await (await as("coordinator")).get(`/courses/${ids.btec}/edit`)).status).toBe(200);
    for (const key of ["teacherDance", "leader", "lsa"] as const) {
      const browser = await as(key);
      expect((await browser.get(`/courses/${ids.btec}/edit`)).status, key).toBe(403);
      expect(
        (await browser.post(`/courses/${ids.btec}/edit`, { intent: "add-unit", title: "Hijack" })).status,
        key,
      ).toBe(403);
      expect(
        (await browser.post(`/groups/${ids.btecGroup}`, { intent: "transport", institutionId: "x", note: "x" })).status,
        key,
      ).not.toBe(200);
    }
    expect(await store.courseUnit.count({ where: { courseId: ids.btec, title: "Hijack" } })).toBe(0);
  });

  it("shows an LSA only the groups they are deployed with, and no student list", async () => {
    const lsa = await as("lsa");
    // The demo seed deploys Joanne in the BTEC Sport group's lessons, not in the Dance group's.
    expect((await lsa.get(`/groups/${ids.btecGroup}`)).status).toBe(200);
    expect((await lsa.get(`/groups/${ids.danceGroup}`)).status).toBe(403);
    expect((await lsa.get("/students")).status).toBe(403);
  });
});

describe("other partnerships", () => {
  it("answer 404 for our courses, groups and students, to every page and action", async () => {
    const stranger = await asOther("coordinator");
    for (const path of [
      `/courses/${ids.btec}`,
      `/courses/${ids.btec}/edit`,
      `/courses/${ids.btec}/groups/new`,
      `/groups/${ids.btecGroup}`,
      `/students/${ids.kyle}`,
    ]) {
      expect((await stranger.get(path)).status, path).toBe(404);
    }
    expect((await stranger.post(`/courses/${ids.btec}/edit`, { intent: "delete" })).status).toBe(404);
    expect((await stranger.post(`/groups/${ids.btecGroup}`, { intent: "delete" })).status).toBe(404);
    expect((await stranger.post(`/students/${ids.kyle}`, { firstName: "X" })).status).toBe(404);
    expect(await store.course.count({ where: { id: ids.btec } })).toBe(1);
    // And ours cannot reach theirs.
    expect((await (await as("coordinator")).get(`/courses/${ids.theirCourse}`)).status).toBe(404);
    // Their lists never show our records.
    const list = await stranger.get("/students");
    expect(list.body).not.toContain(ids.kyle);
  });
});

describe("validation", () => {
  it("returns 400 with a message beside each wrong field when creating a course", async () => {
    const res = await (
      await as("teacher")
    ).post("/courses/new", { title: "", kind: "qualification", qualification: "", subject: "nonsense" });
    expect(res.status).toBe(400);
    expect(res.body).toContain("Enter the course title.");
    expect(res.body).toContain("Choose a subject.");
    expect(res.body).toContain("Choose at least one delivery site.");
  });

  it("refuses another partnership's institution as a field error", async () => {
    const theirInstitution = await store.institution.findFirstOrThrow({
      where: { partnership: { slug: "other-valley" } },
    });
    const res = await (
      await as("teacher")
    ).post("/courses/new", {
      title: "Borrowed site",
      kind: "adapted_module",
      subject: "pe_sport",
      keyStage: "ks4",
      leadInstitutionId: theirInstitution.id,
      siteIds: theirInstitution.id,
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain("Choose an institution of this partnership.");
  });

  it("returns 400 for a timetable session that ends before it starts", async () => {
    const res = await (
      await as("teacher")
    ).post(`/groups/${ids.btecGroup}`, {
      intent: "add-session",
      dayOfWeek: "2",
      startTime: "14:00",
      endTime: "13:00",
      siteId: "x",
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain("The session must end after it starts.");
  });

  it("returns 400 for a student without a name or year group", async () => {
    const res = await (
      await as("teacher")
    ).post("/students/new", { firstName: "", lastName: "Smith", senStatus: "ehc_plan" });
    expect(res.status).toBe(400);
    expect(res.body).toContain("Enter the student&#x27;s first name.");
    expect(res.body).toContain("Choose a year group.");
  });

  it("returns 400 for a student on SEN support without an area of need", async () => {
    const hollins = await store.institution.findFirstOrThrow({
      where: { name: "Hollins Park Sports College", partnership: { slug: "ashbury-valley" } },
    });
    const res = await (
      await as("teacher")
    ).post("/students/new", {
      firstName: "Amy",
      lastName: "Cole",
      homeInstitutionId: hollins.id,
      yearGroup: "10",
      senStatus: "sen_support",
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain("Choose at least one broad area of need");
  });
});

describe("a course from start to end", () => {
  it("a teacher creates a course with a co-planner, adds a unit and a group with a session; the course lists them", async () => {
    const sarah = await as("teacher");
    const tom = await store.user.findUniqueOrThrow({ where: { email: demoUser("teacherFe").email } });
    const hollins = await store.institution.findFirstOrThrow({
      where: { name: "Hollins Park Sports College", partnership: { slug: "ashbury-valley" } },
    });
    const created = await sarah.post("/courses/new", {
      title: "OCR Sport Leaders",
      kind: "qualification",
      qualification: "Sports Leaders Level 1",
      subject: "pe_sport",
      keyStage: "ks4",
      leadInstitutionId: hollins.id,
      siteIds: hollins.id,
      units: "Leading warm-ups\nOrganising a tournament",
      plannerIds: tom.id,
    });
    expect(created.status).toBe(302);
    const courseId = created.location!.split("/").pop()!;
    const tomBrowser = await as("teacherFe");
    expect(
      (await tomBrowser.post(`/courses/${courseId}/edit`, { intent: "add-unit", title: "Reviewing my leadership" }))
        .status,
    ).toBe(200);
    const group = await tomBrowser.post(`/courses/${courseId}/groups/new`, {
      name: "Sport Leaders Y10",
      siteId: hollins.id,
      academicYear: "2025-26",
    });
    expect(group.status).toBe(302);
    const groupPath = group.location!;
    expect(
      (
        await tomBrowser.post(groupPath, {
          intent: "add-session",
          dayOfWeek: "1",
          startTime: "13:00",
          endTime: "14:30",
          siteId: hollins.id,
        })
      ).status,
    ).toBe(200);
    const page = await sarah.get(`/courses/${courseId}`);
    expect(page.body).toContain("Reviewing my leadership");
    expect(page.body).toContain("Sport Leaders Y10");
    expect(page.body).toContain("Tom Gallagher");
    const groupPage = await sarah.get(groupPath);
    expect(groupPage.body).toContain("Monday");
    expect(groupPage.body).toContain("13:00 to 14:30");
  });
});

describe("student details", () => {
  it("a teacher of the group sees Kyle in full, and the view is audited", async () => {
    const before = await viewsBy("teacher");
    const res = await (await as("teacher")).get(`/students/${ids.kyle}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain("Kyle Hartley");
    expect(res.body).toContain("EHC plan");
    expect((await viewsBy("teacher")) - before).toBe(1);
  });

  it("a teacher elsewhere sees initials only, and nothing is audited", async () => {
    const before = await viewsBy("teacherDance");
    const res = await (await as("teacherDance")).get(`/students/${ids.kyle}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain("K. H.");
    expect(res.body).not.toContain("Hartley");
    expect(res.body).not.toContain("EHC plan");
    expect((await (await as("teacherDance")).get(`/groups/${ids.btecGroup}`)).body).not.toContain("Hartley");
    expect(await viewsBy("teacherDance")).toBe(before);
  });

  it("an LSA of the home institution opens the record; an LSA elsewhere is refused", async () => {
    expect((await (await as("lsa")).get(`/students/${ids.kyle}`)).status).toBe(200);
    expect((await (await as("lsaDeaf")).get(`/students/${ids.kyle}`)).status).toBe(403);
  });

  it("only the coordinator and teachers of the home institution add or edit students", async () => {
    const brookfield = await store.institution.findFirstOrThrow({
      where: { name: "Brookfield School", partnership: { slug: "ashbury-valley" } },
    });
    const student = {
      firstName: "Owen",
      lastName: "Tate",
      homeInstitutionId: brookfield.id,
      yearGroup: "10",
      senStatus: "none",
    };
    expect((await (await as("teacherDance")).post("/students/new", student)).status).toBe(403);
    expect((await (await as("leader")).post("/students/new", student)).status).toBe(403);
    expect(
      (
        await (
          await as("teacher")
        ).post(`/students/${ids.kyle}`, { ...student, firstName: "Kyle", lastName: "Hartley" })
      ).status,
    ).toBe(403);
    const created = await (await as("teacherSpecial")).post("/students/new", student);
    expect(created.status).toBe(302);
    const updated = await (
      await as("teacherSpecial")
    ).post(created.location!, { ...student, notes: "Likes routines." });
    expect(updated.status).toBe(200);
    const id = created.location!.split("/").pop()!;
    expect(
      await store.auditEvent.count({
        where: { subjectId: id, action: { in: ["student.created", "student.updated"] } },
      }),
    ).toBe(2);
  });
});
