// The "Confirm it's you" form: the member's password before a sensitive account change.
import { z } from "zod";
import { textField } from "./fields";

export const confirmPasswordSchema = z.object({
  password: textField({ required_error: "Enter your password." }).max(1024, "That password is too long."),
  redirectTo: z.string().optional(),
});
