// Each role's home page at the model level, on SQLite and PostgreSQL: an LSA's next deployments and the feedback she
// owes (only her own), a teacher's week, the plans that need her and her courses, the partnership's week for
// leaders; never another partnership's records, never a student's name; and the empty state of a newcomer.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { supporterHome, teacherHome } from "~/models/home.server";
import { partnershipActivity } from "~/models/partnership-activity.server";
import type { Actor } from "~/policies/actor";
import { PROVIDERS } from "../support/databases";
import { createLessonFixture, dayFromToday, type LessonFixture } from "../support/lesson-plan-fixtures";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const STUDENT_NAMES = /Kayden|Brooks|Ellie|Marsh|Maya|Patel|Liam|Carter|Kyle|Hartley|Sophie|Lund/;

describe.each(PROVIDERS)("home pages on %s", (provider) => {
  const database = useModelDatabase(provider);
  const demo = (key: string) => idOf(database.demo.userIds, key);
  const who = (key: string) => actorOf(demo(key));
  let world: Promise<{ fixture: LessonFixture; plans: Record<string, string>; deployments: Record<string, string> }>;

  /** A course of our own with a lesson today, a draft soon, a lesson taught without evaluation, and deployments. */
  const arrange = () =>
    (world ??= (async () => {
      const fixture = await createLessonFixture(db(), database.demo, " (home)");
      const plan = (title: string, day: number, status: string, extra: Record<string, unknown> = {}) =>
        db().lessonPlan.create({
          data: {
            partnershipId: database.demo.partnershipId,
            courseId: fixture.courseId,
            groupId: fixture.groupId,
            title,
            lessonDate: new Date(`${dayFromToday(day)}T00:00:00.000Z`),
            startTime: "09:15",
            status,
            createdById: demo("teacher"),
            updatedById: demo("teacher"),
            ...extra,
          },
        });
      const today = await plan("Home: sprint starts", 0, "ready", { objectives: "Start from blocks." });
      const soon = await plan("Home: relay changeovers", 3, "draft");
      const taught = await plan("Home: warm-ups", -2, "taught", { objectives: "Plan a warm-up." });
      const deploy = (lessonPlanId: string, supporterId: string, extra: Record<string, unknown> = {}) =>
        db().deployment.create({
          data: {
            partnershipId: database.demo.partnershipId,
            lessonPlanId,
            supporterId,
            mode: "group",
            phase: "main",
            minutes: 30,
            students: { create: [{ studentId: fixture.studentIds.mld1 }, { studentId: fixture.studentIds.mld2 }] },
            ...extra,
          },
        });
      const next = await deploy(soon.id, demo("lsa"), { briefedAt: new Date(), concepts: "Baton exchange." });
      const owed = await deploy(taught.id, demo("lsa"));
      const someoneElses = await deploy(soon.id, demo("lsaDeaf"));
      return {
        fixture,
        plans: { today: today.id, soon: soon.id, taught: taught.id },
        deployments: { next: next.id, owed: owed.id, someoneElses: someoneElses.id },
      };
    })());

  it("an LSA's home leads with her own next deployments, the briefing she has not read and the feedback she owes", async () => {
    const { deployments, plans } = await arrange();
    const home = await supporterHome(await who("lsa"));
    const next = home.next.find((d) => d.id === deployments.next);
    expect(next).toMatchObject({
      lesson: { id: plans.soon, title: "Home: relay changeovers", date: dayFromToday(3), startTime: "09:15" },
      phase: "main",
      mode: "group",
      studentCount: 2,
      briefed: true,
      read: false,
    });
    expect(home.briefingsToRead.map((d) => d.id)).toContain(deployments.next);
    expect(home.feedbackDue.map((d) => d.id)).toContain(deployments.owed);
    expect(home.next.map((d) => d.id)).not.toContain(deployments.owed);
    // Only her own: Aisha's deployment in the same lesson is not Joanne's business.
    const ids = [...home.next, ...home.feedbackDue].map((d) => d.id);
    expect(ids).not.toContain(deployments.someoneElses);
    const stored = await db().deployment.findMany({ where: { id: { in: ids } } });
    expect(new Set(stored.map((d) => `${d.partnershipId}/${d.supporterId}`))).toEqual(
      new Set([`${database.demo.partnershipId}/${demo("lsa")}`]),
    );
    expect(JSON.stringify(home)).not.toMatch(STUDENT_NAMES);
  });

  it("feedback once written stops waiting on her", async () => {
    const { deployments } = await arrange();
    const lsa = await who("lsa");
    await db().deployment.update({
      where: { id: deployments.owed },
      data: { feedback: "Both managed the warm-up.", feedbackAt: new Date() },
    });
    expect((await supporterHome(lsa)).feedbackDue.map((d) => d.id)).not.toContain(deployments.owed);
    await db().deployment.update({ where: { id: deployments.owed }, data: { feedback: "", feedbackAt: null } });
  });

  it("a teacher's home shows her groups' lessons this week, the plans that need her and her courses", async () => {
    const { fixture, plans } = await arrange();
    const home = await teacherHome(await who("teacher"));
    const thisWeek = home.week.days.flatMap((d) => d.lessons);
    expect(thisWeek.find((l) => l.id === plans.today)).toMatchObject({ status: "ready", date: dayFromToday(0) });
    expect(home.needs.drafts.map((p) => p.id)).toContain(plans.soon);
    expect(home.needs.withoutObjectives.map((p) => p.id)).toContain(plans.soon);
    expect(home.needs.withoutObjectives.map((p) => p.id)).not.toContain(plans.today);
    expect(home.needs.withoutEvaluation.map((p) => p.id)).toContain(plans.taught);
    expect(home.courses.find((c) => c.id === fixture.courseId)).toMatchObject({
      coPlans: true,
      groups: [{ id: fixture.groupId, name: "Year 10-11 BTEC Sport (home)" }],
    });
    // Plans that need her are in courses she co-plans, only: Priya's Dance plans are not hers to finish.
    const needs = [...home.needs.drafts, ...home.needs.withoutObjectives, ...home.needs.withoutEvaluation];
    const theirCourses = await db().lessonPlan.findMany({
      where: { id: { in: needs.map((p) => p.id) } },
      select: { partnershipId: true, course: { select: { planners: { select: { userId: true } } } } },
    });
    for (const p of theirCourses) {
      expect(p.partnershipId).toBe(database.demo.partnershipId);
      expect(p.course.planners.map((x) => x.userId)).toContain(demo("teacher"));
    }
    expect(JSON.stringify(home)).not.toMatch(STUDENT_NAMES);
  });

  it("a co-planner who does not teach the group gets its drafts but not its lessons in her week", async () => {
    const { plans } = await arrange();
    const home = await teacherHome(await who("teacherFe"));
    expect(home.needs.drafts.map((p) => p.id)).toContain(plans.soon);
    expect(home.week.days.flatMap((d) => d.lessons).map((l) => l.id)).not.toContain(plans.today);
    const dance = await teacherHome(await who("teacherDance"));
    expect(dance.needs.drafts.map((p) => p.id)).not.toContain(plans.soon);
  });

  it("a leader sees the partnership's week per institution; another partnership's plans and strategies never", async () => {
    const { plans } = await arrange();
    const otherPartnership = database.other.partnershipId;
    const otherCourse = await db().course.findFirstOrThrow({ where: { partnershipId: otherPartnership } });
    const hidden = await db().lessonPlan.create({
      data: { partnershipId: otherPartnership, courseId: otherCourse.id, title: "Other partnership's plan" },
    });
    const hiddenStrategy = await db().strategy.create({
      data: { partnershipId: otherPartnership, title: "Other partnership's strategy", summary: "Not ours." },
    });
    const activity = await partnershipActivity(await who("leader"));
    expect(activity.recentPlans.map((p) => p.id)).toContain(plans.soon);
    expect(activity.recentPlans.map((p) => p.id)).not.toContain(hidden.id);
    expect(activity.strategies.map((s) => s.id)).not.toContain(hiddenStrategy.id);
    const hollins = activity.institutions.find((i) => i.id === idOf(database.demo.institutionIds, "hollins"));
    expect(hollins?.counts.plansWritten).toBeGreaterThanOrEqual(3);
    expect(activity.institutions.map((i) => i.name)).not.toContain("Other partnership's plan");
    expect(activity.total.deployments).toBeGreaterThanOrEqual(2);
    const coordinator = await partnershipActivity(await who("coordinator"));
    expect(coordinator.total).toEqual(activity.total);
    expect(JSON.stringify(activity)).not.toMatch(STUDENT_NAMES);
  });

  it("the partnership's week is for leaders and the coordinator only", async () => {
    await expect(partnershipActivity(await who("teacher"))).rejects.toMatchObject({ status: 403 });
    await expect(partnershipActivity(await who("lsa"))).rejects.toMatchObject({ status: 403 });
  });

  it("a deployment filed under another partnership never reaches an LSA's home, even with her id on it", async () => {
    const otherPlan = await db().lessonPlan.findFirstOrThrow({
      where: { partnershipId: database.other.partnershipId },
    });
    const stray = await db().deployment.create({
      data: {
        partnershipId: database.other.partnershipId,
        lessonPlanId: otherPlan.id,
        supporterId: demo("lsa"),
        mode: "roving",
      },
    });
    const home = await supporterHome(await who("lsa"));
    expect([...home.next, ...home.feedbackDue].map((d) => d.id)).not.toContain(stray.id);
    await db().deployment.delete({ where: { id: stray.id } });
  });

  it("a newcomer's home is empty: an LSA without deployments, a teacher without groups, a quiet partnership", async () => {
    const hollins = idOf(database.demo.institutionIds, "hollins");
    const newcomer = async (role: "lsa" | "teacher"): Promise<Actor> => {
      const user = await db().user.create({
        data: {
          partnershipId: database.demo.partnershipId,
          institutionId: hollins,
          email: `new.${role}.${provider}@hollinspark.example`,
          name: `New ${role}`,
          role,
        },
      });
      return actorOf(user.id);
    };
    expect(await supporterHome(await newcomer("lsa"))).toMatchObject({
      next: [],
      briefingsToRead: [],
      feedbackDue: [],
      feedbackDueCount: 0,
      hasAny: false,
    });
    const teacher = await teacherHome(await newcomer("teacher"));
    expect(teacher.week.days).toEqual([]);
    expect(teacher.needs).toEqual({ drafts: [], withoutObjectives: [], withoutEvaluation: [] });
    expect(teacher.courses).toEqual([]);

    const quiet = await db().partnership.create({
      data: { name: `Quiet Partnership ${provider}`, slug: `quiet-${provider}` },
    });
    const school = await db().institution.create({
      data: { partnershipId: quiet.id, name: "Quiet School", kind: "special_school" },
    });
    const head = await db().user.create({
      data: {
        partnershipId: quiet.id,
        institutionId: school.id,
        email: `head.${provider}@quiet.example`,
        name: "Quiet Head",
        role: "leader",
      },
    });
    const activity = await partnershipActivity(await actorOf(head.id));
    expect(activity.total).toEqual({
      plansWritten: 0,
      plansUpdated: 0,
      lessonsTaught: 0,
      deployments: 0,
      strategiesShared: 0,
    });
    expect(activity.institutions).toEqual([{ id: school.id, name: "Quiet School", counts: activity.total }]);
    expect(activity.recentPlans).toEqual([]);
  });
});
