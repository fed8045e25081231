// Schemas of the lesson-plan forms: create, the plan's details (one intent each), status, differentiation, resources, duplicate, delete.
import { z } from "zod";
import { lessonDateProblem, ukToday } from "../lesson-dates";
import { dateField, textField } from "./fields";
import { LESSON_STATUSES, NEED_AREAS } from "../co-planning";

const id = (message: string) => textField({ required_error: message }).trim().min(1, message).max(64, message);
const optionalId = textField().trim().max(64).default("");

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

const title = textField({ required_error: "Give the lesson a title." })
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(120, "Use at most 120 characters.");
// The lesson's own window (lesson-dates.ts), with the words the plan page uses, rather than the general years.
const lessonDate = dateField("Choose the date of the lesson.", undefined, (value, now) =>
  lessonDateProblem(value, ukToday(now)),
);
const startTime = textField()
  .trim()
  .regex(TIME_OF_DAY, "Enter the start time as hours and minutes, for example 09:15.")
  .or(z.literal(""))
  .default("");
const durationMinutes = z.coerce
  .number({ invalid_type_error: "Enter the length of the lesson in minutes." })
  .int("Use whole minutes.")
  .min(10, "A lesson lasts at least 10 minutes.")
  .max(300, "A lesson lasts at most 300 minutes.")
  .default(60);

const lessonPlanDetails = {
  title,
  unitId: optionalId,
  groupId: optionalId,
  lessonDate,
  startTime,
  durationMinutes,
};

export const newLessonPlanSchema = z.object(lessonPlanDetails);
export type LessonPlanDetailsInput = z.infer<typeof newLessonPlanSchema>;

export const planDetailsSchema = z.object({ intent: z.literal("details"), ...lessonPlanDetails });

export const statusSchema = z.object({
  intent: z.literal("status"),
  status: z.enum(LESSON_STATUSES.codes, { required_error: "Choose a status.", invalid_type_error: "Choose a status." }),
});

export const differentiationSchema = z
  .object({
    intent: z.literal("add-differentiation"),
    studentId: optionalId,
    needArea: z.enum(["", ...NEED_AREAS.codes]).default(""),
    note: textField({ required_error: "Say how the lesson adapts." })
      .trim()
      .min(3, "Say how the lesson adapts, in a sentence or two.")
      .max(2000, "Use at most 2,000 characters."),
  })
  .superRefine((value, ctx) => {
    if (!value.studentId && !value.needArea)
      ctx.addIssue({ code: "custom", path: ["studentId"], message: "Choose a student or a need area." });
    if (value.studentId && value.needArea)
      ctx.addIssue({ code: "custom", path: ["needArea"], message: "Choose a student or a need area, not both." });
  });

export const removeDifferentiationSchema = z.object({
  intent: z.literal("remove-differentiation"),
  noteId: id("Choose a note."),
});
export const unlinkStrategySchema = z.object({
  intent: z.literal("unlink-strategy"),
  strategyId: id("Choose a strategy."),
});

export const linkResourceSchema = z.object({
  intent: z.literal("add-link"),
  title: textField({ required_error: "Give the link a title." })
    .trim()
    .min(2, "Use at least 2 characters.")
    .max(120, "Use at most 120 characters."),
  url: textField({ required_error: "Enter the web address." })
    .trim()
    .max(2000, "Use at most 2,000 characters.")
    .url("Enter a full web address, starting https://")
    .refine((value) => /^https?:\/\//i.test(value), "Only web addresses starting http:// or https:// can be linked."),
});

export const removeResourceSchema = z.object({
  intent: z.literal("remove-resource"),
  resourceId: id("Choose a resource."),
});

export const duplicateLessonPlanSchema = z.object({ title, groupId: optionalId, lessonDate, startTime });
