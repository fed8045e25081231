// Lesson plans and LSA deployment at the model level, on SQLite and PostgreSQL:
// creating a plan with its shared notes, parts and status, deployment with its
// briefing, the supporter's read mark and feedback, access to the body by plan
// readers only, files, duplication, deletion, and the partnership boundary.
import type { ActionContext, Actor } from "~/policies/actor";
import { describe, expect, it } from "vitest";
import { analyseDeployments } from "~/lib/deployment-patterns";
import { getDocumentByOwnerForActor } from "~/models/collab-documents.server";
import { loadDocumentState } from "~/models/collab-log.server";
import { db } from "~/models/db.server";
import {
  deploySupporter,
  getDeployment,
  listMyDeployments,
  markBriefingRead,
  recordDeploymentFeedback,
  saveBriefing,
} from "~/models/deployments.server";
import { yjsStateToPlainText } from "~/lib/document-schema/headless";
import { lessonStudents } from "~/models/lesson-students.server";
import {
  addDifferentiationNote,
  createLessonPlan,
  deleteLessonPlan,
  duplicateLessonPlan,
  getLessonPlan,
  lessonPlanDeletionImpact,
  setLessonPlanStatus,
  updateLessonPlanPart,
} from "~/models/lesson-plans.server";
import { addFileResource, checkUpload, getResourceFile, MAX_RESOURCE_BYTES } from "~/models/lesson-resources.server";
import { PROVIDERS } from "../support/databases";
import { briefing, createLessonFixture, dayFromToday, type LessonFixture } from "../support/lesson-plan-fixtures";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

/** A model call's action context for a member of the test's world (no client address unless the test gives one). */
const acting = (actor: Actor, ipAddress = ""): ActionContext => ({ actor, ipAddress });

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

describe("deployment patterns", () => {
  const name = (id: string) => ({ s1: "Kayden", s2: "Ellie" })[id] ?? id;
  it("warns about one-to-one support for the whole lesson, and unbriefed supporters", () => {
    const { perStudent, warnings } = analyseDeployments(
      60,
      [
        {
          id: "d1",
          supporterName: "Joanne",
          phase: "whole",
          mode: "one_to_one",
          minutes: 60,
          studentIds: ["s1"],
          briefed: false,
        },
        {
          id: "d2",
          supporterName: "Aisha",
          phase: "main",
          mode: "group",
          minutes: 30,
          studentIds: ["s1", "s2"],
          briefed: true,
        },
      ],
      name,
    );
    expect(perStudent).toEqual([
      { studentId: "s1", minutes: 90, percentOfLesson: 150, oneToOneMinutes: 60 },
      { studentId: "s2", minutes: 30, percentOfLesson: 50, oneToOneMinutes: 0 },
    ]);
    expect(warnings.map((w) => w.kind)).toEqual(["one-to-one-whole-lesson", "not-briefed"]);
    expect(warnings[0]!.message).toMatch(/Joanne is with Kayden one-to-one for the whole lesson/);
  });
  it("says nothing alarming about short group support", () => {
    const { warnings } = analyseDeployments(
      60,
      [
        {
          id: "d",
          supporterName: "J",
          phase: "main",
          mode: "group",
          minutes: 20,
          studentIds: ["s1", "s2"],
          briefed: true,
        },
      ],
      name,
    );
    expect(warnings).toEqual([]);
  });
});

describe("file checks", () => {
  it("accepts a real PDF and decides its type itself", () => {
    expect(checkUpload("../../Fitness tests.PDF", PDF)).toEqual({
      ok: true,
      mimeType: "application/pdf",
      fileName: "Fitness tests.PDF",
    });
  });
  it("refuses other types, disguised files, empty and oversized files with a message saying what to do", () => {
    expect(checkUpload("page.html", new TextEncoder().encode("<html></html>"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cannot be uploaded/),
    });
    expect(checkUpload("drawing.svg", new TextEncoder().encode("<svg/>"))).toMatchObject({ ok: false });
    expect(checkUpload("fake.pdf", new TextEncoder().encode("<script>alert(1)</script>"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not look like a PDF/),
    });
    expect(checkUpload("notes.txt", new TextEncoder().encode("<script>alert(1)</script>"))).toMatchObject({
      ok: false,
    });
    expect(checkUpload("empty.pdf", new Uint8Array())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/empty/),
    });
    const big = new Uint8Array(MAX_RESOURCE_BYTES + 1);
    big.set(PDF);
    expect(checkUpload("big.pdf", big)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/larger than 5 MB/),
    });
  });
});

describe.each(PROVIDERS)("lesson plans and deployments on %s", (provider) => {
  const database = useModelDatabase(provider);
  const who = (key: string) => actorOf(idOf(database.demo.userIds, key));
  let fixture: LessonFixture;
  const fresh = async () => (fixture ??= await createLessonFixture(db(), database.demo));
  const newPlan = async (overrides: Partial<{ lessonDate: string; title: string }> = {}) => {
    const f = await fresh();
    return createLessonPlan(await who("teacher"), f.courseId, {
      title: overrides.title ?? "Components of fitness",
      unitId: f.unitId,
      groupId: f.groupId,
      lessonDate: overrides.lessonDate ?? dayFromToday(7),
      startTime: "09:15",
      durationMinutes: 60,
    });
  };

  it("a co-planner creates a plan with its shared notes; others cannot", async () => {
    const f = await fresh();
    const plan = await newPlan();
    const body = await getDocumentByOwnerForActor(await who("teacher"), "lesson-plan", plan.id);
    expect(body?.canWrite).toBe(true);
    expect(await yjsStateToPlainText((await loadDocumentState(body!.document.id)).state)).toMatch(
      /Components of fitness/,
    );
    const input = {
      title: "Nope",
      unitId: "",
      groupId: "",
      lessonDate: dayFromToday(1),
      startTime: "",
      durationMinutes: 60,
    };
    await expect(createLessonPlan(await who("teacherDance"), f.courseId, input)).rejects.toMatchObject({ status: 403 });
    await expect(createLessonPlan(await who("leader"), f.courseId, input)).rejects.toMatchObject({ status: 403 });
    await expect(createLessonPlan(await who("lsa"), f.courseId, input)).rejects.toMatchObject({ status: 403 });
    await expect(
      createLessonPlan(await actorOf(idOf(database.other.userIds, "coordinator")), f.courseId, input),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      createLessonPlan(await who("coordinator"), f.courseId, { ...input, groupId: "not-a-group" }),
    ).rejects.toMatchObject({ field: "groupId", status: 400 });
  });

  it("editors change parts and status; leaders and non-planners cannot", async () => {
    const plan = await newPlan();
    await updateLessonPlanPart(await who("teacherFe"), plan.id, {
      intent: "objectives",
      objectives: "Name the components of fitness",
      successCriteria: "Records two results",
    });
    await setLessonPlanStatus(await who("teacher"), plan.id, "ready");
    const stored = await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored).toMatchObject({
      objectives: "Name the components of fitness",
      status: "ready",
      updatedById: idOf(database.demo.userIds, "teacher"),
    });
    await expect(setLessonPlanStatus(await who("leader"), plan.id, "taught")).rejects.toMatchObject({ status: 403 });
    await expect(
      updateLessonPlanPart(await who("teacherDance"), plan.id, { intent: "assessment", assessment: "x" }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(setLessonPlanStatus(await who("lsa"), plan.id, "taught")).rejects.toMatchObject({ status: 404 });
    await expect(
      setLessonPlanStatus(await actorOf(idOf(database.other.userIds, "coordinator")), plan.id, "taught"),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("deploys an LSA from another institution to two students; the LSA then reads the plan and its body, read-only", async () => {
    const f = await fresh();
    const plan = await newPlan();
    const teacher = await who("teacher");
    const joanne = await who("lsa");
    const aisha = await who("lsaDeaf");
    expect(await getLessonPlan(joanne, plan.id)).toBeNull();
    expect(await getDocumentByOwnerForActor(joanne, "lesson-plan", plan.id)).toBeNull();
    const deployment = await deploySupporter(teacher, plan.id, {
      supporterId: joanne.id,
      supporterRole: "lsa",
      phase: "main",
      mode: "group",
      minutes: 40,
      studentIds: [f.studentIds.mld1, f.studentIds.mld2],
      ...briefing,
    });
    expect(deployment.briefedById).toBe(teacher.id);
    expect(deployment.briefedAt).toBeInstanceOf(Date);
    expect((await getLessonPlan(joanne, plan.id))?.canEdit).toBe(false);
    const body = await getDocumentByOwnerForActor(joanne, "lesson-plan", plan.id);
    expect(body).toMatchObject({ canWrite: false, canDelete: false });
    expect(await getLessonPlan(aisha, plan.id)).toBeNull();
    expect(await getDocumentByOwnerForActor(aisha, "lesson-plan", plan.id)).toBeNull();
    expect(await getDocumentByOwnerForActor(await who("leader"), "lesson-plan", plan.id)).toMatchObject({
      canWrite: false,
    });
    expect(
      await getDocumentByOwnerForActor(
        await actorOf(idOf(database.other.userIds, "coordinator")),
        "lesson-plan",
        plan.id,
      ),
    ).toBeNull();

    // Students must be in the lesson's group; supporters must be active members of this partnership.
    await expect(
      deploySupporter(teacher, plan.id, {
        supporterId: aisha.id,
        supporterRole: "csw",
        phase: "whole",
        mode: "communication_support",
        minutes: 60,
        studentIds: ["someone-else"],
        concepts: "",
        skills: "",
        outcomes: "",
        feedbackExpected: "",
        independence: "",
      }),
    ).rejects.toMatchObject({ field: "studentIds" });
    await expect(
      deploySupporter(teacher, plan.id, {
        supporterId: idOf(database.other.userIds, "lsa"),
        supporterRole: "lsa",
        phase: "main",
        mode: "group",
        minutes: 10,
        studentIds: [],
        concepts: "",
        skills: "",
        outcomes: "",
        feedbackExpected: "",
        independence: "",
      }),
    ).rejects.toMatchObject({ field: "supporterId" });
    await expect(
      deploySupporter(await who("leader"), plan.id, {
        supporterId: aisha.id,
        supporterRole: "csw",
        phase: "whole",
        mode: "communication_support",
        minutes: 60,
        studentIds: [],
        concepts: "",
        skills: "",
        outcomes: "",
        feedbackExpected: "",
        independence: "",
      }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("the supporter marks the briefing read and writes feedback; nobody else can; a new briefing asks for a new read", async () => {
    const f = await fresh();
    const plan = await newPlan();
    const teacher = await who("teacher");
    const aisha = await who("lsaDeaf");
    const d = await deploySupporter(teacher, plan.id, {
      supporterId: aisha.id,
      supporterRole: "csw",
      phase: "whole",
      mode: "communication_support",
      minutes: 60,
      studentIds: [f.studentIds.deaf],
      concepts: "",
      skills: "",
      outcomes: "",
      feedbackExpected: "",
      independence: "",
    });
    expect(d.briefedAt).toBeNull();
    await expect(markBriefingRead(teacher, d.id)).rejects.toMatchObject({ status: 403 });
    await expect(recordDeploymentFeedback(await who("leader"), d.id, "Fine")).rejects.toMatchObject({ status: 403 });
    await expect(recordDeploymentFeedback(await who("lsa"), d.id, "Fine")).rejects.toMatchObject({ status: 404 });
    await expect(saveBriefing(aisha, d.id, briefing)).rejects.toMatchObject({ status: 403 });
    await saveBriefing(teacher, d.id, briefing);
    expect((await markBriefingRead(aisha, d.id)).readAt).toBeInstanceOf(Date);
    await saveBriefing(teacher, d.id, { ...briefing, concepts: "Changed concepts" });
    expect((await db().deployment.findUniqueOrThrow({ where: { id: d.id } })).readAt).toBeNull();
    const after = await recordDeploymentFeedback(
      aisha,
      d.id,
      "  Maya followed the BSL instructions and recorded both results alone.  ",
    );
    expect(after).toMatchObject({ feedback: "Maya followed the BSL instructions and recorded both results alone." });
    expect(after.feedbackAt).toBeInstanceOf(Date);
    const seen = await getDeployment(teacher, d.id);
    expect(seen).toMatchObject({ isSupporter: false, canGiveFeedback: false, canReadPlan: true });
    expect(await getDeployment(await actorOf(idOf(database.other.userIds, "lsaDeaf")), d.id)).toBeNull();
  });

  it("shows students' names only to those the visibility rule allows, initials to others, and audits full views", async () => {
    const f = await fresh();
    const ids = { groupIds: [f.groupId] };
    const joanne = await lessonStudents(acting(await who("lsa")), ids, "test");
    expect(joanne.get(f.studentIds.mld1)?.name).toBe("Kayden Brooks");
    expect(joanne.get(f.studentIds.deaf)).toMatchObject({ name: "M. P.", needAreas: [] });
    const dance = await lessonStudents(acting(await who("teacherDance")), ids, "test");
    expect(dance.get(f.studentIds.mld1)?.name).toBe("K. B.");
    const leader = await lessonStudents(acting(await who("leader")), ids, "test");
    expect(leader.get(f.studentIds.deaf)).toMatchObject({ name: "Maya Patel", needAreas: ["sensory_physical"] });
    expect(
      await db().auditEvent.count({
        where: {
          action: "student.viewed",
          actorId: idOf(database.demo.userIds, "leader"),
          subjectId: f.studentIds.deaf,
        },
      }),
    ).toBeGreaterThan(0);
    expect(
      (await lessonStudents(acting(await actorOf(idOf(database.other.userIds, "coordinator"))), ids, "test")).size,
    ).toBe(0);
  });

  it("lists my deployments across sites, upcoming soonest first, past latest first", async () => {
    const f = await fresh();
    const teacher = await who("teacherFe");
    const joanne = await who("lsa");
    const later = await newPlan({ title: "Later lesson", lessonDate: dayFromToday(14) });
    const sooner = await newPlan({ title: "Sooner lesson", lessonDate: dayFromToday(2) });
    const past = await newPlan({ title: "Past lesson", lessonDate: dayFromToday(-3) });
    for (const plan of [later, sooner, past]) {
      await deploySupporter(teacher, plan.id, {
        supporterId: joanne.id,
        supporterRole: "lsa",
        phase: "main",
        mode: "group",
        minutes: 30,
        studentIds: [f.studentIds.mld1],
        ...briefing,
      });
    }
    const upcoming = await listMyDeployments(joanne, { when: "upcoming" });
    const titles = upcoming.deployments.map((d) => d.lessonPlan.title);
    expect(titles.indexOf("Sooner lesson")).toBeLessThan(titles.indexOf("Later lesson"));
    expect(titles).not.toContain("Past lesson");
    expect(
      upcoming.deployments.every((d) => d.supporterId === joanne.id && d.partnershipId === database.demo.partnershipId),
    ).toBe(true);
    expect((await listMyDeployments(joanne, { when: "past" })).deployments.map((d) => d.lessonPlan.title)).toContain(
      "Past lesson",
    );
    // The other partnership's Joanne sees only her own partnership's (seeded) deployments, never these.
    const theirs = await listMyDeployments(await actorOf(idOf(database.other.userIds, "lsa")));
    expect(theirs.deployments.every((d) => d.partnershipId === database.other.partnershipId)).toBe(true);
    expect(theirs.deployments.map((d) => d.lessonPlan.title)).not.toContain("Sooner lesson");
  });

  it("stores files for the plan's readers only", async () => {
    const plan = await newPlan();
    const resource = await addFileResource(await who("teacher"), plan.id, {
      title: "Fitness test sheet",
      fileName: "tests.pdf",
      bytes: PDF,
    });
    expect(resource).toMatchObject({ mimeType: "application/pdf", sizeBytes: PDF.byteLength });
    expect((await getResourceFile(await who("leader"), plan.id, resource.id))?.data).toEqual(PDF);
    expect(await getResourceFile(await who("lsa"), plan.id, resource.id)).toBeNull();
    expect(
      await getResourceFile(await actorOf(idOf(database.other.userIds, "coordinator")), plan.id, resource.id),
    ).toBeNull();
    await expect(
      addFileResource(await who("teacher"), plan.id, {
        title: "",
        fileName: "run.exe",
        bytes: new Uint8Array([0x4d, 0x5a]),
      }),
    ).rejects.toMatchObject({ field: "file" });
    await expect(
      addFileResource(await who("leader"), plan.id, { title: "", fileName: "a.pdf", bytes: PDF }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("duplicates a plan into another group and date: parts, strategies, need notes, resources and body, not deployments", async () => {
    const f = await fresh();
    const teacher = await who("teacher");
    const plan = await newPlan({ title: "Original" });
    await updateLessonPlanPart(teacher, plan.id, {
      intent: "phases",
      starter: "Warm-up",
      mainActivity: "Fitness stations",
      plenary: "Exit ticket",
    });
    await db().lessonPlanStrategy.create({
      data: { lessonPlanId: plan.id, strategyId: f.strategyId, note: "Cards at each station" },
    });
    await addDifferentiationNote(teacher, plan.id, {
      studentId: "",
      needArea: "cognition_learning",
      note: "Visual task cards",
    });
    await addDifferentiationNote(teacher, plan.id, {
      studentId: f.studentIds.mld1,
      needArea: "",
      note: "Pair with a buddy",
    });
    await addFileResource(teacher, plan.id, { title: "Sheet", fileName: "sheet.pdf", bytes: PDF });
    await deploySupporter(teacher, plan.id, {
      supporterId: idOf(database.demo.userIds, "lsa"),
      supporterRole: "lsa",
      phase: "main",
      mode: "group",
      minutes: 30,
      studentIds: [],
      ...briefing,
    });
    const copy = await duplicateLessonPlan(teacher, plan.id, {
      title: "Copy",
      groupId: f.otherGroupId,
      lessonDate: dayFromToday(21),
      startTime: "",
    });
    const stored = await db().lessonPlan.findUniqueOrThrow({
      where: { id: copy.id },
      include: { strategies: true, differentiation: true, resources: true, deployments: true },
    });
    expect(stored).toMatchObject({
      title: "Copy",
      groupId: f.otherGroupId,
      status: "draft",
      mainActivity: "Fitness stations",
    });
    expect(stored.strategies.map((s) => s.note)).toEqual(["Cards at each station"]);
    expect(stored.differentiation.map((n) => n.note)).toEqual(["Visual task cards"]);
    expect(stored.resources).toHaveLength(1);
    expect(stored.deployments).toHaveLength(0);
    const body = await getDocumentByOwnerForActor(teacher, "lesson-plan", copy.id);
    expect(await yjsStateToPlainText((await loadDocumentState(body!.document.id)).state)).toMatch(/Original/);
    await expect(
      duplicateLessonPlan(await who("leader"), plan.id, {
        title: "Copy",
        groupId: "",
        lessonDate: dayFromToday(1),
        startTime: "",
      }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("deleting a plan says what goes and takes deployments, feedback, resources, notes and the body with it", async () => {
    const f = await fresh();
    const teacher = await who("teacher");
    const plan = await newPlan({ title: "To delete" });
    const d = await deploySupporter(teacher, plan.id, {
      supporterId: idOf(database.demo.userIds, "lsa"),
      supporterRole: "lsa",
      phase: "main",
      mode: "group",
      minutes: 30,
      studentIds: [f.studentIds.mld2],
      ...briefing,
    });
    await recordDeploymentFeedback(await who("lsa"), d.id, "Went well");
    await addFileResource(teacher, plan.id, { title: "Sheet", fileName: "sheet.pdf", bytes: PDF });
    expect(await lessonPlanDeletionImpact(teacher, plan.id)).toMatchObject({
      deployments: 1,
      feedback: 1,
      resources: 1,
    });
    await expect(deleteLessonPlan(await who("leader"), plan.id)).rejects.toMatchObject({ status: 403 });
    await deleteLessonPlan(teacher, plan.id);
    expect(await db().lessonPlan.findUnique({ where: { id: plan.id } })).toBeNull();
    expect(await db().deployment.count({ where: { lessonPlanId: plan.id } })).toBe(0);
    expect(await db().deploymentStudent.count({ where: { deploymentId: d.id } })).toBe(0);
    expect(await db().lessonResource.count({ where: { lessonPlanId: plan.id } })).toBe(0);
    expect(await db().collabDocument.count({ where: { ownerType: "lesson-plan", ownerId: plan.id } })).toBe(0);
  });
});
