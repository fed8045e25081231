// Where a person is already booked, gathered from the stored lessons and timetables on SQLite and PostgreSQL: an
// LSA's lessons on one day and a teacher's weekly sessions, within one partnership, touching times left out.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import {
  clashesOfDeployments,
  planDeploymentClashes,
  supporterClashes,
  teacherClashes,
} from "~/models/bookings.server";
import { PROVIDERS } from "../support/databases";
import { createLessonFixture } from "../support/lesson-plan-fixtures";
import { idOf, useModelDatabase } from "../support/model-database";

describe.each(PROVIDERS)("bookings of a person on %s", (provider) => {
  const database = useModelDatabase(provider);

  it("finds an LSA's overlapping lessons on the day, at another site, but not a touching one or another day's", async () => {
    const f = await createLessonFixture(db(), database.demo);
    const lsa = idOf(database.demo.userIds, "lsa");
    const lesson = (groupId: string, title: string, date: string, startTime: string, durationMinutes: number) =>
      db().lessonPlan.create({
        data: {
          partnershipId: database.demo.partnershipId,
          courseId: f.courseId,
          groupId,
          title,
          lessonDate: new Date(`${date}T00:00:00.000Z`),
          startTime,
          durationMinutes,
          deployments: {
            create: [{ partnershipId: database.demo.partnershipId, supporterId: lsa, mode: "group" }],
          },
        },
        include: { deployments: true },
      });
    // A Sunday, so none of the demo seed's weekday lessons is on it.
    const first = await lesson(f.groupId, "Fitness testing", "2027-01-10", "13:15", 120);
    const second = await lesson(f.otherGroupId, "Circuit training", "2027-01-10", "13:30", 60);
    const touching = await lesson(f.otherGroupId, "Cool-down games", "2027-01-10", "15:15", 30);
    const nextWeek = await lesson(f.groupId, "Next week", "2027-01-17", "13:30", 60);
    const nextWeekToo = await lesson(f.otherGroupId, "Next week, overlapping", "2027-01-17", "14:00", 60);
    const later = await lesson(f.groupId, "Later", "2027-01-24", "09:00", 60);

    const found = await supporterClashes(database.demo.partnershipId, second.id, lsa);
    expect(found.person).toBe("Joanne Price");
    expect(found.clashes).toMatchObject([
      { booking: { id: first.id, startTime: "13:15", endTime: "15:15" }, otherSite: true, overlapMinutes: 60 },
    ]);
    expect((await supporterClashes(database.demo.partnershipId, touching.id, lsa)).clashes).toEqual([]);
    // Another partnership asks about our plan: nothing, not even her name.
    expect(await supporterClashes(database.other.partnershipId, second.id, lsa)).toEqual({ person: "", clashes: [] });

    const listed = await clashesOfDeployments(
      database.demo.partnershipId,
      lsa,
      [first, second, touching].map((p) => ({ id: p.deployments[0]!.id, lessonPlan: p })),
    );
    expect([...listed.keys()].sort()).toEqual([first.deployments[0]!.id, second.deployments[0]!.id].sort());
    // Lessons are sought over the span of the days asked about: the overlapping pair on a day between them is not.
    const spanning = await clashesOfDeployments(
      database.demo.partnershipId,
      lsa,
      [first, later].map((p) => ({ id: p.deployments[0]!.id, lessonPlan: p })),
    );
    expect([...spanning.keys()].sort()).toEqual([first.deployments[0]!.id, second.deployments[0]!.id].sort());
    const between = await clashesOfDeployments(
      database.demo.partnershipId,
      lsa,
      [nextWeek].map((p) => ({ id: p.deployments[0]!.id, lessonPlan: p })),
    );
    expect([...between.keys()].sort()).toEqual([nextWeek.deployments[0]!.id, nextWeekToo.deployments[0]!.id].sort());
    expect((await planDeploymentClashes(database.demo.partnershipId, first.id, [lsa])).get(lsa)).toHaveLength(1);
  });

  it("finds each deployed supporter's own clash on a plan with several deployments, in one pass", async () => {
    const f = await createLessonFixture(db(), database.demo, " (several)");
    const partnershipId = database.demo.partnershipId;
    const lsa = idOf(database.demo.userIds, "lsa");
    const lsaDeaf = idOf(database.demo.userIds, "lsaDeaf");
    const teacher = idOf(database.demo.userIds, "teacherSpecial");
    const lesson = (title: string, startTime: string, durationMinutes: number, supporterIds: string[]) =>
      db().lessonPlan.create({
        data: {
          partnershipId,
          courseId: f.courseId,
          groupId: f.groupId,
          title,
          lessonDate: new Date("2027-01-24T00:00:00.000Z"),
          startTime,
          durationMinutes,
          deployments: { create: supporterIds.map((supporterId) => ({ partnershipId, supporterId, mode: "group" })) },
        },
      });
    // A Sunday again; the plan runs 10:00-11:00 with three supporters deployed.
    const plan = await lesson("Team games", "10:00", 60, [lsa, lsaDeaf, teacher]);
    const lsaOther = await lesson("Swimming", "09:30", 60, [lsa]);
    const deafOther = await lesson("Orienteering", "10:45", 30, [lsaDeaf]);
    await lesson("Touching: dance", "11:00", 30, [teacher]);
    await lesson("Someone else's", "10:00", 60, [idOf(database.demo.userIds, "teacher")]);

    const clashes = await planDeploymentClashes(partnershipId, plan.id, [lsa, lsaDeaf, teacher, lsa]);
    expect([...clashes.keys()].sort()).toEqual([lsa, lsaDeaf].sort());
    expect(clashes.get(lsa)).toMatchObject([{ booking: { id: lsaOther.id }, overlapMinutes: 30 }]);
    expect(clashes.get(lsaDeaf)).toMatchObject([{ booking: { id: deafOther.id }, overlapMinutes: 15 }]);
    // Named with its time and place: the group's site.
    expect(clashes.get(lsa)![0]!.booking.label).toMatch(/^Swimming, .*2027.* 09:30-10:30 at \S/);
    // Each is what the deploy form's one-supporter check finds.
    for (const id of [lsa, lsaDeaf, teacher]) {
      expect((await supporterClashes(partnershipId, plan.id, id)).clashes).toEqual(clashes.get(id) ?? []);
    }
    expect((await planDeploymentClashes(database.other.partnershipId, plan.id, [lsa])).size).toBe(0);
  });

  it("finds a teacher's sessions with other groups that overlap, leaving touching ones out", async () => {
    const f = await createLessonFixture(db(), database.demo, " (bookings)");
    const teacher = idOf(database.demo.userIds, "teacher");
    const hollins = idOf(database.demo.institutionIds, "hollins");
    await db().groupSession.create({
      data: { groupId: f.otherGroupId, dayOfWeek: 3, startTime: "09:00", endTime: "10:00", siteId: hollins },
    });
    await db().groupTeacher.create({ data: { groupId: f.otherGroupId, userId: teacher } });
    const at = (startTime: string, endTime: string) => [{ dayOfWeek: 3, startTime, endTime, siteId: hollins }];
    const [clash] = await teacherClashes(database.demo.partnershipId, f.groupId, [teacher], at("09:30", "10:30"));
    expect(clash?.teacher.name).toBe("Sarah Whitfield");
    expect(clash?.clashes).toMatchObject([{ otherSite: false, overlapMinutes: 30 }]);
    expect(clash?.clashes[0]?.booking.label).toMatch(/^Year 10 BTEC Sport B \(bookings\), Wednesday 09:00-10:00 at /);
    expect(await teacherClashes(database.demo.partnershipId, f.groupId, [teacher], at("10:00", "11:00"))).toEqual([]);
    // The group's own sessions are not a clash with itself.
    expect(await teacherClashes(database.demo.partnershipId, f.otherGroupId, [teacher], at("09:30", "10:30"))).toEqual(
      [],
    );
  });
});
