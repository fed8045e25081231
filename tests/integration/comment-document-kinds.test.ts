// Comments on every kind of co-edited document, on SQLite and PostgreSQL: a strategy's description, a meeting's minutes
// and a shared document as well as a plan's text. Each takes an anchored thread from a reader, lists it to readers only,
// and leads there from the notification; and an LSA taken off a plan stops seeing its conversations at once.
import { describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import { createDocument } from "~/models/collab-documents.server";
import { listComments, requireCommentSubject, startThread } from "~/models/comments.server";
import { db } from "~/models/db.server";
import { LESSON_PLAN_DOCUMENT } from "~/models/document-owners.server";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { MEETING_MINUTES_DOCUMENT } from "~/policies/meeting";
import { STRATEGY_DOCUMENT } from "~/policies/strategy";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

const anchor = { part: "root", anchorStart: "AQ==", anchorEnd: "AQ==", quote: "the words" };
const notFound = (promise: Promise<unknown>) =>
  promise.then(
    () => "found",
    (error: unknown) => (error instanceof DomainError ? error.code : error),
  );

describe.each(PROVIDERS)("comments on each kind of document on %s", (provider) => {
  const database = useModelDatabase(provider);
  const as = (key: string) => actorOf(idOf(database.demo.userIds, key));
  const stranger = () => actorOf(idOf(database.other.userIds, "teacher"));

  const stored = (ownerType: string) =>
    db().collabDocument.findFirstOrThrow({ where: { partnershipId: database.demo.partnershipId, ownerType } });

  const KINDS = [
    {
      kind: "a strategy's description",
      find: () => stored(STRATEGY_DOCUMENT),
      writer: "lsaDeaf",
      reader: "leader",
      outsider: null,
      page: (d: { ownerId: string }) => `/strategies/${d.ownerId}`,
    },
    {
      kind: "a meeting's minutes",
      // Draft minutes: the group's members only (approved ones are open to the partnership).
      async find() {
        const meetings = await db().meeting.findMany({
          where: { partnershipId: database.demo.partnershipId, minutesStatus: { not: "approved" } },
          select: { id: true },
        });
        return db().collabDocument.findFirstOrThrow({
          where: { ownerType: MEETING_MINUTES_DOCUMENT, ownerId: { in: meetings.map((m) => m.id) } },
        });
      },
      writer: "teacher",
      reader: "teacherFe",
      outsider: "lsaDeaf", // not in the steering group
      page: (d: { ownerId: string }) => `/meetings/${d.ownerId}`,
    },
    {
      kind: "a shared document",
      find: async () =>
        createDocument(await as("coordinator"), {
          ownerType: PARTNERSHIP_DOCUMENT,
          ownerId: `kinds-${provider}-${Date.now()}`,
          title: "Transition handbook",
        }),
      writer: "teacher",
      reader: "lsa",
      outsider: null,
      page: (d: { id: string }) => `/documents/${d.id}`,
    },
  ] as const;

  it.each(KINDS)("$kind takes anchored conversations, shown to its readers only", async (c) => {
    const document = await c.find();
    const writer = await as(c.writer);
    const reader = await as(c.reader);
    const { name } = await db().user.findUniqueOrThrow({ where: { id: reader.id } });
    const threadId = await startThread(
      { actor: writer, ipAddress: "" },
      await requireCommentSubject(writer, "document", document.id),
      { ...anchor, body: `@${name} a question on ${c.kind}`, mentionIds: [reader.id] },
    );
    const listed = await listComments(reader, await requireCommentSubject(reader, "document", document.id));
    expect(listed.threads.find((t) => t.id === threadId)).toMatchObject({
      part: "root",
      quote: "the words",
      comments: [{ body: `@${name} a question on ${c.kind}` }],
    });
    const told = await db().notification.findFirstOrThrow({
      where: { recipientId: reader.id, kind: "mentioned" },
      orderBy: { createdAt: "desc" },
    });
    expect(told.href).toBe(`${c.page(document)}?thread=${threadId}`);
    if (c.outsider)
      expect(await notFound(requireCommentSubject(await as(c.outsider), "document", document.id))).toBe("not-found");
    expect(await notFound(requireCommentSubject(await stranger(), "document", document.id))).toBe("not-found");
  });

  it("hides a plan's conversations from an LSA at once when her deployment is removed", async () => {
    const lsa = await as("lsa");
    const deployments = await db().deployment.findMany({
      where: { supporterId: lsa.id },
      select: { id: true, lessonPlanId: true },
    });
    // A plan she is deployed in only once, so removing that one deployment takes her access away.
    const deployment = deployments.find(
      (d) => deployments.filter((o) => o.lessonPlanId === d.lessonPlanId).length === 1,
    )!;
    const document = await db().collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: deployment.lessonPlanId } },
    });
    const teacher = await as("teacher");
    await startThread(
      { actor: teacher, ipAddress: "" },
      await requireCommentSubject(teacher, "document", document.id),
      {
        ...anchor,
        body: "Joanne, can you take the starter?",
        mentionIds: [],
      },
    );
    const before = await listComments(lsa, await requireCommentSubject(lsa, "document", document.id));
    expect(before.threads.some((t) => t.comments[0]?.body === "Joanne, can you take the starter?")).toBe(true);

    await db().deploymentStudent.deleteMany({ where: { deploymentId: deployment.id } });
    await db().deployment.delete({ where: { id: deployment.id } });
    expect(await notFound(requireCommentSubject(lsa, "document", document.id))).toBe("not-found");
  });
});
