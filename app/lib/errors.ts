// The one shape of an error a user can cause: models throw a DomainError, routes and socket handlers turn it into
// a field message (invalid), a 403, 404, 409 or 410, in one place each (app/lib/forms/intents.server.ts, enforce).
export type DomainErrorCode = "invalid" | "forbidden" | "not-found" | "conflict" | "gone";

const STATUS: Record<DomainErrorCode, 400 | 403 | 404 | 409 | 410> = {
  invalid: 400,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  gone: 410,
};

export class DomainError extends Error {
  override readonly name = "DomainError";
  /** The HTTP status this error answers with. */
  readonly status: 400 | 403 | 404 | 409 | 410;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The form field the message belongs beside; none for a whole-form or page-level refusal. */
    readonly field?: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/** A problem with one field that the form's schema cannot see (a name in use, a site of another course). */
export function invalidField(field: string, message: string): DomainError {
  return new DomainError("invalid", message, field);
}

/** Throws the HTTP response of a page-level refusal (403, 404, 410); returns for anything else. */
export function throwIfRefusal(error: unknown): void {
  if (!(error instanceof DomainError) || error.code === "invalid" || error.code === "conflict") return;
  const statusText = { forbidden: "Forbidden", "not-found": "Not Found", gone: "Gone" }[error.code];
  throw new Response(error.message, { status: error.status, statusText });
}

/** For a policy gate's `.catch()` in a loader or action: a refusal becomes its response, anything else is rethrown. */
export function refusal(error: unknown): never {
  throwIfRefusal(error);
  throw error;
}
