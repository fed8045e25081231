// Check-then-insert paths under concurrent identical requests (a double click, two tabs), on SQLite and
// PostgreSQL. At PostgreSQL's READ COMMITTED every request passes the "is it already there?" check, and
// all but one then hit the unique key: each must end as the friendly "already there" answer the check
// gives, never an unexplained error, and leave exactly one row.
import type { ActionContext, Actor } from "~/policies/actor";
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { addPlanner } from "~/models/course-planners.server";
import { createCourse } from "~/models/courses.server";
import { addGroupTeacher, addStudentsToGroup, createGroup, setTransport } from "~/models/groups.server";
import { createInstitution, updateInstitution } from "~/models/institutions.server";
import { acceptInvite, createInvite } from "~/models/invites.server";
import { createPasswordReset } from "~/models/password-resets.server";
import { addToLessonPlan, createStrategy } from "~/models/strategies.server";
import { reserveAttempt } from "~/models/throttle.server";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

/** A model call's action context for a member of the test's world (no client address unless the test gives one). */
const acting = (actor: Actor, ipAddress = ""): ActionContext => ({ actor, ipAddress });

const AT_ONCE = 8;

/** Runs the same call AT_ONCE times at once; returns how many succeeded and the errors of the rest. */
async function atOnce<T>(call: () => Promise<T>) {
  const results = await Promise.allSettled(Array.from({ length: AT_ONCE }, call));
  const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  return { succeeded: results.length - errors.length, errors };
}

describe.each(PROVIDERS)("identical writes at once on %s", (provider) => {
  const database = useModelDatabase(provider);
  const as = (key: string) => actorOf(idOf(database.demo.userIds, key));
  const user = (key: string) => idOf(database.demo.userIds, key);
  const institution = (key: string) => idOf(database.demo.institutionIds, key);

  async function arrangeCourse(title: string) {
    return createCourse(acting(await as("coordinator")), {
      title,
      kind: "adapted_module",
      qualification: "",
      subject: "drama",
      keyStage: "ks4",
      leadInstitutionId: institution("kestrel"),
      siteIds: [institution("kestrel")],
      summary: "",
      units: [],
      plannerIds: [user("teacherDance")],
    });
  }

  it("adds a co-planner to a course once; the others are told they already co-plan it", async () => {
    const coordinator = await as("coordinator");
    const course = await arrangeCourse("Co-planned at once");
    const { succeeded, errors } = await atOnce(() => addPlanner(acting(coordinator), course.id, user("teacher")));
    expect(succeeded).toBeGreaterThanOrEqual(1);
    for (const error of errors)
      expect(error).toMatchObject({ field: "userId", message: "They already co-plan this course." });
    expect(await db().coursePlanner.count({ where: { courseId: course.id, userId: user("teacher") } })).toBe(1);
  });

  it("adds a teacher to a group once; the others are told they already teach it", async () => {
    const coordinator = await as("coordinator");
    const course = await arrangeCourse("Group taught at once");
    const group = await createGroup(acting(coordinator), course.id, {
      name: "Drama Y10",
      siteId: institution("kestrel"),
      academicYear: "",
    });
    const { succeeded, errors } = await atOnce(() => addGroupTeacher(acting(coordinator), group.id, user("teacher")));
    expect(succeeded).toBeGreaterThanOrEqual(1);
    for (const error of errors)
      expect(error).toMatchObject({ field: "userId", message: "Sarah Whitfield already teaches this group." });
    expect(await db().groupTeacher.count({ where: { groupId: group.id, userId: user("teacher") } })).toBe(1);
  });

  it("adds students to a group once, however many times they are sent at once", async () => {
    const coordinator = await as("coordinator");
    const course = await arrangeCourse("Students added at once");
    const group = await createGroup(acting(coordinator), course.id, {
      name: "Drama Y11",
      siteId: institution("kestrel"),
      academicYear: "",
    });
    const students = await db().student.findMany({
      where: { partnershipId: database.demo.partnershipId },
      take: 3,
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const ids = students.map((s) => s.id);
    const results = await Promise.allSettled(
      Array.from({ length: AT_ONCE }, () => addStudentsToGroup(acting(coordinator), group.id, ids)),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(results.reduce((sum, r) => sum + (r.status === "fulfilled" ? r.value : 0), 0)).toBe(ids.length);
    expect(await db().groupStudent.count({ where: { groupId: group.id } })).toBe(ids.length);
    expect(
      (
        await db().auditEvent.findMany({
          where: { action: "student.group_added", detail: { contains: group.id } },
          select: { subjectId: true },
        })
      )
        .map((e) => e.subjectId)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it("sets a group's transport note once when it is sent at once", async () => {
    const coordinator = await as("coordinator");
    const course = await arrangeCourse("Transport at once");
    const group = await createGroup(acting(coordinator), course.id, {
      name: "Drama Y9",
      siteId: institution("kestrel"),
      academicYear: "",
    });
    const { errors } = await atOnce(() =>
      setTransport(acting(coordinator), group.id, institution("brookfield"), "Minibus from Brookfield at 8:40"),
    );
    expect(errors).toEqual([]);
    expect(await db().groupTransport.count({ where: { groupId: group.id } })).toBe(1);
  });

  it("adds a strategy to a lesson plan once; the others are told the plan already uses it", async () => {
    const teacher = await as("teacherDance");
    const course = await arrangeCourse("Strategy added at once");
    const plan = await db().lessonPlan.create({
      data: { partnershipId: database.demo.partnershipId, courseId: course.id, title: "Devising at once" },
    });
    const asTeacher = { actor: teacher, ipAddress: "" };
    const strategy = await createStrategy(asTeacher, {
      title: "Freeze frames",
      summary: "Groups hold a still image of a moment, then explain it.",
      evidence: "",
      needs: ["cognition_learning"],
      subjects: ["drama"],
      keyStages: ["ks4"],
      phases: ["main"],
    });
    const { succeeded, errors } = await atOnce(() => addToLessonPlan(asTeacher, strategy.id, plan.id));
    expect(succeeded).toBeGreaterThanOrEqual(1);
    for (const error of errors)
      expect(error).toMatchObject({
        code: "invalid",
        field: "lessonPlanId",
        message: "“Devising at once” already uses this strategy.",
      });
    expect(await db().lessonPlanStrategy.count({ where: { lessonPlanId: plan.id, strategyId: strategy.id } })).toBe(1);
  });

  it("creates an institution once; the others are told the name is taken", async () => {
    const coordinator = await as("coordinator");
    const { succeeded, errors } = await atOnce(() =>
      createInstitution(acting(coordinator), { name: "Lowerby Sixth Form", kind: "fe_college", town: "Lowerby" }),
    );
    expect(succeeded).toBe(1);
    for (const error of errors)
      expect(error).toMatchObject({
        field: "name",
        message: "An institution with this name is already in the partnership.",
      });
    expect(
      await db().institution.count({ where: { partnershipId: coordinator.partnershipId, name: "Lowerby Sixth Form" } }),
    ).toBe(1);
  });

  it("renames institutions to the same name at once: one wins, the others are told the name is taken", async () => {
    const coordinator = await as("coordinator");
    const renamed = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        createInstitution(acting(coordinator), { name: `Renamed at once ${i}`, kind: "fe_college", town: "Lowerby" }),
      ),
    );
    const results = await Promise.allSettled(
      renamed.map((i) =>
        updateInstitution(acting(coordinator), i.id, {
          name: "Thornbury Sixth Form",
          kind: "fe_college",
          town: "Lowerby",
        }),
      ),
    );
    const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(errors).toHaveLength(AT_ONCE - 1);
    for (const error of errors)
      expect(error).toMatchObject({
        field: "name",
        message: "An institution with this name is already in the partnership.",
      });
    expect(
      await db().institution.count({
        where: { partnershipId: coordinator.partnershipId, name: "Thornbury Sixth Form" },
      }),
    ).toBe(1);
  });

  it("accepts two partnerships' invitations of one address at once: one account, the other is told it exists", async () => {
    const coordinators = [await as("coordinator"), await actorOf(idOf(database.other.userIds, "coordinator"))];
    const kestrels = [institution("kestrel"), idOf(database.other.institutionIds, "kestrel")];
    // Two at a time only (one pending invitation per address and partnership): a few rounds, to meet the race.
    for (let round = 0; round < 6; round++) {
      const email = `invited.twice.${round}.${Date.now()}@example.org`;
      const tokens = await Promise.all(
        coordinators.map(
          async (coordinator, i) =>
            (await createInvite(acting(coordinator), { email, name: "", role: "teacher", institutionId: kestrels[i]! }))
              .token,
        ),
      );
      const results = await Promise.allSettled(
        tokens.map((token) => acceptInvite({ token, name: "Ada Twice", password: "chalk dust and coffee" }, "")),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) {
        if (r.status === "rejected")
          expect(r.reason).toMatchObject({
            field: "token",
            message: "An account with this email address already exists. Sign in instead.",
          });
      }
      expect(await db().user.count({ where: { email } })).toBe(1);
    }
  });

  it("keeps one pending invitation per address when it is created several times at once (each replaces the one before)", async () => {
    const coordinator = await as("coordinator");
    const email = `invited.at.once.${Date.now()}@example.org`;
    const { errors } = await atOnce(() =>
      createInvite(acting(coordinator), { email, name: "", role: "teacher", institutionId: institution("kestrel") }),
    );
    expect(errors).toEqual([]);
    expect(await db().invite.count({ where: { email } })).toBe(AT_ONCE);
    expect(await db().invite.count({ where: { email, acceptedAt: null, revokedAt: null } })).toBe(1);
  });

  it("keeps one usable password reset link per member when it is made several times at once", async () => {
    const coordinator = await as("coordinator");
    const { errors } = await atOnce(() => createPasswordReset(acting(coordinator), user("teacherDeaf")));
    expect(errors).toEqual([]);
    expect(
      await db().passwordReset.count({ where: { userId: user("teacherDeaf"), usedAt: null, revokedAt: null } }),
    ).toBe(1);
  });

  it("records failed sign-ins sent at once in one throttle bucket, without an error", async () => {
    const rule = { maxFailures: 100, windowMs: 600_000, blockMs: 300_000 };
    const { errors } = await atOnce(() => reserveAttempt("test:at-once", rule));
    expect(errors).toEqual([]);
    expect(await db().throttleBucket.count({ where: { key: "test:at-once" } })).toBe(1);
    expect((await db().throttleBucket.findUniqueOrThrow({ where: { key: "test:at-once" } })).failures).toBe(AT_ONCE);
  });
});
