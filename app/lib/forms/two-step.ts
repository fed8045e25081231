// Schemas of the two-step sign-in forms: the second step of signing in, and confirming an app with its first code.
import { z } from "zod";
import { textField } from "./fields";

/** How long "Remember this device" skips the second step: at most 30 days (issue 14). */
export const REMEMBER_DEVICE_DAYS = 30;

export const secondStepSchema = z.object({
  code: textField({ required_error: "Enter the 6-digit code from your app, or one of your recovery codes." })
    .trim()
    .max(40, "Enter the 6-digit code from your app, or one of your recovery codes."),
  remember: z.boolean().optional(),
});

export const confirmAppSchema = z.object({
  intent: z.literal("confirm-app").optional(),
  code: textField({ required_error: "Enter the 6-digit code your app shows." })
    .trim()
    .max(20, "Enter the 6-digit code your app shows."),
});
