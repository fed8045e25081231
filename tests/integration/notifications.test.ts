// notify(): one row per recipient per event, never to the actor, never across partnerships, once per dedupe key;
// deleting the record a notification is about deletes the notification.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { deleteNotificationsAbout, notify, type NotificationInput } from "~/models/notifications.server";
import { PROVIDERS } from "../support/databases";
import { idOf, useModelDatabase } from "../support/model-database";

describe.each(PROVIDERS)("notifications on %s", (provider) => {
  const database = useModelDatabase(provider);
  const demo = (key: string) => idOf(database.demo.userIds, key);

  const event = (overrides: Partial<NotificationInput> = {}): NotificationInput => ({
    partnershipId: database.demo.partnershipId,
    kind: "mentioned",
    recipientIds: [demo("teacher"), demo("coordinator")],
    actorId: demo("coordinator"),
    title: "Helen Okafor mentioned you",
    href: "/plans/p1",
    subjectType: "comment",
    subjectId: `c-${provider}`,
    ...overrides,
  });

  it("tells each recipient once, never the actor, never a member of another partnership", async () => {
    const stranger = idOf(database.other.userIds, "teacher");
    const notified = await notify(
      event({ recipientIds: [demo("teacher"), demo("teacher"), demo("coordinator"), stranger] }),
    );
    expect(notified).toEqual([demo("teacher")]);
    const rows = await db().notification.findMany({ where: { subjectId: `c-${provider}` } });
    expect(rows.map((row) => row.recipientId)).toEqual([demo("teacher")]);
  });

  it("writes one notification per dedupe key, however often the event is posted", async () => {
    const again = event({ subjectId: `d-${provider}`, dedupeKey: `mention:d-${provider}` });
    expect(await notify(again)).toEqual([demo("teacher")]);
    expect(await notify(again)).toEqual([]);
    expect(await db().notification.count({ where: { subjectId: `d-${provider}` } })).toBe(1);
  });

  it("deletes the notifications about a record that is deleted", async () => {
    await notify(event({ subjectId: `e-${provider}` }));
    await deleteNotificationsAbout("comment", [`e-${provider}`]);
    expect(await db().notification.count({ where: { subjectId: `e-${provider}` } })).toBe(0);
  });
});
