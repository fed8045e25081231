// The course page's lists, each one statement, on SQLite and PostgreSQL: recent activity about the course, its plans
// and groups (never students, never another course or partnership) with who acted; an LSA's scheme of work; the
// supporters deployed with each group.
import { describe, expect, it } from "vitest";
import { recordAudit } from "~/models/audit.server";
import { deployedSupportersByGroup, listCourseActivity, listSchemeOfWork } from "~/models/course-overview.server";
import { createCourse } from "~/models/courses.server";
import { db } from "~/models/db.server";
import { createGroup } from "~/models/groups.server";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe.each(PROVIDERS)("the course page's lists on %s", (provider) => {
  const database = useModelDatabase(provider);

  async function courseWithPlans(title: string) {
    const coordinator = await actorOf(idOf(database.demo.userIds, "coordinator"));
    const kestrel = idOf(database.demo.institutionIds, "kestrel");
    const ctx = { actor: coordinator, ipAddress: "" };
    const course = await createCourse(ctx, {
      title,
      kind: "adapted_module",
      qualification: "",
      subject: "drama",
      keyStage: "ks4",
      leadInstitutionId: kestrel,
      siteIds: [kestrel],
      summary: "",
      units: ["Devising"],
      plannerIds: [idOf(database.demo.userIds, "teacher")],
    });
    await tick();
    const group = await createGroup(ctx, course.id, { name: `${title} Y10`, siteId: kestrel, academicYear: "" });
    const plan = (name: string, groupId: string | null) =>
      db().lessonPlan.create({
        data: { partnershipId: database.demo.partnershipId, courseId: course.id, groupId, title: name },
      });
    return { course, group, planned: await plan("Status", group.id), loose: await plan("Mask work", null) };
  }

  it("lists the newest activity about the course, its plans and groups, with who acted, and nothing else", async () => {
    const { course, group, planned } = await courseWithPlans("Drama (activity)");
    const elsewhere = await courseWithPlans("Drama (elsewhere)");
    const partnershipId = database.demo.partnershipId;
    const sarah = idOf(database.demo.userIds, "teacher");
    const foreigner = idOf(database.other.userIds, "coordinator");
    const entry = async (action: string, subjectType: string, subjectId: string, actorId: string | null) => {
      await tick();
      await recordAudit({ partnershipId, actorId, action, subjectType, subjectId, detail: { title: action } });
    };
    await entry("lesson_plan.updated", "lesson-plan", planned.id, sarah);
    await entry("group.updated", "group", group.id, foreigner);
    await entry("student.viewed", "student", course.id, sarah);
    await entry("lesson_plan.updated", "lesson-plan", elsewhere.planned.id, sarah);
    await entry("course.updated", "course", course.id, null);
    await tick();
    await recordAudit({
      partnershipId: database.other.partnershipId,
      actorId: foreigner,
      action: "course.updated",
      subjectType: "course",
      subjectId: course.id,
    });

    const activity = await listCourseActivity(partnershipId, course.id);
    expect(activity.map((a) => [a.action, a.actorName])).toEqual([
      ["course.updated", "System"],
      ["group.updated", "Former member"],
      ["lesson_plan.updated", "Sarah Whitfield"],
      ["group.created", expect.any(String)],
      ["course.created", expect.any(String)],
    ]);
    expect(activity[0]!.detail).toEqual({ title: "course.updated" });
    expect(activity[0]!.createdAt).toBeInstanceOf(Date);
    expect((await listCourseActivity(partnershipId, course.id, 2)).map((a) => a.action)).toEqual([
      "course.updated",
      "group.updated",
    ]);
    // The other partnership's entry about the same id stays in its own log.
    expect((await listCourseActivity(database.other.partnershipId, course.id)).map((a) => a.action)).toEqual([
      "course.updated",
    ]);
  });

  it("gives an LSA the plans they are deployed in, and each group its deployed supporters", async () => {
    const { course, group, planned, loose } = await courseWithPlans("Drama (deployments)");
    const partnershipId = database.demo.partnershipId;
    const joanne = idOf(database.demo.userIds, "lsa");
    for (const lessonPlanId of [planned.id, loose.id])
      await db().deployment.create({ data: { partnershipId, lessonPlanId, supporterId: joanne, mode: "group" } });

    const everyone = await listSchemeOfWork(partnershipId, course.id);
    expect(everyone.map((p) => p.title).sort()).toEqual(["Mask work", "Status"]);
    expect(everyone.find((p) => p.id === planned.id)).toMatchObject({ group: { id: group.id }, lessonDate: null });
    expect(await listSchemeOfWork(partnershipId, course.id, { onlyDeployedSupporterId: joanne })).toHaveLength(2);
    const other = idOf(database.demo.userIds, "lsaDeaf");
    expect(await listSchemeOfWork(partnershipId, course.id, { onlyDeployedSupporterId: other })).toEqual([]);
    expect(await listSchemeOfWork(database.other.partnershipId, course.id)).toEqual([]);

    // Only plans with a group count for a group; another partnership sees none.
    expect([...(await deployedSupportersByGroup(partnershipId, course.id))]).toEqual([[group.id, [joanne]]]);
    expect((await deployedSupportersByGroup(database.other.partnershipId, course.id)).size).toBe(0);
  });
});
