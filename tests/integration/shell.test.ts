// The signed-in shell's facts from one statement, on SQLite and PostgreSQL: the member's names, whether they were
// ever deployed, their unread in-app notifications (read ones and email-only ones left out) and their account notices
// not yet dismissed.
import { describe, expect, it } from "vitest";
import { dismissAccountNotice, noticeAccountChange } from "~/models/account-notices.server";
import { db } from "~/models/db.server";
import { getShellFacts } from "~/models/shell.server";
import { PROVIDERS } from "../support/databases";
import { idOf, useModelDatabase } from "../support/model-database";

describe.each(PROVIDERS)("the shell of a signed-in page on %s", (provider) => {
  const database = useModelDatabase(provider);

  it("names the member, says whether they were deployed and counts their unread in-app notifications", async () => {
    const leader = idOf(database.demo.userIds, "leaderFe");
    const { partnershipId } = database.demo;
    const before = await getShellFacts(leader);
    const notify = (title: string, extra: { readAt?: Date; inApp?: boolean } = {}) =>
      db().notification.create({
        data: {
          partnershipId,
          recipientId: leader,
          kind: "test",
          title,
          href: "/home",
          subjectType: "test",
          subjectId: title,
          ...extra,
        },
      });
    await notify("unread one");
    await notify("unread two");
    await notify("read", { readAt: new Date() });
    await notify("email only", { inApp: false });

    const after = await getShellFacts(leader);
    expect(after).toMatchObject({
      name: "Gareth Lloyd",
      role: "leader",
      institutionName: "Ashbury College",
      partnershipName: (await db().partnership.findUniqueOrThrow({ where: { id: partnershipId } })).name,
      isDemo: true,
    });
    expect(after!.unreadNotifications).toBe(before!.unreadNotifications + 2);
    for (const member of [leader, idOf(database.demo.userIds, "lsa")]) {
      const deployed = await db().deployment.count({ where: { partnershipId, supporterId: member } });
      expect((await getShellFacts(member))!.hasDeployments).toBe(deployed > 0);
    }
    expect((await getShellFacts(idOf(database.demo.userIds, "lsa")))!.hasDeployments).toBe(true);
    expect(await getShellFacts("no-such-member")).toBeNull();
  });

  it("lists the member's own account notices until they dismiss them, and nobody else's", async () => {
    const { partnershipId } = database.demo;
    const member = idOf(database.demo.userIds, "teacherFe");
    const colleague = idOf(database.demo.userIds, "teacherDeaf");
    expect((await getShellFacts(member))!.accountNotices).toEqual([]);
    await noticeAccountChange({ id: member, partnershipId }, "password-changed", "Your password was changed.");
    await noticeAccountChange({ id: member, partnershipId }, "role-changed", "Your role is now Leader.");
    const shown = (await getShellFacts(member))!.accountNotices;
    expect(shown.map((n) => n.message).sort()).toEqual(["Your password was changed.", "Your role is now Leader."]);
    expect((await getShellFacts(colleague))!.accountNotices).toEqual([]);
    for (const notice of shown) await dismissAccountNotice(member, notice.id);
    expect((await getShellFacts(member))!.accountNotices).toEqual([]);
  });
});
