// What the plan pages add to the shared form controls (components/ui): text shown
// as people typed it, and a whole-number field.
import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { TextField } from "~/components/ui/field";

/** Text as people typed it: paragraphs and line breaks kept; a muted note when empty. */
export function PlainText({ text, empty = "Not written yet." }: { text: string; empty?: string }) {
  if (!text.trim()) return <p className="muted">{empty}</p>;
  return <p className="plain-text">{text}</p>;
}

/** A whole-number field (minutes): conform sends its text; the schema coerces it. */
export function NumberField({
  meta,
  label,
  hint,
}: {
  meta: FieldMetadata<number | undefined, Record<string, unknown>, string[]>;
  label: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <TextField
      meta={meta as unknown as Parameters<typeof TextField>[0]["meta"]}
      type="number"
      label={label}
      hint={hint}
    />
  );
}
