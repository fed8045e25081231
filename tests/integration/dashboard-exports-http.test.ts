// The dashboards' CSV downloads and the shared practice gallery's forms through the real built server: each CSV route
// answers 200 with text/csv, a UTF-8 byte-order mark, quoted commas, quotes and line breaks and neutralised formulas;
// a teacher's download holds only the courses they co-plan; an LSA is refused (403) and another partnership's leader
// never sees our rows. Featuring and unfeaturing: field errors (400), who may (403), another partnership's record
// (404), a foreign Origin (403), and an audit entry for each change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, DEMO_PARTNERSHIP, demoUser, type DemoUserKey } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { signedInClient, type HttpClient } from "../support/http-client";

const RANGE = "from=2026-09-01&to=2027-08-31";
const HOSTILE_COURSE = '=HYPERLINK("http://evil.example"), "Sport"';
const PLAN_TITLE = "Line one\nLine two, with a comma";

let app: AppProcess;
let store: Db;
let ours: { partnershipId: string; courseId: string; strategyId: string; planId: string; unplannedCourse: string };
let theirs: { strategyId: string };

beforeAll(async () => {
  const { url: databaseUrl, other } = await seededDatabase("sqlite");
  app = await startApp({ databaseUrl, seedDemo: false });
  store = createDb(databaseUrl);
  const partnership = await store.partnership.findUniqueOrThrow({ where: { slug: DEMO_PARTNERSHIP.slug } });
  const teacher = await store.user.findUniqueOrThrow({ where: { email: demoUser("teacher").email } });
  const lead = await store.institution.findFirstOrThrow({ where: { partnershipId: partnership.id } });
  const course = (title: string, planners: string[]) =>
    store.course.create({
      data: {
        partnershipId: partnership.id,
        title,
        kind: "qualification",
        subject: "pe_sport",
        keyStage: "ks4",
        leadInstitutionId: lead.id,
        planners: { create: planners.map((userId) => ({ userId })) },
      },
    });
  const hostile = await course(HOSTILE_COURSE, [teacher.id]);
  const unplanned = await course("A course nobody in this test co-plans", []);
  const plan = async (courseId: string, title: string) =>
    store.lessonPlan.create({
      data: { partnershipId: partnership.id, courseId, title, lessonDate: new Date("2026-10-15T00:00:00.000Z") },
    });
  const planned = await plan(hostile.id, PLAN_TITLE);
  await plan(unplanned.id, "Unplanned lesson");
  const byTitle = (partnershipId: string) =>
    store.strategy.findFirstOrThrow({ where: { partnershipId, title: "Restorative conversations" } });
  ours = {
    partnershipId: partnership.id,
    courseId: hostile.id,
    strategyId: (await byTitle(partnership.id)).id,
    planId: planned.id,
    unplannedCourse: unplanned.title,
  };
  theirs = { strategyId: (await byTitle(other.partnershipId)).id };
}, 120_000);

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const signIn = (key: DemoUserKey, suffix = "") =>
  signedInClient(app.origin, demoUser(key).email + suffix, DEMO_PASSWORD);

/** The download as bytes: fetch's text() would drop the byte-order mark this test looks for. */
async function download(client: HttpClient, path: string) {
  const res = await fetch(app.url(path), { headers: { cookie: client.cookieHeader() }, redirect: "manual" });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, bytes, text: bytes.toString("utf8") };
}

const CSV_ROUTES = [
  `/dashboards/deployment/per-institution.csv?${RANGE}`,
  `/dashboards/strategies/per-strategy.csv?${RANGE}`,
  `/dashboards/co-planning/plans-by-status.csv?${RANGE}`,
  `/dashboards/meetings/attendance.csv?${RANGE}`,
  `/dashboards/records/deployments.csv?${RANGE}`,
  `/dashboards/records/plans.csv?${RANGE}`,
  `/dashboards/records/meetings.csv?${RANGE}`,
];

describe("CSV downloads", () => {
  it("every route answers a CSV attachment in UTF-8 with a byte-order mark, never cached", async () => {
    const coordinator = await signIn("coordinator");
    for (const path of CSV_ROUTES) {
      const { res, bytes } = await download(coordinator, path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition"), path).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.csv"$/);
      expect(res.headers.get("cache-control"), path).toBe("private, no-store");
      expect([...bytes.subarray(0, 3)], path).toEqual([0xef, 0xbb, 0xbf]);
    }
  });

  it("quotes commas, quotes and line breaks, and neutralises a cell that starts with =", async () => {
    const teacher = await signIn("teacher");
    const status = await download(teacher, `/dashboards/co-planning/plans-by-status.csv?${RANGE}`);
    expect(status.text).toContain(`"'=HYPERLINK(""http://evil.example""), ""Sport"""`);
    expect(status.text).not.toMatch(/(^|,|\r\n)=HYPERLINK/);
    const records = await download(teacher, `/dashboards/records/plans.csv?${RANGE}&course=${ours.courseId}`);
    expect(records.res.status).toBe(200);
    expect(records.text).toContain(`"Line one\nLine two, with a comma"`);
    expect(records.text.split("\r\n")[0]).toBe("\uFEFFLesson date,Lesson plan,Course,Status");
  });

  it("gives a teacher only the figures of the courses they co-plan; the coordinator the whole partnership's", async () => {
    const path = `/dashboards/co-planning/plans-by-status.csv?${RANGE}`;
    const teacher = await download(await signIn("teacher"), path);
    const coordinator = await download(await signIn("coordinator"), path);
    expect(teacher.text).not.toContain(ours.unplannedCourse);
    expect(coordinator.text).toContain(ours.unplannedCourse);
    const records = await download(await signIn("teacher"), `/dashboards/records/plans.csv?${RANGE}`);
    expect(records.text).not.toContain("Unplanned lesson");
  });

  it("refuses an LSA with 403, an unknown table with 404, and never gives another partnership our rows", async () => {
    const lsa = await signIn("lsa");
    for (const path of CSV_ROUTES) {
      expect((await download(lsa, path)).res.status, path).toBe(403);
    }
    const coordinator = await signIn("coordinator");
    expect((await download(coordinator, `/dashboards/co-planning/no-such-table.csv`)).res.status).toBe(404);
    expect((await download(coordinator, `/dashboards/no-such-dashboard/per-need.csv`)).res.status).toBe(404);
    const stranger = await signIn("leader", ".other");
    for (const path of [...CSV_ROUTES, `/dashboards/records/plans.csv?${RANGE}&course=${ours.courseId}`]) {
      const { res, text } = await download(stranger, path);
      expect(res.status, path).toBe(200);
      expect(text, path).not.toContain("HYPERLINK");
      expect(text, path).not.toContain(ours.unplannedCourse);
    }
  });

  it("sends a signed-out download to sign in rather than serving it", async () => {
    const res = await fetch(app.url(CSV_ROUTES[0]!), { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("featuring practice in the gallery", () => {
  const feature = (subjectId: string, reason: string, subjectType = "strategy") => ({
    intent: "feature",
    subjectType,
    subjectId,
    reason,
  });
  const audits = (action: string, subjectId: string) =>
    store.auditEvent.count({ where: { partnershipId: ours.partnershipId, action, subjectId } });

  it("asks for a reason beside the field (400) and features nothing", async () => {
    const coordinator = await signIn("coordinator");
    const res = await coordinator.post("/gallery", feature(ours.strategyId, "   "));
    expect(res.status).toBe(400);
    expect(res.body).toContain("Say why this is featured, so colleagues know what to look for.");
    const long = await coordinator.post("/gallery", feature(ours.strategyId, "x".repeat(501)));
    expect(long.status).toBe(400);
    expect(long.body).toContain("Keep the reason to 500 characters.");
    expect(await store.featuredPractice.count({ where: { subjectId: ours.strategyId } })).toBe(0);
  });

  it("refuses a teacher and an LSA (403), a foreign Origin (403) and another partnership's record (404)", async () => {
    for (const key of ["teacher", "lsa"] as const) {
      const res = await (await signIn(key)).post("/gallery", feature(ours.strategyId, "Works in every key stage."));
      expect(res.status, key).toBe(403);
    }
    const leader = await signIn("leader");
    const forged = await leader.post("/gallery", feature(ours.strategyId, "Forged."), {
      origin: "https://evil.example",
    });
    expect(forged.status).toBe(403);
    const foreign = await leader.post("/gallery", feature(theirs.strategyId, "Not ours to feature."));
    expect(foreign.status).toBe(404);
    expect(
      await store.featuredPractice.count({ where: { subjectId: { in: [ours.strategyId, theirs.strategyId] } } }),
    ).toBe(0);
    expect(await audits("practice.featured", ours.strategyId)).toBe(0);
  });

  it("a leader features a strategy and a plan and stops featuring one, each change audited", async () => {
    const leader = await signIn("leader");
    const featured = await leader.post("/gallery", feature(ours.strategyId, "Calmer corridors at Brookfield."));
    expect(featured.status, featured.body.slice(0, 300)).toBe(200);
    expect(featured.body).toContain("Featured: colleagues see it at the top of the gallery with your reason.");
    const plan = await leader.post("/gallery", feature(ours.planId, "A model of co-planning.", "plan"));
    expect(plan.status).toBe(200);
    expect(await audits("practice.featured", ours.strategyId)).toBe(1);
    expect(await audits("practice.featured", ours.planId)).toBe(1);
    const entry = await store.auditEvent.findFirstOrThrow({
      where: { action: "practice.featured", subjectId: ours.planId },
    });
    expect(entry).toMatchObject({ subjectType: "lesson_plan", actorId: expect.any(String) });
    expect(JSON.parse(entry.detail)).toEqual({ reason: "A model of co-planning." });

    const page = await leader.get("/gallery");
    expect(page.body).toContain("Calmer corridors at Brookfield.");
    const stopped = await leader.post("/gallery", {
      intent: "unfeature",
      subjectType: "strategy",
      subjectId: ours.strategyId,
    });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toContain("No longer featured.");
    expect(await store.featuredPractice.count({ where: { subjectId: ours.strategyId } })).toBe(0);
    expect(await audits("practice.unfeatured", ours.strategyId)).toBe(1);
    // A teacher may not unfeature either.
    const teacher = await signIn("teacher");
    const refused = await teacher.post("/gallery", {
      intent: "unfeature",
      subjectType: "plan",
      subjectId: ours.planId,
    });
    expect(refused.status).toBe(403);
    expect(await store.featuredPractice.count({ where: { subjectId: ours.planId } })).toBe(1);
  });
});
