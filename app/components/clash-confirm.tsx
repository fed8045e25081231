// The warning that someone is already booked elsewhere at that time, and the box that confirms going ahead. Shown
// from the server's last reply, not the live check: ticking the box must not make the warning (and the box) vanish.
import type { SubmissionResult } from "@conform-to/react";
import { useState } from "react";
import { CheckboxField } from "~/components/ui/checkbox-field";
import type { FieldOf } from "~/components/ui/field";

type Reply = SubmissionResult<string[]> | null | undefined;

/**
 * The form's last reply, held until its next one: a live refresh of the page (anyone's change in the partnership)
 * drops the page's last reply, and a warning must stay while the person decides.
 */
export function useHeldReply(lastResult: Reply): Reply {
  const [held, setHeld] = useState(lastResult);
  if (lastResult && lastResult !== held) setHeld(lastResult);
  return lastResult ?? held;
}

export function ClashConfirm({
  meta,
  lastResult,
  label,
}: {
  meta: FieldOf<boolean | undefined>;
  lastResult: Reply;
  label: string;
}) {
  const reply = useHeldReply(lastResult);
  const warning = reply?.status === "error" ? reply.error?.[meta.name] : undefined;
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
