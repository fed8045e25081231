// Email addresses are compared and stored trimmed and lower-cased.
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
