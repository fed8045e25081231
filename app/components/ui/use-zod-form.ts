// Every form's client side in one call: Conform validates with the same zod schema the action uses, first when a
// field loses focus, then as it is corrected (a message that vanishes only on blur moves the button under the pointer).
import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";

interface ZodFormOptions<Schema extends z.ZodTypeAny> {
  /** The form's id: stable, unique on the page (Conform links labels and errors by it). */
  id: string;
  /** The action's reply for this form, when the last submission was this form's. */
  lastResult?: SubmissionResult<string[]> | null;
  /**
   * The form's starting values, by the schema's field names. A value is what the page has (a stored string for an
   * enum, a number for a select): the schema checks it when the form is sent, so its type is not narrowed here.
   */
  defaultValue?: { [Field in keyof z.input<Schema>]?: unknown };
  /** When the first check runs: "onBlur" (the default) or, for a form that should stay quiet until sent, "onSubmit". */
  shouldValidate?: "onBlur" | "onSubmit";
}

export function useZodForm<Schema extends z.ZodTypeAny>(schema: Schema, options: ZodFormOptions<Schema>) {
  return useForm<z.input<Schema>, z.output<Schema>, string[]>({
    id: options.id,
    lastResult: options.lastResult,
    // Conform's DefaultValue is a deep partial of the input; zod's input type is the same shape.
    defaultValue: options.defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: options.shouldValidate ?? "onBlur",
    shouldRevalidate: "onInput",
  });
}
