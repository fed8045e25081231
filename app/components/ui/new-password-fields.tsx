// Choosing a password, the same on every page that asks for one (an invitation, a reset link, the account page):
// the password with the rule as its hint, then the same again to confirm, both offered to password managers as new.
import { PASSWORD_RULE_HINT } from "~/lib/forms/labels";
import { TextField, type FieldOf } from "./field";

export function NewPasswordFields({
  password,
  confirm,
  label = "New password",
}: {
  password: FieldOf<string | undefined>;
  confirm: FieldOf<string | undefined>;
  /** "New password" where one is replaced, "Password" where the first is chosen; the confirmation follows it. */
  label?: string;
}) {
  return (
    <>
      <TextField meta={password} type="password" label={label} hint={PASSWORD_RULE_HINT} autoComplete="new-password" />
      <TextField meta={confirm} type="password" label={`Confirm ${label.toLowerCase()}`} autoComplete="new-password" />
    </>
  );
}
