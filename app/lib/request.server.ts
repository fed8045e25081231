// Facts about the current request that models record (audit, sessions), and where to go after signing in.
import type { AppLoadContext, HeadersFunction } from "@remix-run/node";

/** Where a session was started from, as the sessions list shows it. */
export interface ClientMeta {
  userAgent: string;
  ipAddress: string;
}

export function clientMeta(request: Request, context: AppLoadContext): ClientMeta {
  return { userAgent: request.headers.get("user-agent") ?? "", ipAddress: context.clientIp };
}

/** A same-site path to go to after signing in; anything else falls back to /home. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/home"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** A route's `headers`: page requests only carry an action's Set-Cookie unless the route passes others on. */
export const passRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const passed = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) passed.set("Retry-After", retryAfter);
  return passed;
};
