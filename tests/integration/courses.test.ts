// Courses, units, co-planners and groups at the model level, on SQLite and PostgreSQL:
// filters, the scheme of work's order, what removing a unit or deleting a course
// takes with it, and the partnership boundary.
import type { ActionContext, Actor } from "~/policies/actor";
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { addPlanner, removePlanner } from "~/models/course-planners.server";
import { addUnit, moveUnit, removeUnit, renameUnit } from "~/models/course-units.server";
import {
  courseDeletionImpact,
  createCourse,
  deleteCourse,
  getCourse,
  listCourses,
  updateCourseDetails,
} from "~/models/courses.server";
import { refreshSortKeys } from "~/models/database-setup.server";
import { listCourseActivity, listSchemeOfWork } from "~/models/course-overview.server";
import { addSession, addStudentsToGroup, createGroup, deleteGroup, setTransport } from "~/models/groups.server";
import { getGroup } from "~/models/group-sql.server";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

/** A model call's action context for a member of the test's world (no client address unless the test gives one). */
const acting = (actor: Actor, ipAddress = ""): ActionContext => ({ actor, ipAddress });

describe.each(PROVIDERS)("courses and groups on %s", (provider) => {
  const database = useModelDatabase(provider);
  const as = (key: string) => actorOf(idOf(database.demo.userIds, key));
  const institution = (key: string) => idOf(database.demo.institutionIds, key);
  const courseInput = (overrides: Partial<Parameters<typeof createCourse>[1]> = {}) => ({
    title: "Drama (adapted module)",
    kind: "adapted_module",
    qualification: "",
    subject: "drama",
    keyStage: "ks4",
    leadInstitutionId: institution("kestrel"),
    siteIds: [institution("kestrel")],
    summary: "",
    units: ["Devising", "Performing"],
    plannerIds: [] as string[],
    ...overrides,
  });

  it("lists the seeded courses of the partnership only, with filters and sorting", async () => {
    const all = await listCourses(database.demo.partnershipId);
    expect(all.courses.map((c) => c.title)).toEqual([
      "BTEC First Award in Sport",
      "Dance (adapted module)",
      "Design Technology (adapted module)",
      "Leisure and Tourism",
      "NVQ Level 1 Catering",
    ]);
    const theirs = await listCourses(database.other.partnershipId);
    const ourIds = new Set(all.courses.map((c) => c.id));
    expect(theirs.courses.some((c) => ourIds.has(c.id))).toBe(false);

    expect(
      (await listCourses(database.demo.partnershipId, { subject: "pe_sport" })).courses.map((c) => c.title),
    ).toEqual(["BTEC First Award in Sport"]);
    expect((await listCourses(database.demo.partnershipId, { kind: "adapted_module" })).total).toBe(2);
    // Led by or delivered at Ashbury College.
    expect(
      (await listCourses(database.demo.partnershipId, { institutionId: institution("ashbury") })).courses.map(
        (c) => c.title,
      ),
    ).toEqual(["Leisure and Tourism", "NVQ Level 1 Catering"]);
    expect(
      (await listCourses(database.demo.partnershipId, { keyStage: "14-19", sort: "subject" })).courses.map(
        (c) => c.subject,
      ),
    ).toEqual(["catering", "pe_sport"]);
    expect((await listCourses(database.demo.partnershipId, { page: 2 })).courses).toEqual([]);
  });

  it("seeds the mixed BTEC First in Sport group of DOMAIN.md", async () => {
    const btec = (await listCourses(database.demo.partnershipId, { subject: "pe_sport" })).courses[0]!;
    const course = await getCourse(database.demo.partnershipId, btec.id);
    expect(course?.planners.map((p) => p.user.name).sort()).toEqual(["Sarah Whitfield", "Tom Gallagher"]);
    const group = await getGroup(database.demo.partnershipId, course!.groups[0]!.id);
    expect(group?.sessions.length).toBeGreaterThan(0);
    expect(group?.transport.map((t) => t.institution.name)).toContain("Brookfield School");
    const students = await db().student.findMany({
      where: { groups: { some: { groupId: group!.id } } },
      include: { homeInstitution: true },
    });
    const count = (home: string, year: number) =>
      students.filter((s) => s.homeInstitution.name === home && s.yearGroup === year).length;
    expect(count("Hollins Park Sports College", 10)).toBe(4);
    expect(count("Hollins Park Sports College", 9)).toBe(1);
    expect(count("Brookfield School", 11)).toBe(2);
    expect(students.some((s) => s.communicationMode === "bsl")).toBe(true);
  });

  it("a teacher creates a course and becomes its co-planner; other partnerships' institutions and people are refused", async () => {
    const sarah = await as("teacher");
    const course = await createCourse(
      acting(sarah),
      courseInput({ plannerIds: [idOf(database.demo.userIds, "teacherDance")] }),
    );
    const stored = await getCourse(database.demo.partnershipId, course.id);
    expect(stored?.plannerIds.sort()).toEqual([sarah.id, idOf(database.demo.userIds, "teacherDance")].sort());
    expect(stored?.units.map((u) => [u.position, u.title])).toEqual([
      [1, "Devising"],
      [2, "Performing"],
    ]);

    await expect(
      createCourse(acting(sarah), courseInput({ leadInstitutionId: idOf(database.other.institutionIds, "kestrel") })),
    ).rejects.toMatchObject({ field: "leadInstitutionId" });
    await expect(
      createCourse(acting(sarah), courseInput({ siteIds: [idOf(database.other.institutionIds, "kestrel")] })),
    ).rejects.toMatchObject({ field: "siteIds" });
    await expect(
      createCourse(acting(sarah), courseInput({ plannerIds: [idOf(database.other.userIds, "teacherFe")] })),
    ).rejects.toMatchObject({ field: "plannerIds" });
    // An LSA cannot be made a co-planner.
    await expect(
      createCourse(acting(sarah), courseInput({ plannerIds: [idOf(database.demo.userIds, "lsa")] })),
    ).rejects.toMatchObject({ field: "plannerIds" });
    expect(await getCourse(database.other.partnershipId, course.id)).toBeNull();
  });

  it("adds, renames, reorders and removes units; plans of a removed unit stay without a unit", async () => {
    const sarah = await as("teacher");
    const course = await createCourse(acting(sarah), courseInput({ units: ["One", "Two"] }));
    const three = await addUnit(acting(sarah), course.id, " Three ");
    expect(three.position).toBe(3);
    await renameUnit(acting(sarah), course.id, three.id, "Third");
    expect(await moveUnit(acting(sarah), course.id, three.id, "up")).toBe(true);
    let units = (await getCourse(database.demo.partnershipId, course.id))!.units;
    expect(units.map((u) => u.title)).toEqual(["One", "Third", "Two"]);
    expect(await moveUnit(acting(sarah), course.id, units[0]!.id, "up")).toBe(false);

    const plan = await db().lessonPlan.create({
      data: { partnershipId: sarah.partnershipId, courseId: course.id, unitId: three.id, title: "Warm-up routines" },
    });
    const unplanned = await db().lessonPlan.create({
      data: { partnershipId: sarah.partnershipId, courseId: course.id, title: "Trip briefing" },
    });
    const first = await db().lessonPlan.create({
      data: {
        partnershipId: sarah.partnershipId,
        courseId: course.id,
        unitId: units[0]!.id,
        title: "Introductions",
        position: 2,
      },
    });
    expect((await listSchemeOfWork(sarah.partnershipId, course.id)).map((p) => p.id)).toEqual([
      first.id,
      plan.id,
      unplanned.id,
    ]);

    expect(await removeUnit(acting(sarah), course.id, three.id)).toEqual({ plansKept: 1 });
    expect((await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } })).unitId).toBeNull();
    units = (await getCourse(database.demo.partnershipId, course.id))!.units;
    expect(units.map((u) => [u.position, u.title])).toEqual([
      [1, "One"],
      [2, "Two"],
    ]);

    const foreign = await actorOf(idOf(database.other.userIds, "coordinator"));
    await expect(addUnit(acting(foreign), course.id, "Hijack")).rejects.toMatchObject({
      code: "invalid",
      field: undefined,
    });
    await expect(renameUnit(acting(foreign), course.id, units[0]!.id, "Hijack")).rejects.toBeTruthy();
    expect((await listCourseActivity(sarah.partnershipId, course.id)).map((a) => a.action)).toContain(
      "course.unit_removed",
    );
  });

  it("keeps at least one co-planner", async () => {
    const sarah = await as("teacher");
    const course = await createCourse(acting(sarah), courseInput());
    await expect(removePlanner(acting(sarah), course.id, sarah.id)).rejects.toMatchObject({
      code: "invalid",
      field: undefined,
    });
    await addPlanner(acting(sarah), course.id, idOf(database.demo.userIds, "teacherFe"));
    await expect(addPlanner(acting(sarah), course.id, idOf(database.demo.userIds, "teacherFe"))).rejects.toMatchObject({
      field: "userId",
    });
    await removePlanner(acting(sarah), course.id, sarah.id);
    expect((await getCourse(database.demo.partnershipId, course.id))!.plannerIds).toEqual([
      idOf(database.demo.userIds, "teacherFe"),
    ]);
  });

  it("deleting a course takes its units, groups and lesson plans; its students stay", async () => {
    const coordinator = await as("coordinator");
    const course = await createCourse(
      acting(coordinator),
      courseInput({ plannerIds: [idOf(database.demo.userIds, "teacherDance")] }),
    );
    const group = await createGroup(acting(coordinator), course.id, {
      name: "Drama Y10",
      siteId: institution("kestrel"),
      academicYear: "2025-26",
    });
    await addSession(acting(coordinator), group.id, {
      dayOfWeek: 3,
      startTime: "13:30",
      endTime: "15:00",
      siteId: institution("kestrel"),
    });
    await setTransport(acting(coordinator), group.id, institution("thornbury"), "Minibus at 12:50");
    const student = await db().student.findFirstOrThrow({ where: { partnershipId: coordinator.partnershipId } });
    expect(await addStudentsToGroup(acting(coordinator), group.id, [student.id])).toBe(1);
    expect(await addStudentsToGroup(acting(coordinator), group.id, [student.id])).toBe(0);
    await db().lessonPlan.create({
      data: { partnershipId: coordinator.partnershipId, courseId: course.id, groupId: group.id, title: "Still images" },
    });

    const impact = await courseDeletionImpact(coordinator.partnershipId, course.id);
    expect(impact).toMatchObject({
      units: [{ title: "Devising" }, { title: "Performing" }],
      groups: [{ name: "Drama Y10" }],
      lessonPlans: [{ title: "Still images" }],
    });
    expect(await courseDeletionImpact(database.other.partnershipId, course.id)).toBeNull();

    const foreign = await actorOf(idOf(database.other.userIds, "coordinator"));
    expect(await deleteCourse(acting(foreign), course.id)).toBe(false);
    expect(await deleteCourse(acting(coordinator), course.id)).toBe(true);
    expect(await db().courseUnit.count({ where: { courseId: course.id } })).toBe(0);
    expect(await db().teachingGroup.count({ where: { id: group.id } })).toBe(0);
    expect(await db().lessonPlan.count({ where: { courseId: course.id } })).toBe(0);
    expect(await db().groupSession.count({ where: { groupId: group.id } })).toBe(0);
    expect(await db().student.count({ where: { id: student.id } })).toBe(1);
  });

  it("groups refuse other partnerships' sites and students; deleting a group keeps its plans", async () => {
    const coordinator = await as("coordinator");
    const course = await createCourse(
      acting(coordinator),
      courseInput({ plannerIds: [idOf(database.demo.userIds, "teacherDance")] }),
    );
    await expect(
      createGroup(acting(coordinator), course.id, {
        name: "Elsewhere",
        siteId: idOf(database.other.institutionIds, "kestrel"),
        academicYear: "",
      }),
    ).rejects.toMatchObject({ field: "siteId" });
    const group = await createGroup(acting(coordinator), course.id, {
      name: "Drama Y11",
      siteId: institution("kestrel"),
      academicYear: "",
    });
    const theirStudent = await db().student.findFirstOrThrow({
      where: { partnershipId: database.other.partnershipId },
    });
    await expect(addStudentsToGroup(acting(coordinator), group.id, [theirStudent.id])).rejects.toMatchObject({
      field: "studentIds",
    });
    const foreign = await actorOf(idOf(database.other.userIds, "coordinator"));
    await expect(
      setTransport(acting(foreign), group.id, idOf(database.other.institutionIds, "kestrel"), "x"),
    ).rejects.toMatchObject({ code: "invalid", field: undefined });
    expect(await getGroup(database.other.partnershipId, group.id)).toBeNull();

    const plan = await db().lessonPlan.create({
      data: { partnershipId: coordinator.partnershipId, courseId: course.id, groupId: group.id, title: "Monologues" },
    });
    await deleteGroup(acting(coordinator), group.id);
    expect((await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } })).groupId).toBeNull();
    expect((await listCourseActivity(coordinator.partnershipId, course.id)).map((a) => a.action)).toContain(
      "group.deleted",
    );
  });

  it("lists titles in title order whatever their case and accents, on both engines, and keeps it on rename", async () => {
    const teacher = await as("teacher");
    // The order a reader expects ("en-GB"): case and accents aside first, so "athletics" is not put after "Zumba".
    const titles = ["Zumba fitness", "athletics club", "Élan dance company", "eSports academy", "Applied science"];
    for (const title of titles) await createCourse(acting(teacher), courseInput({ title }));
    const listed = async () => {
      const first = await listCourses(teacher.partnershipId);
      const rest = await Promise.all(
        Array.from({ length: first.pageCount - 1 }, (_, i) => listCourses(teacher.partnershipId, { page: i + 2 })),
      );
      return [first, ...rest].flatMap((page) => page.courses.map((c) => c.title));
    };
    const inOrder = (all: string[]) => [...all].sort((a, b) => a.localeCompare(b, "en-GB"));
    const before = await listed();
    expect(before).toEqual(expect.arrayContaining(titles));
    expect(before).toEqual(inOrder(before));
    expect(before.indexOf("athletics club")).toBeLessThan(before.indexOf("BTEC First Award in Sport"));
    expect(before.indexOf("Élan dance company")).toBeLessThan(before.indexOf("eSports academy"));

    // Renamed through the model, the course moves to its new title's place.
    const zumba = await db().course.findFirstOrThrow({ where: { title: "Zumba fitness" } });
    await updateCourseDetails(acting(teacher), zumba.id, {
      ...courseInput({ title: "aerobics for all" }),
    });
    const renamed = await listed();
    expect(renamed).toContain("aerobics for all");
    expect(renamed).toEqual(inOrder(renamed));

    // Keys the migration left empty are put in place when the server starts.
    await db().$executeRaw`UPDATE "Course" SET "titleSortKey" = '' WHERE "partnershipId" = ${teacher.partnershipId}`;
    expect(await refreshSortKeys()).toBeGreaterThanOrEqual(titles.length);
    expect(await listed()).toEqual(renamed);
    expect(await refreshSortKeys()).toBe(0);
  });
});
