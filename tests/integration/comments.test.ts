// Comments at the model level, on SQLite and PostgreSQL: who may read, start, reply, edit, delete, resolve and
// mention on a plan's text and on a deployment (the policy through the real subject loaders), what is refused with a
// message and nothing saved, who is told (mentioned, thread-reply, plan-comment), "former member", and deleting the
// document taking its conversations and their notifications with it.
import { describe, expect, it } from "vitest";
import { MAX_COMMENT_LENGTH, startThreadSchema } from "~/lib/comments";
import { DomainError } from "~/lib/errors";
import { deleteDocumentsOfOwner } from "~/models/collab-documents.server";
import {
  deleteComment,
  editComment,
  listComments,
  replyToThread,
  requireCommentSubject,
  setThreadResolved,
  startThread,
} from "~/models/comments.server";
import { db } from "~/models/db.server";
import { LESSON_PLAN_DOCUMENT } from "~/models/document-owners.server";
import type { ActionContext, Actor } from "~/policies/actor";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const ctx = (actor: Actor): ActionContext => ({ actor, ipAddress: "" });
const anchor = { part: "root", anchorStart: "AQ==", anchorEnd: "AQ==", quote: "warm-up" };
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, message: error.message } : error),
  );

describe.each(PROVIDERS)("comments on %s", (provider) => {
  const database = useModelDatabase(provider);
  const as = (key: string) => actorOf(idOf(database.demo.userIds, key));
  const outsider = () => actorOf(idOf(database.other.userIds, "teacher"));

  /** A seeded plan with the LSA deployed in it, its document and the deployment. */
  async function planWithLsa() {
    const lsa = await as("lsa");
    const deployment = await db().deployment.findFirstOrThrow({ where: { supporterId: lsa.id } });
    const document = await db().collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: deployment.lessonPlanId } },
    });
    return { lsa, deployment, document };
  }

  it("shows a plan's conversations exactly to its readers: the deployed LSA yes, another LSA and another partnership no", async () => {
    const { document } = await planWithLsa();
    for (const key of ["coordinator", "teacher", "teacherFe", "leaderFe", "lsa"]) {
      await expect(requireCommentSubject(await as(key), "document", document.id)).resolves.toBeTruthy();
    }
    const deployedElsewhere = await as("lsaDeaf");
    const deployedHere = await db().deployment.count({
      where: { supporterId: deployedElsewhere.id, lessonPlanId: document.ownerId },
    });
    if (deployedHere === 0) {
      expect(await refusal(requireCommentSubject(deployedElsewhere, "document", document.id))).toMatchObject({
        code: "not-found",
      });
    }
    expect(await refusal(requireCommentSubject(await outsider(), "document", document.id))).toMatchObject({
      code: "not-found",
    });
    expect(await refusal(requireCommentSubject(await as("teacher"), "deployment", "no-such-deployment"))).toMatchObject(
      { code: "not-found" },
    );
  });

  it("a teacher's comment mentioning a colleague elsewhere tells them; a reply tells the thread; co-planners hear of it", async () => {
    const { document } = await planWithLsa();
    const teacher = await as("teacher");
    const colleague = await as("teacherFe");
    const access = await requireCommentSubject(teacher, "document", document.id);
    const threadId = await startThread(ctx(teacher), access, {
      ...anchor,
      body: `@${(await db().user.findUniqueOrThrow({ where: { id: colleague.id } })).name} can the LSA take the starter?`,
      mentionIds: [colleague.id],
    });
    const mentioned = await db().notification.findMany({ where: { recipientId: colleague.id, kind: "mentioned" } });
    expect(mentioned).toHaveLength(1);
    expect(mentioned[0]).toMatchObject({ subjectType: "document", subjectId: document.id });
    const planners = access.subject.coPlannerIds.filter((id) => id !== teacher.id && id !== colleague.id);
    for (const id of planners) {
      expect(await db().notification.count({ where: { recipientId: id, kind: "plan-comment" } })).toBeGreaterThan(0);
    }

    const colleagueAccess = await requireCommentSubject(colleague, "document", document.id);
    await replyToThread(ctx(colleague), colleagueAccess, { threadId, body: "Yes, she can.", mentionIds: [] });
    expect(await db().notification.count({ where: { recipientId: teacher.id, kind: "thread-reply" } })).toBe(1);

    const listed = await listComments(colleague, colleagueAccess);
    const thread = listed.threads.find((t) => t.id === threadId)!;
    expect(thread.comments.map((c) => c.body)).toEqual([expect.stringContaining("starter"), "Yes, she can."]);
    expect(thread.comments[0]!.mentions.map((m) => m.id)).toEqual([colleague.id]);
  });

  it("refuses with a message and saves nothing: empty, too long, a mention of someone who may not read, or of another partnership", async () => {
    expect(startThreadSchema.safeParse({ body: "   " }).success).toBe(false);
    expect(startThreadSchema.safeParse({ body: "x".repeat(20_000) }).error?.issues[0]?.message).toContain(
      MAX_COMMENT_LENGTH.toLocaleString("en-GB"),
    );
    const { document } = await planWithLsa();
    const teacher = await as("teacher");
    const access = await requireCommentSubject(teacher, "document", document.id);
    const before = await db().comment.count();
    const stranger = await outsider();
    expect(
      await refusal(startThread(ctx(teacher), access, { ...anchor, body: "@x", mentionIds: [stranger.id] })),
    ).toEqual({
      code: "invalid",
      message: "You can only mention people in your partnership.",
    });
    const lsaDeaf = await as("lsaDeaf");
    const people = (await listComments(teacher, access)).people;
    const canRead = people.find((p) => p.id === lsaDeaf.id)?.canRead;
    if (!canRead) {
      const refused = await refusal(
        startThread(ctx(teacher), access, { ...anchor, body: "@x", mentionIds: [lsaDeaf.id] }),
      );
      expect(refused).toMatchObject({ code: "invalid", message: expect.stringContaining("cannot see") });
    }
    expect(
      await refusal(startThread(ctx(teacher), access, { ...anchor, anchorStart: "", body: "Hello", mentionIds: [] })),
    ).toMatchObject({ code: "invalid" });
    expect(await db().comment.count()).toBe(before);
  });

  it("edit and delete your own only; resolve by the starter or an editor; a reply to a deleted thread is refused", async () => {
    const { lsa, deployment } = await planWithLsa();
    const lsaAccess = await requireCommentSubject(lsa, "deployment", deployment.id);
    const threadId = await startThread(ctx(lsa), lsaAccess, {
      ...anchor,
      body: "Which students first?",
      mentionIds: [],
    });
    const coordinator = await as("coordinator");
    const coordinatorAccess = await requireCommentSubject(coordinator, "deployment", deployment.id);
    await replyToThread(ctx(coordinator), coordinatorAccess, { threadId, body: "Maya, then Liam.", mentionIds: [] });
    const [first, second] = await db().comment.findMany({ where: { threadId }, orderBy: { createdAt: "asc" } });
    // Record threads keep no anchor, whatever was sent.
    expect(await db().commentThread.findUniqueOrThrow({ where: { id: threadId } })).toMatchObject({ anchorStart: "" });

    expect(
      await refusal(editComment(ctx(lsa), lsaAccess, { commentId: second!.id, body: "changed", mentionIds: [] })),
    ).toMatchObject({ code: "forbidden" });
    await editComment(ctx(lsa), lsaAccess, {
      commentId: first!.id,
      body: "Which students first, please?",
      mentionIds: [],
    });
    expect(await db().comment.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({
      body: "Which students first, please?",
    });
    expect(await refusal(deleteComment(ctx(lsa), lsaAccess, second!.id))).toMatchObject({ code: "forbidden" });

    const leader = await as("leaderFe");
    const leaderAccess = await requireCommentSubject(leader, "deployment", deployment.id);
    expect(await refusal(setThreadResolved(ctx(leader), leaderAccess, threadId, true))).toMatchObject({
      code: "forbidden",
    });
    await setThreadResolved(ctx(lsa), lsaAccess, threadId, true);
    await setThreadResolved(ctx(coordinator), coordinatorAccess, threadId, false);
    expect(await db().commentThread.findUniqueOrThrow({ where: { id: threadId } })).toMatchObject({ resolvedAt: null });

    await deleteComment(ctx(coordinator), coordinatorAccess, second!.id);
    await deleteComment(ctx(lsa), lsaAccess, first!.id);
    expect(await db().commentThread.count({ where: { id: threadId } })).toBe(0);
    expect(
      await refusal(replyToThread(ctx(coordinator), coordinatorAccess, { threadId, body: "Hello?", mentionIds: [] })),
    ).toEqual({ code: "gone", message: "This conversation has been deleted, so your reply was not saved." });
  });

  it("keeps a leaver's comments as a former member's, and deleting the document deletes its conversations and notifications", async () => {
    const { document } = await planWithLsa();
    const teacher = await as("teacherDance");
    const colleague = await as("teacherFe");
    const access = await requireCommentSubject(teacher, "document", document.id);
    const name = (await db().user.findUniqueOrThrow({ where: { id: colleague.id } })).name;
    const threadId = await startThread(ctx(teacher), access, {
      ...anchor,
      body: `@${name} look`,
      mentionIds: [colleague.id],
    });
    await db().user.update({ where: { id: teacher.id }, data: { deactivatedAt: new Date() } });
    const listed = await listComments(colleague, await requireCommentSubject(colleague, "document", document.id));
    expect(listed.threads.find((t) => t.id === threadId)!.comments[0]!.author).toBeNull();
    expect(listed.people.some((p) => p.id === teacher.id)).toBe(false);

    await deleteDocumentsOfOwner(LESSON_PLAN_DOCUMENT, document.ownerId);
    expect(await db().commentThread.count({ where: { subjectId: document.id } })).toBe(0);
    expect(await db().comment.count({ where: { threadId } })).toBe(0);
    expect(await db().notification.count({ where: { subjectType: "document", subjectId: document.id } })).toBe(0);
  });
});
