// A lesson's students as lessonStudents reads them in one statement, on SQLite and PostgreSQL: by name, leavers only
// when named, full details for whoever teaches any of the student's groups, a supporter's need-to-know from her own
// deployments while one of them is undated or recent enough, initials otherwise; need-to-know views audited as such.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { lessonStudents } from "~/models/lesson-students.server";
import { PROVIDERS } from "../support/databases";
import { createLessonFixture, dayFromToday } from "../support/lesson-plan-fixtures";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

describe.each(PROVIDERS)("a lesson's students on %s", (provider) => {
  const database = useModelDatabase(provider);
  const demo = (key: string) => idOf(database.demo.userIds, key);
  const partnershipId = () => database.demo.partnershipId;

  it("follows the visibility rule per student from the facts of one statement, in name order", async () => {
    const fixture = await createLessonFixture(db(), database.demo, " (lesson students)");
    const { hollins, mld1, mld2, deaf } = fixture.studentIds;
    const leaver = await db().student.create({
      data: {
        partnershipId: partnershipId(),
        homeInstitutionId: idOf(database.demo.institutionIds, "thornbury"),
        firstName: "Zara",
        lastName: "Abbott",
        yearGroup: 11,
        leftOn: new Date(),
        groups: { create: [{ groupId: fixture.groupId }] },
      },
    });
    // Joanne (an LSA at Brookfield): a lesson long past names Liam, an undated one names Maya.
    const lsa = demo("lsa");
    const deploy = async (lessonDate: Date | null, studentId: string) => {
      const lesson = await db().lessonPlan.create({
        data: { partnershipId: partnershipId(), courseId: fixture.courseId, title: "Lesson students", lessonDate },
      });
      await db().deployment.create({
        data: {
          partnershipId: partnershipId(),
          lessonPlanId: lesson.id,
          supporterId: lsa,
          mode: "group",
          students: { create: [{ studentId }] },
        },
      });
    };
    await deploy(new Date(`${dayFromToday(-30)}T00:00:00.000Z`), hollins);
    await deploy(null, deaf);
    const ctx = { actor: await actorOf(lsa), ipAddress: `lesson-students-${provider}` };
    const seen = await lessonStudents(ctx, { groupIds: [fixture.groupId] }, "test");
    expect([...seen.values()].map((s) => [s.name, s.visibility])).toEqual([
      ["Kayden Brooks", "full"],
      ["L. C.", "initials"],
      ["Ellie Marsh", "full"],
      ["Maya Patel", "need-to-know"],
    ]);
    expect(seen.get(hollins)).toMatchObject({ senStatus: "", needAreas: [], communicationMode: "" });
    expect(seen.get(mld1)).toMatchObject({ needAreas: ["cognition_learning"], yearGroup: 11 });
    expect(seen.get(mld2)?.homeInstitution).toBe("Brookfield School");
    const audited = await db().auditEvent.findMany({
      where: { actorId: lsa, action: "student.viewed", ipAddress: ctx.ipAddress },
    });
    expect(audited.map((e) => [e.subjectId, JSON.parse(e.detail)]).sort()).toEqual(
      [
        [mld1, { via: "test" }],
        [mld2, { via: "test" }],
        [deaf, { via: "test", view: "need-to-know" }],
      ].sort(),
    );

    // A recent lesson naming Liam stands for the old one; a leaver shows only where named.
    await deploy(new Date(`${dayFromToday(-3)}T00:00:00.000Z`), hollins);
    const again = await lessonStudents(ctx, { groupIds: [fixture.groupId], studentIds: [leaver.id] }, "test");
    expect([...again.values()].map((s) => [s.name, s.visibility])).toEqual([
      ["Z. A.", "initials"],
      ["Kayden Brooks", "full"],
      ["Liam Carter", "need-to-know"],
      ["Ellie Marsh", "full"],
      ["Maya Patel", "need-to-know"],
    ]);

    // A teacher elsewhere sees in full only the students of a group she teaches, even one not asked about here.
    await db().groupTeacher.create({ data: { groupId: fixture.otherGroupId, userId: demo("teacherDance") } });
    const teacher = { actor: await actorOf(demo("teacherDance")), ipAddress: ctx.ipAddress };
    const taught = await lessonStudents(teacher, { groupIds: [fixture.groupId] }, "test");
    expect([...taught.values()].map((s) => s.visibility)).toEqual(["initials", "full", "initials", "initials"]);
    expect(await lessonStudents(teacher, { groupIds: [] }, "test")).toEqual(new Map());
  });
});
