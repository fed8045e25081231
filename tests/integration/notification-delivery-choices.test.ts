// Each member's choice per kind, on SQLite: in Staffroom only, by email at once only, both, or neither. The bell and the
// notifications page show only what was chosen for Staffroom; an email is queued only when chosen at once, and the
// daily digest takes only those chosen for it.
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { countUnreadNotifications } from "~/models/notification-count.server";
import { listNotifications } from "~/models/notification-inbox.server";
import { saveDeliveryChoices } from "~/models/notification-preferences.server";
import { notify } from "~/models/notifications.server";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

describe("delivery choices per kind", () => {
  const database = useModelDatabase("sqlite");

  it("tells a member in Staffroom, by email, both or neither, as they chose for that kind", async () => {
    const member = await actorOf(idOf(database.demo.userIds, "teacherFe"));
    const actorId = idOf(database.demo.userIds, "coordinator");
    const CHOICES = [
      { kind: "mentioned", inApp: true, email: "off", bell: true, emailed: false, digest: false },
      { kind: "thread-reply", inApp: false, email: "immediate", bell: false, emailed: true, digest: false },
      { kind: "plan-comment", inApp: true, email: "immediate", bell: true, emailed: true, digest: false },
      { kind: "action-assigned", inApp: false, email: "off", bell: false, emailed: false, digest: false },
      { kind: "action-overdue", inApp: true, email: "digest", bell: true, emailed: false, digest: true },
    ] as const;
    await saveDeliveryChoices(
      member.id,
      CHOICES.map(({ kind, inApp, email }) => ({ kind, inApp, email })),
    );
    const unreadBefore = await countUnreadNotifications(member.id);
    for (const choice of CHOICES) {
      const subjectId = `choice-${choice.kind}`;
      await notify({
        partnershipId: member.partnershipId,
        kind: choice.kind,
        recipientIds: [member.id],
        actorId,
        title: `About ${choice.kind}`,
        href: "/home",
        subjectType: "comment",
        subjectId,
        dedupeKey: subjectId,
      });
      const row = await db().notification.findFirst({ where: { recipientId: member.id, subjectId } });
      expect({ kind: choice.kind, bell: row?.inApp ?? false, digest: row?.emailDigest ?? false }).toEqual({
        kind: choice.kind,
        bell: choice.bell,
        digest: choice.digest,
      });
      const emails = await db().emailOutbox.count({ where: { recipientId: member.id, kind: choice.kind } });
      expect({ kind: choice.kind, emails }).toEqual({ kind: choice.kind, emails: choice.emailed ? 1 : 0 });
    }
    const shown = await listNotifications(member, { filter: "unread", page: 1 });
    const titles = shown.notifications.map((n) => n.title);
    for (const choice of CHOICES) expect(titles.includes(`About ${choice.kind}`), choice.kind).toBe(choice.bell);
    expect(await countUnreadNotifications(member.id)).toBe(unreadBefore + CHOICES.filter((c) => c.bell).length);
  });
});
