// Deleting a record deletes the conversations on it and the notifications they sent, on SQLite: a deployment removed
// from its plan, and a strategy deleted with its ratings. Conversations on other records stay.
import { describe, expect, it } from "vitest";
import { requireCommentSubject, startThread } from "~/models/comments.server";
import { db } from "~/models/db.server";
import { removeDeployment, requirePlanDeployment } from "~/models/deployments.server";
import { requireLessonPlan } from "~/models/lesson-plan-facts.server";
import { deleteStrategy } from "~/models/strategies.server";
import type { Actor } from "~/policies/actor";
import type { CommentSubjectType } from "~/lib/comments";
import { canEditLessonPlan } from "~/policies/lesson-plan";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

describe("deleting a record with conversations", () => {
  const database = useModelDatabase("sqlite");
  const as = (key: string) => actorOf(idOf(database.demo.userIds, key));

  /** A thread on the record that mentions `whom`, so a notification is written too. */
  async function converse(author: Actor, type: CommentSubjectType, id: string, whom: Actor) {
    const { name } = await db().user.findUniqueOrThrow({ where: { id: whom.id } });
    const access = await requireCommentSubject(author, type, id);
    const input = {
      body: `@${name} over to you`,
      mentionIds: [whom.id],
      part: "",
      anchorStart: "",
      anchorEnd: "",
      quote: "",
    };
    const threadId = await startThread({ actor: author, ipAddress: "" }, access, input);
    expect(await db().notification.count({ where: { subjectType: type, subjectId: id } })).toBeGreaterThan(0);
    return threadId;
  }
  const left = async (type: string, id: string, threadId: string) => ({
    threads: await db().commentThread.count({ where: { subjectType: type, subjectId: id } }),
    comments: await db().comment.count({ where: { threadId } }),
    notifications: await db().notification.count({ where: { subjectType: type, subjectId: id } }),
  });
  const nothing = { threads: 0, comments: 0, notifications: 0 };

  it("removing a deployment deletes the conversation about its briefing", async () => {
    const [lsa, coordinator] = [await as("lsa"), await as("coordinator")];
    const [deployment, other] = await db().deployment.findMany({ where: { supporterId: lsa.id }, take: 2 });
    const threadId = await converse(lsa, "deployment", deployment!.id, coordinator);
    const kept = await converse(lsa, "deployment", other!.id, coordinator);

    const plan = await requireLessonPlan(coordinator, deployment!.lessonPlanId, canEditLessonPlan);
    await removeDeployment({ actor: coordinator, ipAddress: "" }, await requirePlanDeployment(plan, deployment!.id));
    expect(await left("deployment", deployment!.id, threadId)).toEqual(nothing);
    expect((await left("deployment", other!.id, kept)).comments).toBe(1);
  });

  it("deleting a strategy deletes the conversations on its ratings", async () => {
    const [coordinator, teacher] = [await as("coordinator"), await as("teacher")];
    const rating = await db().strategyRating.findFirstOrThrow({
      where: { strategy: { partnershipId: coordinator.partnershipId } },
    });
    const threadId = await converse(teacher, "strategy-rating", rating.id, coordinator);
    await deleteStrategy({ actor: coordinator, ipAddress: "" }, rating.strategyId);
    expect(await left("strategy-rating", rating.id, threadId)).toEqual(nothing);
  });
});
