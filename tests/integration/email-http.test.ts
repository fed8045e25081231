// Email, for real, through the built server and a real SMTP server the test starts: a notification a member asked
// to hear of at once arrives once, with its one-click unsubscribe link and headers (RFC 8058); the link works
// without signing in and stops that kind of email; the daily digest groups a day's items by kind, once.
import { beforeAll, describe, expect, it } from "vitest";
import { ukToday } from "~/lib/lesson-dates";
import { addDays, ukInstant } from "~/lib/uk-calendar";
import { db } from "~/models/db.server";
import { queueDailyDigests } from "~/models/notification-digest.server";
import { notify, type NotificationInput } from "~/models/notifications.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import type { AppProcess } from "../support/app-process";
import type { SeededDatabase } from "../support/databases";
import { signedInClient } from "../support/http-client";
import { idOf } from "../support/model-database";
import { useMailApp } from "../support/mail-app";
import type { TestSmtpServer } from "../support/smtp-server";
import { waitFor } from "./collab/harness";

// This process writes notifications (and their emails' links) as the server does: useMailApp gives it the same
// address and key.
const mail = useMailApp("sqlite", "a".repeat(64));
let smtp: TestSmtpServer;
let app: AppProcess;
let seeded: SeededDatabase;
beforeAll(() => ({ smtp, app, seeded } = mail()));
const user = (key: string) => idOf(seeded.demo.userIds, key);

const event = (overrides: Partial<NotificationInput>): NotificationInput => ({
  partnershipId: seeded.demo.partnershipId,
  kind: "action-assigned",
  recipientIds: [user("teacher")],
  actorId: user("coordinator"),
  title: "An action for you: book the minibus",
  href: "/actions",
  subjectType: "meeting-action",
  subjectId: "action-1",
  ...overrides,
});

const mailTo = (email: string) => smtp.accepted.filter((m) => m.to && JSON.stringify(m.to).includes(email));
/**
 * Waits until every outbox row is marked sent. A sent row is never claimed again and each email has one row (its
 * dedupe key), so no copy can still be on its way: what the SMTP server holds then is all it will get.
 */
const outboxSent = () =>
  waitFor(
    async () => (await db().emailOutbox.count({ where: { status: { not: "sent" } } })) === 0,
    20_000,
    "the outbox sent",
  );
const header = (mail: (typeof smtp.accepted)[number], name: string) =>
  mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "") ?? "";

describe("email through SMTP", () => {
  let unsubscribeLink = "";

  it("sends a notification the member asked for at once, once, with its unsubscribe link and headers", async () => {
    const teacher = await signedInClient(app.origin, demoUser("teacher").email, DEMO_PASSWORD);
    const saved = await teacher.post("/account/notifications", {
      "inApp.action-assigned": "on",
      "email.action-assigned": "immediate",
    });
    expect(saved.location).toMatch(/^\/account\?notifications=saved/);

    const once = event({ dedupeKey: "action-assigned:action-1" });
    expect(await notify(once)).toEqual([user("teacher")]);
    expect(await notify(once)).toEqual([]);
    await waitFor(() => mailTo(demoUser("teacher").email).length > 0, 20_000, "the email");
    await outboxSent();
    const mails = mailTo(demoUser("teacher").email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe("An action for you: book the minibus");
    expect(mail.text).toContain("http://staffroom.test/actions");
    const row = await db().emailOutbox.findFirstOrThrow({ where: { recipientId: user("teacher") } });
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    expect(mail.messageId).toBe(row.messageId);
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    unsubscribeLink = /<(http:\/\/staffroom\.test\/unsubscribe\/[^>]+)>/.exec(header(mail, "list-unsubscribe"))![1]!;
    expect(mail.text).toContain(unsubscribeLink);
  });

  it("unsubscribes in one click without signing in, from that kind of email only", async () => {
    const path = new URL(unsubscribeLink).pathname;
    const page = await fetch(app.url(path));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("An action is assigned to you");

    // As a mail provider sends it (RFC 8058): no cookie, no Origin.
    const oneClick = await fetch(app.url(path), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    const choice = await db().notificationPreference.findUniqueOrThrow({
      where: { userId_kind: { userId: user("teacher"), kind: "action-assigned" } },
    });
    expect(choice).toMatchObject({ inApp: true, email: "off" });

    const before = await db().emailOutbox.count();
    expect(await notify(event({ dedupeKey: "action-assigned:action-2", subjectId: "action-2" }))).toHaveLength(1);
    expect(await db().emailOutbox.count()).toBe(before);

    const forged = path.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await fetch(app.url(forged), { method: "POST", body: "List-Unsubscribe=One-Click" })).status).toBe(404);
    expect((await fetch(app.url(forged))).status).toBe(404);
  });

  it("groups a day's notifications by kind in one digest, queued once however often the job runs", async () => {
    const fe = user("teacherFe");
    for (const [kind, title] of [
      ["action-assigned", "Action: order the bibs"],
      ["action-assigned", "Action: book the hall"],
      ["agenda-circulated", "The agenda of the steering group has been circulated"],
    ] as const) {
      await notify(event({ kind, title, recipientIds: [fe], subjectId: title, dedupeKey: title }));
    }
    const morning = ukInstant(addDays(ukToday(), 1), "08:00");
    expect(await queueDailyDigests(ukInstant(addDays(ukToday(), 1), "06:00"))).toBe(0);
    expect(await queueDailyDigests(morning)).toBeGreaterThanOrEqual(1);
    expect(await queueDailyDigests(morning)).toBe(0);

    const email = demoUser("teacherFe").email;
    await waitFor(() => mailTo(email).length > 0, 20_000, "the digest");
    await outboxSent();
    const digests = mailTo(email);
    expect(digests).toHaveLength(1);
    const text = digests[0]!.text ?? "";
    expect(digests[0]!.subject).toContain("3 things for you");
    expect(text).toContain("An action is assigned to you\n- Action: order the bibs");
    expect(text).toContain("- Action: book the hall");
    expect(text).toContain("A meeting's agenda is circulated\n- The agenda of the steering group has been circulated");
    expect(header(digests[0]!, "list-unsubscribe")).toMatch(/^<http:\/\/staffroom\.test\/unsubscribe\//);
  });
});
