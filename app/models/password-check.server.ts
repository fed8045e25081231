// The server's half of a new password's validation: what only the server knows
// (the list of common passwords, the member's email and name), added to a form
// schema's own rules. The length rule is the schema's (newPasswordField), so it
// is checked there and never reported twice.
import type { z } from "zod";
import { newPasswordField } from "~/lib/forms/auth";
import { passwordProblem } from "./passwords.server";

export function refineNewPassword(
  ctx: z.RefinementCtx,
  field: string,
  password: string,
  member: { email?: string; name?: string },
): void {
  if (!newPasswordField.safeParse(password).success) return;
  const problem = passwordProblem(password, member);
  if (problem) ctx.addIssue({ path: [field], code: "custom", message: problem });
}
