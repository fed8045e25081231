// Notifications across two processes on PostgreSQL and Redis, through the built server: an action assigned, or a
// mention made through the comments endpoint, on process B rings the bell (a socket event with the unread count) of
// the member connected to process A, once, and nobody else's; and the permission cells of every notification endpoint and socket event: a member's
// notifications are theirs alone (never read or marked by a colleague or another partnership), the outbox is the
// coordinator's, nothing without signing in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ukToday } from "~/lib/lesson-dates";
import { addDays } from "~/lib/uk-calendar";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { STEERING_GROUP } from "../../prisma/seed/meetings";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { redisUrl, seededDatabase, type SeededDatabase } from "../support/databases";
import { signedInClient } from "../support/http-client";
import { idOf } from "../support/model-database";
import { connectSocket, ping, type TestSocket } from "../support/socket-client";
import { waitFor } from "./collab/harness";

let a: AppProcess;
let b: AppProcess;
let store: Db;
let seeded: SeededDatabase;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  seeded = await seededDatabase("postgresql");
  store = createDb(seeded.url);
  const env = { NOTIFICATION_SCHEDULE_MINUTES: "0" };
  [a, b] = await Promise.all([
    startApp({ databaseUrl: seeded.url, redisUrl: redisUrl(), seedDemo: false, env }),
    startApp({ databaseUrl: seeded.url, redisUrl: redisUrl(), seedDemo: false, env }),
  ]);
}, 180_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await store?.$disconnect();
  await Promise.all([a?.stop(), b?.stop()]);
});

showServerOutputOnFailure(() => a, "process A");
showServerOutputOnFailure(() => b, "process B");

const signIn = (app: AppProcess, key: Parameters<typeof demoUser>[0], suffix = "") =>
  signedInClient(app.origin, demoUser(key).email + suffix, DEMO_PASSWORD);

/** Every "notifications:unread" a member's socket hears. */
async function bellOf(app: AppProcess, key: Parameters<typeof demoUser>[0], suffix = "") {
  return (await listenedBell(app, key, suffix)).heard;
}

async function listenedBell(app: AppProcess, key: Parameters<typeof demoUser>[0], suffix = "") {
  const socket = await connectSocket(app.origin, { cookie: (await signIn(app, key, suffix)).cookieHeader() });
  sockets.push(socket);
  const heard: number[] = [];
  socket.on("notifications:unread", ({ unread }) => heard.push(unread));
  return { socket, heard };
}

const unreadOf = (userId: string) =>
  store.notification.count({ where: { recipientId: userId, readAt: null, inApp: true } });

/** Schedules a steering group meeting on `app` as its chair; returns a way to record actions at it. */
async function meetingOn(app: AppProcess) {
  const chair = await signIn(app, "coordinator");
  const group = await store.meetingGroup.findFirstOrThrow({
    where: { partnershipId: seeded.demo.partnershipId, name: STEERING_GROUP },
  });
  const scheduled = await chair.post(`/meeting-groups/${group.id}`, {
    intent: "schedule",
    date: addDays(ukToday(), 40),
    startTime: "16:00",
    endTime: "17:00",
    siteId: "",
    onlineLink: "https://meet.example/steering",
  });
  expect(scheduled.status, scheduled.body.slice(0, 300)).toBe(302);
  return async function assignAction(ownerKey: string, description: string) {
    const recorded = await chair.post(scheduled.location!, {
      intent: "action",
      itemId: "",
      description,
      ownerId: idOf(seeded.demo.userIds, ownerKey),
      dueDate: addDays(ukToday(), 45),
    });
    expect(recorded.status, recorded.body.slice(0, 300)).toBe(200);
  };
}

describe("notifications across two processes", () => {
  it("an action assigned on process B rings the owner's bell on process A once, and no one else's", async () => {
    const owner = await bellOf(a, "teacher");
    const quiet = await Promise.all([listenedBell(a, "teacherFe"), listenedBell(a, "teacher", ".other")]);
    const before = await store.notification.count({
      where: { recipientId: idOf(seeded.demo.userIds, "teacher"), readAt: null, inApp: true },
    });
    const assignAction = await meetingOn(b);
    await assignAction("teacher", "Book the minibus for the festival");
    await waitFor(() => owner.length > 0, 10_000, "the bell");
    // A second action, assigned the same way after the first, arrives after anything the first could still send:
    // the bell then shows that the first rang exactly once.
    await assignAction("teacher", "Book the coach for the festival");
    await waitFor(() => owner.length > 1, 10_000, "the second ring");
    expect(owner).toEqual([before + 1, before + 2]);
    for (const { socket, heard } of quiet) {
      await ping(socket);
      expect(heard).toEqual([]);
    }
    const page = await (await signIn(a, "teacher")).get("/notifications?show=unread");
    expect(page.body).toContain("Book the minibus for the festival");
  }, 60_000); // five sign-ins and a meeting on two cold processes: over 30 s on a busy two-core machine

  it("a mention through the comments endpoint on process B rings the mentioned member's bell on process A once, and no one else's", async () => {
    const mentionedId = idOf(seeded.demo.userIds, "teacherDance");
    const mentioned = await listenedBell(a, "teacherDance");
    const quiet = await Promise.all([
      listenedBell(a, "teacher"), // the author
      listenedBell(a, "teacherFe"),
      listenedBell(a, "lsa"),
      listenedBell(a, "teacher", ".other"),
    ]);
    const before = await unreadOf(mentionedId);
    const rating = await store.strategyRating.findFirstOrThrow({
      where: { strategy: { partnershipId: seeded.demo.partnershipId } },
    });
    const { name } = await store.user.findUniqueOrThrow({ where: { id: mentionedId } });
    const author = await signIn(b, "teacher");
    const mention = async (body: string) => {
      const res = await author.post(`/comments/strategy-rating/${rating.id}.data`, {
        intent: "start",
        body: `@${name} ${body}`,
        mentionIds: mentionedId,
      });
      expect(res.status, res.body.slice(0, 300)).toBe(200);
    };
    await mention("did this work with your Year 9 dancers?");
    await waitFor(() => mentioned.heard.length > 0, 10_000, "the mentioned member's bell");
    // A second mention, sent the same way after the first, arrives after anything the first could still send: the
    // bell then shows that the first rang exactly once.
    await mention("and with Year 10?");
    await waitFor(() => mentioned.heard.length > 1, 10_000, "the second ring");
    expect(mentioned.heard).toEqual([before + 1, before + 2]);
    expect(await unreadOf(mentionedId)).toBe(before + 2);
    for (const { socket, heard } of quiet) {
      await ping(socket);
      expect(heard).toEqual([]);
    }
  });

  it("keeps each member's notifications to themselves: read, marked, counted", async () => {
    const teacherId = idOf(seeded.demo.userIds, "teacher");
    const mine = await store.notification.findFirstOrThrow({ where: { recipientId: teacherId, readAt: null } });
    const colleague = await signIn(b, "teacherFe");
    expect((await colleague.get("/notifications")).body).not.toContain(mine.title);
    const peek = await colleague.post("/notifications", { intent: "mark", notificationId: mine.id, read: "true" });
    expect(peek.status).toBe(404);
    await colleague.post("/notifications", { intent: "mark-all" });
    const stranger = await signIn(b, "teacher", ".other");
    expect(
      (await stranger.post("/notifications", { intent: "mark", notificationId: mine.id, read: "true" })).status,
    ).toBe(404);
    expect((await store.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();

    const bell = await bellOf(a, "teacher");
    const owner = await signIn(b, "teacher");
    expect((await owner.post("/notifications", { intent: "mark", notificationId: mine.id, read: "true" })).status).toBe(
      200,
    );
    expect((await store.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    await waitFor(() => bell.length > 0, 10_000, "the bell's new count");
    const unread = await store.notification.count({ where: { recipientId: teacherId, readAt: null, inApp: true } });
    expect(bell).toEqual([unread]);
  });

  it("shows the email outbox to the coordinator of the partnership only, and nothing without signing in", async () => {
    expect((await (await signIn(a, "teacher")).get("/notifications/outbox")).status).toBe(403);
    expect((await (await signIn(a, "lsa")).get("/notifications/outbox")).status).toBe(403);
    expect((await (await signIn(a, "coordinator")).get("/notifications/outbox")).status).toBe(200);
    await store.emailOutbox.create({
      data: {
        partnershipId: seeded.demo.partnershipId,
        recipientId: idOf(seeded.demo.userIds, "teacher"),
        toAddress: demoUser("teacher").email,
        kind: "mentioned",
        dedupeKey: "outbox-visibility",
        messageId: "<outbox-visibility@test>",
        subject: "Only for our coordinator",
        text: "",
        unsubscribeKinds: "mentioned",
      },
    });
    expect((await (await signIn(a, "coordinator")).get("/notifications/outbox")).body).toContain(
      "Only for our coordinator",
    );
    expect((await (await signIn(a, "coordinator", ".other")).get("/notifications/outbox")).body).not.toContain(
      "Only for our coordinator",
    );
    for (const path of ["/notifications", "/notifications/outbox"]) {
      const res = await fetch(a.url(path), { redirect: "manual" });
      expect(res.headers.get("location")).toMatch(/^\/login/);
    }
    const anonymous = await fetch(a.url("/account/notifications"), {
      method: "POST",
      redirect: "manual",
      headers: { origin: a.origin, "content-type": "application/x-www-form-urlencoded" },
      body: "inApp.mentioned=on",
    });
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });
});
