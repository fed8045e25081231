// Schema of the first-run set-up form: the partnership, its first institution and its coordinator.
import { z } from "zod";
import { emailField, newPasswordField } from "./auth";
import { textField } from "./fields";
import { institutionSchema } from "./membership";
import { INSTITUTION_KINDS } from "../institutions";

export const setupSchema = z
  .object({
    partnershipName: textField({ required_error: "Enter the partnership's name." })
      .trim()
      .min(3, "Enter the partnership's full name.")
      .max(100, "Use at most 100 characters."),
    institutionName: institutionSchema.shape.name,
    // Any value outside the list (not only a missing one) gets the form's own words, not zod's list of codes.
    institutionKind: z.enum(INSTITUTION_KINDS, {
      errorMap: () => ({ message: "Choose what kind of institution it is." }),
    }),
    coordinatorName: textField({ required_error: "Enter your name as colleagues know it." })
      .trim()
      .min(2, "Enter your full name.")
      .max(80, "Use at most 80 characters."),
    email: emailField,
    password: newPasswordField,
    confirmPassword: textField({ required_error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  });
