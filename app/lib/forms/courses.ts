// Schemas of the forms that create and edit courses, units, co-planners and teaching groups.
import { z } from "zod";
import { textField } from "./fields";
import { COURSE_KINDS, KEY_STAGES, SUBJECTS } from "../co-planning";
import { TIME_PATTERN } from "../timetable";

const id = (message: string) => textField({ required_error: message }).trim().min(1, message).max(64, message);
const ids = z.array(textField().trim().min(1).max(64)).max(50, "Choose at most 50.").default([]);

const courseDetails = {
  title: textField({ required_error: "Enter the course title." })
    .trim()
    .min(3, "Use at least 3 characters.")
    .max(120, "Use at most 120 characters."),
  kind: z.enum(COURSE_KINDS.codes, {
    errorMap: () => ({ message: "Choose whether it is a qualification or an adapted module." }),
  }),
  qualification: textField().trim().max(120, "Use at most 120 characters.").default(""),
  subject: z.enum(SUBJECTS.codes, { errorMap: () => ({ message: "Choose a subject." }) }),
  keyStage: z.enum(KEY_STAGES.codes, { errorMap: () => ({ message: "Choose a key stage." }) }),
  leadInstitutionId: id("Choose the lead institution."),
  siteIds: z
    .array(textField().trim().min(1).max(64), { required_error: "Choose at least one delivery site." })
    .min(1, "Choose at least one delivery site.")
    .max(20),
  summary: textField().trim().max(1000, "Use at most 1,000 characters.").default(""),
};

function requireQualification<T extends { kind: string; qualification: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.kind === "qualification" && !value.qualification) {
    ctx.addIssue({
      code: "custom",
      path: ["qualification"],
      message: "Name the qualification, for example BTEC First Award in Sport.",
    });
  }
}

export const newCourseSchema = z
  .object({
    ...courseDetails,
    units: textField()
      .max(4000, "Use at most 4,000 characters.")
      .default("")
      .transform((text) =>
        text
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .refine((lines) => lines.length <= 30, "Add at most 30 units here; add more later.")
      .refine((lines) => lines.every((line) => line.length <= 120), "Keep each unit title to 120 characters."),
    plannerIds: ids,
  })
  .superRefine(requireQualification);

export const courseDetailsSchema = z
  .object({ intent: z.literal("details"), ...courseDetails })
  .superRefine(requireQualification);

const unitTitle = textField({ required_error: "Enter the unit title." })
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(120, "Use at most 120 characters.");

export const addUnitSchema = z.object({ intent: z.literal("add-unit"), title: unitTitle });
export const renameUnitSchema = z.object({
  intent: z.literal("rename-unit"),
  unitId: id("Choose a unit."),
  title: unitTitle,
});
export const addPlannerSchema = z.object({ intent: z.literal("add-planner"), userId: id("Choose a colleague.") });

const groupDetailsSchema = z.object({
  name: textField({ required_error: "Name the group." })
    .trim()
    .min(2, "Use at least 2 characters.")
    .max(80, "Use at most 80 characters."),
  siteId: id("Choose the site where the group meets."),
  academicYear: textField()
    .trim()
    .regex(/^(\d{4}-\d{2})?$/, "Write the academic year like 2025-26.")
    .default(""),
});

export const newGroupSchema = groupDetailsSchema;
export const editGroupSchema = groupDetailsSchema.extend({ intent: z.literal("details") });

export const addSessionSchema = z
  .object({
    intent: z.literal("add-session"),
    dayOfWeek: z.coerce
      .number({ required_error: "Choose a day.", invalid_type_error: "Choose a day." })
      .int()
      .min(1, "Choose a school day.")
      .max(5, "Choose a school day."),
    startTime: textField({ required_error: "Enter the start time." }).regex(TIME_PATTERN, "Enter a time like 13:30."),
    endTime: textField({ required_error: "Enter the end time." }).regex(TIME_PATTERN, "Enter a time like 15:00."),
    siteId: id("Choose the site."),
    confirmClash: z.boolean().default(false),
  })
  .refine((s) => s.endTime > s.startTime, { path: ["endTime"], message: "The session must end after it starts." });

export const transportSchema = z.object({
  intent: z.literal("transport"),
  institutionId: id("Choose the institution the students travel from."),
  note: textField().trim().max(500, "Use at most 500 characters.").default(""),
});

export const groupTeacherSchema = z.object({
  intent: z.literal("add-teacher"),
  userId: id("Choose a colleague."),
  confirmClash: z.boolean().default(false),
});
export const groupStudentsSchema = z.object({
  intent: z.literal("add-students"),
  studentIds: z
    .array(textField().trim().min(1).max(64), { required_error: "Choose at least one student." })
    .min(1, "Choose at least one student.")
    .max(60),
});
