// An email written at once for a mention waits while the SMTP server is away; if its reader loses access to what it
// quotes meanwhile (her deployment is removed), or leaves the partnership, the sender withdraws it instead of sending
// the comment's words: on SQLite, with the real mail sender and a real SMTP server. A colleague who still may read
// the plan gets the same mention.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { db } from "~/models/db.server";
import { LESSON_PLAN_DOCUMENT } from "~/models/document-owners.server";
import { saveDeliveryChoices } from "~/models/notification-preferences.server";
import { notify } from "~/models/notifications.server";
import { startMailSender } from "../../server/ops/mail-sender";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { idOf, useModelDatabase } from "../support/model-database";
import { waitFor } from "./collab/harness";

const SECRET = "Maya needs the hearing loop for the starter";

describe("an immediate email whose reader lost access while it waited", () => {
  const database = useModelDatabase("sqlite");
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it("is withdrawn with its reason, and the mention still reaches the colleague who may read the plan", async () => {
    const lsaId = idOf(database.demo.userIds, "lsa");
    const teacherFeId = idOf(database.demo.userIds, "teacherFe");
    const teacherId = idOf(database.demo.userIds, "teacher");
    const deployments = await db().deployment.findMany({ where: { supporterId: lsaId } });
    const deployment = deployments.find(
      (d) => deployments.filter((o) => o.lessonPlanId === d.lessonPlanId).length === 1,
    )!;
    const plan = await db().lessonPlan.findUniqueOrThrow({ where: { id: deployment.lessonPlanId } });
    const document = await db().collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: plan.id } },
    });
    for (const member of [lsaId, teacherFeId]) {
      await saveDeliveryChoices(member, [{ kind: "mentioned", inApp: true, email: "immediate" }]);
    }
    // The colleague may read every plan of the partnership; the LSA only those she supports.
    await notify({
      partnershipId: database.demo.partnershipId,
      kind: "mentioned",
      recipientIds: [lsaId, teacherFeId],
      actorId: teacherId,
      title: `Sarah Whitfield mentioned you on ${plan.title}`,
      body: SECRET,
      href: `/plans/${plan.id}`,
      subjectType: "document",
      subjectId: document.id,
      dedupeKey: `withdrawal-test:${document.id}`,
    });
    const queued = await db().emailOutbox.findMany({ where: { kind: "mentioned", status: "pending" } });
    expect(queued.map((e) => e.recipientId).sort()).toEqual([lsaId, teacherFeId].sort());
    expect(queued.every((e) => e.text.includes(SECRET))).toBe(true);

    // While the email waits, her deployment on that plan is removed.
    await db().deployment.delete({ where: { id: deployment.id } });

    const sender = startMailSender({ ...config(), smtpUrl: smtp.url, mailPollMs: 200 });
    try {
      await waitFor(
        async () => (await db().emailOutbox.count({ where: { kind: "mentioned", status: "pending" } })) === 0,
        20_000,
        "the outbox handled",
      );
    } finally {
      await sender.stop();
    }
    const lsaEmail = await db().emailOutbox.findFirstOrThrow({ where: { recipientId: lsaId, kind: "mentioned" } });
    expect(lsaEmail).toMatchObject({
      status: "withdrawn",
      lastError: "The recipient can no longer open what it quotes.",
    });
    const colleagueEmail = await db().emailOutbox.findFirstOrThrow({
      where: { recipientId: teacherFeId, kind: "mentioned" },
    });
    expect(colleagueEmail.status).toBe("sent");
    const sent = smtp.accepted.map((m) => ({ to: JSON.stringify(m.to), text: m.text ?? "" }));
    const lsaAddress = (await db().user.findUniqueOrThrow({ where: { id: lsaId } })).email;
    expect(sent.filter((m) => m.to.includes(lsaAddress))).toEqual([]);
    expect(sent.some((m) => m.text.includes(SECRET))).toBe(true);
  });

  it("is withdrawn when its reader's account was closed before it went", async () => {
    const readerId = idOf(database.demo.userIds, "teacherFe");
    await saveDeliveryChoices(readerId, [{ kind: "action-assigned", inApp: true, email: "immediate" }]);
    await notify({
      partnershipId: database.demo.partnershipId,
      kind: "action-assigned",
      recipientIds: [readerId],
      actorId: idOf(database.demo.userIds, "coordinator"),
      title: "Helen Okafor gave you an action: book the sports hall",
      href: "/actions",
      subjectType: "action",
      subjectId: "withdrawal-test-action",
      dedupeKey: "withdrawal-test-action",
    });
    await db().user.update({ where: { id: readerId }, data: { deactivatedAt: new Date() } });
    const sender = startMailSender({ ...config(), smtpUrl: smtp.url, mailPollMs: 200 });
    try {
      await waitFor(
        async () => (await db().emailOutbox.count({ where: { kind: "action-assigned", status: "pending" } })) === 0,
        20_000,
        "the outbox handled",
      );
    } finally {
      await sender.stop();
    }
    const email = await db().emailOutbox.findFirstOrThrow({
      where: { recipientId: readerId, kind: "action-assigned" },
    });
    expect(email).toMatchObject({ status: "withdrawn", lastError: "The recipient's account is closed." });
    expect(smtp.accepted.some((m) => (m.subject ?? "").includes("book the sports hall"))).toBe(false);
  });
});
