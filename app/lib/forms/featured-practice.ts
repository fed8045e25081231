// The form that features a plan or strategy in the shared practice gallery, and the one that stops featuring it.
import { z } from "zod";

const subject = {
  subjectType: z.enum(["plan", "strategy"]),
  subjectId: z.string().min(1).max(64),
};

export const featureSchema = z.object({
  ...subject,
  reason: z
    .string({ required_error: "Say why this is featured, so colleagues know what to look for." })
    .trim()
    .min(1, "Say why this is featured, so colleagues know what to look for.")
    .max(500, "Keep the reason to 500 characters."),
});

export const unfeatureSchema = z.object(subject);
