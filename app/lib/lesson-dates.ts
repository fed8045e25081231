// Whether a lesson's date makes sense: inside the window a partnership plans in, and on a day its group meets.
// Pure, so the forms can warn as the date is picked and the server can refuse or warn with the same words.
import { dayLabel } from "./timetable";

/** Today's date in the UK, "YYYY-MM-DD": the calendar the partnership's lessons are dated in. */
export function ukToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** "YYYY-MM-DD" of a date as stored for lessons (midnight UTC). */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The dates a lesson may have, seen from `today` ("YYYY-MM-DD"). From 1 September of last academic year, so a
 * teacher can still record and evaluate last year's lessons (and duplicate them) but a mistyped year (1999, 2062)
 * is caught; up to two years ahead, which covers a two-year course planned from its start. A fixed window rather
 * than a course's own years: courses carry no academic year, and a group's is optional free text.
 */
export function lessonDateWindow(today: string): { earliest: string; latest: string } {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const academicYearStart = month >= 9 ? year : year - 1;
  const latest = new Date(`${today}T00:00:00.000Z`);
  latest.setUTCFullYear(latest.getUTCFullYear() + 2);
  return { earliest: `${academicYearStart - 1}-09-01`, latest: isoDay(latest) };
}

/** Why `date` ("YYYY-MM-DD") cannot be a lesson's date, or null when it can. */
export function lessonDateProblem(date: string, today: string): string | null {
  const { earliest, latest } = lessonDateWindow(today);
  const long = (day: string) =>
    new Date(`${day}T00:00:00.000Z`).toLocaleDateString("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
  if (date < earliest)
    return `Choose a date from ${long(earliest)}: lessons before last academic year are not planned here.`;
  if (date > latest) return `Choose a date before ${long(latest)}: lessons are planned at most two years ahead.`;
  return null;
}

/** The ISO weekday (1 Monday ... 7 Sunday) of "YYYY-MM-DD". */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * A warning when the date is not one of the days the group meets, e.g. "Year 10 Sport meets on Tuesdays; this date
 * is a Wednesday." Only a warning: a lesson can move for a trip, an exam or a catch-up session. Null when the group
 * has no timetable yet (nothing to check against) or the day matches.
 */
export function timetableDayWarning(date: string, group: { name: string; days: readonly number[] }): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || group.days.length === 0) return null;
  const weekday = weekdayOf(date);
  if (Number.isNaN(weekday) || group.days.includes(weekday)) return null;
  const days = [...new Set(group.days)].sort((a, b) => a - b).map((d) => `${dayLabel(d)}s`);
  const listed = days.length > 1 ? `${days.slice(0, -1).join(", ")} and ${days.at(-1)}` : days[0];
  return `${group.name} meets on ${listed}; this date is a ${WEEKDAYS[weekday - 1]}.`;
}
