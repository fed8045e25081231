// The one way a page handles a post: with several forms, the form's `intent` picks a handler (runIntent,
// submitForm); with one form, the action saves and turns a DomainError into the form's reply (domainErrorReply).
// A schema failure or a field problem found by the model comes back as a 400 with the message beside the field;
// page-level refusals (403, 404, 410) are thrown as responses. Replies share one shape, so the page reads them one way.
import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { DomainError, throwIfRefusal } from "~/lib/errors";

export interface IntentReply {
  intent: string;
  /** Conform's result for the form that was sent (field errors, or a reset after success). */
  result?: SubmissionResult<string[]>;
  /** What happened, in a sentence the page shows. */
  message?: string;
  /** True when the message explains a failure rather than a success. */
  failed?: boolean;
}

type Reply = IntentReply | ReturnType<typeof data<IntentReply>>;
export type IntentHandler = (formData: FormData, intent: string) => Promise<Reply>;

/** A reply that failed: 400 unless the error says otherwise (409 for a conflict). */
export function failedReply(reply: IntentReply, status = 400) {
  return data({ ...reply, failed: true }, { status });
}

/** The form's intent, "" when it sent none. */
export function intentOf(formData: FormData): string {
  return String(formData.get("intent") ?? "");
}

/** Runs the handler the form's intent names; an unknown intent gets a 400 that asks the user to choose. */
export async function runIntent(formData: FormData, handlers: Record<string, IntentHandler>): Promise<Reply> {
  const intent = intentOf(formData);
  const handler = Object.hasOwn(handlers, intent) ? handlers[intent] : undefined;
  if (!handler) return failedReply({ intent, message: "Choose what to change." });
  try {
    return await handler(formData, intent);
  } catch (error) {
    throwIfRefusal(error);
    if (error instanceof DomainError) {
      const result: SubmissionResult<string[]> | undefined = error.field
        ? { status: "error", initialValue: null, error: { [error.field]: [error.message] } }
        : undefined;
      return failedReply({ intent, result, message: error.field ? undefined : error.message }, error.status);
    }
    throw error;
  }
}

/**
 * Validates the form with its schema, then saves: the saver's message (and whether to empty the form) becomes the
 * reply. A DomainError with a field, thrown by the saver, comes back beside that field with the user's input kept.
 */
export async function submitForm<Schema extends z.ZodTypeAny>(
  formData: FormData,
  intent: string,
  schema: Schema,
  save: (value: z.output<Schema>) => Promise<string | { message: string; resetForm?: boolean }>,
): Promise<Reply> {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return failedReply({ intent, result: submission.reply() });
  try {
    const outcome = await save(submission.value);
    const { message, resetForm = false } = typeof outcome === "string" ? { message: outcome } : outcome;
    return { intent, result: submission.reply({ resetForm }), message };
  } catch (error) {
    if (error instanceof DomainError && error.code === "invalid" && error.field) {
      return failedReply({ intent, result: submission.reply({ fieldErrors: { [error.field]: [error.message] } }) });
    }
    throw error;
  }
}

/**
 * A single form's result when its save threw: a DomainError's message beside its field, or above the form when it
 * names none, with the user's input kept, and the status to answer with. Page-level refusals are thrown as
 * responses; anything else is rethrown.
 */
export function domainErrorResult(
  submission: Submission<unknown>,
  error: unknown,
  options: { hideFields?: string[] } = {},
): { result: SubmissionResult<string[]>; status: number } {
  throwIfRefusal(error);
  if (!(error instanceof DomainError)) throw error;
  const result = error.field
    ? submission.reply({ fieldErrors: { [error.field]: [error.message] }, hideFields: options.hideFields })
    : submission.reply({ formErrors: [error.message], hideFields: options.hideFields });
  return { result, status: error.status };
}

/** domainErrorResult as the action's reply, for a page whose action data is the form's result. */
export function domainErrorReply(submission: Submission<unknown>, error: unknown, options?: { hideFields?: string[] }) {
  const { result, status } = domainErrorResult(submission, error, options);
  return data(result, { status });
}
