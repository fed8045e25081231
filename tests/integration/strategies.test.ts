// The strategy library at the model level, on SQLite and PostgreSQL: browsing
// with filters, search, sort and pages; sharing with a co-edited description;
// rating (one per member per plan, aggregated); adding to plans only where the
// member may edit; where-used visibility; deletion; the partnership boundary.
import { describe, expect, it } from "vitest";
import type { ActionContext, Actor } from "~/policies/actor";
import { db } from "~/models/db.server";
import { getDocumentByOwnerForActor } from "~/models/collab-documents.server";
import { yjsStateToEditorState } from "~/lib/document-schema/headless";
import { loadDocumentState } from "~/models/collab-log.server";
import { parseStrategyFilters, type StrategyInput } from "~/lib/forms/strategies";
import {
  addToLessonPlan,
  createStrategy,
  deleteStrategy,
  getStrategy,
  rateStrategy,
  strategyDeletionImpact,
  updateStrategy,
} from "~/models/strategies.server";
import { STRATEGIES_PAGE_SIZE, listStrategies } from "~/models/strategy-search.server";
import { listPlansToAddTo } from "~/models/strategy-use.server";
import { SEED_STRATEGIES } from "../../prisma/seed/strategies";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase, type ModelDatabase } from "../support/model-database";
import { refuseWrites } from "../support/refused-writes";

/** Who acts, as the model functions that change data take it (no client address in these tests). */
const ctx = (actor: Actor): ActionContext => ({ actor, ipAddress: "" });

const filters = (query = "") => parseStrategyFilters(new URLSearchParams(query));

const input = (overrides: Partial<StrategyInput> = {}): StrategyInput => ({
  title: "Traffic-light cards",
  summary: "Students show green, amber or red to say how well they follow the explanation.",
  evidence: "",
  needs: ["cognition_learning"],
  subjects: ["science"],
  keyStages: ["ks3"],
  phases: ["main"],
  ...overrides,
});

/** A course with co-planners, a unit-less lesson plan on a date, and optional deployed supporters. */
async function arrangePlan(
  database: ModelDatabase,
  options: { title: string; plannerKeys: string[]; supporterKeys?: string[]; lessonDate?: Date | null; site?: string },
) {
  const partnershipId = database.demo.partnershipId;
  const course = await db().course.create({
    data: {
      partnershipId,
      title: `BTEC First in Sport (${options.title})`,
      kind: "qualification",
      subject: "pe_sport",
      keyStage: "ks4",
      leadInstitutionId: idOf(database.demo.institutionIds, "hollins"),
      sites: { create: [{ institutionId: idOf(database.demo.institutionIds, options.site ?? "brookfield") }] },
      planners: { create: options.plannerKeys.map((key) => ({ userId: idOf(database.demo.userIds, key) })) },
    },
  });
  const plan = await db().lessonPlan.create({
    data: {
      partnershipId,
      courseId: course.id,
      title: options.title,
      lessonDate: options.lessonDate === undefined ? new Date(Date.now() + 7 * 86_400_000) : options.lessonDate,
    },
  });
  for (const key of options.supporterKeys ?? []) {
    await db().deployment.create({
      data: { partnershipId, lessonPlanId: plan.id, supporterId: idOf(database.demo.userIds, key), mode: "group" },
    });
  }
  return { course, plan };
}

describe.each(PROVIDERS)("strategy library on %s", (provider) => {
  const database = useModelDatabase(provider);
  const as = (key: string): Promise<Actor> => actorOf(idOf(database.demo.userIds, key));
  const asOther = (key: string): Promise<Actor> => actorOf(idOf(database.other.userIds, key));

  it("lists the seeded library of the partnership only, newest first", async () => {
    const result = await listStrategies(await as("leader"), filters());
    expect(result.total).toBe(SEED_STRATEGIES.length);
    expect(result.strategies[0]?.title).toBe(SEED_STRATEGIES.at(-1)?.title);
    const ours = await db().strategy.findMany({
      where: { partnershipId: database.demo.partnershipId },
      select: { id: true },
    });
    expect(result.strategies.every((s) => ours.some((o) => o.id === s.id))).toBe(true);
    const theirs = await listStrategies(await asOther("leader"), filters());
    expect(theirs.strategies.some((s) => result.strategies.some((r) => r.id === s.id))).toBe(false);
  });

  it("filters by need, subject, key stage and phase together, and searches titles and summaries in any case", async () => {
    const actor = await as("teacher");
    const sensory = await listStrategies(actor, filters("need=sensory_physical"));
    expect(sensory.total).toBe(SEED_STRATEGIES.filter((s) => s.needs.includes("sensory_physical")).length);
    expect(sensory.strategies.every((s) => s.tags.need.includes("sensory_physical"))).toBe(true);

    const combined = await listStrategies(
      actor,
      filters("need=cognition_learning&subject=pe_sport&keyStage=ks3&phase=main"),
    );
    const expected = SEED_STRATEGIES.filter(
      (s) =>
        s.needs.includes("cognition_learning") &&
        s.subjects.includes("pe_sport") &&
        s.keyStages.includes("ks3") &&
        s.phases.includes("main"),
    ).map((s) => s.title);
    expect(combined.strategies.map((s) => s.title).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(0);

    const search = await listStrategies(actor, filters("q=LIP-READING"));
    expect(search.strategies.map((s) => s.title)).toEqual(["Seating and sightlines for lip-reading"]);
    const bySummary = await listStrategies(actor, filters("q=now%2Fnext board"));
    expect(bySummary.strategies.map((s) => s.title)).toContain("Visual timetables and now/next boards");
    expect((await listStrategies(actor, filters("q=zzzz-nothing"))).total).toBe(0);
  });

  it("sorts by highest rated and by title, and pages through twenty at a time", async () => {
    const actor = await as("leader");
    const rated = await listStrategies(actor, filters("sort=rating"));
    const averages = rated.strategies.map((s) => s.rating.average);
    expect(averages).toEqual([...averages].sort((a, b) => b - a));
    const byTitle = await listStrategies(actor, filters("sort=title"));
    const titles = byTitle.strategies.map((s) => s.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "en-GB")));

    const teacher = await as("teacherDance");
    for (let i = 0; i < STRATEGIES_PAGE_SIZE + 2 - SEED_STRATEGIES.length; i++) {
      await createStrategy(ctx(teacher), input({ title: `Paging strategy ${i}`, subjects: ["drama"] }));
    }
    const first = await listStrategies(actor, filters());
    expect(first.pageCount).toBe(2);
    expect(first.strategies).toHaveLength(STRATEGIES_PAGE_SIZE);
    const second = await listStrategies(actor, filters("page=2"));
    expect(second.strategies.length).toBe(first.total - STRATEGIES_PAGE_SIZE);
    expect(second.strategies.some((s) => first.strategies.some((f) => f.id === s.id))).toBe(false);
    // A page past the end shows the last page rather than nothing.
    expect((await listStrategies(actor, filters("page=99"))).page).toBe(2);
  });

  it("shares a strategy with tags and a co-edited description that starts from the summary; leaders cannot share", async () => {
    const lsa = await as("lsa");
    const created = await createStrategy(
      ctx(lsa),
      input({ title: "Symbol-supported recipes", subjects: ["catering"] }),
    );
    expect(created).toMatchObject({
      partnershipId: database.demo.partnershipId,
      createdById: lsa.id,
      institutionId: lsa.institutionId,
    });
    const page = await getStrategy(lsa, created.id);
    expect(page?.strategy.tags).toEqual({
      need: ["cognition_learning"],
      subject: ["catering"],
      key_stage: ["ks3"],
      phase: ["main"],
    });
    expect(page?.description?.canWrite).toBe(true);
    const state = await loadDocumentState(page!.description!.id);
    expect(JSON.stringify(await yjsStateToEditorState(state.state))).toContain("green, amber or red");

    const leaderView = await getStrategy(await as("leader"), created.id);
    expect(leaderView?.description?.canWrite).toBe(false);
    expect(leaderView?.can).toMatchObject({ edit: false, delete: false, rate: true, editDescription: false });
    await expect(createStrategy(ctx(await as("leader")), input())).rejects.toMatchObject({ code: "forbidden" });
  });

  it("stores a strategy with its tags and description or nothing, even if it could not be deleted again", async () => {
    const teacher = await as("teacher");
    // The description's first state is refused; so is deleting a strategy, as when the process dies before it could
    // undo one.
    const allowSnapshots = await refuseWrites(provider, "CollabSnapshot", "INSERT");
    const allowDeletes = await refuseWrites(provider, "Strategy", "DELETE");
    try {
      await expect(createStrategy(ctx(teacher), input({ title: "Half-shared strategy" }))).rejects.toThrow();
    } finally {
      await allowDeletes();
      await allowSnapshots();
    }
    expect(await db().strategy.count({ where: { title: "Half-shared strategy" } })).toBe(0);
    expect(await db().strategyTag.count({ where: { strategy: { title: "Half-shared strategy" } } })).toBe(0);
    expect(await db().collabDocument.count({ where: { title: "Half-shared strategy" } })).toBe(0);
    // Shared again once the database accepts it: the strategy comes with its tags and description, once.
    const created = await createStrategy(ctx(teacher), input({ title: "Half-shared strategy" }));
    expect(await db().strategy.count({ where: { title: "Half-shared strategy" } })).toBe(1);
    const page = await getStrategy(teacher, created.id);
    expect(page?.strategy.tags.need).toEqual(["cognition_learning"]);
    expect(page?.description).not.toBeNull();
  });

  it("lets the author and the coordinator edit; another teacher cannot", async () => {
    const author = await as("teacherFe");
    const created = await createStrategy(ctx(author), input({ title: "Reciprocal reading" }));
    await updateStrategy(
      ctx(author),
      created.id,
      input({ title: "Reciprocal reading groups", subjects: ["english", "humanities"] }),
    );
    expect((await getStrategy(author, created.id))?.strategy).toMatchObject({
      title: "Reciprocal reading groups",
      tags: { subject: ["english", "humanities"] },
    });
    await updateStrategy(
      ctx(await as("coordinator")),
      created.id,
      input({ title: "Reciprocal reading", evidence: "Reading ages rose." }),
    );
    await expect(updateStrategy(ctx(await as("teacher")), created.id, input())).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(updateStrategy(ctx(await asOther("coordinator")), created.id, input())).rejects.toMatchObject({
      code: "not-found",
    });
    const document = await getDocumentByOwnerForActor(author, "strategy", created.id);
    expect(document?.document.title).toBe("Reciprocal reading");
  });

  it("aggregates ratings; one general rating per member, replaced when they rate again; 1 to 5 only", async () => {
    const strategy = await createStrategy(ctx(await as("teacher")), input({ title: "Rated strategy" }));
    const leader = await as("leader");
    expect((await rateStrategy(ctx(leader), strategy.id, { rating: 2, comment: "early days" })).created).toBe(true);
    expect((await rateStrategy(ctx(leader), strategy.id, { rating: 5, comment: "now embedded" })).created).toBe(false);
    await rateStrategy(ctx(await as("lsaDeaf")), strategy.id, { rating: 4 });
    await rateStrategy(ctx(await as("teacherDeaf")), strategy.id, { rating: 3 });
    const page = await getStrategy(leader, strategy.id);
    expect(page?.ratings).toMatchObject({ count: 3, average: 4 });
    expect(page?.ratings.distribution).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 0 },
      { value: 3, count: 1 },
      { value: 4, count: 1 },
      { value: 5, count: 1 },
    ]);
    expect(page?.ratings.items.find((r) => r.mine)).toMatchObject({ rating: 5, comment: "now embedded" });
    for (const rating of [0, 6, 2.5, Number.NaN]) {
      await expect(rateStrategy(ctx(leader), strategy.id, { rating })).rejects.toMatchObject({
        code: "invalid",
        field: "rating",
      });
    }
    await expect(rateStrategy(ctx(await asOther("leader")), strategy.id, { rating: 5 })).rejects.toMatchObject({
      code: "not-found",
    });
    expect(await db().strategyRating.count({ where: { strategyId: strategy.id } })).toBe(3);
  });

  it("keeps one rating per member even when the same rating is sent many times at once (a double click)", async () => {
    const strategy = await createStrategy(ctx(await as("teacher")), input({ title: "Rated at once" }));
    const { plan } = await arrangePlan(database, { title: "Rated at once lesson", plannerKeys: ["teacher"] });
    await addToLessonPlan(ctx(await as("teacher")), strategy.id, plan.id);
    const leader = await as("leader");
    const teacher = await as("teacher");
    const results = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => rateStrategy(ctx(leader), strategy.id, { rating: 1 + (i % 5) })),
      ...Array.from({ length: 6 }, (_, i) =>
        rateStrategy(ctx(teacher), strategy.id, { rating: 1 + (i % 5), lessonPlanId: plan.id }),
      ),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(2);
    const stored = await db().strategyRating.findMany({
      where: { strategyId: strategy.id },
      select: { userId: true, lessonPlanId: true },
    });
    expect(stored.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [
        { userId: leader.id, lessonPlanId: null },
        { userId: teacher.id, lessonPlanId: plan.id },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );
  });

  it("adds a strategy to a plan only for its course's co-planning teachers and the coordinator, once", async () => {
    const strategy = await createStrategy(ctx(await as("teacherSpecial")), input({ title: "Added to plans" }));
    const { plan } = await arrangePlan(database, { title: "Fitness testing", plannerKeys: ["teacher", "lsa"] });
    const { plan: otherCourse } = await arrangePlan(database, {
      title: "Leadership in sport",
      plannerKeys: ["teacherFe"],
    });

    const teacher = await as("teacher");
    expect((await listPlansToAddTo(teacher, strategy.id)).map((p) => p.id)).toContain(plan.id);
    expect((await listPlansToAddTo(teacher, strategy.id)).map((p) => p.id)).not.toContain(otherCourse.id);
    await addToLessonPlan(ctx(teacher), strategy.id, plan.id, "For the two Brookfield students");
    expect((await listPlansToAddTo(teacher, strategy.id)).map((p) => p.id)).not.toContain(plan.id);
    await expect(addToLessonPlan(ctx(teacher), strategy.id, plan.id)).rejects.toMatchObject({
      code: "invalid",
      field: "lessonPlanId",
    });
    await expect(addToLessonPlan(ctx(teacher), strategy.id, otherCourse.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    // LSAs co-plan but do not edit lesson plans; leaders change nothing.
    await expect(addToLessonPlan(ctx(await as("lsa")), strategy.id, otherCourse.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await listPlansToAddTo(await as("lsa"), strategy.id)).toEqual([]);
    await expect(addToLessonPlan(ctx(await as("leader")), strategy.id, otherCourse.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    await addToLessonPlan(ctx(await as("coordinator")), strategy.id, otherCourse.id);
    expect(await db().lessonPlanStrategy.count({ where: { strategyId: strategy.id } })).toBe(2);

    // Another partnership: their plan is not found from here, and our plan is not found from there.
    const theirStrategy = await db().strategy.findFirstOrThrow({
      where: { partnershipId: database.other.partnershipId },
    });
    await expect(addToLessonPlan(ctx(await asOther("coordinator")), theirStrategy.id, plan.id)).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(addToLessonPlan(ctx(await as("coordinator")), theirStrategy.id, otherCourse.id)).rejects.toMatchObject(
      {
        code: "not-found",
      },
    );
  });

  it("lists plans to add to upcoming first, then undated, then past", async () => {
    const strategy = await createStrategy(ctx(await as("teacherFe")), input({ title: "Ordering plans" }));
    const day = 86_400_000;
    const { plan: past } = await arrangePlan(database, {
      title: "Past lesson",
      plannerKeys: ["teacherDance"],
      lessonDate: new Date(Date.now() - 3 * day),
    });
    const { plan: later } = await arrangePlan(database, {
      title: "Later lesson",
      plannerKeys: ["teacherDance"],
      lessonDate: new Date(Date.now() + 9 * day),
    });
    const { plan: undated } = await arrangePlan(database, {
      title: "Undated lesson",
      plannerKeys: ["teacherDance"],
      lessonDate: null,
    });
    const { plan: soon } = await arrangePlan(database, {
      title: "Soon lesson",
      plannerKeys: ["teacherDance"],
      lessonDate: new Date(Date.now() + 2 * day),
    });
    const arranged = new Set([soon.id, later.id, undated.id, past.id]);
    // The demo seed's Dance and Leisure and Tourism plans are Priya's too: compare the order of this test's plans.
    const ids = (await listPlansToAddTo(await as("teacherDance"), strategy.id))
      .map((p) => p.id)
      .filter((id) => arranged.has(id));
    expect(ids).toEqual([soon.id, later.id, undated.id, past.id]);
  });

  it("rates for a plan that uses the strategy, once per plan; refuses plans that do not use it or are out of reach", async () => {
    const strategy = await createStrategy(ctx(await as("teacher")), input({ title: "Rated per plan" }));
    const { plan } = await arrangePlan(database, {
      title: "Netball skills",
      plannerKeys: ["teacher"],
      supporterKeys: ["lsaDeaf"],
    });
    const { plan: unlinked } = await arrangePlan(database, { title: "Unlinked", plannerKeys: ["teacher"] });
    await addToLessonPlan(ctx(await as("teacher")), strategy.id, plan.id);
    const teacher = await as("teacher");
    await rateStrategy(ctx(teacher), strategy.id, { rating: 4, lessonPlanId: plan.id });
    await rateStrategy(ctx(teacher), strategy.id, { rating: 3 });
    await rateStrategy(ctx(teacher), strategy.id, { rating: 5, lessonPlanId: plan.id });
    const mine = await db().strategyRating.findMany({
      where: { strategyId: strategy.id, userId: teacher.id },
      orderBy: { rating: "asc" },
    });
    expect(mine.map((r) => [r.rating, r.lessonPlanId])).toEqual([
      [3, null],
      [5, plan.id],
    ]);
    await expect(
      rateStrategy(ctx(teacher), strategy.id, { rating: 4, lessonPlanId: unlinked.id }),
    ).rejects.toMatchObject({
      code: "invalid",
      field: "lessonPlanId",
    });
    // The Brookfield LSA is not deployed in the plan: to them it does not exist.
    await expect(
      rateStrategy(ctx(await as("lsa")), strategy.id, { rating: 4, lessonPlanId: plan.id }),
    ).rejects.toMatchObject({ code: "not-found" });
    await rateStrategy(ctx(await as("lsaDeaf")), strategy.id, { rating: 4, lessonPlanId: plan.id });
  });

  it("shows where it is used: LSAs only the plans they are deployed in; others every plan, with its courses' institutions", async () => {
    const strategy = await createStrategy(ctx(await as("coordinator")), input({ title: "Where used" }));
    const { plan: deployed } = await arrangePlan(database, {
      title: "Deployed lesson",
      plannerKeys: ["teacher"],
      supporterKeys: ["lsa"],
      site: "brookfield",
    });
    const { plan: elsewhere } = await arrangePlan(database, {
      title: "Other lesson",
      plannerKeys: ["teacher"],
      site: "thornbury",
    });
    const coordinator = await as("coordinator");
    await addToLessonPlan(ctx(coordinator), strategy.id, deployed.id, "Pairs with the visual timetable");
    await addToLessonPlan(ctx(coordinator), strategy.id, elsewhere.id);
    await rateStrategy(ctx(coordinator), strategy.id, { rating: 5, lessonPlanId: elsewhere.id });

    const teacherView = await getStrategy(await as("teacherDeaf"), strategy.id);
    expect(teacherView?.uses.plans.map((p) => p.title).sort()).toEqual(["Deployed lesson", "Other lesson"]);
    expect(teacherView?.uses.institutions).toEqual([
      "Brookfield School",
      "Hollins Park Sports College",
      "Thornbury Grammar School for the Deaf",
    ]);
    expect(teacherView?.uses.hiddenCount).toBe(0);

    const lsaView = await getStrategy(await as("lsa"), strategy.id);
    expect(lsaView?.uses.plans.map((p) => p.title)).toEqual(["Deployed lesson"]);
    expect(lsaView?.uses.plans[0]?.note).toBe("Pairs with the visual timetable");
    expect(lsaView?.uses.institutions).toEqual(["Brookfield School", "Hollins Park Sports College"]);
    expect(lsaView?.uses).toMatchObject({ hiddenCount: 1, totalCount: 2 });
    // The rating after the plan the LSA cannot read is shown without the plan's title.
    expect(lsaView?.ratings.items[0]).toMatchObject({ rating: 5, lessonPlan: null, forAPlan: true });
    expect(teacherView?.ratings.items[0]?.lessonPlan?.title).toBe("Other lesson");

    const mostUsed = (await listStrategies(coordinator, filters("sort=used"))).strategies;
    const counts = mostUsed.map((s) => s.usedInPlans);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(mostUsed.find((s) => s.id === strategy.id)?.usedInPlans).toBe(2);
    expect(counts[0]).toBeGreaterThanOrEqual(2);
  });

  it("deletes with its tags, plan links, ratings and description; says what goes first; author or coordinator only", async () => {
    const author = await as("teacherDeaf");
    const strategy = await createStrategy(ctx(author), input({ title: "To be deleted" }));
    const { plan } = await arrangePlan(database, { title: "Deletion lesson", plannerKeys: ["teacherDeaf"] });
    await addToLessonPlan(ctx(await as("teacherDeaf")), strategy.id, plan.id);
    await rateStrategy(ctx(await as("leader")), strategy.id, { rating: 3 });
    await rateStrategy(ctx(author), strategy.id, { rating: 4, lessonPlanId: plan.id });
    expect(await strategyDeletionImpact(author, strategy.id)).toEqual({ planLinks: 1, ratings: 2, versions: 0 });

    await expect(deleteStrategy(ctx(await as("teacher")), strategy.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteStrategy(ctx(await as("leader")), strategy.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteStrategy(ctx(await asOther("coordinator")), strategy.id)).rejects.toMatchObject({
      code: "not-found",
    });
    await deleteStrategy(ctx(author), strategy.id);

    expect(await db().strategy.count({ where: { id: strategy.id } })).toBe(0);
    expect(await db().strategyTag.count({ where: { strategyId: strategy.id } })).toBe(0);
    expect(await db().strategyRating.count({ where: { strategyId: strategy.id } })).toBe(0);
    expect(await db().lessonPlanStrategy.count({ where: { strategyId: strategy.id } })).toBe(0);
    expect(await db().collabDocument.count({ where: { ownerType: "strategy", ownerId: strategy.id } })).toBe(0);
    expect(await db().lessonPlan.count({ where: { id: plan.id } })).toBe(1);
  });

  it("hides every strategy of another partnership", async () => {
    const theirs = await db().strategy.findFirstOrThrow({ where: { partnershipId: database.other.partnershipId } });
    expect(await getStrategy(await as("coordinator"), theirs.id)).toBeNull();
    await expect(rateStrategy(ctx(await as("coordinator")), theirs.id, { rating: 5 })).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(deleteStrategy(ctx(await as("coordinator")), theirs.id)).rejects.toMatchObject({ code: "not-found" });
    expect(await getDocumentByOwnerForActor(await as("coordinator"), "strategy", theirs.id)).toBeNull();
  });
});
