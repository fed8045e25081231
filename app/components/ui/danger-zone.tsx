// The one way to confirm something that cannot be undone (delete a course, deactivate a member): a first link
// opens `?confirm=<intent>` (so the loader can show exactly what goes), then a warning and a "Yes, …" button.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { SubmitButton } from "./submit-button";

interface DangerZoneProps {
  /** The section's heading, e.g. "Delete the group". */
  heading: string;
  headingId: string;
  /** The search value that opens the confirmation (`?confirm=delete`) and the intent the button sends. */
  intent: string;
  /** True when the page is showing the confirmation (the loader saw `?confirm=<intent>`). */
  confirming: boolean;
  /** The first button's label, e.g. "Delete group". */
  startLabel: string;
  /** What the reader needs before starting, e.g. "You will see what goes with the group before you confirm." */
  explanation: ReactNode;
  /** The warning shown while confirming: what goes, what stays. */
  warning: ReactNode;
  /** The final button's label, e.g. "Yes, delete group". */
  confirmLabel: string;
  pendingLabel?: string;
  /** Extra fields the action needs with the intent. */
  children?: ReactNode;
  className?: string;
}

export function DangerZone(props: DangerZoneProps) {
  const { heading, headingId, intent, confirming, className = "card narrow" } = props;
  return (
    <section className={`${className} no-print`} aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {confirming ? (
        <Form method="post" replace>
          <div className="alert alert--warning" role="alert">
            {props.warning}
          </div>
          {props.children}
          <div className="actions">
            <SubmitButton
              name="intent"
              value={intent}
              variant="danger"
              pendingLabel={props.pendingLabel ?? "Deleting…"}
            >
              {props.confirmLabel}
            </SubmitButton>
            <Link to="." replace>
              Cancel
            </Link>
          </div>
        </Form>
      ) : (
        <>
          {typeof props.explanation === "string" ? <p>{props.explanation}</p> : props.explanation}
          <Link className="button button--danger" to={`?confirm=${intent}`}>
            {props.startLabel}
          </Link>
        </>
      )}
    </section>
  );
}
