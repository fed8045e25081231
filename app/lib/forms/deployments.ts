// Schemas of the LSA deployment forms: deploy a supporter in a lesson (with the
// briefing), change the briefing, and the supporter's own feedback.
import { z } from "zod";
import { textField } from "./fields";
import { DEPLOYMENT_MODES, LESSON_PHASES, SUPPORTER_ROLES } from "../co-planning";

const id = (message: string) => textField({ required_error: message }).trim().min(1, message).max(64, message);
const needToKnow = (missing: string) =>
  textField({ required_error: missing }).trim().min(3, missing).max(2000, "Use at most 2,000 characters.");
const optionalText = textField().trim().max(2000, "Use at most 2,000 characters.").default("");

/** The EEF's four need-to-knows and how the supporter will build independence. */
const briefingFields = {
  concepts: needToKnow("Say which concepts are being taught."),
  skills: needToKnow("Say which skills the students are practising."),
  outcomes: needToKnow("Say what the students should achieve by the end."),
  feedbackExpected: needToKnow("Say what feedback you want after the lesson."),
  independence: needToKnow(
    "Say how they will build independence (prompt before clue, clue before model, model before correct).",
  ),
};

export const deploySchema = z.object({
  intent: z.literal("deploy"),
  supporterId: id("Choose who is supporting."),
  supporterRole: z.enum(SUPPORTER_ROLES.codes, {
    required_error: "Choose their role in this lesson.",
    invalid_type_error: "Choose their role in this lesson.",
  }),
  phase: z.enum(LESSON_PHASES.codes, {
    required_error: "Choose the part of the lesson.",
    invalid_type_error: "Choose the part of the lesson.",
  }),
  mode: z.enum(DEPLOYMENT_MODES.codes, {
    required_error: "Choose how they will work.",
    invalid_type_error: "Choose how they will work.",
  }),
  minutes: z.coerce
    .number({ required_error: "Enter the minutes of support.", invalid_type_error: "Enter the minutes of support." })
    .int("Use whole minutes.")
    .min(5, "Deploy for at least 5 minutes.")
    .max(300, "Deploy for at most 300 minutes."),
  studentIds: z.array(textField().trim().min(1).max(64)).max(40, "Choose at most 40 students.").default([]),
  concepts: optionalText,
  skills: optionalText,
  outcomes: optionalText,
  feedbackExpected: optionalText,
  independence: optionalText,
  /** Ticked once the person deploying has seen that the supporter is booked elsewhere at that time. */
  confirmClash: z.boolean().default(false),
});
export type DeployInput = Omit<z.infer<typeof deploySchema>, "intent" | "confirmClash">;

export const briefingSchema = z.object({
  intent: z.literal("brief"),
  deploymentId: id("Choose a deployment."),
  ...briefingFields,
});
export type BriefingInput = Omit<z.infer<typeof briefingSchema>, "intent" | "deploymentId">;

export const removeDeploymentSchema = z.object({
  intent: z.literal("remove-deployment"),
  deploymentId: id("Choose a deployment."),
});

export const feedbackSchema = z.object({
  intent: z.literal("feedback"),
  feedback: textField({ required_error: "Write your feedback for the teacher." })
    .trim()
    .min(
      3,
      "Write your feedback for the teacher: what went well, what each student managed on their own, what to change.",
    )
    .max(4000, "Use at most 4,000 characters."),
});
