// A single labelled checkbox for a yes/no field (groups of choices: choice-fields.tsx).
import { getInputProps } from "@conform-to/react";
import type { FieldOf } from "./field";
import type { ReactNode } from "react";

export function CheckboxField({
  meta,
  label,
  hint,
}: {
  meta: FieldOf<boolean | undefined>;
  label: ReactNode;
  hint?: ReactNode;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, ...props } = getInputProps(meta, { type: "checkbox", ariaDescribedBy: undefined });
  return (
    <div className={`field${meta.errors?.length ? " field--error" : ""}`}>
      <label className="choice" htmlFor={meta.id}>
        <input key={key} {...props} aria-describedby={hintId} />
        <span>{label}</span>
      </label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
