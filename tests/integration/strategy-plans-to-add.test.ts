// The plans a strategy's page offers to add it to, read in one statement on SQLite and PostgreSQL: only plans the
// member may edit that do not use it yet, upcoming first (soonest first), then undated by title, then past (most
// recent first), at most a hundred.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { listPlansToAddTo } from "~/models/strategy-use.server";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const DAY = 86_400_000;

describe.each(PROVIDERS)("plans to add a strategy to on %s", (provider) => {
  const database = useModelDatabase(provider);

  it("offers editable plans without the strategy in order: upcoming, undated by title, then past", async () => {
    const partnershipId = database.demo.partnershipId;
    const teacherId = idOf(database.demo.userIds, "teacher");
    const strategy = await db().strategy.create({
      data: { partnershipId, title: "Wait time", summary: "Count to five." },
    });
    const course = (title: string, plannerIds: string[]) =>
      db().course.create({
        data: {
          partnershipId,
          title,
          kind: "qualification",
          subject: "science",
          keyStage: "ks4",
          leadInstitutionId: idOf(database.demo.institutionIds, "hollins"),
          planners: { create: plannerIds.map((userId) => ({ userId })) },
        },
      });
    const theirs = await course("Offer test: co-planned", [teacherId]);
    const notTheirs = await course("Offer test: not co-planned", []);
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    const plan = async (title: string, lessonDate: Date | null, courseId = theirs.id) =>
      (await db().lessonPlan.create({ data: { partnershipId, courseId, title, lessonDate } })).id;
    const ids = {
      inThreeDays: await plan("In three days", new Date(today.getTime() + 3 * DAY)),
      today: await plan("Today", today),
      tomorrow: await plan("Tomorrow", new Date(today.getTime() + DAY)),
      undatedB: await plan("b undated", null),
      undatedA: await plan("A-undated", null),
      undatedA2: await plan("A undated", null),
      lastWeek: await plan("Last week", new Date(today.getTime() - 7 * DAY)),
      yesterday: await plan("Yesterday", new Date(today.getTime() - DAY)),
      alreadyUsing: await plan("Already uses it", new Date(today.getTime() + 2 * DAY)),
      otherCourse: await plan("Not co-planned", new Date(today.getTime() + 2 * DAY), notTheirs.id),
    };
    await db().lessonPlanStrategy.create({ data: { lessonPlanId: ids.alreadyUsing, strategyId: strategy.id } });
    const ours = new Set<string>(Object.values(ids));

    const teacher = await listPlansToAddTo(await actorOf(teacherId), strategy.id);
    expect(teacher.filter((p) => ours.has(p.id)).map((p) => p.title)).toEqual([
      "Today",
      "Tomorrow",
      "In three days",
      "A undated",
      "A-undated",
      "b undated",
      "Yesterday",
      "Last week",
    ]);
    expect(teacher.find((p) => p.id === ids.today)).toMatchObject({
      lessonDate: today,
      courseTitle: "Offer test: co-planned",
    });

    const coordinator = await listPlansToAddTo(await actorOf(idOf(database.demo.userIds, "coordinator")), strategy.id);
    expect(coordinator.map((p) => p.id)).toContain(ids.otherCourse);
    expect(coordinator.map((p) => p.id)).not.toContain(ids.alreadyUsing);
    expect(coordinator.length).toBeLessThanOrEqual(100);
    // Whatever else the seeded partnership holds, the whole list keeps the order.
    const rank = (d: Date | null) => (d === null ? 1 : d >= today ? 0 : 2);
    for (const [a, b] of coordinator.slice(1).map((p, i) => [coordinator[i]!, p] as const)) {
      expect(rank(a.lessonDate)).toBeLessThanOrEqual(rank(b.lessonDate));
      if (rank(a.lessonDate) !== rank(b.lessonDate) || !a.lessonDate || !b.lessonDate) continue;
      if (rank(a.lessonDate) === 0) expect(a.lessonDate.getTime()).toBeLessThanOrEqual(b.lessonDate.getTime());
      else expect(a.lessonDate.getTime()).toBeGreaterThanOrEqual(b.lessonDate.getTime());
    }
    const other = await actorOf(idOf(database.other.userIds, "coordinator"));
    expect((await listPlansToAddTo(other, strategy.id)).some((p) => ours.has(p.id))).toBe(false);
    expect(await listPlansToAddTo(await actorOf(idOf(database.demo.userIds, "lsa")), strategy.id)).toEqual([]);
  });
});
