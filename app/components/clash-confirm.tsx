// The warning that someone is already booked elsewhere at that time, and the box that confirms going ahead. Shown
// from the server's last reply, not the live check: ticking the box must not make the warning (and the box) vanish.
import type { SubmissionResult } from "@conform-to/react";
import { CheckboxField } from "~/components/ui/checkbox-field";
import type { FieldOf } from "~/components/ui/field";

type Reply = SubmissionResult<string[]> | null | undefined;

export function ClashConfirm({
  meta,
  lastResult,
  label,
}: {
  meta: FieldOf<boolean | undefined>;
  lastResult: Reply;
  label: string;
}) {
  const warning = lastResult?.status === "error" ? lastResult.error?.[meta.name] : undefined;
  if (!warning?.length) return null;
  return (
    <div className="alert alert--warning" role="alert">
      <p>
        <strong>Booked elsewhere at that time</strong>
      </p>
      <p>{warning.join(" ")}</p>
      <CheckboxField meta={meta} label={label} />
    </div>
  );
}
