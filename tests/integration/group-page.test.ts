// The group page's reads (decision 048), on SQLite and PostgreSQL: the group with its planners, teachers, timetable,
// transport and plans as Prisma's relations hold them; its students as viewStudents shows them to each member, with
// the same views audited; and the page's statements as few for a group of many rows as for one of a few.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { loadGroupPage } from "~/models/group-page.server";
import { getGroup } from "~/models/group-sql.server";
import { groupPageStudents } from "~/models/lesson-students.server";
import { flushSearchIndex } from "~/models/search/search-hooks.server";
import { viewStudents } from "~/models/students.server";
import { canManageGroups } from "~/policies/course";
import { PROVIDERS } from "../support/databases";
import { createLessonFixture, dayFromToday } from "../support/lesson-plan-fixtures";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";
import { statementsOf } from "../support/statements";

type Viewed = Awaited<ReturnType<typeof viewStudents>>["students"][number];

/** A student as the group page shows them: what viewStudents gives, less what the page does not show. */
function asOnThePage(student: Viewed) {
  const { id, initials, yearGroup, homeInstitution, visibility } = student;
  const base = { id, initials, yearGroup, homeInstitution, visibility };
  if (student.visibility === "initials") return base;
  const { firstName, lastName, senStatus, needAreas, communicationMode } = student;
  const named = { ...base, firstName, lastName, senStatus, needAreas, communicationMode };
  return student.visibility === "full" ? { ...named, atRisk: student.atRisk } : named;
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe.each(PROVIDERS)("the group page's reads on %s", (provider) => {
  const database = useModelDatabase(provider);
  const user = (key: string) => idOf(database.demo.userIds, key);
  const institution = (key: string) => idOf(database.demo.institutionIds, key);
  const partnershipId = () => database.demo.partnershipId;
  const day = (n: number) => new Date(`${dayFromToday(n)}T00:00:00.000Z`);

  /** The group as Prisma's nested relations read it, in getGroup's shape (lists of ids as sets). */
  async function storedGroup(groupId: string) {
    const group = await db().teachingGroup.findUniqueOrThrow({
      where: { id: groupId },
      include: {
        course: { select: { id: true, title: true, planners: { select: { userId: true } } } },
        site: { select: { id: true, name: true } },
        teachers: { select: { user: { select: { id: true, name: true, institution: { select: { name: true } } } } } },
        sessions: {
          orderBy: [{ dayOfWeek: "asc" }, { startTime: "asc" }, { id: "asc" }],
          select: { id: true, dayOfWeek: true, startTime: true, endTime: true, siteId: true, site: true },
        },
        transport: { select: { note: true, institution: { select: { id: true, name: true } } } },
        lessonPlans: {
          orderBy: [{ lessonDate: "asc" }, { position: "asc" }, { id: "asc" }],
          select: { id: true, title: true, lessonDate: true, status: true, deployments: true },
        },
      },
    });
    const lessonPlans = group.lessonPlans.map(({ deployments, ...plan }) => ({
      ...plan,
      supporterIds: sorted(deployments.map((d) => d.supporterId)),
    }));
    return {
      id: group.id,
      courseId: group.courseId,
      name: group.name,
      siteId: group.siteId,
      academicYear: group.academicYear,
      course: { id: group.course.id, title: group.course.title },
      site: group.site,
      partnershipId: group.partnershipId,
      plannerIds: sorted(group.course.planners.map((p) => p.userId)),
      deployedSupporterIds: sorted([...new Set(lessonPlans.flatMap((p) => p.supporterIds))]),
      teachers: group.teachers.map((t) => t.user).sort((a, b) => a.name.localeCompare(b.name)),
      sessions: group.sessions.map((s) => ({ ...s, site: { id: s.site.id, name: s.site.name } })),
      transport: group.transport.sort((a, b) => a.institution.name.localeCompare(b.institution.name)),
      lessonPlans,
    };
  }

  /** A plan of the course for the group, with one deployment per supporter naming the students given. */
  async function plan(
    courseId: string,
    groupId: string,
    input: { title: string; lessonDate: Date | null; position?: number },
    deployments: Record<string, string[]> = {},
  ) {
    const created = await db().lessonPlan.create({
      data: { partnershipId: partnershipId(), courseId, groupId, ...input },
    });
    for (const [supporterId, studentIds] of Object.entries(deployments)) {
      await db().deployment.create({
        data: {
          partnershipId: partnershipId(),
          lessonPlanId: created.id,
          supporterId,
          mode: "group",
          students: { create: studentIds.map((studentId) => ({ studentId })) },
        },
      });
    }
    return created.id;
  }

  it("reads the group, its people, timetable, transport and plans as the stored records hold them", async () => {
    const f = await createLessonFixture(db(), database.demo, ` (group page ${provider})`);
    const { hollins, deaf } = f.studentIds;
    await db().groupTeacher.create({ data: { groupId: f.groupId, userId: user("teacherFe") } });
    await db().groupSession.createMany({
      data: [
        { groupId: f.groupId, dayOfWeek: 2, startTime: "13:15", endTime: "14:45", siteId: institution("hollins") },
        { groupId: f.groupId, dayOfWeek: 1, startTime: "09:00", endTime: "10:00", siteId: institution("ashbury") },
        { groupId: f.groupId, dayOfWeek: 2, startTime: "09:30", endTime: "10:30", siteId: institution("hollins") },
      ],
    });
    await db().groupTransport.createMany({
      data: [
        { groupId: f.groupId, institutionId: institution("thornbury"), note: "Taxi at 12:40." },
        { groupId: f.groupId, institutionId: institution("brookfield"), note: "Minibus from the main entrance." },
      ],
    });
    const [lsa, lsaDeaf] = [user("lsa"), user("lsaDeaf")];
    await plan(f.courseId, f.groupId, { title: "Undated", lessonDate: null, position: 1 }, { [lsa]: [deaf] });
    await plan(f.courseId, f.groupId, { title: "Next week", lessonDate: day(7) }, { [lsa]: [hollins], [lsaDeaf]: [] });
    await plan(f.courseId, f.groupId, { title: "Same day, first", lessonDate: day(2), position: 0 });
    await plan(f.courseId, f.groupId, { title: "Same day, tied", lessonDate: day(2), position: 0 });
    await plan(f.courseId, f.otherGroupId, { title: "Another group's", lessonDate: day(2) }, { [user("leader")]: [] });

    const read = await getGroup(partnershipId(), f.groupId);
    expect(read).not.toBeNull();
    expect({
      ...read,
      plannerIds: sorted(read!.plannerIds),
      deployedSupporterIds: sorted(read!.deployedSupporterIds),
      lessonPlans: read!.lessonPlans.map((p) => ({ ...p, supporterIds: sorted(p.supporterIds) })),
    }).toEqual(await storedGroup(f.groupId));
    expect(read!.deployedSupporterIds).toHaveLength(2);
    expect(read!.lessonPlans).toHaveLength(4);
    expect(await getGroup(database.other.partnershipId, f.groupId)).toBeNull();
  });

  it("shows each member the group's students as viewStudents does, and audits the same views", async () => {
    const f = await createLessonFixture(db(), database.demo, ` (group students ${provider})`);
    const { hollins, mld1, deaf } = f.studentIds;
    await db().student.update({ where: { id: mld1 }, data: { atRisk: true } });
    await db().student.create({
      data: {
        partnershipId: partnershipId(),
        homeInstitutionId: institution("brookfield"),
        firstName: "Zara",
        lastName: "Abbott",
        yearGroup: 11,
        leftOn: new Date(),
        groups: { create: [{ groupId: f.groupId }] },
      },
    });
    // The LSA is deployed in an undated lesson naming Maya, and in one a month ago naming Liam.
    await plan(f.courseId, f.groupId, { title: "Undated", lessonDate: null }, { [user("lsa")]: [deaf] });
    await plan(f.courseId, f.groupId, { title: "A month ago", lessonDate: day(-30) }, { [user("lsa")]: [hollins] });

    const views = new Set<string>();
    for (const key of ["coordinator", "leader", "teacher", "teacherDeaf", "teacherDance", "lsa", "lsaDeaf"]) {
      const actor = await actorOf(user(key));
      const shown = await groupPageStudents({ actor, ipAddress: `page ${key}` }, f.groupId, "group");
      const listed = await viewStudents(
        { actor, ipAddress: `list ${key}` },
        { groupId: f.groupId, pageSize: 200 },
        "group",
      );
      expect(shown, key).toEqual(listed.students.map(asOnThePage));
      const audited = async (ipAddress: string) =>
        (await db().auditEvent.findMany({ where: { actorId: actor.id, action: "student.viewed", ipAddress } }))
          .map((e) => `${e.subjectId} ${e.detail}`)
          .sort();
      expect(await audited(`page ${key}`), key).toEqual(await audited(`list ${key}`));
      for (const s of shown) views.add(`${key} ${s.visibility}`);
    }
    expect(visibilitiesOf(views, "lsa")).toEqual(["full", "initials", "need-to-know"]);
    expect(visibilitiesOf(views, "teacherDeaf")).toEqual(["full", "initials"]);
    expect(visibilitiesOf(views, "coordinator")).toEqual(["full"]);
  });

  it("reads a group of many rows in as few statements as a group of a few", async () => {
    const f = await createLessonFixture(db(), database.demo, ` (group statements ${provider})`);
    const { hollins, deaf } = f.studentIds;
    const otherGroup = async (name: string, teacher: string, dayOfWeek: number) =>
      db().teachingGroup.create({
        data: {
          partnershipId: partnershipId(),
          courseId: f.courseId,
          name,
          siteId: institution("kestrel"),
          teachers: { create: [{ userId: user(teacher) }] },
          sessions: { create: [{ dayOfWeek, startTime: "13:00", endTime: "14:00", siteId: institution("kestrel") }] },
        },
      });
    await otherGroup(`Clashing (${provider})`, "teacher", 2);
    await db().groupSession.create({
      data: { groupId: f.groupId, dayOfWeek: 2, startTime: "13:15", endTime: "14:45", siteId: institution("hollins") },
    });
    await db().groupTransport.create({
      data: { groupId: f.groupId, institutionId: institution("thornbury"), note: "Maya's taxi leaves at 12:40." },
    });
    await plan(f.courseId, f.groupId, { title: "Lesson 1", lessonDate: day(1) }, { [user("lsa")]: [deaf] });

    /** The statements of the page's reads for the member, as its loader makes them (views already audited). */
    const statements = async (key: string) => {
      const actor = await actorOf(user(key));
      const ctx = { actor, ipAddress: `statements ${key}` };
      const read = async () => {
        const group = (await getGroup(partnershipId(), f.groupId))!;
        const options = { canEdit: canManageGroups(actor, group), pickFrom: null, confirmDelete: false };
        return loadGroupPage(ctx, group, options);
      };
      await read();
      // The writes above refresh the search index in the background: done before counting.
      await flushSearchIndex(db());
      return (await statementsOf(read)).statements;
    };
    const members = ["coordinator", "teacher", "teacherDeaf", "lsa"];
    const few = [];
    for (const key of members) few.push(await statements(key));

    // Three more teachers with clashing groups, more sessions and transport, 30 plans of two deployments, 12 students.
    for (const [n, teacher] of ["teacherFe", "teacherDance", "teacherDeaf"].entries()) {
      await db().groupTeacher.create({ data: { groupId: f.groupId, userId: user(teacher) } });
      await otherGroup(`Clashing ${n} (${provider})`, teacher, 2);
      await db().groupSession.create({
        data: {
          groupId: f.groupId,
          dayOfWeek: n + 3,
          startTime: "10:00",
          endTime: "11:00",
          siteId: institution("ashbury"),
        },
      });
    }
    for (const home of ["brookfield", "ashbury"]) {
      await db().groupTransport.create({
        data: { groupId: f.groupId, institutionId: institution(home), note: `Minibus from ${home}.` },
      });
    }
    for (let n = 0; n < 12; n++) {
      await db().student.create({
        data: {
          partnershipId: partnershipId(),
          homeInstitutionId: institution(n % 2 ? "kestrel" : "hollins"),
          firstName: `Student${n}`,
          lastName: "Many",
          yearGroup: 10 + (n % 3),
          groups: { create: [{ groupId: f.groupId }] },
        },
      });
    }
    for (let n = 0; n < 30; n++) {
      const supporters = { [user("lsa")]: [hollins, deaf], [user("lsaDeaf")]: [deaf] };
      await plan(
        f.courseId,
        f.groupId,
        { title: `Lesson ${n + 2}`, lessonDate: n % 5 ? day(n - 10) : null },
        supporters,
      );
    }
    const many = [];
    for (const key of members) many.push(await statements(key));

    expect(many).toEqual(few);
    // The group (3), its students (1) and their audit (1); for those who edit the course, the institutions, sites,
    // clashes and colleagues (4); for those who do not see every student in full, the transport notes' name screen
    // (the names the notes may mention, and the facts of those they do: 2).
    for (const [index, key] of members.entries()) expect(many[index], key).toBeLessThanOrEqual(11);
  });
});

/** The visibilities the member was shown, in order. */
function visibilitiesOf(views: Set<string>, key: string): string[] {
  return [...views]
    .filter((v) => v.startsWith(`${key} `))
    .map((v) => v.slice(key.length + 1))
    .sort();
}
