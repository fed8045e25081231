// Lesson plans and LSA deployment at the model level, on SQLite and PostgreSQL:
// creating a plan with its shared notes, parts and status, deployment with its
// briefing, the supporter's read mark and feedback, access to the body by plan
// readers only, files, duplication, deletion, and the partnership boundary.
import { describe, expect, it } from "vitest";
import { analyseDeployments } from "~/lib/deployment-patterns";
import { getDocumentByOwnerForActor } from "~/models/collab-documents.server";
import { loadDocumentState } from "~/models/collab-log.server";
import { db } from "~/models/db.server";
import {
  deploySupporter,
  getDeployment,
  listDeployableMembers,
  listMyDeployments,
  markBriefingRead,
  recordDeploymentFeedback,
  requireDeployment,
  requirePlanDeployment,
  saveBriefing,
} from "~/models/deployments.server";
import { yjsStateToPlainText } from "~/lib/document-schema/headless";
import { lessonStudents } from "~/models/lesson-students.server";
import { duplicateLessonPlan } from "~/models/lesson-plan-duplicate.server";
import { loadLessonPlanFacts, requireLessonPlan, requirePlanningCourse } from "~/models/lesson-plan-facts.server";
import { getLessonPlan } from "~/models/lesson-plan-read.server";
import {
  addDifferentiationNote,
  createLessonPlan,
  deleteLessonPlan,
  lessonPlanDeletionImpact,
  setLessonPlanStatus,
  updateLessonPlanDetails,
} from "~/models/lesson-plans.server";
import { addFileResource, checkUpload, getResourceFile, MAX_RESOURCE_BYTES } from "~/models/lesson-resources.server";
import type { ActionContext, Actor } from "~/policies/actor";
import { canDeploySupporter, canMarkBriefingRead, canRecordDeploymentFeedback } from "~/policies/deployment";
import { canDeleteLessonPlan, canDuplicateLessonPlan, canEditLessonPlan } from "~/policies/lesson-plan";
import { PROVIDERS } from "../support/databases";
import { briefing, createLessonFixture, dayFromToday, type LessonFixture } from "../support/lesson-plan-fixtures";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";
import { refuseWrites } from "../support/refused-writes";
import { writePlanText } from "../support/plan-text";

/** Who acts, as the model functions that change data take it (no client address in these tests). */
const ctx = (actor: Actor): ActionContext => ({ actor, ipAddress: "" });

/** The plan as the plan page's policy gate gives it to an editor; a 404 or 403 for anyone else. */
const editable = (actor: Actor, planId: string) => requireLessonPlan(actor, planId, canEditLessonPlan);

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
  /** The action context and the checked plan of an editor, as the plan page passes them to the models. */
  const asEditor = async (key: string, planId: string) => {
    const actor = await who(key);
    return [ctx(actor), await editable(actor, planId)] as const;
  };
  const newPlan = async (overrides: Partial<{ lessonDate: string; title: string }> = {}) => {
    const f = await fresh();
    const teacher = await who("teacher");
    return createLessonPlan(ctx(teacher), await requirePlanningCourse(teacher, f.courseId), {
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
    await expect(requirePlanningCourse(await who("teacherDance"), f.courseId)).rejects.toMatchObject({ status: 403 });
    await expect(requirePlanningCourse(await who("leader"), f.courseId)).rejects.toMatchObject({ status: 403 });
    await expect(requirePlanningCourse(await who("lsa"), f.courseId)).rejects.toMatchObject({ status: 403 });
    await expect(
      requirePlanningCourse(await actorOf(idOf(database.other.userIds, "coordinator")), f.courseId),
    ).rejects.toMatchObject({ status: 404 });
    const coordinator = await who("coordinator");
    await expect(
      createLessonPlan(ctx(coordinator), await requirePlanningCourse(coordinator, f.courseId), {
        ...input,
        groupId: "not-a-group",
      }),
    ).rejects.toMatchObject({ field: "groupId", status: 400 });
  });

  it("stores a plan with its body or nothing, even if it could not be deleted again (as after a crash)", async () => {
    // The body's first state is refused; so is deleting a plan, as when the process dies before it could undo one.
    const allowSnapshots = await refuseWrites(provider, "CollabSnapshot", "INSERT");
    const allowDeletes = await refuseWrites(provider, "LessonPlan", "DELETE");
    try {
      await expect(newPlan({ title: "Half-made plan" })).rejects.toThrow();
    } finally {
      await allowDeletes();
      await allowSnapshots();
    }
    expect(await db().lessonPlan.count({ where: { title: "Half-made plan" } })).toBe(0);
    expect(await db().collabDocument.count({ where: { title: "Half-made plan" } })).toBe(0);
    // Made again once the database accepts it: the plan comes with its body, once.
    const plan = await newPlan({ title: "Half-made plan" });
    expect(await db().lessonPlan.count({ where: { title: "Half-made plan" } })).toBe(1);
    expect(await getDocumentByOwnerForActor(await who("teacher"), "lesson-plan", plan.id)).not.toBeNull();
  });

  it("puts a new plan after the course's last, also once a plan before it was deleted", async () => {
    const doomed = await newPlan({ title: "Position one" });
    const kept = await newPlan({ title: "Position two" });
    const teacher = await who("teacher");
    await deleteLessonPlan(ctx(teacher), await requireLessonPlan(teacher, doomed.id, canDeleteLessonPlan));
    // A count of the course's plans would now give the place "Position two" holds.
    const third = await newPlan({ title: "Position three" });
    const copy = await duplicateLessonPlan(ctx(teacher), await editable(teacher, kept.id), {
      title: "Position four",
      groupId: "",
      lessonDate: dayFromToday(9),
      startTime: "09:15",
    });
    const positions = (
      await db().lessonPlan.findMany({ where: { courseId: kept.courseId }, select: { position: true } })
    ).map((p) => p.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect(third.position).toBe(kept.position + 1);
    expect((await db().lessonPlan.findUniqueOrThrow({ where: { id: copy.id } })).position).toBe(kept.position + 2);
  });

  it("editors change details and status; leaders and non-planners cannot", async () => {
    const plan = await newPlan();
    await updateLessonPlanDetails(...(await asEditor("teacherFe", plan.id)), {
      intent: "details",
      title: "Components of fitness",
      unitId: "",
      groupId: "",
      lessonDate: dayFromToday(7),
      startTime: "10:40",
      durationMinutes: 50,
    });
    await setLessonPlanStatus(...(await asEditor("teacher", plan.id)), "ready");
    const stored = await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored).toMatchObject({
      title: "Components of fitness",
      durationMinutes: 50,
      status: "ready",
      updatedById: idOf(database.demo.userIds, "teacher"),
    });
    await expect(editable(await who("leader"), plan.id)).rejects.toMatchObject({ status: 403 });
    await expect(editable(await who("teacherDance"), plan.id)).rejects.toMatchObject({ status: 403 });
    await expect(editable(await who("lsa"), plan.id)).rejects.toMatchObject({ status: 404 });
    await expect(editable(await actorOf(idOf(database.other.userIds, "coordinator")), plan.id)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("deploys an LSA from another institution to two students; the LSA then reads the plan and its body, read-only", async () => {
    const f = await fresh();
    const plan = await newPlan();
    const teacher = await who("teacher");
    const joanne = await who("lsa");
    const aisha = await who("lsaDeaf");
    await expect(requireLessonPlan(joanne, plan.id)).rejects.toMatchObject({ status: 404 });
    expect(await getDocumentByOwnerForActor(joanne, "lesson-plan", plan.id)).toBeNull();
    const deployment = await deploySupporter(ctx(teacher), await editable(teacher, plan.id), {
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
    expect(canEditLessonPlan(joanne, await requireLessonPlan(joanne, plan.id))).toBe(false);
    const body = await getDocumentByOwnerForActor(joanne, "lesson-plan", plan.id);
    expect(body).toMatchObject({ canWrite: false, canDelete: false });
    await expect(requireLessonPlan(aisha, plan.id)).rejects.toMatchObject({ status: 404 });
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
    // The facts a page checks, read in one statement: the course's co-planners and the deployed supporter, and
    // nothing for another partnership. Passed on to the document, they decide as the document's own read of them.
    const facts = await loadLessonPlanFacts(database.demo.partnershipId, plan.id);
    expect(facts).toMatchObject({ id: plan.id, courseId: f.courseId, groupId: f.groupId, supporterIds: [joanne.id] });
    expect(facts!.plannerIds).toContain(teacher.id);
    expect(await loadLessonPlanFacts(database.other.partnershipId, plan.id)).toBeNull();
    for (const actor of [joanne, teacher, await who("leader")]) {
      const given = { ownerType: "lesson-plan", ownerId: plan.id, value: await requireLessonPlan(actor, plan.id) };
      expect(await getDocumentByOwnerForActor(actor, "lesson-plan", plan.id, given)).toEqual(
        await getDocumentByOwnerForActor(actor, "lesson-plan", plan.id),
      );
    }

    // Students must be in the lesson's group; supporters must be active members of this partnership.
    await expect(
      deploySupporter(ctx(teacher), await editable(teacher, plan.id), {
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
      deploySupporter(ctx(teacher), await editable(teacher, plan.id), {
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
    await expect(requireLessonPlan(await who("leader"), plan.id, canDeploySupporter)).rejects.toMatchObject({
      status: 403,
    });
  });

  it("the supporter marks the briefing read and writes feedback; nobody else can; a new briefing asks for a new read", async () => {
    const f = await fresh();
    const plan = await newPlan();
    const teacher = await who("teacher");
    const aisha = await who("lsaDeaf");
    const d = await deploySupporter(ctx(teacher), await editable(teacher, plan.id), {
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
    const asSupporter = (actor: Actor) => requireDeployment(actor, d.id, canMarkBriefingRead, "supporter only");
    const forFeedback = (actor: Actor) => requireDeployment(actor, d.id, canRecordDeploymentFeedback, "supporter only");
    await expect(asSupporter(teacher)).rejects.toMatchObject({ status: 403 });
    await expect(forFeedback(await who("leader"))).rejects.toMatchObject({ status: 403 });
    await expect(forFeedback(await who("lsa"))).rejects.toMatchObject({ status: 404 });
    await expect(editable(aisha, plan.id)).rejects.toMatchObject({ status: 403 });
    const deployment = await requirePlanDeployment(await editable(teacher, plan.id), d.id);
    await saveBriefing(ctx(teacher), deployment, briefing);
    expect((await markBriefingRead(ctx(aisha), await asSupporter(aisha))).readAt).toBeInstanceOf(Date);
    await saveBriefing(ctx(teacher), deployment, { ...briefing, concepts: "Changed concepts" });
    expect((await db().deployment.findUniqueOrThrow({ where: { id: d.id } })).readAt).toBeNull();
    const after = await recordDeploymentFeedback(
      ctx(aisha),
      await forFeedback(aisha),
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
    const joanne = await lessonStudents(ctx(await who("lsa")), ids, "test");
    expect(joanne.get(f.studentIds.mld1)?.name).toBe("Kayden Brooks");
    expect(joanne.get(f.studentIds.deaf)).toMatchObject({ name: "M. P.", needAreas: [] });
    const dance = await lessonStudents(ctx(await who("teacherDance")), ids, "test");
    expect(dance.get(f.studentIds.mld1)?.name).toBe("K. B.");
    const leader = await lessonStudents(ctx(await who("leader")), ids, "test");
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
      (await lessonStudents(ctx(await actorOf(idOf(database.other.userIds, "coordinator"))), ids, "test")).size,
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
      await deploySupporter(ctx(teacher), await editable(teacher, plan.id), {
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
    const resource = await addFileResource(...(await asEditor("teacher", plan.id)), {
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
      addFileResource(...(await asEditor("teacher", plan.id)), {
        title: "",
        fileName: "run.exe",
        bytes: new Uint8Array([0x4d, 0x5a]),
      }),
    ).rejects.toMatchObject({ field: "file" });
    await expect(editable(await who("leader"), plan.id)).rejects.toMatchObject({ status: 403 });
  });

  it("duplicates a plan into another group and date: parts, strategies, need notes, resources and body, not deployments", async () => {
    const f = await fresh();
    const teacher = await who("teacher");
    const plan = await newPlan({ title: "Original" });
    const original = await editable(teacher, plan.id);
    await writePlanText(plan.id, { starter: "Warm-up", mainActivity: "Fitness stations", plenary: "Exit ticket" });
    await db().lessonPlanStrategy.create({
      data: { lessonPlanId: plan.id, strategyId: f.strategyId, note: "Cards at each station" },
    });
    await addDifferentiationNote(ctx(teacher), original, {
      studentId: "",
      needArea: "cognition_learning",
      note: "Visual task cards",
    });
    await addDifferentiationNote(ctx(teacher), original, {
      studentId: f.studentIds.mld1,
      needArea: "",
      note: "Pair with a buddy",
    });
    await addFileResource(ctx(teacher), original, { title: "Sheet", fileName: "sheet.pdf", bytes: PDF });
    // The page's whole read of the plan (two statements) is what the model's relations hold, field for field, with
    // the plan's document as the document rules look at it.
    const relations = { orderBy: { createdAt: "asc" } } as const;
    const document = await db().collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: plan.id } },
      select: { id: true, partnershipId: true, ownerType: true, ownerId: true },
    });
    expect(await getLessonPlan(teacher, original)).toEqual({
      document,
      ...(await db().lessonPlan.findFirst({
        where: { id: plan.id },
        include: {
          course: { select: { id: true, title: true } },
          unit: { select: { id: true, title: true } },
          group: { select: { id: true, name: true, site: { select: { id: true, name: true } } } },
          strategies: {
            ...relations,
            select: {
              strategyId: true,
              note: true,
              createdAt: true,
              strategy: { select: { id: true, title: true, summary: true } },
            },
          },
          differentiation: { ...relations, select: { id: true, studentId: true, needArea: true, note: true } },
          resources: {
            ...relations,
            select: {
              id: true,
              kind: true,
              title: true,
              url: true,
              fileName: true,
              mimeType: true,
              sizeBytes: true,
              createdAt: true,
            },
          },
        },
      })),
    });
    expect(await getLessonPlan(await actorOf(idOf(database.other.userIds, "coordinator")), original)).toBeNull();
    // The deploy form's choice: every active member with their institution, by name, LSAs first.
    const members = await listDeployableMembers(database.demo.partnershipId);
    const activeMembers = await db().user.findMany({
      where: { partnershipId: database.demo.partnershipId, deactivatedAt: null },
      select: { id: true, name: true, role: true, jobTitle: true, institution: { select: { name: true } } },
      orderBy: { name: "asc" },
    });
    expect(members).toEqual(activeMembers.sort((a, b) => Number(b.role === "lsa") - Number(a.role === "lsa")));
    await deploySupporter(ctx(teacher), original, {
      supporterId: idOf(database.demo.userIds, "lsa"),
      supporterRole: "lsa",
      phase: "main",
      mode: "group",
      minutes: 30,
      studentIds: [],
      ...briefing,
    });
    const copy = await duplicateLessonPlan(ctx(teacher), original, {
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
    await expect(requireLessonPlan(await who("leader"), plan.id, canDuplicateLessonPlan)).rejects.toMatchObject({
      status: 403,
    });
  });

  it("deleting a plan says what goes and takes deployments, feedback, resources, notes and the body with it", async () => {
    const f = await fresh();
    const teacher = await who("teacher");
    const plan = await newPlan({ title: "To delete" });
    const checked = await editable(teacher, plan.id);
    const d = await deploySupporter(ctx(teacher), checked, {
      supporterId: idOf(database.demo.userIds, "lsa"),
      supporterRole: "lsa",
      phase: "main",
      mode: "group",
      minutes: 30,
      studentIds: [f.studentIds.mld2],
      ...briefing,
    });
    const joanne = await who("lsa");
    await recordDeploymentFeedback(
      ctx(joanne),
      await requireDeployment(joanne, d.id, canRecordDeploymentFeedback, "supporter only"),
      "Went well",
    );
    await addFileResource(ctx(teacher), checked, { title: "Sheet", fileName: "sheet.pdf", bytes: PDF });
    expect(await lessonPlanDeletionImpact(checked)).toMatchObject({
      deployments: 1,
      feedback: 1,
      resources: 1,
    });
    await expect(requireLessonPlan(await who("leader"), plan.id, canDeleteLessonPlan)).rejects.toMatchObject({
      status: 403,
    });
    await deleteLessonPlan(ctx(teacher), checked);
    expect(await db().lessonPlan.findUnique({ where: { id: plan.id } })).toBeNull();
    expect(await db().deployment.count({ where: { lessonPlanId: plan.id } })).toBe(0);
    expect(await db().deploymentStudent.count({ where: { deploymentId: d.id } })).toBe(0);
    expect(await db().lessonResource.count({ where: { lessonPlanId: plan.id } })).toBe(0);
    expect(await db().collabDocument.count({ where: { ownerType: "lesson-plan", ownerId: plan.id } })).toBe(0);
  });
});
