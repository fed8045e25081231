// The outbox survives a crash: the server is killed (SIGKILL) while the SMTP server holds a message it has not yet
// accepted; after a restart every due email reaches the SMTP server exactly once (the interrupted one when its
// lease runs out, with the same Message-ID), and every row ends "sent".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb, useDatabase } from "~/models/db.server";
import { saveDeliveryChoices } from "~/models/notification-preferences.server";
import { notify } from "~/models/notifications.server";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase, type SeededDatabase } from "../support/databases";
import { idOf } from "../support/model-database";
import { useProcessEnv } from "../support/process-env";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { waitFor } from "./collab/harness";

const MAIL_ENV = { PUBLIC_URL: "http://staffroom.test", UNSUBSCRIBE_KEY: "b".repeat(64) };
useProcessEnv(MAIL_ENV);
const RECIPIENTS = ["teacher", "teacherFe", "teacherDance", "teacherDeaf", "teacherSpecial", "lsa"] as const;

let smtp: TestSmtpServer;
let seeded: SeededDatabase;
const apps: AppProcess[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  seeded = await seededDatabase("sqlite");
  await useDatabase(seeded.url);
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.kill()));
  await smtp?.close();
  await disconnectDb();
});

showServerOutputOnFailure(() => apps.at(-1));

const start = async () => {
  const app = await startApp({
    databaseUrl: seeded.url,
    seedDemo: false,
    env: {
      ...MAIL_ENV,
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: "200",
      MAIL_LEASE_SECONDS: "2",
      NOTIFICATION_SCHEDULE_MINUTES: "0",
    },
  });
  apps.push(app);
  return app;
};

describe("the email outbox across a crash", () => {
  it("sends every due email exactly once after the server is killed mid-send and restarted", async () => {
    for (const key of RECIPIENTS) {
      await saveDeliveryChoices(idOf(seeded.demo.userIds, key), [
        { kind: "mentioned", inApp: true, email: "immediate" },
      ]);
      await notify({
        partnershipId: seeded.demo.partnershipId,
        kind: "mentioned",
        recipientIds: [idOf(seeded.demo.userIds, key)],
        actorId: idOf(seeded.demo.userIds, "coordinator"),
        title: `Helen Okafor mentioned you (${key})`,
        href: "/plans/p1",
        subjectType: "comment",
        subjectId: `comment-${key}`,
        dedupeKey: `mention:${key}`,
      });
    }
    const due = await db().emailOutbox.findMany({ select: { messageId: true } });
    expect(due).toHaveLength(RECIPIENTS.length);

    // The third message's data reaches the SMTP server, which has not answered when the process dies.
    const held = smtp.holdNext(2);
    const first = await start();
    await held;
    await first.kill();
    // The SMTP server must see the client gone before it answers, or it would count the held message accepted.
    await smtp.heldClientGone();
    smtp.release();
    expect(smtp.accepted).toHaveLength(2);
    expect(await db().emailOutbox.count({ where: { status: "sending" } })).toBe(1);

    await start();
    await waitFor(() => smtp.accepted.length >= RECIPIENTS.length, 60_000, "every email");
    // Every row sent: none can be claimed again, so anything sent twice has come by now.
    await waitFor(
      async () => (await db().emailOutbox.count({ where: { status: { not: "sent" } } })) === 0,
      60_000,
      "every row sent",
    );
    const ids = smtp.accepted.map((mail) => mail.messageId).sort();
    expect(ids).toEqual(due.map((row) => row.messageId).sort());
    expect(await db().emailOutbox.count({ where: { status: "sent" } })).toBe(RECIPIENTS.length);
  }, 240_000);
});
