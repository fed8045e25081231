// Schemas of the two-step sign-in forms: the second step of signing in, and confirming an app with its first code.
import { z } from "zod";
import { textField } from "./fields";

// Read by the sign-in models too; the pages take it from labels.ts, without zod.
export { REMEMBER_DEVICE_DAYS } from "./labels";

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
