// School days and times as a group's timetable stores and shows them.
export const SCHOOL_DAYS = [
  { value: 1, label: "Monday" },
  { value: 2, label: "Tuesday" },
  { value: 3, label: "Wednesday" },
  { value: 4, label: "Thursday" },
  { value: 5, label: "Friday" },
] as const;

export function dayLabel(day: number): string {
  return SCHOOL_DAYS.find((d) => d.value === day)?.label ?? `Day ${day}`;
}

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
