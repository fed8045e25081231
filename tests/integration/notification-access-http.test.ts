// Losing access hides the comments too, at once (issue 17), through the built server on SQLite and PostgreSQL: an LSA
// mentioned in a comment on a plan she supports keeps the notification after her deployment is removed, but the
// notifications page no longer shows the comment's words, nor what it was on, nor a link; the daily digest built
// afterwards, received by a real SMTP server, leaves it out; and the unread count still matches the list.
import { beforeAll, describe, expect, it } from "vitest";
import { ukToday } from "~/lib/lesson-dates";
import { addDays, ukInstant } from "~/lib/uk-calendar";
import { LESSON_PLAN_DOCUMENT } from "~/models/document-owners.server";
import { db } from "~/models/db.server";
import { queueDailyDigests } from "~/models/notification-digest.server";
import { DEMO_PASSWORD, demoUser, type DemoUserKey } from "../../prisma/seed-data";
import type { AppProcess } from "../support/app-process";
import { PROVIDERS, type SeededDatabase } from "../support/databases";
import { signedInClient } from "../support/http-client";
import { idOf } from "../support/model-database";
import { useMailApp } from "../support/mail-app";
import type { TestSmtpServer } from "../support/smtp-server";
import { waitFor } from "./collab/harness";

const SECRET = "Maya needs the hearing loop for the starter";

describe.each(PROVIDERS)("a comment's notification after access is lost, on %s", (provider) => {
  // This process builds the digest as the server would: useMailApp gives it the same address and key.
  const mail = useMailApp(provider, "b".repeat(64));
  let smtp: TestSmtpServer;
  let app: AppProcess;
  let seeded: SeededDatabase;
  beforeAll(() => ({ smtp, app, seeded } = mail()));

  const signIn = (key: DemoUserKey) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);

  it("hides the comment's words, subject and link from the page and the digest once the LSA's deployment goes", async () => {
    const lsaId = idOf(seeded.demo.userIds, "lsa");
    const lsaName = demoUser("lsa").name;
    // A plan she supports once, so removing that deployment takes the plan out of her reach.
    const deployments = await db().deployment.findMany({ where: { supporterId: lsaId } });
    const deployment = deployments.find(
      (d) => deployments.filter((o) => o.lessonPlanId === d.lessonPlanId).length === 1,
    )!;
    const plan = await db().lessonPlan.findUniqueOrThrow({ where: { id: deployment.lessonPlanId } });
    const document = await db().collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: plan.id } },
    });

    const teacher = await signIn("teacher");
    const started = await teacher.post(`/comments/document/${document.id}.data`, {
      intent: "start",
      body: `@${lsaName} ${SECRET}?`,
      mentionIds: lsaId,
      part: "root",
      anchorStart: "AQ==",
      anchorEnd: "AQ==",
      quote: "warm-up",
    });
    expect(started.status, started.body.slice(0, 300)).toBe(200);

    const lsa = await signIn("lsa");
    const before = await lsa.get("/notifications");
    expect(before.body).toContain(SECRET);
    expect(before.body).toContain("mentioned you on");

    const removed = await teacher.post(`/plans/${plan.id}`, {
      intent: "remove-deployment",
      deploymentId: deployment.id,
    });
    expect(removed.status, removed.body.slice(0, 300)).toBe(200);

    const after = await lsa.get("/notifications");
    expect(after.status).toBe(200);
    expect(after.body).not.toContain(SECRET);
    expect(after.body).not.toContain("mentioned you on");
    expect(after.body).not.toContain(`thread=`);
    expect(after.body).toContain("A mention in something you can no longer open");
    // Hidden, not left out: the count, the list and "mark all as read" agree.
    const unread = await db().notification.count({ where: { recipientId: lsaId, inApp: true, readAt: null } });
    expect(after.body).toMatch(new RegExp(`Unread \\((<!-- -->)?${unread}(<!-- -->)?\\)`));
    const unreadPage = (await lsa.get("/notifications?show=unread")).body;
    expect(unreadPage).toContain(`${unread} notification${unread === 1 ? "" : "s"} unread.`);
    expect(unreadPage).toContain("A mention in something you can no longer open");

    // Her removal is still news for the digest; the comment is not.
    expect(await queueDailyDigests(ukInstant(addDays(ukToday(), 1), "08:00"))).toBeGreaterThanOrEqual(1);
    const digestsTo = (email: string) => smtp.accepted.filter((m) => JSON.stringify(m.to).includes(email));
    await waitFor(() => digestsTo(demoUser("lsa").email).length > 0, 20_000, "the digest");
    await waitFor(
      async () => (await db().emailOutbox.count({ where: { status: { not: "sent" } } })) === 0,
      20_000,
      "the outbox sent",
    );
    const digests = digestsTo(demoUser("lsa").email);
    expect(digests).toHaveLength(1);
    const text = digests[0]!.text ?? "";
    expect(text).toContain("Your deployment is removed");
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("mentioned you");
    expect(text).not.toContain(`thread=`);
    const waiting = await db().notification.count({
      where: { recipientId: lsaId, emailDigest: true, digestedAt: null },
    });
    expect(waiting).toBe(0);
  });
});
