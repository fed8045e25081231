// Every form's client side in one call: Conform validates with the same zod schema the action uses, first when a
// field loses focus, then as it is corrected (a message that vanishes only on blur moves the button under the pointer).
// The schema, zod and Conform's zod parser load when the form is first used (decision 029); until they arrive a form
// that is sent is checked by the server alone, which answers with the same messages beside the same fields.
import { useEffect, useRef, useState } from "react";
import { useForm, type Submission, type SubmissionResult } from "@conform-to/react";
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

type Parse<Schema extends z.ZodTypeAny> = (formData: FormData) => Submission<z.output<Schema>, string[]>;

/**
 * The schema's parse once it has loaded, asked for on the first focus or keystroke in the form (a control may sit
 * outside its form, by `form=`, so the listeners are on the document), or at once when the server's reply has messages
 * to correct. Null meanwhile, and if it cannot load (offline, a new deploy): the server still checks what it is sent.
 */
function useLazyParse<Schema extends z.ZodTypeAny>(
  id: string,
  loadSchema: () => Promise<Schema>,
  hasMessages: boolean,
): { parse: Parse<Schema> | null; left: Set<string>; typed: Set<string> } {
  const [parse, setParse] = useState<Parse<Schema> | null>(null);
  const latestLoad = useRef(loadSchema);
  latestLoad.current = loadSchema;
  const loading = useRef(false);
  // Fields left and fields typed in before the parse arrived: checked as soon as it does, as on blur or input.
  const left = useRef(new Set<string>());
  const typed = useRef(new Set<string>());

  useEffect(() => {
    const load = () => {
      if (loading.current) return;
      loading.current = true;
      Promise.all([import("@conform-to/zod"), latestLoad.current()]).then(
        ([{ parseWithZod }, schema]) => setParse(() => (formData: FormData) => parseWithZod(formData, { schema })),
        () => void (loading.current = false),
      );
    };
    if (hasMessages) load();
    const ownField = (event: Event) => {
      const target = event.target as HTMLInputElement | null;
      return target?.form?.id === id && target.name ? target.name : null;
    };
    const noting = (names: Set<string>) => (event: Event) => {
      const name = ownField(event);
      if (!name) return;
      names.add(name);
      load();
    };
    const listeners = { focusin: noting(new Set()), input: noting(typed.current), focusout: noting(left.current) };
    for (const [type, listener] of Object.entries(listeners)) document.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of Object.entries(listeners)) document.removeEventListener(type, listener);
    };
  }, [id, hasMessages]);
  return { parse, left: left.current, typed: typed.current };
}

export function useZodForm<Schema extends z.ZodTypeAny>(
  /** The form's schema, imported lazily: `() => import("~/lib/forms/x").then((m) => m.xSchema)`. */
  loadSchema: () => Promise<Schema>,
  options: ZodFormOptions<Schema>,
) {
  const hasMessages = options.lastResult?.status === "error";
  const { parse, left, typed } = useLazyParse(options.id, loadSchema, hasMessages);
  const shouldValidate = options.shouldValidate ?? "onBlur";
  const [form, fields] = useForm<z.input<Schema>, z.output<Schema>, string[]>({
    id: options.id,
    lastResult: options.lastResult,
    // Conform's DefaultValue is a deep partial of the input; zod's input type is the same shape.
    defaultValue: options.defaultValue as never,
    onValidate: parse ? ({ formData }) => parse(formData) : undefined,
    // Without a parse, a check on blur or input would send the form to the server: none runs until it is here.
    shouldValidate: parse ? shouldValidate : "onSubmit",
    shouldRevalidate: parse ? "onInput" : "onSubmit",
  });

  // The parse has just arrived (Conform has it: its options are updated in a layout effect, before this one): what
  // would have been checked meanwhile is checked now: fields left, and fields corrected after the server's messages.
  useEffect(() => {
    if (!parse || !document.forms.namedItem(options.id)) return;
    const due = new Set([...(shouldValidate === "onBlur" ? left : []), ...(hasMessages ? typed : [])]);
    for (const name of due) form.validate({ name });
    // Once, when the parse arrives.
  }, [parse]);
  return [form, fields] as const;
}
