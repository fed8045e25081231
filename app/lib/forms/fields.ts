// Field types every form schema builds on. Text refuses control characters: PostgreSQL refuses a NUL outright, and
// the others are invisible, so they only arrive by accident (pasted) or by attack; tabs and line breaks are fine.
// A date is a real calendar date (not 31 February) within a range a school plans in.
import { z } from "zod";

// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
export const CONTROL_CHARACTERS_MESSAGE =
  "Remove the invisible control characters (they can come with pasted text), then try again.";

/** A string field; chain .trim(), .min() and .max() as on z.string(). */
export function textField(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).regex(NO_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** How far back and ahead a date may be, in years from this one: lessons are planned a few terms ahead. */
const YEARS_BACK = 10;
const YEARS_AHEAD = 5;

/** True when "YYYY-MM-DD" names a day that exists (Date would turn 31 February into 3 March). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A "YYYY-MM-DD" date, as a date input sends it: a real day, within YEARS_BACK and YEARS_AHEAD of today. */
export function dateField(
  requiredMessage: string,
  now: () => Date = () => new Date(),
  /** A narrower rule of the form's own (a lesson's window), in place of the years either side of today. */
  outOfRange?: (value: string, now: Date) => string | null,
) {
  return textField({ required_error: requiredMessage })
    .trim()
    .regex(ISO_DATE, "Enter the date as day, month and year.")
    .refine(isCalendarDate, "Enter a date that exists, for example 28 February rather than 31 February.")
    .superRefine((value, ctx) => {
      if (outOfRange) {
        const problem = outOfRange(value, now());
        if (problem) ctx.addIssue({ code: "custom", message: problem });
        return;
      }
      const thisYear = now().getUTCFullYear();
      const [first, last] = [thisYear - YEARS_BACK, thisYear + YEARS_AHEAD];
      const year = Number(value.slice(0, 4));
      if (year < first || year > last)
        ctx.addIssue({ code: "custom", message: `Enter a date between ${first} and ${last}.` });
    });
}
