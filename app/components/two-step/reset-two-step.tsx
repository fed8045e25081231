// The coordinator's answer to a lost phone, on a member's page: their two-step sign-in is removed (audited) and they
// set it up again at their next sign-in.
import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/ui/submit-button";
import { formatDateTime } from "~/lib/format";

export const RESET_TWO_STEP_INTENT = "reset-two-step";

export function ResetTwoStep({ name, enrolledAt }: { name: string; enrolledAt: Date | string | null }) {
  return (
    <section aria-labelledby="two-step-heading" className="card narrow">
      <h2 id="two-step-heading">Two-step sign-in</h2>
      {enrolledAt ? (
        <Form method="post">
          <p>
            {name} set up two-step sign-in on {formatDateTime(enrolledAt)}. If they have lost their phone and their
            recovery codes, reset it: they are signed out everywhere and set it up again when they next sign in.
          </p>
          <SubmitButton name="intent" value={RESET_TWO_STEP_INTENT} variant="secondary" pendingLabel="Resetting…">
            Reset two-step sign-in
          </SubmitButton>
        </Form>
      ) : (
        <p>{name} has not set up two-step sign-in.</p>
      )}
    </section>
  );
}
