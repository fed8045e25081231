// The events that tell someone, through the models that make them happen: a supporter hears they are briefed
// again and that their deployment was removed (and the removed deployment's own notifications go), the teacher
// hears of the supporter's feedback, the group of a circulated agenda, the chair (or, without one, the coordinators)
// of minutes awaiting approval; a repeat of the same change tells nobody twice.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { removeDeployment, recordDeploymentFeedback, saveBriefing } from "~/models/deployments.server";
import { circulateAgenda } from "~/models/meeting-agenda.server";
import { submitMinutes } from "~/models/meeting-minutes.server";
import { STEERING_GROUP } from "../../prisma/seed/meetings";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

describe("notification events on sqlite", () => {
  const database = useModelDatabase("sqlite");
  const user = (key: string) => idOf(database.demo.userIds, key);
  const ctxOf = async (key: string) => ({ actor: await actorOf(user(key)), ipAddress: "" });
  const told = (where: { kind: string; recipientId?: string }) => db().notification.findMany({ where });

  it("tells the supporter of a new briefing and of the removal, and the teacher of the feedback", async () => {
    const deployment = await db().deployment.findFirstOrThrow({
      where: { partnershipId: database.demo.partnershipId, briefedById: { not: null } },
    });
    const teacher = await ctxOf("coordinator");
    const briefing = {
      concepts: "Passing",
      skills: "Listening",
      outcomes: "Pass under pressure",
      feedbackExpected: "Who",
      independence: "",
    };
    await saveBriefing(teacher, deployment, briefing);
    const changed = await told({ kind: "deployment-changed", recipientId: deployment.supporterId });
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ href: `/deployments/${deployment.id}`, subjectId: deployment.id });

    const supporter = { actor: await actorOf(deployment.supporterId), ipAddress: "" };
    // The page has checked the supporter's rule (requireDeployment); the model is given the checked deployment.
    const access = { id: deployment.id } as Parameters<typeof recordDeploymentFeedback>[1];
    await recordDeploymentFeedback(supporter, access, "They passed well under pressure.");
    const feedback = await db().notification.findMany({
      where: { kind: "feedback-returned", subjectId: deployment.id },
    });
    // The briefing was saved by the coordinator just now: they are the teacher who hears.
    expect(feedback.map((n) => n.recipientId)).toEqual([teacher.actor.id]);

    await removeDeployment(teacher, deployment);
    expect(await told({ kind: "deployment-removed", recipientId: deployment.supporterId })).toHaveLength(1);
    expect(await db().notification.count({ where: { subjectType: "deployment", subjectId: deployment.id } })).toBe(0);
  });

  it("tells the group's members once that the agenda is circulated", async () => {
    const meeting = await db().meeting.findFirstOrThrow({
      where: { partnershipId: database.demo.partnershipId, minutesStatus: "draft" },
      include: { group: { include: { members: true } } },
    });
    const chair = await ctxOf("coordinator");
    const at = new Date("2031-01-10T10:00:00Z");
    await circulateAgenda(chair, meeting.id, at);
    await circulateAgenda(chair, meeting.id, at);
    const rows = await db().notification.findMany({ where: { kind: "agenda-circulated", subjectId: meeting.id } });
    const expected = meeting.group.members.map((m) => m.userId).filter((id) => id !== chair.actor.id);
    expect(rows.map((n) => n.recipientId).sort()).toEqual(expected.sort());
  });

  it("tells the chair once that submitted minutes await approval, or every coordinator in a group without a chair", async () => {
    const meeting = await db().meeting.findFirstOrThrow({
      where: { partnershipId: database.demo.partnershipId, minutesStatus: "draft", group: { name: STEERING_GROUP } },
      include: { group: true },
    });
    const minuteTaker = await ctxOf("teacherFe");
    expect(meeting.group).toMatchObject({ chairId: user("coordinator"), minuteTakerId: minuteTaker.actor.id });
    const at = new Date("2031-01-11T10:00:00Z");
    await submitMinutes(minuteTaker, meeting.id, at);
    await submitMinutes(minuteTaker, meeting.id, at);
    const awaiting = () => told({ kind: "minutes-awaiting-approval" });
    const first = await awaiting();
    expect(first.map((n) => n.recipientId)).toEqual([user("coordinator")]);
    expect(first[0]).toMatchObject({ href: `/meetings/${meeting.id}`, subjectType: "meeting", subjectId: meeting.id });
    expect(first[0]!.title).toContain("waiting for your approval");

    await db().meetingGroup.update({ where: { id: meeting.groupId }, data: { chairId: null } });
    await submitMinutes(minuteTaker, meeting.id, new Date("2031-01-12T10:00:00Z"));
    const coordinators = await db().user.findMany({
      where: { partnershipId: database.demo.partnershipId, role: "coordinator", deactivatedAt: null },
    });
    const second = (await awaiting()).filter((n) => n.id !== first[0]!.id);
    expect(second.map((n) => n.recipientId).sort()).toEqual(coordinators.map((c) => c.id).sort());
  });
});
