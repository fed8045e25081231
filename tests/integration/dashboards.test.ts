// The partnership dashboards on SQLite and PostgreSQL, against a small partnership this file builds itself (not the
// demo seed), so every figure below is computed by hand: three institutions, two courses, four dated lessons (and
// one outside the range), five deployments, three strategies, five ratings, three meetings, five actions. The
// seeded demo and "other" partnerships sit in the same database: none of their rows may be counted.
import { describe, expect, it } from "vitest";
import type { DashboardTable } from "~/lib/dashboards";
import { toCsv } from "~/lib/csv.server";
import { db } from "~/models/db.server";
import { coPlanningDashboard } from "~/models/dashboard-co-planning.server";
import { deploymentDashboard } from "~/models/dashboard-deployment.server";
import { meetingsDashboard } from "~/models/dashboard-meetings.server";
import { meetingRecords } from "~/models/dashboard-meeting-records.server";
import { deploymentRecords, planRecords } from "~/models/dashboard-records.server";
import { strategiesDashboard } from "~/models/dashboard-strategies.server";
import { featurePractice, loadGallery, unfeaturePractice } from "~/models/gallery.server";
import type { Actor } from "~/policies/actor";
import { dashboardScopeFor } from "~/policies/dashboard";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const RANGE = { from: "2026-09-01", to: "2026-12-31" };
const TODAY = "2026-12-01";
const at = (iso: string) => new Date(iso);

async function buildFixture() {
  const suffix = Math.random().toString(36).slice(2, 8);
  const partnership = await db().partnership.create({
    data: { name: "Fixture Partnership", slug: `fixture-${suffix}` },
  });
  const pid = partnership.id;
  const inst = async (name: string, kind: string) =>
    (await db().institution.create({ data: { partnershipId: pid, name, kind } })).id;
  const A = await inst("Ashby Sports College", "sports_college");
  const B = await inst("Brook Special School", "special_school");
  const C = await inst("Carrow FE College", "fe_college");
  const user = async (key: string, role: string, institutionId: string) =>
    (
      await db().user.create({
        data: {
          partnershipId: pid,
          institutionId,
          role,
          name: `${key} (fixture)`,
          email: `${key}.${suffix}@fixture.example`,
        },
      })
    ).id;
  const coord = await user("coord", "coordinator", A);
  const leader = await user("leader", "leader", A);
  const t1 = await user("t1", "teacher", A);
  const t2 = await user("t2", "teacher", B);
  const l1 = await user("l1", "lsa", A);
  const l2 = await user("l2", "lsa", B);
  const course = async (title: string, lead: string, planners: string[]) =>
    (
      await db().course.create({
        data: {
          partnershipId: pid,
          title,
          kind: "qualification",
          subject: "pe_sport",
          keyStage: "ks4",
          leadInstitutionId: lead,
          planners: { create: planners.map((userId) => ({ userId })) },
        },
      })
    ).id;
  const k1 = await course("BTEC First in Sport", A, [t1, t2]);
  const k2 = await course("NVQ Level 1 Catering", C, [t2]);
  const student = async (home: string, needAreas: string) =>
    (
      await db().student.create({
        data: { partnershipId: pid, homeInstitutionId: home, firstName: "F", lastName: "S", yearGroup: 10, needAreas },
      })
    ).id;
  const s1 = await student(A, "cognition_learning");
  const s2 = await student(B, "cognition_learning,sensory_physical");
  const s3 = await student(C, "semh");
  const group = async (courseId: string, siteId: string, studentIds: string[]) =>
    (
      await db().teachingGroup.create({
        data: {
          partnershipId: pid,
          courseId,
          name: `Group ${siteId.slice(-4)}`,
          siteId,
          students: { create: studentIds.map((studentId) => ({ studentId })) },
        },
      })
    ).id;
  const g1 = await group(k1, A, [s1, s2]);
  const g2 = await group(k2, C, [s3]);
  const plan = async (
    title: string,
    courseId: string,
    groupId: string | null,
    day: string | null,
    startTime: string,
    status: string,
  ) =>
    (
      await db().lessonPlan.create({
        data: {
          partnershipId: pid,
          courseId,
          groupId,
          title,
          lessonDate: day ? at(`${day}T00:00:00.000Z`) : null,
          startTime,
          status,
        },
      })
    ).id;
  const p1 = await plan("Warm-ups", k1, g1, "2026-10-05", "09:00", "reviewed");
  const p2 = await plan("Fitness tests", k1, g1, "2026-10-07", "10:00", "taught");
  const p3 = await plan("Knife skills", k2, g2, "2026-10-12", "", "draft");
  const p4 = await plan("Spring term", k1, g1, "2027-03-01", "09:00", "draft");
  await plan("Undated", k2, null, null, "", "draft");
  const deploy = async (
    lessonPlanId: string,
    supporterId: string,
    mode: string,
    minutes: number,
    studentIds: string[],
    times: { briefedAt?: string; readAt?: string; feedbackAt?: string },
  ) =>
    db().deployment.create({
      data: {
        partnershipId: pid,
        lessonPlanId,
        supporterId,
        mode,
        minutes,
        briefedAt: times.briefedAt ? at(times.briefedAt) : null,
        readAt: times.readAt ? at(times.readAt) : null,
        feedbackAt: times.feedbackAt ? at(times.feedbackAt) : null,
        feedback: times.feedbackAt ? "Went well." : "",
        students: { create: studentIds.map((studentId) => ({ studentId })) },
      },
    });
  const briefed = "2026-10-01T12:00:00.000Z";
  // D1: read the evening before; D2: read half an hour after the 09:00 start; D3: never briefed; D4: read the day before.
  await deploy(p1, l1, "group", 30, [s1, s2], {
    briefedAt: briefed,
    readAt: "2026-10-04T18:00:00.000Z",
    feedbackAt: "2026-10-05T15:00:00.000Z",
  });
  await deploy(p1, l2, "one_to_one", 60, [s2], { briefedAt: briefed, readAt: "2026-10-05T09:30:00.000Z" });
  await deploy(p2, l2, "roving", 45, [], { feedbackAt: "2026-10-07T15:00:00.000Z" });
  await deploy(p3, l1, "intervention", 20, [s3], {
    briefedAt: briefed,
    readAt: "2026-10-11T12:00:00.000Z",
    feedbackAt: "2026-10-12T15:00:00.000Z",
  });
  await deploy(p4, l1, "group", 100, [s1], { briefedAt: briefed });
  const strategy = async (title: string, needs: string[]) =>
    (
      await db().strategy.create({
        data: {
          partnershipId: pid,
          title,
          summary: "",
          tags: { create: needs.map((value) => ({ kind: "need", value })) },
        },
      })
    ).id;
  const st1 = await strategy("Student tracking and target-setting", ["cognition_learning"]);
  const st2 = await strategy("Talk partners", ["communication_interaction", "cognition_learning"]);
  await strategy("An idea nobody has tried", []);
  for (const [lessonPlanId, strategyId] of [
    [p1, st1],
    [p2, st1],
    [p3, st2],
    [p4, st1],
  ] as const) {
    await db().lessonPlanStrategy.create({ data: { lessonPlanId, strategyId } });
  }
  const rate = (strategyId: string, userId: string, rating: number, planId: string | null, day: string) =>
    db().strategyRating.create({
      data: {
        strategyId,
        userId,
        rating,
        lessonPlanId: planId,
        scope: planId ?? "general",
        updatedAt: at(`${day}T12:00:00.000Z`),
      },
    });
  await rate(st1, t1, 4, p1, "2026-10-06");
  await rate(st1, leader, 2, null, "2026-10-20");
  await rate(st1, t2, 5, p2, "2026-10-08");
  await rate(st2, t2, 3, p3, "2026-10-13");
  await rate(st2, coord, 5, null, "2027-02-01");
  const meetingGroup = async (name: string, members: string[]) =>
    (
      await db().meetingGroup.create({
        data: { partnershipId: pid, name, members: { create: members.map((userId) => ({ userId })) } },
      })
    ).id;
  const steering = await meetingGroup("Practitioners' steering group", [t1, t2, coord]);
  const heads = await meetingGroup("Heads' group", [leader]);
  const meeting = async (groupId: string, startsAt: string, attendance: Array<[string, string]>) =>
    (
      await db().meeting.create({
        data: {
          partnershipId: pid,
          groupId,
          startsAt: at(startsAt),
          endsAt: at(startsAt),
          attendance: { create: attendance.map(([userId, status]) => ({ userId, status })) },
        },
      })
    ).id;
  const m1 = await meeting(steering, "2026-10-08T15:00:00.000Z", [
    [t1, "present"],
    [t2, "apologies"],
    [coord, "present"],
    [l1, "absent"],
  ]);
  const m2 = await meeting(steering, "2027-01-10T15:00:00.000Z", [[t1, "absent"]]);
  const m3 = await meeting(heads, "2026-11-01T15:00:00.000Z", [[leader, "present"]]);
  const action = (groupId: string, meetingId: string, dueDate: string, status: string) =>
    db().meetingAction.create({
      data: { partnershipId: pid, groupId, meetingId, description: "Do it", ownerId: t1, dueDate, status },
    });
  await action(steering, m1, "2026-11-01", "open");
  await action(steering, m1, "2027-01-01", "open");
  await action(steering, m1, "2026-10-20", "done");
  await action(heads, m3, "2026-11-20", "dropped");
  await action(steering, m2, "2027-02-01", "open");
  return { ids: { pid, A, B, C, coord, leader, t1, t2, l1, l2, k1, k2 } };
}

const table = (tables: DashboardTable[], id: string) => {
  const found = tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found.rows.map((r) => r.cells);
};

describe.each(PROVIDERS)("partnership dashboards on %s", (provider) => {
  const database = useModelDatabase(provider);
  let fixture: Awaited<ReturnType<typeof buildFixture>>;
  const query = async (userKey: keyof typeof fixture.ids) => {
    const actor = await actorOf(fixture.ids[userKey]);
    return { actor, scope: dashboardScopeFor(actor)!, range: RANGE };
  };

  it("builds the fixture partnership", async () => {
    fixture = await buildFixture();
  });

  it("counts LSA support per institution, need, pattern, away from home, with briefings read and feedback", async () => {
    const tables = await deploymentDashboard(await query("leader"));
    expect(table(tables, "per-institution")).toEqual([
      {
        institution: "Ashby Sports College",
        sessions: 3,
        minutes: 135,
        supporters: 2,
        readBefore: 33.3,
        feedback: 66.7,
      },
      { institution: "Carrow FE College", sessions: 1, minutes: 20, supporters: 1, readBefore: 100, feedback: 100 },
    ]);
    expect(table(tables, "per-need")).toEqual([
      { need: "Communication and interaction", sessions: 0, minutes: 0 },
      { need: "Cognition and learning", sessions: 2, minutes: 90 },
      { need: "Social, emotional and mental health", sessions: 1, minutes: 20 },
      { need: "Sensory and/or physical", sessions: 2, minutes: 90 },
    ]);
    expect(table(tables, "per-pattern")).toEqual([
      { pattern: "Roving", sessions: 1, minutes: 45 },
      { pattern: "Supporting a group", sessions: 1, minutes: 30 },
      { pattern: "One-to-one", sessions: 1, minutes: 60 },
      { pattern: "Structured intervention", sessions: 1, minutes: 20 },
    ]);
    expect(table(tables, "outside-own-institution")).toEqual([
      { institution: "Ashby Sports College", supporters: 1, sessions: 1, minutes: 20 },
      { institution: "Brook Special School", supporters: 1, sessions: 2, minutes: 105 },
    ]);
    expect(table(tables, "briefings")).toEqual([{ sessions: 4, briefed: 3, readBefore: 50, feedback: 75 }]);
  });

  it("drills down to the deployments behind a figure, in the same scope and range", async () => {
    const q = await query("leader");
    const atAshby = await deploymentRecords(q, { institutionId: fixture.ids.A });
    expect(atAshby.map((d) => [d.day, d.minutes, d.readBefore]).sort()).toEqual([
      ["2026-10-05", 30, true],
      ["2026-10-05", 60, false],
      ["2026-10-07", 45, false],
    ]);
    expect(await deploymentRecords(q, { outsideFrom: fixture.ids.B })).toHaveLength(2);
    expect(await deploymentRecords(q, { need: "semh" })).toHaveLength(1);
  });

  it("compares a briefing's reading with the lesson's start on London's clock in British Summer Time", async () => {
    // A 09:00 lesson on 14 June 2027: read at 07:30 UTC (08:30 BST) is before it, at 08:30 UTC (09:30 BST) after it.
    const { pid, k1, l1, l2 } = fixture.ids;
    const plan = await db().lessonPlan.create({
      data: {
        partnershipId: pid,
        courseId: k1,
        title: "Summer sports day",
        lessonDate: at("2027-06-14T00:00:00.000Z"),
        startTime: "09:00",
      },
    });
    for (const [supporterId, readAt] of [
      [l1, "2027-06-14T07:30:00.000Z"],
      [l2, "2027-06-14T08:30:00.000Z"],
    ] as const) {
      await db().deployment.create({
        data: {
          partnershipId: pid,
          lessonPlanId: plan.id,
          supporterId,
          mode: "group",
          minutes: 30,
          briefedAt: at("2027-06-10T12:00:00.000Z"),
          readAt: at(readAt),
        },
      });
    }
    const june = { ...(await query("leader")), range: { from: "2027-06-01", to: "2027-06-30" } };
    const records = await deploymentRecords(june, {});
    expect(records.map((r) => [r.supporter, r.readBefore]).sort()).toEqual([
      ["l1 (fixture)", true],
      ["l2 (fixture)", false],
    ]);
    expect(table(await deploymentDashboard(june), "briefings")).toEqual([
      { sessions: 2, briefed: 2, readBefore: 50, feedback: 0 },
    ]);
  });

  it("rates strategies with their spread, per need, over time, beside the heads' ranking", async () => {
    const tables = await strategiesDashboard(await query("coord"));
    expect(table(tables, "use-over-time")).toEqual([{ month: "2026-10", uses: 3, strategies: 2 }]);
    expect(table(tables, "per-strategy")).toEqual([
      { strategy: "Student tracking and target-setting", uses: 2, ratings: 3, mean: 3.67, low: 2, high: 5, sd: 1.25 },
      { strategy: "Talk partners", uses: 1, ratings: 1, mean: 3, low: 3, high: 3, sd: 0 },
    ]);
    expect(table(tables, "per-need")).toEqual([
      { need: "Communication and interaction", rated: 1, ratings: 1, mean: 3, low: 3, high: 3, sd: 0 },
      { need: "Cognition and learning", rated: 2, ratings: 4, mean: 3.5, low: 2, high: 5, sd: 1.12 },
      {
        need: "Social, emotional and mental health",
        rated: 0,
        ratings: 0,
        mean: null,
        low: null,
        high: null,
        sd: null,
      },
      { need: "Sensory and/or physical", rated: 0, ratings: 0, mean: null, low: null, high: null, sd: null },
    ]);
    const heads = table(tables, "heads-ranking");
    expect(heads).toHaveLength(22);
    expect(heads[0]).toEqual({
      strategy: "Student tracking",
      rank: 1,
      ours: "Student tracking and target-setting",
      ratings: 3,
      mean: 3.67,
    });
    expect(heads.find((h) => h.strategy === "Target-setting")).toMatchObject({ rank: 3, ratings: 3 });
    expect(heads.find((h) => h.strategy === "Use of data")).toEqual({
      strategy: "Use of data",
      rank: 2,
      ours: "",
      ratings: 0,
      mean: null,
    });
  });

  it("shows which institutions plan together, plans by status and cross-site sessions per week", async () => {
    const tables = await coPlanningDashboard(await query("leader"));
    // A matrix: a row and a column per institution that co-plans, each cell its own drill-down.
    const matrix = tables.find((t) => t.id === "institutions-planning-together")!;
    expect(matrix.columns.map((c) => [c.label, c.short])).toEqual([
      ["Institution", undefined],
      ["Ashby Sports College", "Ashby"],
      ["Brook Special School", "Brook"],
    ]);
    const { A, B } = fixture.ids;
    expect(table(tables, "institutions-planning-together")).toEqual([
      { institution: "Ashby Sports College", [A]: null, [B]: 2 },
      { institution: "Brook Special School", [A]: 2, [B]: null },
    ]);
    expect(matrix.rows[0]!.cellHrefs).toEqual({ [B]: expect.stringContaining(`pair=${A}%2C${B}`) });
    expect(table(tables, "plans-by-status")).toEqual([
      { course: "BTEC First in Sport", draft: 0, ready: 0, taught: 1, reviewed: 1 },
      { course: "NVQ Level 1 Catering", draft: 1, ready: 0, taught: 0, reviewed: 0 },
    ]);
    expect(table(tables, "cross-site-sessions")).toEqual([{ week: "2026-10-05", sessions: 2 }]);
    const q = await query("leader");
    expect(await planRecords(q, { pair: [fixture.ids.A, fixture.ids.B] })).toHaveLength(2);
    expect(await planRecords(q, { crossSite: true })).toHaveLength(2);
    expect(await planRecords(q, { courseId: fixture.ids.k2 })).toHaveLength(1);
  });

  it("counts meeting attendance per institution and actions open, done and overdue", async () => {
    const tables = await meetingsDashboard(await query("coord"), TODAY);
    expect(table(tables, "attendance")).toEqual([
      { institution: "Ashby Sports College", meetings: 2, present: 3, apologies: 0, absent: 1, rate: 75 },
      { institution: "Brook Special School", meetings: 1, present: 0, apologies: 1, absent: 0, rate: 0 },
    ]);
    expect(table(tables, "actions")).toEqual([
      { group: "Heads' group", open: 0, overdue: 0, done: 0 },
      { group: "Practitioners' steering group", open: 2, overdue: 1, done: 1 },
    ]);
  });

  it("drills down from attendance and actions to the meetings they counted, in the same range", async () => {
    const q = await query("coord");
    const attendance = table(await meetingsDashboard(q, TODAY), "attendance");
    expect(attendance).toHaveLength(2);
    const brook = await meetingRecords(q, { institutionId: fixture.ids.B }, 50, TODAY);
    expect(brook).toEqual([
      expect.objectContaining({ day: "2026-10-08", present: 0, apologies: 1, absent: 0, open: 2, overdue: 1, done: 1 }),
    ]);
    const heads = await db().meetingGroup.findFirstOrThrow({
      where: { partnershipId: fixture.ids.pid, name: "Heads' group" },
    });
    expect(await meetingRecords(q, { groupId: heads.id }, 50, TODAY)).toEqual([
      expect.objectContaining({ day: "2026-11-01", group: "Heads' group", present: 1, open: 0, done: 0 }),
    ]);
    // The January meeting is outside the range; a teacher sees only their groups' meetings.
    expect((await meetingRecords(q, {}, 50, TODAY)).map((m) => m.day)).toEqual(["2026-11-01", "2026-10-08"]);
    expect((await meetingRecords(await query("t1"), {}, 50, TODAY)).map((m) => m.day)).toEqual(["2026-10-08"]);
  });

  it("gives a teacher only the figures of the courses they co-plan (and the meeting groups they belong to)", async () => {
    const q = await query("t1");
    const deployment = await deploymentDashboard(q);
    expect(table(deployment, "per-institution")).toEqual([
      {
        institution: "Ashby Sports College",
        sessions: 3,
        minutes: 135,
        supporters: 2,
        readBefore: 33.3,
        feedback: 66.7,
      },
    ]);
    expect(table(deployment, "outside-own-institution")).toEqual([
      { institution: "Brook Special School", supporters: 1, sessions: 2, minutes: 105 },
    ]);
    expect(table(deployment, "per-need").find((r) => r.need === "Social, emotional and mental health")).toMatchObject({
      sessions: 0,
    });
    const strategies = await strategiesDashboard(q);
    expect(table(strategies, "per-strategy")).toEqual([
      { strategy: "Student tracking and target-setting", uses: 2, ratings: 2, mean: 4.5, low: 4, high: 5, sd: 0.5 },
    ]);
    const coPlanning = await coPlanningDashboard(q);
    expect(table(coPlanning, "plans-by-status").map((r) => r.course)).toEqual(["BTEC First in Sport"]);
    expect(await planRecords(q, { courseId: fixture.ids.k2 })).toEqual([]);
    const meetings = await meetingsDashboard(q, TODAY);
    expect(table(meetings, "attendance")).toEqual([
      { institution: "Ashby Sports College", meetings: 1, present: 2, apologies: 0, absent: 1, rate: 66.7 },
      { institution: "Brook Special School", meetings: 1, present: 0, apologies: 1, absent: 0, rate: 0 },
    ]);
    expect(table(meetings, "actions").map((r) => r.group)).toEqual(["Practitioners' steering group"]);
  });

  it("never counts another partnership's data, nor ours for them", async () => {
    const stranger: Actor = await actorOf(idOf(database.other.userIds, "leader"));
    const theirs = { actor: stranger, scope: dashboardScopeFor(stranger)!, range: RANGE };
    const names = JSON.stringify([
      await deploymentDashboard(theirs),
      await coPlanningDashboard(theirs),
      await meetingsDashboard(theirs, TODAY),
      await strategiesDashboard(theirs),
      await deploymentRecords(theirs, {}),
      await planRecords(theirs, {}),
    ]);
    for (const ours of ["Ashby", "Brook Special", "Carrow"]) {
      expect(names).not.toContain(ours);
    }
    // And a foreign id in a drill-down filter finds nothing of ours.
    expect(await deploymentRecords(theirs, { institutionId: fixture.ids.A })).toEqual([]);
  });
});

describe.each(PROVIDERS)("shared practice gallery on %s", (provider) => {
  const database = useModelDatabase(provider);
  let fixture: Awaited<ReturnType<typeof buildFixture>>;
  const ctx = async (key: keyof typeof fixture.ids) => ({ actor: await actorOf(fixture.ids[key]), ipAddress: "" });

  it("shows reviewed plans with LSA feedback and strategies ranked by rated impact; a leader features one", async () => {
    fixture = await buildFixture();
    const leader = await ctx("leader");
    const gallery = await loadGallery(leader.actor);
    expect(gallery.plans.map((p) => [p.title, p.feedback.map((f) => f.text)])).toEqual([["Warm-ups", ["Went well."]]]);
    expect(gallery.strategies.map((s) => [s.title, s.mean, s.ratings])).toEqual([
      ["Talk partners", 4, 2],
      ["Student tracking and target-setting", 3.7, 3],
    ]);
    const planId = gallery.plans[0]!.id;
    const strategyId = gallery.strategies[1]!.id;
    await featurePractice(leader, { subjectType: "strategy", subjectId: strategyId, reason: "Heads rank it first." });
    await featurePractice(leader, { subjectType: "plan", subjectId: planId, reason: "A model briefing." });
    const featured = await loadGallery(leader.actor);
    expect(featured.strategies[0]).toMatchObject({
      title: "Student tracking and target-setting",
      featured: "Heads rank it first.",
    });
    expect(featured.plans[0]!.featured).toBe("A model briefing.");
    await unfeaturePractice(leader, { subjectType: "plan", subjectId: planId });
    expect((await loadGallery(leader.actor)).plans[0]!.featured).toBeNull();
  });

  it("lets only the coordinator and leaders feature, never another partnership's record; an LSA sees plans they supported", async () => {
    const strategyId = (await loadGallery((await ctx("coord")).actor)).strategies[0]!.id;
    const refused = (key: "t1" | "l1") =>
      ctx(key).then((c) => featurePractice(c, { subjectType: "strategy", subjectId: strategyId, reason: "Mine." }));
    await expect(refused("t1")).rejects.toMatchObject({ status: 403 });
    await expect(refused("l1")).rejects.toMatchObject({ status: 403 });
    const stranger = { actor: await actorOf(idOf(database.other.userIds, "leader")), ipAddress: "" };
    await expect(
      featurePractice(stranger, { subjectType: "strategy", subjectId: strategyId, reason: "x" }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await loadGallery((await ctx("l2")).actor)).plans.map((p) => p.title)).toEqual(["Warm-ups"]);
  });
});

describe("CSV downloads", () => {
  it("quotes commas, quotes and newlines, neutralises formulas, and starts with a byte-order mark", () => {
    const csv = toCsv(
      ["Name", "Note"],
      [
        ["Smith, Jo", 'She said "yes"'],
        ["Two\nlines", 3],
        ["=SUM(A1:A9)", "+44 7700"],
        ["-2+3", "@cmd"],
        [null, "plain"],
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Name,Note",
      '"Smith, Jo","She said ""yes"""',
      '"Two\nlines",3',
      "'=SUM(A1:A9),'+44 7700",
      "'-2+3,'@cmd",
      ",plain",
      "",
    ]);
  });
});
