// What time brings, with an explicit clock: an action due tomorrow, an overdue action and a briefing not read the
// day before the lesson are each told once to the right member, however often the job runs.
import { describe, expect, it } from "vitest";
import { addDays, lessonDateOf, ukDayOf, ukInstant } from "~/lib/uk-calendar";
import { db } from "~/models/db.server";
import { notifyWhatIsDue } from "~/models/notification-schedule.server";
import { PROVIDERS } from "../support/databases";
import { idOf, useModelDatabase } from "../support/model-database";

describe.each(PROVIDERS)("scheduled notifications on %s", (provider) => {
  const database = useModelDatabase(provider);
  const user = (key: string) => idOf(database.demo.userIds, key);
  // A school day far from the seed's dates, at 09:00 in London.
  const today = "2031-03-12";
  const now = ukInstant(today, "09:00");

  it("tells the owner of an action due tomorrow, and again (once) when it is overdue", async () => {
    const meeting = await db().meeting.findFirstOrThrow({ where: { partnershipId: database.demo.partnershipId } });
    const action = await db().meetingAction.create({
      data: {
        partnershipId: meeting.partnershipId,
        groupId: meeting.groupId,
        meetingId: meeting.id,
        description: `Order the bibs (${provider})`,
        ownerId: user("teacher"),
        dueDate: addDays(today, 1),
      },
    });
    const mine = { recipientId: user("teacher"), subjectId: action.id };
    await notifyWhatIsDue(now);
    await notifyWhatIsDue(now);
    expect(await db().notification.findMany({ where: mine, select: { kind: true } })).toEqual([
      { kind: "action-due-tomorrow" },
    ]);

    const twoDaysLater = ukInstant(addDays(today, 2), "09:00");
    await notifyWhatIsDue(twoDaysLater);
    await notifyWhatIsDue(ukInstant(addDays(today, 3), "09:00"));
    const kinds = (await db().notification.findMany({ where: mine, select: { kind: true } })).map((n) => n.kind);
    expect(kinds.sort()).toEqual(["action-due-tomorrow", "action-overdue"]);

    await db().meetingAction.update({ where: { id: action.id }, data: { status: "done" } });
    await notifyWhatIsDue(ukInstant(addDays(today, 4), "09:00"));
    expect(await db().notification.count({ where: mine })).toBe(2);
  });

  it("tells the supporter the day before the lesson that their briefing is unread, once, and not once read", async () => {
    const deployment = await db().deployment.findFirstOrThrow({
      where: { partnershipId: database.demo.partnershipId, briefedAt: { not: null } },
    });
    await db().lessonPlan.update({
      where: { id: deployment.lessonPlanId },
      data: { lessonDate: lessonDateOf(addDays(today, 1)) },
    });
    await db().deployment.update({ where: { id: deployment.id }, data: { readAt: null } });
    await notifyWhatIsDue(now);
    await notifyWhatIsDue(ukInstant(today, "17:00"));
    const told = await db().notification.findMany({ where: { kind: "briefing-unread", subjectId: deployment.id } });
    expect(told.map((n) => n.recipientId)).toEqual([deployment.supporterId]);
    expect(ukDayOf(now)).toBe(today);

    await db().deployment.update({ where: { id: deployment.id }, data: { readAt: now } });
    await db().notification.deleteMany({ where: { kind: "briefing-unread", subjectId: deployment.id } });
    await notifyWhatIsDue(now);
    expect(await db().notification.count({ where: { kind: "briefing-unread", subjectId: deployment.id } })).toBe(0);
  });
});
