// The home page's statements against the same facts read row by row through the models, on SQLite and PostgreSQL:
// the partnership's week counted per institution (edge cases included: a member of another partnership, an archived
// institution), and the short lists cut in SQL at their limit in their order, with the counts of what did not fit.
import { describe, expect, it } from "vitest";
import { ukWeekOf } from "~/lib/uk-calendar";
import { db } from "~/models/db.server";
import { listMyDeployments } from "~/models/deployments.server";
import { supporterHome, teacherHome } from "~/models/home.server";
import { partnershipActivity } from "~/models/partnership-activity.server";
import { PROVIDERS } from "../support/databases";
import { createLessonFixture, dayFromToday } from "../support/lesson-plan-fixtures";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const MEASURES = ["plansWritten", "plansUpdated", "lessonsTaught", "deployments", "strategiesShared"] as const;

describe.each(PROVIDERS)("home statements on %s", (provider) => {
  const database = useModelDatabase(provider);
  const demo = (key: string) => idOf(database.demo.userIds, key);
  const partnershipId = () => database.demo.partnershipId;
  const on = (day: number) => new Date(`${dayFromToday(day)}T00:00:00.000Z`);

  /** A member of our partnership with nothing of their own yet. */
  const newcomer = async (role: "lsa" | "teacher", key: string) => {
    const user = await db().user.create({
      data: {
        partnershipId: partnershipId(),
        institutionId: idOf(database.demo.institutionIds, "hollins"),
        email: `${key}.${provider}@hollinspark.example`,
        name: `New ${role} ${key}`,
        role,
      },
    });
    return user.id;
  };

  /** What the old row-by-row reading of the week gave: every row of the week, counted in JavaScript. */
  async function weekCountedRowByRow() {
    const week = ukWeekOf(new Date());
    const where = { partnershipId: partnershipId() };
    const lessonDays = { gte: new Date(`${week.monday}T00:00:00.000Z`), lte: new Date(`${week.sunday}T00:00:00.000Z`) };
    const [institutions, members, plans, taught, deployments, strategies] = await Promise.all([
      db().institution.findMany({ where: { ...where, archivedAt: null }, orderBy: { name: "asc" } }),
      db().user.findMany({ where }),
      db().lessonPlan.findMany({
        where: { ...where, updatedAt: { gte: week.startsAt, lt: week.endsAt } },
        orderBy: { updatedAt: "desc" },
      }),
      db().lessonPlan.findMany({
        where: { ...where, lessonDate: lessonDays, status: { in: ["taught", "reviewed"] } },
        include: { group: true },
      }),
      db().deployment.findMany({
        where: { ...where, lessonPlan: { lessonDate: lessonDays } },
        include: { supporter: true },
      }),
      db().strategy.findMany({ where: { ...where, createdAt: { gte: week.startsAt, lt: week.endsAt } } }),
    ]);
    const member = new Map(members.map((m) => [m.id, m.institutionId]));
    const open = new Set(institutions.map((i) => i.id));
    const counts = new Map(institutions.map((i) => [i.id, Object.fromEntries(MEASURES.map((m) => [m, 0]))]));
    const total: Record<string, number> = Object.fromEntries(MEASURES.map((m) => [m, 0]));
    const add = (institutionId: string | null | undefined, measure: string) => {
      total[measure]! += 1;
      if (institutionId && open.has(institutionId)) counts.get(institutionId)![measure]! += 1;
    };
    for (const p of plans) {
      if (p.createdAt >= week.startsAt) add(member.get(p.createdById ?? ""), "plansWritten");
      else add(member.get(p.updatedById ?? ""), "plansUpdated");
    }
    for (const p of taught) add(p.group?.siteId, "lessonsTaught");
    for (const d of deployments) add(d.supporter.institutionId, "deployments");
    for (const s of strategies) add(s.institutionId, "strategiesShared");
    return {
      total,
      institutions: institutions.map((i) => ({ id: i.id, name: i.name, counts: counts.get(i.id) })),
      deployments: {
        notBriefed: deployments.filter((d) => !d.briefedAt).length,
        notRead: deployments.filter((d) => d.briefedAt && !d.readAt).length,
        feedbackGiven: deployments.filter((d) => d.feedbackAt).length,
      },
      latestPlanUpdates: plans.slice(0, 8).map((p) => p.updatedAt.getTime()),
      strategyCount: strategies.length,
    };
  }

  it("the partnership's week counts what its rows counted one by one, per institution and in total", async () => {
    const fixture = await createLessonFixture(db(), database.demo, " (week)");
    const outsider = database.other.userIds.get("teacher")!;
    const archived = await db().institution.create({
      data: { partnershipId: partnershipId(), name: "Closed site (week)", kind: "school", archivedAt: new Date() },
    });
    const plan = (title: string, extra: Record<string, unknown>) =>
      db().lessonPlan.create({
        data: { partnershipId: partnershipId(), courseId: fixture.courseId, groupId: fixture.groupId, title, ...extra },
      });
    await plan("Week: by a member", { createdById: demo("teacher"), updatedById: demo("teacher") });
    await plan("Week: by an outsider", { createdById: outsider, updatedById: outsider });
    await plan("Week: taught today", { lessonDate: on(0), status: "taught", createdAt: new Date(Date.now() - 30e9) });
    const deployed = await plan("Week: deployed", { lessonDate: on(0) });
    await db().deployment.create({
      data: { partnershipId: partnershipId(), lessonPlanId: deployed.id, supporterId: demo("lsa"), mode: "group" },
    });
    await db().strategy.create({
      data: {
        partnershipId: partnershipId(),
        title: "Week: from a closed site",
        summary: "-",
        institutionId: archived.id,
      },
    });

    const expected = await weekCountedRowByRow();
    const activity = await partnershipActivity(await actorOf(demo("coordinator")));
    expect(activity.total).toEqual(expected.total);
    expect(activity.institutions).toEqual(expected.institutions);
    expect(activity.deployments).toEqual(expected.deployments);
    expect(activity.recentPlans.map((p) => p.updatedAt.getTime())).toEqual(expected.latestPlanUpdates);
    expect(activity.strategies).toHaveLength(Math.min(8, expected.strategyCount));
    const outsiders = activity.recentPlans.find((p) => p.title === "Week: by an outsider");
    if (outsiders) expect(outsiders.by).toBeNull();
    const closed = activity.strategies.find((s) => s.title === "Week: from a closed site");
    if (closed) expect(closed.institution).toBeNull();
  });

  it("a supporter's lists stop at eight in lesson order, and the counts say how many more there are", async () => {
    const fixture = await createLessonFixture(db(), database.demo, " (lists)");
    const lsa = await newcomer("lsa", "lists.lsa");
    const deploy = async (title: string, day: number, startTime: string, status = "ready") => {
      const lesson = await db().lessonPlan.create({
        data: {
          partnershipId: partnershipId(),
          courseId: fixture.courseId,
          title,
          lessonDate: on(day),
          startTime,
          status,
        },
      });
      await db().deployment.create({
        data: {
          partnershipId: partnershipId(),
          lessonPlanId: lesson.id,
          supporterId: lsa,
          mode: "group",
          students:
            day === 1 && startTime === "09:00" ? { create: [{ studentId: fixture.studentIds.mld1 }] } : undefined,
        },
      });
    };
    // Ten in the fortnight (and one more today, below), created out of order; two on the same day at different times.
    for (const [day, time] of [
      [5, "09:00"],
      [1, "13:00"],
      [9, "09:00"],
      [1, "09:00"],
      [3, "10:00"],
      [12, "09:00"],
      [2, "09:00"],
      [7, "09:00"],
      [4, "09:00"],
      [6, "09:00"],
    ] as const)
      await deploy(`Lists: day ${day} at ${time}`, day, time);
    // Eleven waiting for feedback: past lessons, and one taught today.
    for (const day of [-1, -9, -3, -2, -11, -4, -6, -5, -7, -8]) await deploy(`Lists: past day ${-day}`, day, "09:00");
    await deploy("Lists: taught today", 0, "15:00", "taught");
    await deploy("Lists: beyond the fortnight", 20, "09:00");

    const home = await supporterHome(await actorOf(lsa));
    expect(home.next.map((d) => d.lesson.title)).toEqual([
      "Lists: taught today",
      "Lists: day 1 at 09:00",
      "Lists: day 1 at 13:00",
      "Lists: day 2 at 09:00",
      "Lists: day 3 at 10:00",
      "Lists: day 4 at 09:00",
      "Lists: day 5 at 09:00",
      "Lists: day 6 at 09:00",
    ]);
    expect(home.next[1]).toMatchObject({ studentCount: 1, lesson: { course: expect.stringContaining("(lists)") } });
    expect(home.moreUpcoming).toBe(3);
    expect(home.feedbackDue.map((d) => d.lesson.title)).toEqual([
      "Lists: taught today",
      "Lists: past day 1",
      "Lists: past day 2",
      "Lists: past day 3",
      "Lists: past day 4",
      "Lists: past day 5",
      "Lists: past day 6",
      "Lists: past day 7",
    ]);
    expect(home.feedbackDueCount).toBe(11);
    expect(home.hasAny).toBe(true);
  });

  it("a teacher's plans that need her stop at eight, soonest first, and her week holds only her groups' lessons", async () => {
    const fixture = await createLessonFixture(db(), database.demo, " (needs)");
    const teacher = await newcomer("teacher", "needs.teacher");
    await db().coursePlanner.create({ data: { courseId: fixture.courseId, userId: teacher } });
    for (const day of [10, 2, 7, 1, 12, 4, 3, 9, 5, 6])
      await db().lessonPlan.create({
        data: {
          partnershipId: partnershipId(),
          courseId: fixture.courseId,
          title: `Needs: draft for day ${day}`,
          lessonDate: on(day),
          objectives: "Set.",
        },
      });
    const home = await teacherHome(await actorOf(teacher));
    expect(home.needs.drafts.map((p) => p.title)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 9].map((day) => `Needs: draft for day ${day}`),
    );
    expect(home.needs.withoutObjectives).toEqual([]);
    expect(home.week.days).toEqual([]);
    expect(home.courses).toEqual([expect.objectContaining({ id: fixture.courseId, coPlans: true, groups: [] })]);
  });

  it("My deployments pages in SQL: twenty at a time in lesson order, with their students and the count of all", async () => {
    const fixture = await createLessonFixture(db(), database.demo, " (my deployments)");
    const lsa = await newcomer("lsa", "pages.lsa");
    const days = [14, 3, 25, 7, 1, 19, 22, 5, 11, 2, 16, 9, 24, 4, 13, 20, 6, 18, 8, 23, 10, 15, 21, 12, 17];
    for (const day of days) {
      const lesson = await db().lessonPlan.create({
        data: {
          partnershipId: partnershipId(),
          courseId: fixture.courseId,
          groupId: day === 1 ? fixture.groupId : null,
          title: `Pages: day ${day}`,
          lessonDate: on(day),
        },
      });
      await db().deployment.create({
        data: {
          partnershipId: partnershipId(),
          lessonPlanId: lesson.id,
          supporterId: lsa,
          mode: "group",
          students:
            day === 1
              ? { create: [{ studentId: fixture.studentIds.mld1 }, { studentId: fixture.studentIds.deaf }] }
              : undefined,
        },
      });
    }
    const actor = await actorOf(lsa);
    const first = await listMyDeployments(actor);
    expect(first).toMatchObject({ total: 25, hasAny: true, page: 1, pageCount: 2, when: "upcoming" });
    expect(first.deployments.map((d) => d.lessonPlan.title)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Pages: day ${i + 1}`),
    );
    expect(first.deployments[0]!.students.map((s) => s.studentId).sort()).toEqual(
      [fixture.studentIds.mld1, fixture.studentIds.deaf].sort(),
    );
    expect(first.deployments[0]!.lessonPlan).toMatchObject({
      course: { title: expect.stringContaining("(my deployments)") },
      group: { id: fixture.groupId, site: { name: "Hollins Park Sports College" } },
    });
    expect(first.deployments[1]).toMatchObject({ students: [], lessonPlan: { group: null }, supporterId: lsa });
    const second = await listMyDeployments(actor, { page: 2 });
    expect(second.deployments.map((d) => d.lessonPlan.title)).toEqual(
      [21, 22, 23, 24, 25].map((day) => `Pages: day ${day}`),
    );
    expect(await listMyDeployments(actor, { page: 3 })).toMatchObject({ deployments: [], total: 25, hasAny: true });
    expect(await listMyDeployments(actor, { when: "past" })).toMatchObject({ deployments: [], total: 0, hasAny: true });
  });
});
