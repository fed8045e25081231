// The plan page's data (loadLessonPlanPage) against the stored records read through Prisma, on SQLite and PostgreSQL:
// its deployments in order with their supporters, briefers and students, the group's students on roll, names or
// initials as each reader may see them with the same audit of full views, the plan's document and each reader's
// rights on it, and the editing view's units, groups, meeting days and deployable members (the reading view reads
// none of them but its own group's days); every text it sends screened for names as the partnership-wide screen
// would. A plan from before has its text moved on opening, not by its print copy.
import { describe, expect, it } from "vitest";
import { getDocumentByOwnerForActor } from "~/models/collab-documents.server";
import { db } from "~/models/db.server";
import { deploySupporter, listDeployableMembers } from "~/models/deployments.server";
import { requireLessonPlan, requirePlanningCourse } from "~/models/lesson-plan-facts.server";
import { loadLessonPlanPage } from "~/models/lesson-plan-page.server";
import { addDifferentiationNote, createLessonPlan } from "~/models/lesson-plans.server";
import { addLinkResource } from "~/models/lesson-resources.server";
import { flushSearchIndex } from "~/models/search/search-hooks.server";
import { screenOfTexts, studentNameScreen } from "~/models/student-names.server";
import type { ActionContext, Actor } from "~/policies/actor";
import { canDeleteLessonPlan, canEditLessonPlan } from "~/policies/lesson-plan";
import { PROVIDERS } from "../support/databases";
import { briefing, createLessonFixture, dayFromToday, type LessonFixture } from "../support/lesson-plan-fixtures";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";
import { statementsOf } from "../support/statements";

const ADDRESS = "203.0.113.46";
const ctx = (actor: Actor): ActionContext => ({ actor, ipAddress: ADDRESS });
const NO_BRIEFING = { concepts: "", skills: "", outcomes: "", feedbackExpected: "", independence: "" };

describe.each(PROVIDERS)("the plan page's data on %s", (provider) => {
  const database = useModelDatabase(provider);
  const who = (key: string) => actorOf(idOf(database.demo.userIds, key));

  /** The page as the route loads it for `actor`, in the reading or the editing view. */
  async function pageAs(actor: Actor, planId: string, view: { editing?: boolean; opening?: boolean } = {}) {
    const access = await requireLessonPlan(actor, planId);
    return loadLessonPlanPage(actor, access, {
      canEdit: canEditLessonPlan(actor, access),
      canDelete: canDeleteLessonPlan(actor, access),
      editing: view.editing ?? false,
      confirmDelete: false,
      opening: view.opening ?? true,
      ipAddress: ADDRESS,
    });
  }

  /**
   * A plan of the fixture's group with three deployments (two made at the same instant, one of them to the whole
   * group, neither briefed), two strategies and two links (the later made dated earlier), two notes (one naming a
   * student who has since left the group), sessions on two days for the group and none for the course's other group,
   * and a second unit.
   */
  async function deployedPlan(label: string) {
    const f: LessonFixture = await createLessonFixture(db(), database.demo, ` ${label}`);
    const teacher = await who("teacher");
    const plan = await createLessonPlan(ctx(teacher), await requirePlanningCourse(teacher, f.courseId), {
      title: `Components of fitness ${label}`,
      unitId: f.unitId,
      groupId: f.groupId,
      lessonDate: dayFromToday(7),
      startTime: "09:15",
      durationMinutes: 60,
    });
    const editable = () => requireLessonPlan(teacher, plan.id, canEditLessonPlan);
    const deploy = async (supporter: string, studentIds: string[], briefed: boolean) =>
      deploySupporter(ctx(teacher), await editable(), {
        supporterId: idOf(database.demo.userIds, supporter),
        supporterRole: supporter === "lsaDeaf" ? "csw" : "lsa",
        phase: "main",
        mode: studentIds.length > 0 ? "group" : "roving",
        minutes: 40,
        studentIds,
        ...(briefed ? briefing : NO_BRIEFING),
      });
    const first = await deploy("lsa", [f.studentIds.mld2, f.studentIds.mld1], true);
    const second = await deploy("lsaDeaf", [], false);
    // Not of the students' institutions and not their teacher: she sees her student by need-to-know only.
    const third = await deploy("teacherFe", [f.studentIds.mld1], false);
    await db().deployment.updateMany({
      where: { id: { in: [second.id, third.id] } },
      data: { createdAt: new Date(first.createdAt.getTime() + 1000) },
    });
    await addDifferentiationNote(ctx(teacher), await editable(), {
      studentId: f.studentIds.hollins,
      needArea: "",
      note: "Liam leads the warm-up.",
    });
    await addDifferentiationNote(ctx(teacher), await editable(), {
      studentId: "",
      needArea: "sensory_physical",
      note: "Face the class when explaining.",
    });
    await db().student.update({ where: { id: f.studentIds.hollins }, data: { leftOn: new Date("2026-01-05") } });
    const another = await db().strategy.create({
      data: { partnershipId: database.demo.partnershipId, title: `Wait time ${label}`, summary: "Count to five." },
    });
    await db().lessonPlanStrategy.createMany({
      data: [
        // Linked first, though made last: the lists go by when things were added, not by id.
        { lessonPlanId: plan.id, strategyId: another.id, note: "First.", createdAt: new Date(Date.now() - 60_000) },
        { lessonPlanId: plan.id, strategyId: f.strategyId, note: "After each question." },
      ],
    });
    await addLinkResource(ctx(teacher), await editable(), { title: "Fitness tests", url: "https://example.org/tests" });
    const bleep = await addLinkResource(ctx(teacher), await editable(), {
      title: "Bleep test",
      url: "https://example.org/bleep",
    });
    await db().lessonResource.update({ where: { id: bleep.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    const site = idOf(database.demo.institutionIds, "hollins");
    await db().groupSession.createMany({
      data: [
        { groupId: f.groupId, dayOfWeek: 4, startTime: "09:00", endTime: "10:00", siteId: site },
        { groupId: f.groupId, dayOfWeek: 2, startTime: "09:00", endTime: "10:00", siteId: site },
        { groupId: f.groupId, dayOfWeek: 4, startTime: "13:00", endTime: "14:00", siteId: site },
      ],
    });
    await db().courseUnit.create({ data: { courseId: f.courseId, position: 2, title: `Unit 2 ${label}` } });
    return { f, plan };
  }

  /** The plan's deployments as stored, first made first (ties by id), each one's students by id. */
  async function storedDeployments(planId: string) {
    const rows = await db().deployment.findMany({
      where: { lessonPlanId: planId },
      include: { supporter: { include: { institution: true } }, briefedBy: true, students: true },
    });
    return rows
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((d) => ({
        id: d.id,
        supporter: { id: d.supporter.id, name: d.supporter.name, institution: d.supporter.institution.name },
        supporterRole: d.supporterRole,
        phase: d.phase,
        mode: d.mode,
        minutes: d.minutes,
        studentIds: d.students.map((s) => s.studentId).sort(),
        briefing: {
          concepts: d.concepts,
          skills: d.skills,
          outcomes: d.outcomes,
          feedbackExpected: d.feedbackExpected,
          independence: d.independence,
        },
        briefedBy: d.briefedBy?.name ?? null,
        briefedAt: d.briefedAt,
        readAt: d.readAt,
        feedback: d.feedback,
        feedbackAt: d.feedbackAt,
      }));
  }

  it("shows the stored deployments, students on roll and document, with names only where the reader may see them", async () => {
    const { f, plan } = await deployedPlan("deployed");
    const coordinator = await who("coordinator");
    const page = (await pageAs(coordinator, plan.id))!;
    const stored = await storedDeployments(plan.id);
    expect(stored).toHaveLength(3);
    expect(page.deployments.map(({ students, ...d }) => ({ ...d, studentIds: students.map((s) => s.id) }))).toEqual(
      stored,
    );
    // Full names for the coordinator, in the students' order within each deployment.
    const students = await db().student.findMany({ where: { partnershipId: database.demo.partnershipId } });
    const fullName = new Map(students.map((s) => [s.id, `${s.firstName} ${s.lastName}`]));
    for (const [i, d] of page.deployments.entries())
      expect(d.students.map((s) => s.name)).toEqual(stored[i]!.studentIds.map((id) => fullName.get(id)));

    // The plan's strategies, notes and resources, each list first added first.
    const parts = await db().lessonPlan.findUniqueOrThrow({
      where: { id: plan.id },
      include: { strategies: { include: { strategy: true } }, differentiation: true, resources: true },
    });
    const firstAddedFirst = <T extends { createdAt: Date }>(rows: T[], id: (row: T) => string) =>
      [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (id(a) < id(b) ? -1 : 1));
    expect(page.plan.strategies).toEqual(
      firstAddedFirst(parts.strategies, (s) => s.strategyId).map((s) => ({
        strategyId: s.strategyId,
        note: s.note,
        createdAt: s.createdAt,
        strategy: { id: s.strategy.id, title: s.strategy.title, summary: s.strategy.summary },
      })),
    );
    expect(page.plan.strategies.map((s) => s.note)).toEqual(["First.", "After each question."]);
    expect(page.notes.map(({ studentName: _name, ...n }) => n)).toEqual(
      firstAddedFirst(parts.differentiation, (n) => n.id).map((n) => ({
        id: n.id,
        studentId: n.studentId,
        needArea: n.needArea,
        note: n.note,
      })),
    );
    expect(page.plan.resources).toEqual(
      firstAddedFirst(parts.resources, (r) => r.id).map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        url: r.url,
        fileName: r.fileName,
        mimeType: r.mimeType,
        sizeBytes: r.sizeBytes,
        createdAt: r.createdAt,
      })),
    );
    expect(page.plan.resources.map((r) => r.title)).toEqual(["Bleep test", "Fitness tests"]);

    // On roll: the group's students who have not left, by surname; the one who left is still named by the note.
    const roll = await db().groupStudent.findMany({
      where: { groupId: f.groupId, student: { leftOn: null } },
      include: { student: true },
    });
    const byName = roll
      .map((g) => g.student)
      .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
    expect(page.groupStudents.map((s) => s.id)).toEqual(byName.map((s) => s.id));
    expect(page.groupStudents.map((s) => s.id)).not.toContain(f.studentIds.hollins);
    expect(page.notes.map((n) => n.studentName)).toEqual(["Liam Carter", null]);

    // Every student shown in full is audited once, from this page and address: the group on roll and the named ones.
    const audited = await db().auditEvent.findMany({
      where: {
        action: "student.viewed",
        actorId: coordinator.id,
        ipAddress: ADDRESS,
        subjectId: { in: [...students.map((s) => s.id)] },
      },
    });
    expect(audited.map((e) => e.subjectId).sort()).toEqual(Object.values(f.studentIds).sort());
    expect(audited.map((e) => JSON.parse(String(e.detail)))).toEqual(audited.map(() => ({ via: "lesson-plan" })));

    // A teacher of another subject reads the plan with initials only, and no full view is recorded for her.
    const dance = await who("teacherDance");
    const asDance = (await pageAs(dance, plan.id))!;
    expect(asDance.deployments[0]!.students.map((s) => s.name)).toEqual(
      stored[0]!.studentIds.map((id) => {
        const s = students.find((x) => x.id === id)!;
        return `${s.firstName[0]}. ${s.lastName[0]}.`;
      }),
    );
    expect(asDance.groupStudents.every((s) => s.visibility === "initials" && s.needAreas.length === 0)).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "student.viewed", actorId: dance.id } })).toBe(0);

    // A supporter deployed to one student sees that one by need-to-know, audited as such, and the others by initials.
    const supporter = await who("teacherFe");
    const asSupporter = new Map((await pageAs(supporter, plan.id))!.groupStudents.map((s) => [s.id, s]));
    expect(asSupporter.get(f.studentIds.mld1)).toMatchObject({ name: "Kayden Brooks", visibility: "need-to-know" });
    expect(asSupporter.get(f.studentIds.mld2)).toMatchObject({ name: "E. M.", visibility: "initials" });
    const supporterViews = await db().auditEvent.findMany({
      where: { action: "student.viewed", actorId: supporter.id },
    });
    expect(supporterViews.map((e) => [e.subjectId, JSON.parse(String(e.detail))])).toEqual([
      [f.studentIds.mld1, { via: "lesson-plan", view: "need-to-know" }],
    ]);

    // The document found with the plan decides as the document's own lookup does, for every kind of reader.
    const document = await db().collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: plan.id } },
    });
    for (const key of ["coordinator", "teacher", "teacherFe", "leader", "lsa", "teacherDance"]) {
      const actor = await who(key);
      const own = await getDocumentByOwnerForActor(actor, "lesson-plan", plan.id);
      expect((await pageAs(actor, plan.id))!.body, key).toEqual(
        own ? { documentId: document.id, canWrite: own.canWrite } : null,
      );
    }
  });

  it("gives the editing view its units, groups, days and members, and the reading view only its group's days", async () => {
    const { f, plan } = await deployedPlan("editing");
    const teacher = await who("teacher");
    const units = await db().courseUnit.findMany({ where: { courseId: f.courseId }, orderBy: { position: "asc" } });
    const groups = await db().teachingGroup.findMany({
      where: { courseId: f.courseId },
      include: { sessions: true },
      orderBy: { name: "asc" },
    });
    const daysOf = (g: (typeof groups)[number]) => ({
      name: g.name,
      days: [...new Set(g.sessions.map((s) => s.dayOfWeek))].sort(),
    });
    const editing = (await pageAs(teacher, plan.id, { editing: true }))!;
    expect(editing.units).toEqual(units.map((u) => ({ id: u.id, title: u.title })));
    expect(editing.groups).toEqual(groups.map((g) => ({ id: g.id, name: g.name })));
    expect(editing.groupDays).toEqual(Object.fromEntries(groups.map((g) => [g.id, daysOf(g)])));
    expect(editing.groupDays[f.groupId]!.days).toEqual([2, 4]);
    expect(editing.groupDays[f.otherGroupId]!.days).toEqual([]);
    const members = await listDeployableMembers(database.demo.partnershipId);
    expect(editing.members.map((m) => m.value)).toEqual(members.map((m) => m.id));

    const reading = (await pageAs(teacher, plan.id))!;
    expect(reading).toMatchObject({ units: [], groups: [], members: [] });
    expect(reading.groupDays).toEqual({ [f.groupId]: daysOf(groups.find((g) => g.id === f.groupId)!) });
    // What both views show is the same.
    const { units: _u, groups: _g, groupDays: _d, members: _m, ...shown } = editing;
    expect(reading).toMatchObject(shown);
    // Someone who may not edit gets no forms' choices, even when asking for the editing view.
    const leader = (await pageAs(await who("leader"), plan.id, { editing: true }))!;
    expect(leader).toMatchObject({ canEdit: false, units: [], groups: [], members: [] });
  });

  it("screens every text it sends as the partnership-wide screen does, and refuses a text it was not given", async () => {
    const { plan } = await deployedPlan("screened");
    await db().deployment.updateMany({
      where: { lessonPlanId: plan.id, supporterId: idOf(database.demo.userIds, "lsa") },
      data: { feedback: "Kayden and Ellie worked well; Maya's group waited." },
    });
    await db().lessonPlanStrategy.updateMany({ where: { lessonPlanId: plan.id }, data: { note: "Ask Maya first." } });
    const sent = (page: NonNullable<Awaited<ReturnType<typeof pageAs>>>) => [
      ...page.deployments.flatMap((d) => [...Object.values(d.briefing), d.feedback]),
      ...page.notes.map((n) => n.note),
      ...page.plan.strategies.map((s) => s.note),
    ];
    // The coordinator sees every student in full: her page carries the texts as written.
    const written = sent((await pageAs(await who("coordinator"), plan.id))!);
    expect(written).toContain("Kayden and Ellie worked well; Maya's group waited.");
    for (const key of ["teacherDance", "teacherFe", "teacher", "lsa"]) {
      const actor = await who(key);
      const screen = await studentNameScreen(actor, written);
      expect(sent((await pageAs(actor, plan.id))!), key).toEqual(written.map(screen));
    }
    expect(sent((await pageAs(await who("teacherDance"), plan.id))!)).toContain(
      "K. B. and E. M. worked well; M. P.'s group waited.",
    );
    const screen = await screenOfTexts(await who("teacherDance"), ["Kayden and Ellie"]);
    expect(screen("Kayden and Ellie")).toBe("K. B. and E. M.");
    expect(() => screen("Ellie")).toThrow(/not given to the name screen/);
  });

  it("runs the same statements however many plans, deployments and students there are", async () => {
    const { f, plan } = await deployedPlan("statements");
    const teacher = await who("teacher");
    const statements = async (key: string, editing = false) => {
      const actor = await who(key);
      const read = () => pageAs(actor, plan.id, { editing });
      // The first view records its audit entries; the writes also refresh the search index in the background.
      await read();
      await flushSearchIndex(db());
      return (await statementsOf(read)).statements;
    };
    const views = [
      ["coordinator", false],
      ["coordinator", true],
      ["teacher", false],
      ["teacherFe", false],
    ] as const;
    const few = [];
    for (const [key, editing] of views) few.push(await statements(key, editing));

    // Twelve more students in the group, twenty more plans of the course, and five more deployments in this one.
    for (let n = 0; n < 12; n++)
      await db().student.create({
        data: {
          partnershipId: database.demo.partnershipId,
          homeInstitutionId: idOf(database.demo.institutionIds, n % 2 ? "kestrel" : "hollins"),
          firstName: `Student${n}`,
          lastName: "Many",
          yearGroup: 10,
          groups: { create: [{ groupId: f.groupId }] },
        },
      });
    const course = await requirePlanningCourse(teacher, f.courseId);
    for (let n = 0; n < 20; n++)
      await createLessonPlan(ctx(teacher), course, {
        title: `Lesson ${n}`,
        unitId: f.unitId,
        groupId: f.groupId,
        lessonDate: dayFromToday(7),
        startTime: "09:15",
        durationMinutes: 60,
      });
    for (const supporter of ["lsa", "lsaDeaf", "teacherFe", "teacherDance", "teacherDeaf"])
      await deploySupporter(ctx(teacher), await requireLessonPlan(teacher, plan.id, canEditLessonPlan), {
        supporterId: idOf(database.demo.userIds, supporter),
        supporterRole: "lsa",
        phase: "plenary",
        mode: "group",
        minutes: 20,
        studentIds: [f.studentIds.mld1, f.studentIds.deaf],
        ...briefing,
      });
    const many = [];
    for (const [key, editing] of views) many.push(await statements(key, editing));

    expect(many).toEqual(few);
    // The route's facts (1), the plan and its parts (2), the deployments (1), the group's days and roll with the
    // editing view's choices (1), the students (1) and their audit (1); the editing view's members (1); for those who
    // do not see every student in full, the names the texts may mention and the facts of those they do (2).
    expect(few).toEqual([7, 8, 9, 9]);
  });

  it("moves a plan from before into its document when the page opens it, not when its print copy reads it", async () => {
    const { plan } = await deployedPlan("before");
    await db().lessonPlan.update({ where: { id: plan.id }, data: { textInDocument: false, objectives: "Name two" } });
    const coordinator = await who("coordinator");
    expect((await pageAs(coordinator, plan.id, { opening: false }))!.plan.textInDocument).toBe(false);
    expect((await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } })).textInDocument).toBe(false);
    expect((await pageAs(coordinator, plan.id))!.plan).toMatchObject({ textInDocument: true, objectives: "Name two" });
    expect((await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } })).textInDocument).toBe(true);
  });
});
