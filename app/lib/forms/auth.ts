// Schemas of the sign-in, invitation and password forms: used by the forms for
// hints and by the actions for validation.
import { z } from "zod";
import { textField } from "./fields";

export const emailField = textField({ required_error: "Enter your email address." })
  .trim()
  .max(254, "That email address is too long.")
  .email("Enter an email address like name@school.example.");

export const newPasswordField = textField({ required_error: "Choose a password." })
  .min(8, "Use at least 8 characters (15 or more is better).")
  .max(128, "Use at most 128 characters.");

/** What a throttled sign-in or password check tells the member (decision 005). */
export function tooManyAttemptsMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many unsuccessful attempts. For your security, wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}

export const signInSchema = z.object({
  email: emailField,
  password: textField({ required_error: "Enter your password." }).max(1024, "That password is too long."),
  redirectTo: z.string().optional(),
});

// Choosing a password and typing it again: when joining, and with a password reset link.
const choosePasswordFields = {
  password: newPasswordField,
  confirmPassword: textField({ required_error: "Type the password again." }),
};
const passwordsMatch = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;
const passwordsDiffer = { path: ["confirmPassword"], message: "The two passwords do not match." };

export const acceptInviteSchema = z
  .object({
    name: textField({ required_error: "Enter your name as colleagues know it." })
      .trim()
      .min(2, "Enter your full name.")
      .max(80, "Use at most 80 characters."),
    ...choosePasswordFields,
  })
  .refine(passwordsMatch, passwordsDiffer);

export const resetPasswordSchema = z.object(choosePasswordFields).refine(passwordsMatch, passwordsDiffer);

export const changePasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    currentPassword: textField({ required_error: "Enter your current password." }).max(1024),
    newPassword: newPasswordField,
    confirmPassword: textField({ required_error: "Type the new password again." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  });

export const revokeSessionSchema = z.object({
  intent: z.literal("revoke-session"),
  sessionId: textField().min(1).max(128),
});
