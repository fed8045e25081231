// The strategy library through the real production server over HTTP: who may
// share, edit, delete, rate and add to plans (403 for the wrong role), another
// partnership's records out of reach by URL and by id guessing in forms (404),
// and bad input answered with 400 and the field's message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, DEMO_PARTNERSHIP, demoUser, type DemoUserKey } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { signedInClient } from "../support/http-client";

let app: AppProcess;
let store: Db;
let ours: {
  partnershipId: string;
  strategyId: string;
  teachersStrategyId: string;
  plannedPlanId: string;
  otherPlanId: string;
};
let theirs: { strategyId: string; planId: string };

async function arrangePlan(partnershipId: string, title: string, plannerEmails: string[]) {
  const hollins = await store.institution.findFirstOrThrow({ where: { partnershipId, kind: "sports_college" } });
  const planners = await store.user.findMany({ where: { email: { in: plannerEmails } }, select: { id: true } });
  const course = await store.course.create({
    data: {
      partnershipId,
      title: `Course for ${title}`,
      kind: "qualification",
      subject: "pe_sport",
      keyStage: "ks4",
      leadInstitutionId: hollins.id,
      planners: { create: planners.map((p) => ({ userId: p.id })) },
    },
  });
  return store.lessonPlan.create({
    data: { partnershipId, courseId: course.id, title, lessonDate: new Date(Date.now() + 86_400_000) },
  });
}

beforeAll(async () => {
  // The demo partnership and a second one ("other-valley", ".other" addresses), seeded once per run.
  const { url: databaseUrl, other } = await seededDatabase("sqlite");
  app = await startApp({ databaseUrl, seedDemo: false });
  store = createDb(databaseUrl);
  const partnership = await store.partnership.findUniqueOrThrow({ where: { slug: DEMO_PARTNERSHIP.slug } });
  const byTitle = (partnershipId: string, title: string) =>
    store.strategy.findFirstOrThrow({ where: { partnershipId, title } });
  ours = {
    partnershipId: partnership.id,
    strategyId: (await byTitle(partnership.id, "Restorative conversations")).id, // shared by the coordinator
    teachersStrategyId: (await byTitle(partnership.id, "Peer coaching in practical sport")).id, // shared by teacherFe
    plannedPlanId: (await arrangePlan(partnership.id, "Fitness testing", [demoUser("teacher").email])).id,
    otherPlanId: (await arrangePlan(partnership.id, "Leadership in sport", [demoUser("teacherFe").email])).id,
  };
  theirs = {
    strategyId: (await byTitle(other.partnershipId, "Restorative conversations")).id,
    planId: (await arrangePlan(other.partnershipId, "Their lesson", [demoUser("teacher").email + ".other"])).id,
  };
});

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const signIn = (key: DemoUserKey) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);
const validStrategy = {
  title: "Think, pair, share",
  summary: "Think alone for a minute, talk it through with a partner, then share with the group.",
  evidence: "",
  needs: "communication_interaction",
  subjects: "drama",
  keyStages: "ks3",
  phases: "starter",
};

describe("browsing and sharing", () => {
  it("every role browses and filters the library in the URL", async () => {
    for (const key of ["coordinator", "leader", "teacher", "lsa"] as const) {
      const res = await (await signIn(key)).get("/strategies?need=sensory_physical&q=lip");
      expect(res.status, key).toBe(200);
      expect(res.body).toContain("Seating and sightlines for lip-reading");
      expect(res.body).not.toContain("Talk partners");
    }
  });

  it("a leader may not open the share form or post to it (403)", async () => {
    const leader = await signIn("leader");
    expect((await leader.get("/strategies/new")).status).toBe(403);
    expect((await leader.post("/strategies/new", validStrategy)).status).toBe(403);
    expect(await store.strategy.count({ where: { title: validStrategy.title } })).toBe(0);
  });

  it("bad input is refused with 400 and a message beside each field", async () => {
    const teacher = await signIn("teacher");
    const res = await teacher.post("/strategies/new", { title: "", summary: "short", needs: "telepathy" });
    expect(res.status).toBe(400);
    expect(res.body).toContain("Give the strategy a title.");
    expect(res.body).toContain("Say a little more: at least 10 characters.");
    expect(res.body).toContain("Choose need areas from the list.");
  });

  it("an LSA shares a strategy and lands on its page", async () => {
    const lsa = await signIn("lsa");
    const res = await lsa.post("/strategies/new", validStrategy);
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/strategies\/[a-z0-9]+$/);
    const page = await lsa.get(res.location!);
    expect(page.status).toBe(200);
    expect(page.body).toContain(validStrategy.title);
    expect(page.body).toContain("Shared by Joanne Price");
  });
});

describe("editing and deleting", () => {
  it("a teacher may not edit or delete a colleague's strategy (403); its author may", async () => {
    const teacher = await signIn("teacher");
    const path = `/strategies/${ours.teachersStrategyId}`;
    expect((await teacher.get(`${path}/edit`)).status).toBe(403);
    expect((await teacher.post(`${path}/edit`, { ...validStrategy, title: "Hijacked" })).status).toBe(403);
    expect((await teacher.post(path, { intent: "delete" })).status).toBe(403);
    const author = await signIn("teacherFe");
    const saved = await author.post(`${path}/edit`, { ...validStrategy, title: "Peer coaching with cards" });
    expect(saved.status).toBe(302);
    expect((await store.strategy.findUniqueOrThrow({ where: { id: ours.teachersStrategyId } })).title).toBe(
      "Peer coaching with cards",
    );
  });

  it("deleting asks first and says what goes with it", async () => {
    const coordinator = await signIn("coordinator");
    const confirm = await coordinator.get(`/strategies/${ours.strategyId}?confirm=delete`);
    expect(confirm.status).toBe(200);
    expect(confirm.body).toMatch(/its links\s*from\s*(<!-- -->)?0(<!-- -->)?\s*(<!-- -->)?lesson plans/);
    expect(confirm.body).toContain("Yes, delete strategy");
  });
});

describe("rating", () => {
  it("a leader rates 1 to 5; anything else is refused with 400 and the field's message", async () => {
    const leader = await signIn("leader");
    const path = `/strategies/${ours.teachersStrategyId}`;
    for (const rating of ["7", "0", "three", ""]) {
      const res = await leader.post(path, { intent: "rate", rating, comment: "" });
      expect(res.status, `rating ${JSON.stringify(rating)}`).toBe(400);
      expect(res.body).toContain("Choose a rating from 1 to 5.");
    }
    const leaderId = (await store.user.findUniqueOrThrow({ where: { email: demoUser("leader").email } })).id;
    expect(await store.strategyRating.count({ where: { strategyId: ours.teachersStrategyId, userId: leaderId } })).toBe(
      0,
    );
    const ok = await leader.post(path, { intent: "rate", rating: "4", comment: "Calmer lessons" });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain("Thank you: your rating is saved.");
    expect(
      await store.strategyRating.findFirst({ where: { strategyId: ours.teachersStrategyId, userId: leaderId } }),
    ).toMatchObject({ rating: 4, comment: "Calmer lessons" });
  });
});

describe("adding to a lesson plan", () => {
  it("a co-planning teacher adds it in one step; a plan of a course they do not co-plan is 403", async () => {
    const teacher = await signIn("teacher");
    const path = `/strategies/${ours.strategyId}`;
    const page = await teacher.get(`${path}?plan=${ours.plannedPlanId}`);
    expect(page.body).toMatch(new RegExp(`<option value="${ours.plannedPlanId}" selected`));
    const added = await teacher.post(path, {
      intent: "add-to-plan",
      lessonPlanId: ours.plannedPlanId,
      note: "Before the fitness test",
    });
    expect(added.status).toBe(200);
    expect(added.body).toContain("Added to “Fitness testing”.");
    expect(
      await store.lessonPlanStrategy.count({
        where: { strategyId: ours.strategyId, lessonPlanId: ours.plannedPlanId },
      }),
    ).toBe(1);
    expect((await teacher.post(path, { intent: "add-to-plan", lessonPlanId: ours.otherPlanId })).status).toBe(403);
    const again = await teacher.post(path, { intent: "add-to-plan", lessonPlanId: ours.plannedPlanId });
    expect(again.status).toBe(400);
    expect(again.body).toContain("already uses this strategy");
  });

  it("an LSA or a leader may not add to any plan (403)", async () => {
    for (const key of ["lsa", "leader"] as const) {
      const res = await (
        await signIn(key)
      ).post(`/strategies/${ours.strategyId}`, { intent: "add-to-plan", lessonPlanId: ours.otherPlanId });
      expect(res.status, key).toBe(403);
    }
  });
});

describe("another partnership", () => {
  it("cannot reach our strategy by URL: page, edit, rate, delete are 404", async () => {
    const stranger = await signedInClient(app.origin, demoUser("coordinator").email + ".other", DEMO_PASSWORD);
    const path = `/strategies/${ours.strategyId}`;
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.get(`${path}/edit`)).status).toBe(404);
    expect((await stranger.post(path, { intent: "rate", rating: "5" })).status).toBe(404);
    expect((await stranger.post(path, { intent: "delete" })).status).toBe(404);
    expect((await stranger.get("/strategies?q=Restorative")).body).not.toContain(ours.strategyId);
    expect(await store.strategy.count({ where: { id: ours.strategyId } })).toBe(1);
  });

  it("cannot be reached by guessing ids in our forms: their plan or their strategy is 404", async () => {
    const coordinator = await signIn("coordinator");
    expect(
      (await coordinator.post(`/strategies/${ours.strategyId}`, { intent: "add-to-plan", lessonPlanId: theirs.planId }))
        .status,
    ).toBe(404);
    expect(
      (
        await coordinator.post(`/strategies/${theirs.strategyId}`, {
          intent: "add-to-plan",
          lessonPlanId: ours.otherPlanId,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await coordinator.post(`/strategies/${ours.strategyId}`, {
          intent: "rate",
          rating: "5",
          lessonPlanId: theirs.planId,
        })
      ).status,
    ).toBe(404);
    expect(await store.lessonPlanStrategy.count({ where: { lessonPlanId: theirs.planId } })).toBe(0);
  });
});
