// The plan page's multi-line fields and student checkboxes, wired to conform's
// field metadata like components/ui/field.tsx: label, hint and error linked by ARIA.
import { getCollectionProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { TextField } from "~/components/ui/field";

function describedBy(hintId: string | undefined, meta: FieldMetadata<any, any, any>) {
  return [hintId, meta.errors?.length ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined;
}

function FieldError({ meta }: { meta: FieldMetadata<any, any, any> }) {
  if (!meta.errors?.length) return null;
  return (
    <span className="field-error" id={meta.errorId}>
      <span className="visually-hidden">Error: </span>
      {meta.errors.join(" ")}
    </span>
  );
}

export function LongTextField({ meta, label, hint, rows = 4 }: { meta: FieldMetadata<string | undefined, any, any>; label: ReactNode; hint?: ReactNode; rows?: number }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: undefined });
  return (
    <div className={`field${meta.errors?.length ? " field--error" : ""}`}>
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <textarea key={key} {...props} rows={rows} aria-describedby={describedBy(hintId, meta)} />
      <FieldError meta={meta} />
    </div>
  );
}

export function CheckboxesField({
  meta,
  legend,
  hint,
  options,
}: {
  meta: FieldMetadata<string[] | undefined, any, any>;
  legend: ReactNode;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return (
    <fieldset className={`checkbox-group${meta.errors?.length ? " field--error" : ""}`} aria-describedby={describedBy(hintId, meta)}>
      <legend>{legend}</legend>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {getCollectionProps(meta, { type: "checkbox", options: options.map((o) => o.value), ariaAttributes: false }).map(({ key, ...props }) => (
        <label key={key} className="checkbox" htmlFor={props.id}>
          <input {...props} />
          <span>{labels.get(props.value)}</span>
        </label>
      ))}
      <FieldError meta={meta} />
    </fieldset>
  );
}

/** Text as people typed it: paragraphs and line breaks kept; an em dash when empty. */
export function PlainText({ text, empty = "Not written yet." }: { text: string; empty?: string }) {
  if (!text.trim()) return <p className="muted">{empty}</p>;
  return <p className="plain-text">{text}</p>;
}

/** A whole-number field (minutes): conform sends its text; the schema coerces it. */
export function NumberField({ meta, label, hint }: { meta: FieldMetadata<number | undefined, any, any>; label: ReactNode; hint?: ReactNode }) {
  return <TextField meta={meta as unknown as FieldMetadata<string | undefined, any, any>} type="number" label={label} hint={hint} />;
}
