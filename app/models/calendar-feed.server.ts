// Each member's private calendar feed: a secret link (only its SHA-256 is stored) that calendar apps fetch without
// cookies, carrying the meetings of the member's groups and their deployments. Resetting the link makes a new
// secret and the old link answers 404 at once; making and resetting it are audited. Decision 020.
import { config } from "~/config.server";
import { generateToken, hashToken } from "~/lib/tokens.server";
import { addDays, lessonDateOf, ukDayOf } from "~/lib/uk-calendar";
import type { ActionContext } from "~/policies/actor";
import { auditAction } from "./audit.server";
import { calendarFile, DEPLOYMENT_EVENT, deploymentEvent, MEETING_EVENT, meetingEvent } from "./calendar-events.server";
import { db } from "./db.server";
import { reserveAttempt, type ThrottleRule } from "./throttle.server";

/** How far back the feed goes: last half-term's meetings stay in the calendar, older ones drop out. */
const FEED_PAST_DAYS = 60;
const FEED_MAX_EVENTS = 500;
const HOUR = 3_600_000;
/** Fetches of links that do not exist, per address: a calendar app retrying a reset link, not a guessing run. */
const MISSES_PER_ADDRESS: ThrottleRule = { maxFailures: 30, windowMs: HOUR, blockMs: HOUR };

/** The path of a feed: it ends in .ics because some calendar apps only subscribe to links that do. */
export const calendarFeedPath = (token: string) => `/calendar/${token}/staffroom.ics`;

/** Whether the member has a feed link, and since when (the link itself cannot be shown again). */
export async function getCalendarFeedStatus(userId: string) {
  return db().calendarFeed.findUnique({ where: { userId }, select: { createdAt: true } });
}

/** Makes the member's feed link, or a new one in place of the old: the secret is returned once, only its hash kept. */
export async function makeCalendarFeedLink(ctx: ActionContext, now = new Date()): Promise<string> {
  const token = generateToken(256);
  const { actor } = ctx;
  const existing = await db().calendarFeed.findUnique({ where: { userId: actor.id }, select: { userId: true } });
  const tokenHash = hashToken(token);
  await db().calendarFeed.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, partnershipId: actor.partnershipId, tokenHash, createdAt: now },
    update: { tokenHash, createdAt: now },
  });
  await auditAction(ctx, {
    action: existing ? "calendar-feed.reset" : "calendar-feed.created",
    subjectType: "user",
    subjectId: actor.id,
  });
  return token;
}

export type CalendarFeedOutcome = { ok: true; ics: string } | { ok: false; status: 404 | 429; retryAfterMs?: number };

/**
 * The feed behind a secret link, or why not: 404 for a link that does not exist (reset, or never made) or whose
 * member was deactivated; 429 when one link, or one address's wrong links, are fetched too often.
 */
export async function calendarFeedFor(
  token: string,
  request: { origin: string; clientIp: string },
  now = new Date(),
): Promise<CalendarFeedOutcome> {
  const feed = token
    ? await db().calendarFeed.findUnique({
        where: { tokenHash: hashToken(token) },
        select: {
          tokenHash: true,
          user: { select: { id: true, name: true, partnershipId: true, deactivatedAt: true } },
        },
      })
    : null;
  if (!feed || feed.user.deactivatedAt) {
    const miss = await reserveAttempt(`calendar-feed:miss:${request.clientIp}`, MISSES_PER_ADDRESS, now);
    return miss.reserved ? { ok: false, status: 404 } : { ok: false, status: 429, retryAfterMs: miss.retryAfterMs };
  }
  // Every fetch counts: a link shared too widely, or an app polling every minute, is slowed, not the server.
  const rule = { maxFailures: config().calendarFeedRequestsPerHour, windowMs: HOUR, blockMs: HOUR };
  const fetch = await reserveAttempt(`calendar-feed:link:${feed.tokenHash}`, rule, now);
  if (!fetch.reserved) return { ok: false, status: 429, retryAfterMs: fetch.retryAfterMs };
  const { user } = feed;
  const from = lessonDateOf(addDays(ukDayOf(now), -FEED_PAST_DAYS));
  const [meetings, deployments] = await Promise.all([
    db().meeting.findMany({
      where: {
        partnershipId: user.partnershipId,
        startsAt: { gte: from },
        group: { members: { some: { userId: user.id } } },
      },
      orderBy: { startsAt: "asc" },
      take: FEED_MAX_EVENTS,
      select: MEETING_EVENT,
    }),
    db().deployment.findMany({
      where: { partnershipId: user.partnershipId, supporterId: user.id, lessonPlan: { lessonDate: { gte: from } } },
      orderBy: { lessonPlan: { lessonDate: "asc" } },
      take: FEED_MAX_EVENTS,
      select: DEPLOYMENT_EVENT,
    }),
  ]);
  const events = [
    ...meetings.map((m) => meetingEvent(m, request.origin)),
    ...deployments.map((d) => deploymentEvent(d, request.origin)).filter((e) => e !== null),
  ];
  return { ok: true, ics: calendarFile(`Staffroom: ${user.name}`, events, 1) };
}
