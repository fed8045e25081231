// Form controls that field.tsx does not cover: a multi-line text field and a
// group of checkboxes or radio buttons in a fieldset with a legend, each with
// its hint and its error linked by ARIA.
import { getCollectionProps, getTextareaProps } from "@conform-to/react";
import { StudentNameWarning } from "~/components/student-names/student-name-warning";
import type { FieldOf } from "./field";
import type { ReactNode } from "react";

function errorsOf(meta: FieldOf<unknown>): string[] {
  // An array field's item errors ("needs[0]") count as the group's own.
  const all = Object.values(meta.allErrors ?? {}).flat();
  return [...new Set([...(meta.errors ?? []), ...all])];
}

function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <span className="field-error" id={id}>
      <span className="visually-hidden">Error: </span>
      {errors.join(" ")}
    </span>
  );
}

export function TextAreaField({
  meta,
  label,
  hint,
  rows = 4,
  warnOfStudentNames = false,
}: {
  meta: FieldOf<string | undefined>;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
  /** Free text that others read: warn as students are named whom some readers see only as initials. */
  warnOfStudentNames?: boolean;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const namesId = warnOfStudentNames ? `${meta.id}-names` : undefined;
  const errors = errorsOf(meta);
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: undefined });
  return (
    <div className={`field${errors.length ? " field--error" : ""}`}>
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <textarea
        key={key}
        {...props}
        rows={rows}
        aria-describedby={
          [hintId, errors.length ? meta.errorId : undefined, namesId].filter(Boolean).join(" ") || undefined
        }
      />
      <FieldErrors id={meta.errorId} errors={errors} />
      {warnOfStudentNames ? <StudentNameWarning fieldId={meta.id} text={meta.value ?? ""} /> : null}
    </div>
  );
}

export function ChoiceGroupField({
  meta,
  legend,
  hint,
  type,
  options,
}: {
  meta: FieldOf<unknown>;
  legend: ReactNode;
  hint?: ReactNode;
  type: "checkbox" | "radio";
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const errors = errorsOf(meta);
  const describedBy = [hintId, errors.length ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined;
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return (
    <fieldset className={`field choice-group${errors.length ? " field--error" : ""}`} aria-describedby={describedBy}>
      <legend className="label">{legend}</legend>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <div className="choice-group__options">
        {getCollectionProps(meta, { type, options: options.map((o) => o.value), ariaDescribedBy: undefined }).map(
          ({ key, ...props }) => (
            <label key={key} className="choice" htmlFor={props.id}>
              <input {...props} />
              <span>{labels.get(props.value)}</span>
            </label>
          ),
        )}
      </div>
      <FieldErrors id={meta.errorId} errors={errors} />
    </fieldset>
  );
}
