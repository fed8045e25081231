// Days and weeks as a school in England counts them: the calendar day in Europe/London (the app has no per-partnership
// time zone), weeks from Monday. Lesson dates are stored as that day at midnight UTC; timestamps are real instants.
const UK_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

const UK_OFFSET = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "shortOffset" });

const DAY_MS = 86_400_000;

/** The UK calendar day of an instant, as "YYYY-MM-DD". */
export function ukDayOf(instant: Date): string {
  return UK_DAY.format(instant);
}

/** A "YYYY-MM-DD" day as lesson dates are stored (midnight UTC). */
export function lessonDateOf(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The day `count` days after `day` (before, when negative). */
export function addDays(day: string, count: number): string {
  return new Date(lessonDateOf(day).getTime() + count * DAY_MS).toISOString().slice(0, 10);
}

const UK_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" });

/** London's offset from UTC at an instant, in hours (0 in winter, 1 in summer). */
function ukOffsetHours(instant: Date): number {
  return Number(/GMT([+-]\d+)?/.exec(UK_OFFSET.format(instant))?.[1] ?? 0);
}

/**
 * The instant of a London wall-clock time ("YYYY-MM-DD", "HH:MM"), right on both sides of a clock change: the
 * offset is taken at the answer itself, not at the day's noon.
 */
export function ukInstant(day: string, time: string): Date {
  const asUtc = new Date(`${day}T${time}:00.000Z`).getTime();
  const first = asUtc - ukOffsetHours(new Date(asUtc)) * 3_600_000;
  return new Date(asUtc - ukOffsetHours(new Date(first)) * 3_600_000);
}

/** The London wall-clock time of an instant, "HH:MM". */
export function ukTimeOf(instant: Date): string {
  return UK_TIME.format(instant);
}

/** The instant a UK day starts (midnight in London: 00:00 GMT in winter, 23:00 UTC the day before in summer). */
function ukMidnight(day: string): Date {
  const noon = new Date(`${day}T12:00:00.000Z`);
  const offset = /GMT([+-]\d+)?/.exec(UK_OFFSET.format(noon))?.[1];
  return new Date(lessonDateOf(day).getTime() - Number(offset ?? 0) * 3_600_000);
}

export interface UkWeek {
  /** Today, and the Monday and Sunday of its week, as "YYYY-MM-DD". */
  today: string;
  monday: string;
  sunday: string;
  /** Monday 00:00 and the next Monday 00:00 in London, as instants (for timestamps such as createdAt). */
  startsAt: Date;
  endsAt: Date;
}

/** The Monday-to-Sunday week, in the UK, that `now` falls in. */
export function ukWeekOf(now: Date): UkWeek {
  const today = ukDayOf(now);
  const weekday = lessonDateOf(today).getUTCDay() || 7;
  const monday = addDays(today, 1 - weekday);
  return {
    today,
    monday,
    sunday: addDays(monday, 6),
    startsAt: ukMidnight(monday),
    endsAt: ukMidnight(addDays(monday, 7)),
  };
}
