// Meetings and LSA deployments as iCalendar events (RFC 5545), written by ical-generator with a VTIMEZONE for
// Europe/London (timezones-ical-library), and one meeting as a downloadable .ics file. Decision 020.
import ical, { ICalEventStatus, type ICalEventData } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { weekdayOf } from "~/lib/lesson-dates";
import { ukInstant } from "~/lib/uk-calendar";
import { plainDate, zonedDateTime } from "~/lib/zoned-time";
import type { Actor } from "~/policies/actor";
import { canDownloadMeetingEvent } from "~/policies/meeting";
import { db } from "./db.server";
import { allow, requireMeeting } from "./meeting-facts.server";

const TIME_ZONE = "Europe/London";
const london = (instant: Date) => zonedDateTime(instant, TIME_ZONE);
const PLACE = { select: { name: true, town: true } } as const;
type Place = { name: string; town: string };
const placeOf = (site: Place) => (site.town ? `${site.name}, ${site.town}` : site.name);

/** What a meeting's event needs, read the same way for the single file and the feed. */
export const MEETING_EVENT = {
  id: true,
  startsAt: true,
  endsAt: true,
  onlineLink: true,
  calendarSequence: true,
  cancelledAt: true,
  cancelReason: true,
  createdAt: true,
  updatedAt: true,
  site: PLACE,
  group: { select: { name: true } },
  items: { where: { status: "accepted" }, orderBy: { position: "asc" }, select: { title: true } },
} as const;

interface MeetingEventRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  onlineLink: string;
  calendarSequence: number;
  cancelledAt: Date | null;
  cancelReason: string;
  createdAt: Date;
  updatedAt: Date;
  site: Place | null;
  group: { name: string };
  items: Array<{ title: string }>;
}

/**
 * One meeting: the UID never changes, so a calendar replaces its copy when the meeting moves or is cancelled
 * (the SEQUENCE rises each time); the description lists the agenda and links back to the meeting's page.
 */
export function meetingEvent(meeting: MeetingEventRow, origin: string): ICalEventData {
  const page = `${origin}/meetings/${meeting.id}`;
  const cancelled = meeting.cancelledAt !== null;
  const description = [
    cancelled ? `Cancelled.${meeting.cancelReason ? ` ${meeting.cancelReason}` : ""}` : "",
    meeting.items.length > 0 ? `Agenda:\n${meeting.items.map((item, i) => `${i + 1}. ${item.title}`).join("\n")}` : "",
    meeting.onlineLink ? `Join online: ${meeting.onlineLink}` : "",
    `In Staffroom: ${page}`,
  ];
  return {
    id: `meeting-${meeting.id}@staffroom`,
    sequence: meeting.calendarSequence,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    start: london(meeting.startsAt),
    end: london(meeting.endsAt),
    timezone: TIME_ZONE,
    summary: `${cancelled ? "Cancelled: " : ""}${meeting.group.name}`,
    location: meeting.site ? placeOf(meeting.site) : meeting.onlineLink || null,
    description: description.filter(Boolean).join("\n\n"),
    url: page,
    created: meeting.createdAt,
    lastModified: meeting.updatedAt,
  };
}

/** What a deployment's event needs: the lesson's date, time and place, never its students. */
export const DEPLOYMENT_EVENT = {
  id: true,
  supporterRole: true,
  updatedAt: true,
  lessonPlan: {
    select: {
      updatedAt: true,
      lessonDate: true,
      startTime: true,
      durationMinutes: true,
      course: { select: { title: true } },
      group: {
        select: {
          name: true,
          site: PLACE,
          sessions: { select: { dayOfWeek: true, startTime: true, endTime: true, site: PLACE } },
        },
      },
    },
  },
} as const;

interface DeploymentEventRow {
  id: string;
  supporterRole: string;
  updatedAt: Date;
  lessonPlan: {
    updatedAt: Date;
    lessonDate: Date | null;
    startTime: string;
    durationMinutes: number;
    course: { title: string };
    group: {
      name: string;
      site: Place;
      sessions: Array<{ dayOfWeek: number; startTime: string; endTime: string; site: Place }>;
    } | null;
  };
}

const SUPPORT_LABELS: Record<string, string> = {
  lsa: "LSA support",
  hlta: "HLTA support",
  csw: "Communication support",
  interpreter: "BSL interpreting",
  lipspeaker: "Lipspeaking",
  notetaker: "Notetaking",
};

/** Seconds from here to a deployment's last change: a SEQUENCE that rises whenever its lesson or its role changes. */
const SEQUENCE_EPOCH = Date.UTC(2026, 0, 1);

/**
 * One deployment, on the lesson's date: at the plan's start time (else its group's session that weekday) for the
 * plan's length, at that session's site (else the group's). No time known: an all-day event. Null: no date yet.
 */
export function deploymentEvent(deployment: DeploymentEventRow, origin: string): ICalEventData | null {
  const plan = deployment.lessonPlan;
  if (!plan.lessonDate) return null;
  const day = plan.lessonDate.toISOString().slice(0, 10);
  const session = plan.group?.sessions.find((s) => s.dayOfWeek === weekdayOf(day));
  const site = session?.site ?? plan.group?.site;
  const label = SUPPORT_LABELS[deployment.supporterRole] ?? "Support";
  const startTime = plan.startTime || session?.startTime;
  const startsAt = startTime ? ukInstant(day, startTime) : null;
  const endsAt = startsAt ? new Date(startsAt.getTime() + plan.durationMinutes * 60_000) : null;
  const page = `${origin}/deployments/${deployment.id}`;
  const changed = Math.max(deployment.updatedAt.getTime(), plan.updatedAt.getTime());
  return {
    id: `deployment-${deployment.id}@staffroom`,
    // A lesson moved to another day or time must replace the copy calendars hold, as a moved meeting does.
    sequence: Math.max(0, Math.floor((changed - SEQUENCE_EPOCH) / 1000)),
    ...(startsAt && endsAt
      ? { start: london(startsAt), end: london(endsAt), timezone: TIME_ZONE }
      : { start: plainDate(day), allDay: true }),
    summary: [`${label}: ${plan.group?.name ?? plan.course.title}`, site?.name].filter(Boolean).join(", "),
    location: site ? placeOf(site) : null,
    description: `${plan.course.title}\n\nYour briefing in Staffroom: ${page}`,
    url: page,
    lastModified: new Date(changed),
  };
}

function vtimezoneOf(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) ? (block[0] ?? null) : null;
}

/** A calendar file of events; `refreshHours` tells subscribing apps how often to fetch it again. */
export function calendarFile(name: string, events: ICalEventData[], refreshHours?: number): string {
  const calendar = ical({
    name,
    prodId: { company: "Staffroom", product: "Staffroom", language: "EN" },
    // No calendar-wide zone: with one, ical-generator writes DTSTAMP in local time; each event names its own.
    timezone: { name: null, generator: vtimezoneOf },
    ttl: refreshHours ? refreshHours * 3600 : null,
  });
  calendar.x("X-WR-TIMEZONE", TIME_ZONE);
  for (const event of events) calendar.createEvent(event);
  return calendar.toString();
}

/** One meeting as an .ics file, for whoever may see the meeting. */
export async function getMeetingCalendar(actor: Actor, meetingId: string, origin: string) {
  const facts = await requireMeeting(actor, meetingId);
  allow(canDownloadMeetingEvent(actor, facts), "Only the group's members can add this meeting to their calendar.");
  const meeting = await db().meeting.findFirstOrThrow({ where: { id: facts.id }, select: MEETING_EVENT });
  return { id: meeting.id, ics: calendarFile(meeting.group.name, [meetingEvent(meeting, origin)]) };
}
