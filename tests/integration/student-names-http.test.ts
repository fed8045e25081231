// Student names in free text reach each reader only as they may see the student, through the real built server.
// Sarah (Hollins Park) teaches the mixed BTEC group and sees every student of it in full; Tom (a co-planner at
// Ashbury College) and Aisha (an LSA at Thornbury, deployed for Maya only) see Ellie Marsh of Brookfield as "E. M.".
// Whatever Sarah or Aisha writes about Ellie in a briefing, feedback, differentiation note, transport note, strategy
// note or rating comment, Tom and Aisha receive initials in the page and in its .data; Sarah receives the name.
// A rating given after a lesson does not reveal that lesson's plan to Joanne, who may not open it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { signedInClient, type HttpClient } from "../support/http-client";
import { briefing, createLessonFixture, dayFromToday, type LessonFixture } from "../support/lesson-plan-fixtures";

let app: AppProcess;
let store: Db;
let fixture: LessonFixture;
let users = new Map<string, string>();
let institutions = new Map<string, string>();
let planId = "";
let deploymentId = "";
const clients = new Map<string, HttpClient>();

beforeAll(async () => {
  const { url: databaseUrl, demo } = await seededDatabase("sqlite");
  store = createDb(databaseUrl);
  users = demo.userIds;
  institutions = demo.institutionIds;
  fixture = await createLessonFixture(store, demo, " (names)");
  app = await startApp({ databaseUrl, seedDemo: false });
}, 120_000);

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

type Member = "teacher" | "teacherFe" | "lsa" | "lsaDeaf" | "coordinator";

async function as(key: Member): Promise<HttpClient> {
  const found = clients.get(key);
  if (found) return found;
  const client = await signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);
  clients.set(key, client);
  return client;
}

/** The page and its .data (what a client-side navigation fetches), as one raw text to search. */
async function everythingSentFor(key: Member, path: string): Promise<string> {
  const client = await as(key);
  const page = await client.get(path);
  expect(page.status, `${key} ${path}`).toBe(200);
  const data = await client.get(`${path}.data`);
  expect(data.status, `${key} ${path}.data`).toBe(200);
  return `${page.body}\n${data.body}`;
}

function expectNamed(sent: string, written: string) {
  expect(sent).toContain(written);
}

/** Neither "Ellie" nor "Marsh" anywhere in what was sent, and the initials where the text was. */
function expectInitialsOnly(sent: string, screened: string) {
  expect(sent).not.toMatch(/Ellie|Marsh/i);
  expect(sent).toContain(screened);
}

async function postForm(key: Member, path: string, form: Record<string, string>) {
  const res = await (await as(key)).post(path, form);
  expect(res.status, res.body.slice(0, 400)).toBeLessThan(400);
  return res;
}

describe("student names in free text", () => {
  beforeAll(async () => {
    const created = await postForm("teacher", `/courses/${fixture.courseId}/plans/new`, {
      title: "Circuit training",
      unitId: fixture.unitId,
      groupId: fixture.groupId,
      lessonDate: dayFromToday(5),
      startTime: "09:15",
      durationMinutes: "60",
    });
    planId = created.location!.split("/").pop()!;
    await postForm("teacher", `/plans/${planId}`, {
      intent: "deploy",
      supporterId: users.get("lsaDeaf")!,
      supporterRole: "lsa",
      phase: "main",
      mode: "group",
      minutes: "40",
      ...briefing,
      concepts: "Make sure Ellie can see you; sit by Ellie Marsh's table.",
      studentIds: fixture.studentIds.deaf,
    });
    deploymentId = (await store.deployment.findFirstOrThrow({ where: { lessonPlanId: planId } })).id;
  });

  it("gives a briefing's names to the supporter only as she may see them", async () => {
    expectInitialsOnly(
      await everythingSentFor("lsaDeaf", `/deployments/${deploymentId}`),
      "Make sure E. M. can see you; sit by E. M.&#x27;s table.",
    );
    expectInitialsOnly(await everythingSentFor("teacherFe", `/plans/${planId}`), "Make sure E. M. can see you");
    expectNamed(await everythingSentFor("teacher", `/plans/${planId}`), "Make sure Ellie can see you");
    expectNamed(await everythingSentFor("coordinator", `/deployments/${deploymentId}`), "Ellie Marsh&#x27;s table");
  });

  it("gives the supporter's feedback to the plan's readers as they may see its students", async () => {
    await postForm("lsaDeaf", `/deployments/${deploymentId}`, {
      intent: "feedback",
      feedback: "Maya and ellie worked well together.",
    });
    // Maya is Aisha's own student (Thornbury) but Tom's only as initials.
    expectInitialsOnly(await everythingSentFor("teacherFe", `/plans/${planId}`), "M. P. and E. M. worked well");
    expectNamed(await everythingSentFor("teacher", `/plans/${planId}`), "Maya and ellie worked well together.");
  });

  it("gives differentiation and strategy notes as the reader may see their students", async () => {
    await postForm("teacher", `/plans/${planId}`, {
      intent: "add-differentiation",
      studentId: fixture.studentIds.mld2,
      needArea: "",
      note: "ELLIE has the task cards on her desk.",
    });
    await postForm("teacher", `/strategies/${fixture.strategyId}`, {
      intent: "add-to-plan",
      lessonPlanId: planId,
      note: "Cards for Ellie",
    });
    const tom = await everythingSentFor("teacherFe", `/plans/${planId}`);
    expectInitialsOnly(tom, "E. M. has the task cards on her desk.");
    expect(tom).toContain("Cards for E. M.");
    const sarah = await everythingSentFor("teacher", `/plans/${planId}`);
    expectNamed(sarah, "ELLIE has the task cards");
    expectNamed(sarah, "Cards for Ellie");
  });

  it("gives a group's transport notes as the reader may see its students", async () => {
    await postForm("teacher", `/groups/${fixture.groupId}`, {
      intent: "transport",
      institutionId: institutions.get("brookfield")!,
      note: "Ellie and Kayden come on the school minibus.",
    });
    expectInitialsOnly(
      await everythingSentFor("teacherFe", `/groups/${fixture.groupId}`),
      "E. M. and K. B. come on the school minibus.",
    );
    expectNamed(
      await everythingSentFor("teacher", `/groups/${fixture.groupId}`),
      "Ellie and Kayden come on the school minibus.",
    );
  });

  it("gives rating comments as the reader may see their students, and never the id of a plan they may not open", async () => {
    await postForm("teacher", `/strategies/${fixture.strategyId}`, {
      intent: "rate",
      rating: "5",
      comment: "Ellie finished every station on her own.",
      lessonPlanId: planId,
    });
    const tom = await everythingSentFor("teacherFe", `/strategies/${fixture.strategyId}`);
    expectInitialsOnly(tom, "E. M. finished every station on her own.");
    // Tom may read every plan: his rating item names the lesson.
    expect(tom).toContain(planId);
    expectNamed(
      await everythingSentFor("teacher", `/strategies/${fixture.strategyId}`),
      "Ellie finished every station",
    );

    // Joanne is not deployed in the plan, so may not open it: the rating is "after a lesson", with no id or title.
    expect([403, 404]).toContain((await (await as("lsa")).get(`/plans/${planId}`)).status);
    const joanne = await everythingSentFor("lsa", `/strategies/${fixture.strategyId}`);
    expect(joanne).toContain("after a lesson");
    expect(joanne).not.toContain(planId);
    expect(joanne).not.toContain("Circuit training");
  });

  it("tells a writer only the names they may see themselves", async () => {
    const ask = async (key: Member, text: string) => {
      const res = await (await as(key)).post("/student-names", { text }, { headers: { accept: "application/json" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toContain("no-store");
      return (JSON.parse(res.body) as { students: Array<{ firstName: string; lastName: string; initials: string }> })
        .students;
    };
    const sarah = await ask("teacher", "Kayden and Maya Patel");
    expect(sarah).toEqual(
      expect.arrayContaining([
        { firstName: "Kayden", lastName: "Brooks", initials: "K. B." },
        { firstName: "Maya", lastName: "Patel", initials: "M. P." },
      ]),
    );
    const tom = await ask("teacherFe", "Kayden and Maya Patel");
    expect(JSON.stringify(tom)).not.toMatch(/Kayden|Brooks|Maya|Patel/);
    expect((await (await as("teacher")).post("/student-names", { text: "Kayden" }, { origin: null })).status).toBe(403);
  });
});
