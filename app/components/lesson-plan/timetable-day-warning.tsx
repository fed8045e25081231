// The warning beside a lesson's date when its group does not meet on that weekday; shown as the date or group is
// picked, and kept polite (a status, not an alert): the date may be right, for a trip or an exam.
import { Notice } from "~/components/ui/notice";
import { timetableDayWarning } from "~/lib/lesson-dates";

export function TimetableDayWarning({
  date,
  group,
}: {
  date: string | undefined;
  group: { name: string; days: readonly number[] } | undefined;
}) {
  const warning = date && group ? timetableDayWarning(date, group) : null;
  return warning ? (
    <Notice tone="warning">
      <p>{warning}</p>
    </Notice>
  ) : null;
}
