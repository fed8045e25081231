// Labelled form controls wired to conform's field metadata: the label, a hint,
// and the server's or client's error beside the field, all linked by ARIA.
import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

/**
 * A field of any form: the controls read only the field's own metadata (name, id, errors), never the shape of the
 * form around it, so the form's schema is left open.
 */
export type FieldOf<Value> = FieldMetadata<Value, object, string[]>;

type InputType = "text" | "email" | "password" | "search" | "url" | "tel" | "date" | "time" | "number";

interface BaseProps {
  label: ReactNode;
  hint?: ReactNode;
}

function describedBy(hintId: string | undefined, meta: FieldOf<unknown>) {
  return [hintId, meta.errors?.length ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined;
}

function FieldError({ meta }: { meta: FieldOf<unknown> }) {
  if (!meta.errors?.length) return null;
  return (
    <span className="field-error" id={meta.errorId}>
      <span className="visually-hidden">Error: </span>
      {meta.errors.join(" ")}
    </span>
  );
}

export function TextField({
  meta,
  type = "text",
  label,
  hint,
  autoComplete,
  readOnly,
}: BaseProps & {
  meta: FieldOf<string | undefined>;
  type?: InputType;
  autoComplete?: string;
  readOnly?: boolean;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, ...inputProps } = getInputProps(meta, { type, ariaDescribedBy: undefined });
  return (
    <div className={`field${meta.errors?.length ? " field--error" : ""}`}>
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <input
        key={key}
        {...inputProps}
        aria-describedby={describedBy(hintId, meta)}
        autoComplete={autoComplete}
        readOnly={readOnly}
      />
      <FieldError meta={meta} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  options,
  placeholder = "Choose…",
}: BaseProps & {
  meta: FieldOf<string | undefined>;
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, ...selectProps } = getSelectProps(meta);
  return (
    <div className={`field${meta.errors?.length ? " field--error" : ""}`}>
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <select key={key} {...selectProps} aria-describedby={describedBy(hintId, meta)}>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError meta={meta} />
    </div>
  );
}

export function FormErrors({ errors, id }: { errors: string[] | undefined; id?: string }) {
  if (!errors?.length) return null;
  return (
    <div className="alert alert--error" role="alert" id={id}>
      {errors.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}
