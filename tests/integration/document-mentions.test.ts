// Mentions inside a co-edited document tell the member once, from the server (decision 030): a colleague who may read
// the plan is told once however often the document is copied out, a second mention of them is a second notification,
// a member who may not read the plan (an LSA not deployed in it) or who belongs to another partnership is never told,
// and the live engine's copy-out of every document kind is what calls it.
import { describe, expect, it } from "vitest";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { rootsToYjsState } from "~/lib/document-schema/headless";
import { $createMentionNode } from "~/lib/document-schema/mention-node";
import { db } from "~/models/db.server";
import { notifyDocumentMentions } from "~/models/document-mentions.server";
import { LESSON_PLAN_DOCUMENT } from "~/models/document-owners.server";
import { DOCUMENT_PROJECTIONS } from "~/models/document-projections.server";
import { STRATEGY_DOCUMENT } from "~/policies/strategy";
import { PROVIDERS } from "../support/databases";
import { idOf, useModelDatabase } from "../support/model-database";

/** A document state whose text mentions each [person, mention id]. */
function stateMentioning(mentions: Array<[string, string]>): Uint8Array {
  return rootsToYjsState({
    root: () => {
      const paragraph = $createParagraphNode().append($createTextNode("Starter: "));
      for (const [personId, mentionId] of mentions) {
        paragraph.append($createMentionNode(personId, mentionId, "@Colleague"), $createTextNode(" "));
      }
      $getRoot().append(paragraph.append($createTextNode("can you take the deaf students?")));
    },
  });
}

describe.each(PROVIDERS)("mentions in a document on %s", (provider) => {
  const database = useModelDatabase(provider);
  const demo = (key: string) => idOf(database.demo.userIds, key);

  /** A plan the LSA is deployed in and the other LSA is not: the second may not read it. */
  async function planDocument() {
    const deployment = await db().deployment.findFirstOrThrow({
      where: {
        supporterId: demo("lsa"),
        lessonPlan: { deployments: { none: { supporterId: demo("lsaDeaf") } } },
      },
    });
    return db().collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: deployment.lessonPlanId } },
    });
  }
  const mentionsOf = (documentId: string) =>
    db().notification.findMany({ where: { subjectType: "document", subjectId: documentId, kind: "mentioned" } });

  it("tells a reader once per mention, and never someone who may not read the plan", async () => {
    const document = await planDocument();
    const stranger = idOf(database.other.userIds, "teacher");
    const first = stateMentioning([
      [demo("teacherFe"), `m1-${provider}`],
      [demo("lsaDeaf"), `m2-${provider}`],
      [stranger, `m3-${provider}`],
    ]);
    expect(await notifyDocumentMentions(LESSON_PLAN_DOCUMENT, document.ownerId, first)).toEqual([demo("teacherFe")]);
    // Copied out again (another edit, a restart's catch-up): nobody is told twice.
    expect(await notifyDocumentMentions(LESSON_PLAN_DOCUMENT, document.ownerId, first)).toEqual([]);
    const rows = await mentionsOf(document.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      recipientId: demo("teacherFe"),
      dedupeKey: `document-mention:${document.id}:m1-${provider}`,
      href: `/plans/${document.ownerId}`,
      body: expect.stringContaining("can you take the deaf students?"),
    });
    expect(rows[0]!.title).toMatch(/^You were mentioned in /);

    // A second mention of the same colleague is news: told again, once.
    const second = stateMentioning([
      [demo("teacherFe"), `m1-${provider}`],
      [demo("teacherFe"), `m4-${provider}`],
    ]);
    expect(await notifyDocumentMentions(LESSON_PLAN_DOCUMENT, document.ownerId, second)).toEqual([demo("teacherFe")]);
    expect(await notifyDocumentMentions(LESSON_PLAN_DOCUMENT, document.ownerId, second)).toEqual([]);
    expect((await mentionsOf(document.id)).map((n) => n.recipientId)).toEqual([demo("teacherFe"), demo("teacherFe")]);
  });

  it("is called by the live engine's copy-out of a document", async () => {
    const document = await db().collabDocument.findFirstOrThrow({
      where: { ownerType: STRATEGY_DOCUMENT, partnershipId: database.demo.partnershipId },
    });
    const project = DOCUMENT_PROJECTIONS.get(STRATEGY_DOCUMENT)!;
    await project(document.ownerId, stateMentioning([[demo("lsa"), `s1-${provider}`]]), demo("teacher"));
    expect((await mentionsOf(document.id)).map((n) => n.recipientId)).toEqual([demo("lsa")]);
  });
});
