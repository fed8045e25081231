// Schema of the form that adds or edits a student.
import { z } from "zod";
import { textField } from "./fields";
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
