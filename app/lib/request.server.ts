// Facts about the current request that models record (audit, sessions), and the headers a route passes on.
import type { AppLoadContext, HeadersFunction } from "@remix-run/node";

/** Where a session was started from, as the sessions list shows it. */
export interface ClientMeta {
  userAgent: string;
  ipAddress: string;
}

export function clientMeta(request: Request, context: AppLoadContext): ClientMeta {
  return { userAgent: request.headers.get("user-agent") ?? "", ipAddress: context.clientIp };
}

/** A route's `headers`: page requests only carry an action's Set-Cookie unless the route passes others on. */
export const passRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const passed = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) passed.set("Retry-After", retryAfter);
  return passed;
};
