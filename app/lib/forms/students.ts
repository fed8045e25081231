// Schemas of the student forms: adding or editing a student, marking them as left, the retention period.
import { z } from "zod";
import { ukToday } from "../lesson-dates";
import { dateField, textField } from "./fields";
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from "./labels";
import { COMMUNICATION_MODES, NEED_AREAS, SEN_STATUSES, YEAR_GROUPS } from "../co-planning";

const name = (what: string) =>
  textField({ required_error: `Enter the student's ${what}.` })
    .trim()
    .min(1, `Enter the student's ${what}.`)
    .max(60, "Use at most 60 characters.");

export const studentSchema = z
  .object({
    firstName: name("first name"),
    lastName: name("last name"),
    homeInstitutionId: textField({ required_error: "Choose the student's home institution." })
      .trim()
      .min(1, "Choose the student's home institution.")
      .max(64),
    yearGroup: z.coerce
      .number({ required_error: "Choose a year group.", invalid_type_error: "Choose a year group." })
      .int()
      .refine((year) => (YEAR_GROUPS as readonly number[]).includes(year), "Choose a year group."),
    senStatus: z.enum(SEN_STATUSES.codes, { errorMap: () => ({ message: "Choose the SEN status." }) }).default("none"),
    needAreas: z
      .array(z.enum(NEED_AREAS.codes, { errorMap: () => ({ message: "Choose from the listed areas of need." }) }))
      .max(4)
      .default([]),
    communicationMode: z
      .enum(COMMUNICATION_MODES.codes, { errorMap: () => ({ message: "Choose a communication mode." }) })
      .default(""),
    atRisk: z.boolean({ invalid_type_error: "Tick the box or leave it empty." }).default(false),
    notes: textField().trim().max(500, "Keep notes short: at most 500 characters.").default(""),
  })
  .superRefine((value, ctx) => {
    if (value.senStatus !== "none" && value.needAreas.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["needAreas"],
        message: "Choose at least one broad area of need for a student on SEN support or with an EHC plan.",
      });
    }
  });

export type StudentInput = z.infer<typeof studentSchema>;

/** Marking a student as left: the leaving date, today or earlier (a leaver is someone who has gone). */
export const studentLeftSchema = z.object({
  leftOn: dateField("Enter the date the student left.", undefined, (value, now) =>
    value > ukToday(now)
      ? "Enter today's date or an earlier one: a student is marked as left once they have gone."
      : null,
  ),
});

export const studentRetentionSchema = z.object({
  years: z.coerce
    .number({ required_error: "Enter a number of years.", invalid_type_error: "Enter a number of years." })
    .int("Enter a whole number of years.")
    .min(MIN_RETENTION_YEARS, `Keep records for at least ${MIN_RETENTION_YEARS} year.`)
    .max(MAX_RETENTION_YEARS, `Keep records for at most ${MAX_RETENTION_YEARS} years.`),
});
