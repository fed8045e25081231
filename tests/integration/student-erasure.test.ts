// Erasing a student on SQLite and PostgreSQL: afterwards nothing of their name is anywhere in the database files,
// though it was in plan columns, a briefing and its feedback, a transport note, differentiation notes, a rating
// comment, an uploaded file, a co-edited plan (its live text, a named version and text typed then deleted in the
// update log) and another plan whose log alone remembers it; a plan that never named them is left as it was. Then the leaver workflow: out of the lists, erased by the schedule once the retention period is over.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { yjsStateToLines } from "~/lib/document-schema/headless";
import { PLAN_TEXT_PART_NAMES } from "~/lib/lesson-plan-text";
import { FORMER_STUDENT } from "~/lib/student-name-redaction";
import * as Y from "yjs";
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
import { applyDocumentChange } from "~/models/collab-documents.server";
import { createVersionSnapshot, loadDocumentState } from "~/models/collab-log.server";
import { applySqlitePragmas } from "~/models/database-setup.server";
import { databaseProvider, db, driverConnection, sqliteFilePath } from "~/models/db.server";
import { requirePlanningCourse } from "~/models/lesson-plan-facts.server";
import { createLessonPlan } from "~/models/lesson-plans.server";
import { eraseStudent, eraseStudentsPastRetention } from "~/models/student-erasure.server";
import { exportStudent } from "~/models/student-export.server";
import { flushSearchIndex } from "~/models/search/search-hooks.server";
import { listLeavers, markStudentLeft, setStudentRetentionYears } from "~/models/student-leavers.server";
import { viewStudents } from "~/models/students.server";
import type { Actor } from "~/policies/actor";
import { PROVIDERS } from "../support/databases";
import { createLessonFixture, dayFromToday } from "../support/lesson-plan-fixtures";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";
import { writePlanText } from "../support/plan-text";

const ctx = (actor: Actor) => ({ actor, ipAddress: "10.1.2.3" });
const FIRST = "Zephyrine";
const LAST = "Quillfeather";

/** Every file of the database (SQLite: the .db and its -wal; PostgreSQL: this database's folder under base/). */
async function databaseFiles(): Promise<string[]> {
  const url = process.env.DATABASE_URL_UNDER_TEST!;
  if (databaseProvider(url) === "sqlite") {
    const connection = driverConnection();
    if (connection.provider === "sqlite") connection.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const file = sqliteFilePath(url);
    return [file, `${file}-wal`].filter((f) => fs.existsSync(f));
  }
  // Rewrite every table without its dead rows, then force the pages to disk.
  await db().$executeRawUnsafe("VACUUM FULL");
  await db().$executeRawUnsafe("CHECKPOINT");
  const [row] = await db().$queryRawUnsafe<Array<{ oid: number }>>(
    "SELECT oid::int AS oid FROM pg_database WHERE datname = current_database()",
  );
  const folder = path.join(inject("postgresDataDir"), "base", String(row!.oid));
  return fs.readdirSync(folder).map((name) => path.join(folder, name));
}

/** The files holding either name, in any case, as UTF-8 (what both databases store text as). */
async function filesNaming(...names: string[]): Promise<string[]> {
  const needles = names.flatMap((n) => [n, n.toLowerCase(), n.toUpperCase()].map((s) => Buffer.from(s, "utf8")));
  const files = await databaseFiles();
  return files.filter((file) => {
    const bytes = fs.readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

/** The search entries whose title or text holds either name or the initials, in any case. */
async function searchEntriesNaming() {
  const entries = await db().searchEntry.findMany({ select: { id: true, title: true, body: true } });
  const naming = new RegExp(`${FIRST}|${LAST}|Z\\. Q\\.`, "i");
  return entries.filter((e) => naming.test(e.title) || naming.test(e.body));
}

describe.each(PROVIDERS)("erasing a student on %s", (provider) => {
  const database = useModelDatabase(provider);
  const as = (key: string) => actorOf(idOf(database.demo.userIds, key));

  beforeAll(async () => {
    process.env.DATABASE_URL_UNDER_TEST = database.url;
    if (provider === "sqlite") await applySqlitePragmas();
    else {
      // Uncompressed storage, so the byte scan sees every value (PostgreSQL compresses values over 2 kB).
      for (const [table, column] of [
        ["CollabSnapshot", "state"],
        ["CollabUpdate", "data"],
        ["LessonResource", "data"],
      ]) {
        await db().$executeRawUnsafe(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET STORAGE EXTERNAL`);
      }
    }
  });

  /** A student named in every kind of free text and in a co-edited plan with a version and an update log. */
  async function namedEverywhere() {
    const teacher = await as("teacher");
    const fixture = await createLessonFixture(db(), database.demo, ` ${provider}`);
    const student = await db().student.create({
      data: {
        partnershipId: database.demo.partnershipId,
        homeInstitutionId: idOf(database.demo.institutionIds, "hollins"),
        firstName: FIRST,
        lastName: LAST,
        yearGroup: 10,
        notes: "Sits near the front.",
        groups: { create: { groupId: fixture.groupId } },
      },
    });
    const plan = await createLessonPlan(ctx(teacher), await requirePlanningCourse(teacher, fixture.courseId), {
      title: "Circuit training",
      unitId: fixture.unitId,
      groupId: fixture.groupId,
      lessonDate: dayFromToday(7),
      startTime: "09:15",
      durationMinutes: 60,
    });
    // Typed, then taken out again: only the update log remembers it.
    const documentId = await writePlanText(plan.id, { starter: `Warm-up led by ${LAST}` }, teacher.id);
    await writePlanText(plan.id, { starter: "Warm-up in pairs" }, teacher.id);
    await writePlanText(plan.id, { objectives: `Make sure ${FIRST} can see the board` }, teacher.id);
    await createVersionSnapshot(documentId, "named", { name: "Before the lesson", createdById: teacher.id });
    await writePlanText(plan.id, { plenary: `${FIRST} ${LAST[0]}. shows the class` }, teacher.id);
    // Another plan that named them only in text deleted again: its live text is clean, its log is not.
    const other = await createLessonPlan(ctx(teacher), await requirePlanningCourse(teacher, fixture.courseId), {
      title: "Sprint drills",
      unitId: fixture.unitId,
      groupId: fixture.groupId,
      lessonDate: dayFromToday(9),
      startTime: "11:00",
      durationMinutes: 60,
    });
    await writePlanText(other.id, { starter: `Pairs: ${FIRST} with Sam` }, teacher.id);
    await writePlanText(other.id, { starter: "Pairs by height" }, teacher.id);
    await db().lessonPlan.update({
      where: { id: plan.id },
      data: { mainActivity: `${FIRST} ${LAST} leads the circuit`, evaluation: "Z. Q. managed well" },
    });
    const deployment = await db().deployment.create({
      data: {
        partnershipId: database.demo.partnershipId,
        lessonPlanId: plan.id,
        supporterId: idOf(database.demo.userIds, "lsa"),
        mode: "one_to_one",
        concepts: `Help ${FIRST} with the stations`,
        feedback: `${FIRST} managed every station`,
        students: { create: { studentId: student.id } },
      },
    });
    await db().groupTransport.create({
      data: {
        groupId: fixture.groupId,
        institutionId: idOf(database.demo.institutionIds, "brookfield"),
        note: `${LAST} comes by taxi`,
      },
    });
    await db().differentiationNote.createMany({
      data: [
        { lessonPlanId: plan.id, studentId: student.id, note: "Visual timetable" },
        { lessonPlanId: plan.id, needArea: "semh", note: `Seat ${FIRST} away from the door` },
      ],
    });
    await db().strategyRating.create({
      data: { strategyId: fixture.strategyId, userId: teacher.id, rating: 4, comment: `Worked well for ${FIRST}` },
    });
    await db().lessonResource.create({
      data: {
        lessonPlanId: plan.id,
        kind: "file",
        title: "Seating plan",
        fileName: "seating.txt",
        mimeType: "text/plain",
        data: new Uint8Array(Buffer.from(`Front row: ${FIRST} ${LAST}`)),
      },
    });
    return { student, plan, documentId, deployment, fixture };
  }

  it("leaves nothing of the student's name in the database files, and says so in the audit log by id", async () => {
    const coordinator = await as("coordinator");
    const { student, plan, documentId, deployment, fixture } = await namedEverywhere();
    // The scan finds the name before erasure: it reads what it should.
    expect(await filesNaming(FIRST, LAST)).not.toEqual([]);
    await flushSearchIndex(db());
    // An entry whose refresh was lost (the process stopped between a record's edit and its entry's refresh): it still
    // names her, though its record no longer does, so nothing the erasure redacts will refresh it.
    const [stale, untouched] = await db().searchEntry.findMany({
      where: { partnershipId: database.demo.partnershipId, kind: "course" },
      orderBy: { id: "asc" },
      take: 2,
      select: { id: true, indexedAt: true },
    });
    await db()
      .$executeRaw`UPDATE "SearchEntry" SET "body" = ${`Ask ${FIRST} ${LAST} to demonstrate`} WHERE "id" = ${stale!.id}`;
    const naming = await searchEntriesNaming();
    expect(naming.map((e) => e.id)).toContain(stale!.id);
    expect(naming.map((e) => e.id)).not.toContain(untouched!.id);

    // A plan of the same course that never named her: its document is left exactly as it was.
    const teacher = await as("teacher");
    const bystander = await createLessonPlan(ctx(teacher), await requirePlanningCourse(teacher, fixture.courseId), {
      title: "Relay changeovers",
      unitId: fixture.unitId,
      groupId: fixture.groupId,
      lessonDate: dayFromToday(8),
      startTime: "10:15",
      durationMinutes: 60,
    });
    const bystanderDocument = await db().collabDocument.findFirstOrThrow({
      where: { ownerType: "lesson-plan", ownerId: bystander.id },
      select: { id: true },
    });
    // Typed into since it was made (a row in its update log), with nothing deleted.
    await applyDocumentChange(
      bystanderDocument.id,
      (doc) => {
        const blocks = doc.get(YJS_ROOT_NAME, Y.XmlText).toDelta() as Array<{ insert: unknown }>;
        const paragraph = blocks.map((op) => op.insert).findLast((insert) => insert instanceof Y.XmlText);
        (paragraph as Y.XmlText).insert(0, "Bring the batons. ");
      },
      teacher.id,
    );
    const bystanderStored = async () => ({
      snapshots: await db().collabSnapshot.findMany({
        where: { documentId: bystanderDocument.id },
        select: { id: true, kind: true, state: true },
      }),
      log: await db().collabUpdate.findMany({ where: { documentId: bystanderDocument.id }, select: { id: true } }),
    });
    const bystanderBefore = await bystanderStored();
    expect(bystanderBefore.log.length).toBeGreaterThan(0);

    const summary = await eraseStudent({ ctx: ctx(coordinator) }, student.id);
    expect(summary).toMatchObject({ filesRemoved: 1, documents: 1 });
    expect(await bystanderStored()).toEqual(bystanderBefore);

    expect(await db().student.findUnique({ where: { id: student.id } })).toBeNull();
    expect(await db().groupStudent.count({ where: { studentId: student.id } })).toBe(0);
    expect(await db().deploymentStudent.count({ where: { studentId: student.id } })).toBe(0);
    const planRow = await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(planRow.mainActivity).toBe(`${FORMER_STUDENT} leads the circuit`);
    expect(planRow.evaluation).toBe(`${FORMER_STUDENT} managed well`);
    const briefing = await db().deployment.findUniqueOrThrow({ where: { id: deployment.id } });
    expect(briefing.feedback).toBe(`${FORMER_STUDENT} managed every station`);
    const transport = await db().groupTransport.findFirstOrThrow({ where: { groupId: fixture.groupId } });
    expect(transport.note).toBe(`${FORMER_STUDENT} comes by taxi`);
    expect(
      await db().differentiationNote.findMany({ where: { lessonPlanId: plan.id }, select: { note: true } }),
    ).toEqual([{ note: `Seat ${FORMER_STUDENT} away from the door` }]);
    expect(await db().lessonResource.count({ where: { lessonPlanId: plan.id } })).toBe(0);

    // The plan's live text and its named version read with the token where the name was.
    const live = await yjsStateToLines((await loadDocumentState(documentId)).state, PLAN_TEXT_PART_NAMES);
    expect(live).toMatchObject({
      objectives: `Make sure ${FORMER_STUDENT} can see the board`,
      plenary: `${FORMER_STUDENT} shows the class`,
    });
    expect(await db().collabUpdate.count({ where: { documentId } })).toBe(0);
    const version = await db().collabSnapshot.findFirstOrThrow({ where: { documentId, kind: "named" } });
    expect((await yjsStateToLines(version.state, PLAN_TEXT_PART_NAMES)).objectives).toBe(
      `Make sure ${FORMER_STUDENT} can see the board`,
    );

    const entry = await db().auditEvent.findFirstOrThrow({
      where: { action: "student.erased", subjectId: student.id },
    });
    expect(entry).toMatchObject({ actorId: coordinator.id, subjectType: "student" });
    expect(entry.detail).not.toMatch(new RegExp(`${FIRST}|${LAST}`, "i"));

    // The search index: the entries that named her were written again without her name; the rest were not rewritten.
    expect(await searchEntriesNaming()).toEqual([]);
    expect(await db().searchEntry.findUniqueOrThrow({ where: { id: untouched!.id } })).toMatchObject({
      indexedAt: untouched!.indexedAt,
    });

    expect(await filesNaming(FIRST, LAST)).toEqual([]);
  });

  it("a leaver leaves the lists, keeps their record, and is erased by the schedule the day the retention ends", async () => {
    const coordinator = await as("coordinator");
    const teacher = await as("teacher");
    const { student, fixture } = await namedEverywhere();
    await markStudentLeft(ctx(teacher), student.id, "2020-07-20");
    await setStudentRetentionYears(ctx(coordinator), 6);

    const group = await viewStudents(ctx(teacher), { groupId: fixture.groupId, pageSize: 100 }, "group");
    expect(group.students.map((s) => s.id)).not.toContain(student.id);
    const record = await viewStudents(ctx(teacher), { studentId: student.id }, "record");
    expect(record.students[0]).toMatchObject({ id: student.id, leftOn: new Date("2020-07-20T00:00:00.000Z") });
    const { leavers } = await listLeavers(ctx(coordinator));
    expect(leavers.find((l) => l.id === student.id)?.erasureDue).toEqual(new Date("2026-07-20T00:00:00.000Z"));

    // The clock is the schedule's argument: the day before, nothing; on the day, erased.
    await eraseStudentsPastRetention(new Date("2026-07-19T23:59:59.000Z"));
    expect(await db().student.count({ where: { id: student.id } })).toBe(1);
    await eraseStudentsPastRetention(new Date("2026-07-20T00:00:00.000Z"));
    expect(await db().student.count({ where: { id: student.id } })).toBe(0);
    const entry = await db().auditEvent.findFirstOrThrow({
      where: { action: "student.erased", subjectId: student.id },
    });
    expect(entry.actorId).toBeNull();
    expect(JSON.parse(entry.detail)).toMatchObject({ reason: "retention" });
    expect(await filesNaming(FIRST, LAST)).toEqual([]);
  });

  it("a shorter retention period brings the erasure forward; a student on roll is never erased", async () => {
    const coordinator = await as("coordinator");
    const { student } = await namedEverywhere();
    await setStudentRetentionYears(ctx(coordinator), 1);
    await eraseStudentsPastRetention(new Date("2040-01-01T00:00:00.000Z"));
    expect(await db().student.count({ where: { id: student.id } })).toBe(1);
    await markStudentLeft(ctx(coordinator), student.id, "2025-09-01");
    await eraseStudentsPastRetention(new Date("2026-09-01T00:00:00.000Z"));
    expect(await db().student.count({ where: { id: student.id } })).toBe(0);
    const changed = await db().auditEvent.findFirstOrThrow({ where: { action: "partnership.retention_changed" } });
    expect(JSON.parse(changed.detail)).toEqual({ from: 6, to: 1 });
  });

  it("the subject-access export holds the record, groups, deployments, notes, mentions and audit entries", async () => {
    const coordinator = await as("coordinator");
    const { student } = await namedEverywhere();
    const exported = await exportStudent(ctx(coordinator), student.id);
    expect(exported.student).toMatchObject({ firstName: FIRST, lastName: LAST, notes: "Sits near the front." });
    expect(exported.groups).toHaveLength(1);
    expect(exported.deployments[0]).toMatchObject({ mode: "one_to_one", feedback: `${FIRST} managed every station` });
    expect(exported.differentiationNotes).toEqual([{ lesson: "Circuit training", note: "Visual timetable" }]);
    expect(exported.mentionsInFreeText.map((m) => m.text)).toEqual(
      expect.arrayContaining([
        `${FIRST} ${LAST} leads the circuit`,
        `${LAST} comes by taxi`,
        `Worked well for ${FIRST}`,
      ]),
    );
    expect(exported.mentionsInDocuments.map((m) => m.text)).toEqual(
      expect.arrayContaining([`Make sure ${FIRST} can see the board`]),
    );
    expect(
      await db().auditEvent.count({
        where: { action: "student.exported", subjectId: student.id, actorId: coordinator.id },
      }),
    ).toBe(1);
    const again = await exportStudent(ctx(coordinator), student.id);
    expect(again.auditEntries.map((e) => e.action)).toContain("student.exported");
  });
});
