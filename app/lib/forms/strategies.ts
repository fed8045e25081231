// Schemas of the strategy library's forms (shared by the forms for client hints and by the actions for validation);
// its words and browse filters are in strategy-vocabulary.ts, re-exported here for the server's modules.
import { z } from "zod";
import { textField } from "./fields";
import { KEY_STAGES, LESSON_PHASES, NEED_AREAS, SUBJECTS } from "../co-planning";

// The pages' words and the browse filters live apart, so a page shows them without loading zod (decision 029).
export * from "./strategy-vocabulary";

function tagList<T extends readonly [string, ...string[]]>(codes: T, message: string) {
  return z
    .array(z.enum(codes, { invalid_type_error: message, message }))
    .max(codes.length)
    .default([])
    .transform((values) => [...new Set(values)]);
}

export const strategySchema = z.object({
  title: textField({ required_error: "Give the strategy a title." })
    .trim()
    .min(3, "Use at least 3 characters.")
    .max(120, "Use at most 120 characters."),
  summary: textField({ required_error: "Say in a sentence or two what the strategy is." })
    .trim()
    .min(10, "Say a little more: at least 10 characters.")
    .max(600, "Keep the summary to 600 characters; the description below has room for detail."),
  evidence: textField().trim().max(2000, "Use at most 2,000 characters.").default(""),
  needs: tagList(NEED_AREAS.codes, "Choose need areas from the list."),
  subjects: tagList(SUBJECTS.codes, "Choose subjects from the list."),
  keyStages: tagList(KEY_STAGES.codes, "Choose key stages from the list."),
  phases: tagList(LESSON_PHASES.codes, "Choose lesson phases from the list."),
});
export type StrategyInput = z.infer<typeof strategySchema>;

export const rateStrategySchema = z.object({
  intent: z.literal("rate"),
  rating: z.coerce
    .number({ required_error: "Choose a rating from 1 to 5.", invalid_type_error: "Choose a rating from 1 to 5." })
    .int("Choose a rating from 1 to 5.")
    .min(1, "Choose a rating from 1 to 5.")
    .max(5, "Choose a rating from 1 to 5."),
  comment: textField().trim().max(1000, "Use at most 1,000 characters.").default(""),
  lessonPlanId: textField().trim().max(64).default(""),
});

export const addToPlanSchema = z.object({
  intent: z.literal("add-to-plan"),
  lessonPlanId: textField({ required_error: "Choose a lesson plan." }).trim().min(1, "Choose a lesson plan.").max(64),
  note: textField().trim().max(500, "Use at most 500 characters.").default(""),
});
