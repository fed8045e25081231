// Pieces the home pages share to name a lesson: its day relative to today, its status, where and when it is.
import { LESSON_STATUSES } from "~/lib/co-planning";
import { formatLongDay } from "~/lib/format";
import { addDays } from "~/lib/uk-calendar";

/** "Today, Tuesday 1 December 2026", "Tomorrow, ...", or the day alone. */
export function dayName(date: string | null, today: string): string {
  if (!date) return "No date set";
  const day = formatLongDay(date);
  if (date === today) return `Today, ${day}`;
  if (date === addDays(today, 1)) return `Tomorrow, ${day}`;
  return day;
}

export function LessonStatus({ status }: { status: string }) {
  return <span className={status === "draft" ? "badge badge--muted" : "badge"}>{LESSON_STATUSES.label(status)}</span>;
}

export interface LessonFacts {
  startTime: string;
  durationMinutes: number;
  course: string;
  group: string | null;
  site: string | null;
}

/** "13:15, 120 minutes · At Hollins Park Sports College · BTEC First Award in Sport · BTEC Sport (Tuesday)". */
export function lessonWhere(lesson: LessonFacts): string {
  return [
    lesson.startTime ? `${lesson.startTime}, ${lesson.durationMinutes} minutes` : `${lesson.durationMinutes} minutes`,
    lesson.site ? `At ${lesson.site}` : "Site not set",
    lesson.course,
    lesson.group,
  ]
    .filter(Boolean)
    .join(" · ");
}
