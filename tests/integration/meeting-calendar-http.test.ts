// Calendars through the real built server, on SQLite and PostgreSQL, read back with ical.js: a meeting's .ics has
// the right instants on both sides of the October clock change and only the meeting's viewers get it; moving and
// cancelling a meeting (field messages for bad input, the chair only) raise its SEQUENCE, mark it cancelled and
// tell members; a member's private feed needs no cookie, holds their groups' meetings and, for an LSA, their
// deployments without students' names, refuses a reset link with 404 and a link fetched too often with 429.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ukToday } from "~/lib/lesson-dates";
import { addDays } from "~/lib/uk-calendar";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { STEERING_GROUP } from "../../prisma/seed/meetings";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { PROVIDERS, seededDatabase } from "../support/databases";
import { HttpClient, signedInClient } from "../support/http-client";

const today = ukToday();
const FEED_FETCHES_PER_HOUR = 6;

interface ParsedEvent {
  uid: string;
  start: Date;
  end: Date;
  sequence: number;
  status: string;
  summary: string;
  description: string;
  location: string;
  startZone: string;
}

/** The events of a calendar file as a calendar app reads them (the VTIMEZONE decides the instants). */
function eventsOf(ics: string): Map<string, ParsedEvent> {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = new Map<string, ParsedEvent>();
  for (const component of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(component);
    events.set(event.uid, {
      uid: event.uid,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue("status") ?? ""),
      summary: event.summary,
      description: event.description ?? "",
      location: event.location ?? "",
      startZone: event.startDate.zone?.tzid ?? "",
    });
  }
  return events;
}

describe.each(PROVIDERS)("meeting calendars over HTTP on %s", (provider) => {
  let app: AppProcess;
  let store: Db;
  let groupId: string;
  let partnershipId: string;
  const users = new Map<string, string>();

  beforeAll(async () => {
    const { url, demo } = await seededDatabase(provider);
    store = createDb(url);
    partnershipId = demo.partnershipId;
    for (const [key, id] of demo.userIds) users.set(key, id);
    groupId = (await store.meetingGroup.findFirstOrThrow({ where: { partnershipId, name: STEERING_GROUP } })).id;
    app = await startApp({
      databaseUrl: url,
      seedDemo: false,
      env: { CALENDAR_FEED_REQUESTS_PER_HOUR: String(FEED_FETCHES_PER_HOUR) },
    });
  }, 180_000);

  afterAll(async () => {
    await store?.$disconnect();
    await app?.stop();
  });

  showServerOutputOnFailure(() => app);

  const signIn = (key: Parameters<typeof demoUser>[0], suffix = "") =>
    signedInClient(app.origin, demoUser(key).email + suffix, DEMO_PASSWORD);

  async function schedule(date: string, startTime = "16:00", endTime = "17:30", group = groupId) {
    const chair = await signIn("coordinator");
    const res = await chair.post(`/meeting-groups/${group}`, {
      intent: "schedule",
      date,
      startTime,
      endTime,
      siteId: "",
      onlineLink: "https://meet.example/steering",
    });
    expect(res.status, res.body.slice(0, 300)).toBe(302);
    return res.location!.split("/").pop()!;
  }

  async function calendarOf(client: HttpClient, meetingId: string) {
    const res = await client.get(`/meetings/${meetingId}/calendar.ics`);
    expect(res.status, res.body.slice(0, 300)).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    return { text: res.body, event: eventsOf(res.body).get(`meeting-${meetingId}@staffroom`)! };
  }

  /** Makes (or resets) the member's feed link on the account page and returns it. */
  async function feedLink(client: HttpClient) {
    const res = await client.post("/account/calendar-feed", { intent: "calendar-feed" });
    expect(res.status, res.body.slice(0, 300)).toBe(200);
    const link = /value="(http[^"]+\/calendar\/[A-Za-z0-9_-]+\/staffroom\.ics)"/.exec(res.body)?.[1];
    expect(link, "the new link on the page").toBeTruthy();
    return new URL(link!).pathname;
  }

  /** A calendar app's fetch: no cookie, no Origin. */
  const subscribe = (path: string) =>
    new HttpClient(app.origin).get(path, { cookies: false, headers: { accept: "*/*" } });

  it("writes Europe/London times with a VTIMEZONE, right on both sides of the October clock change", async () => {
    const summer = await schedule("2026-10-22");
    const winter = await schedule("2026-10-29");
    const member = await signIn("teacher");
    const before = await calendarOf(member, summer);
    expect(before.text).toContain("BEGIN:VTIMEZONE");
    expect(before.text).toContain("DTSTART;TZID=Europe/London:20261022T160000");
    expect(before.event.startZone).toBe("Europe/London");
    expect(before.event.start.toISOString()).toBe("2026-10-22T15:00:00.000Z");
    expect(before.event.end.toISOString()).toBe("2026-10-22T16:30:00.000Z");
    const after = await calendarOf(member, winter);
    expect(after.event.start.toISOString()).toBe("2026-10-29T16:00:00.000Z");
    expect(after.event.end.toISOString()).toBe("2026-10-29T17:30:00.000Z");
    expect(before.event.summary).toBe(STEERING_GROUP);
    expect(before.event.location).toBe("https://meet.example/steering");
    expect(before.event.description).toContain("1. Apologies");
    expect(before.event.description).toContain(`${app.origin}/meetings/${summer}`);
    expect((await calendarOf(member, summer)).event.uid, "the same UID every time").toBe(before.event.uid);
  });

  it("gives the file only to those who may see the meeting", async () => {
    const meetingId = await schedule(addDays(today, 20));
    const notAMember = await signIn("leaderFe");
    // The steering group is open to the partnership: a non-member knows it meets, but not this meeting yet.
    const refused = await notAMember.get(`/meetings/${meetingId}/calendar.ics`);
    expect(refused.status).toBe(403);
    expect(refused.body).not.toContain("BEGIN:VCALENDAR");
    const stranger = await signIn("coordinator", ".other");
    expect((await stranger.get(`/meetings/${meetingId}/calendar.ics`)).status).toBe(404);
    const signedOut = await new HttpClient(app.origin).get(`/meetings/${meetingId}/calendar.ics`);
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toContain("/login");
  });

  it("moves a meeting: bad input beside the field, the chair only, SEQUENCE up and members told", async () => {
    const meetingId = await schedule(addDays(today, 21));
    const chair = await signIn("coordinator");
    const move = (client: HttpClient, fields: Record<string, string>) =>
      client.post(`/meetings/${meetingId}`, {
        intent: "move",
        date: addDays(today, 28),
        startTime: "15:30",
        endTime: "17:00",
        siteId: "",
        onlineLink: "https://meet.example/steering",
        ...fields,
      });
    const backwards = await move(chair, { startTime: "17:00", endTime: "16:00" });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toContain("The meeting must end after it starts: check the end time.");
    const past = await move(chair, { date: addDays(today, -3) });
    expect(past.status).toBe(400);
    expect(past.body).toContain("That date has passed: choose today or a later day.");
    expect((await move(await signIn("teacher"), {})).status, "a member who does not chair").toBe(403);

    const moved = await move(chair, {});
    expect(moved.status, moved.body.slice(0, 300)).toBe(200);
    const { event } = await calendarOf(chair, meetingId);
    expect(event.sequence).toBe(1);
    expect(event.start.toISOString()).toBe(
      (await store.meeting.findUniqueOrThrow({ where: { id: meetingId } })).startsAt.toISOString(),
    );
    const told = await store.notification.findMany({ where: { kind: "meeting-moved", subjectId: meetingId } });
    expect(told.map((n) => n.recipientId)).toContain(users.get("teacher"));
    expect(
      told.map((n) => n.recipientId),
      "never the one who moved it",
    ).not.toContain(users.get("coordinator"));
  });

  it("cancels a meeting: shown cancelled, STATUS:CANCELLED in the file, gone from the next meetings", async () => {
    const meetingId = await schedule(addDays(today, 1));
    const member = await signIn("teacher");
    expect((await member.get("/meeting-groups")).body).toContain(`/meetings/${meetingId}`);
    expect((await member.post(`/meetings/${meetingId}`, { intent: "cancel", reason: "" })).status).toBe(403);
    const chair = await signIn("coordinator");
    const cancelled = await chair.post(`/meetings/${meetingId}`, { intent: "cancel", reason: "Exam week." });
    expect(cancelled.status, cancelled.body.slice(0, 300)).toBe(200);

    const { event } = await calendarOf(member, meetingId);
    expect(event.status).toBe("CANCELLED");
    expect(event.sequence).toBe(1);
    const page = await member.get(`/meetings/${meetingId}`);
    expect(page.body).toContain("This meeting is cancelled.");
    expect(page.body).toContain("Exam week.");
    expect((await member.get("/meeting-groups")).body).not.toContain(`/meetings/${meetingId}`);
    expect((await member.get("/home")).body).not.toContain(`/meetings/${meetingId}`);
    expect(await store.notification.count({ where: { kind: "meeting-cancelled", subjectId: meetingId } })).toBe(
      (await store.meetingGroupMember.count({ where: { groupId } })) - 1,
    );
    const again = await chair.post(`/meetings/${meetingId}`, { intent: "cancel", reason: "" });
    expect(again.status, "a cancelled meeting is not cancelled or moved again").toBe(403);
  });

  it("serves the private feed without a cookie: the member's meetings only, and an LSA's deployments", async () => {
    const otherGroup = await (async () => {
      const chair = await signIn("coordinator");
      const res = await chair.post("/meeting-groups", {
        intent: "create",
        name: "Deaf access working party",
        purpose: "",
        "memberIds[0]": users.get("lsaDeaf")!,
        "memberIds[1]": users.get("coordinator")!,
        chairId: users.get("coordinator")!,
        minuteTakerId: users.get("lsaDeaf")!,
      });
      expect(res.status, res.body.slice(0, 300)).toBe(302);
      return res.location!.split("/").pop()!;
    })();
    const theirs = await schedule(addDays(today, 9), "10:00", "11:00", otherGroup);
    const ours = await schedule(addDays(today, 10));

    const teacher = await signIn("teacher");
    expect((await teacher.get(`/meetings/${theirs}/calendar.ics`)).status, "a closed group's meeting").toBe(404);
    const teacherFeed = await subscribe(await feedLink(teacher));
    expect(teacherFeed.status).toBe(200);
    expect(teacherFeed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const teacherEvents = eventsOf(teacherFeed.body);
    expect(teacherEvents.has(`meeting-${ours}@staffroom`)).toBe(true);
    expect(teacherEvents.has(`meeting-${theirs}@staffroom`), "a group the teacher is not in").toBe(false);

    const lsaId = users.get("lsaDeaf")!;
    const lsaFeed = eventsOf((await subscribe(await feedLink(await signIn("lsaDeaf")))).body);
    expect(lsaFeed.has(`meeting-${theirs}@staffroom`)).toBe(true);
    expect(lsaFeed.has(`meeting-${ours}@staffroom`)).toBe(false);
    const deployments = await store.deployment.findMany({
      where: {
        supporterId: lsaId,
        lessonPlan: { lessonDate: { gte: new Date(`${addDays(today, -59)}T00:00:00.000Z`) } },
      },
      include: { students: { include: { student: true } }, lessonPlan: { include: { group: true } } },
    });
    expect(deployments.length, "the seed deploys Aisha to recent lessons and lessons to come").toBeGreaterThan(0);
    for (const deployment of deployments) {
      const event = lsaFeed.get(`deployment-${deployment.id}@staffroom`);
      expect(event, deployment.id).toBeTruthy();
      expect(event!.summary).toContain(deployment.lessonPlan.group!.name);
      for (const { student } of deployment.students) {
        const text = JSON.stringify([...lsaFeed.values()]);
        expect(text).not.toContain(student.firstName);
        expect(text).not.toContain(student.lastName);
      }
    }
  });

  it("refuses a reset link with 404, audits making and resetting, and slows a link fetched too often", async () => {
    const member = await signIn("teacherDance");
    const first = await feedLink(member);
    expect((await subscribe(first)).status).toBe(200);
    const second = await feedLink(member);
    expect(second).not.toBe(first);
    const old = await subscribe(first);
    expect(old.status).toBe(404);
    expect(old.body).not.toContain("BEGIN:VCALENDAR");
    expect((await subscribe(second)).status).toBe(200);
    const stored = await store.calendarFeed.findUniqueOrThrow({ where: { userId: users.get("teacherDance")! } });
    expect(second, "only the hash is stored").not.toContain(stored.tokenHash);
    const audit = await store.auditEvent.findMany({
      where: { partnershipId, actorId: users.get("teacherDance")!, action: { startsWith: "calendar-feed." } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["calendar-feed.created", "calendar-feed.reset"]);
    expect((await new HttpClient(app.origin).get("/account")).status, "the account page needs a session").toBe(302);

    const statuses: number[] = [];
    for (let i = 0; i < FEED_FETCHES_PER_HOUR; i++) statuses.push((await subscribe(second)).status);
    const slowed = await subscribe(second);
    expect(statuses.filter((s) => s === 200).length).toBe(FEED_FETCHES_PER_HOUR - 1);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
