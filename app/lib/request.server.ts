// Facts about the current request that models record (audit, sessions).
import type { AppLoadContext } from "@remix-run/node";

/** Where a session was started from, as the sessions list shows it. */
export interface ClientMeta {
  userAgent: string;
  ipAddress: string;
}

export function clientMeta(request: Request, context: AppLoadContext): ClientMeta {
  return { userAgent: request.headers.get("user-agent") ?? "", ipAddress: context.clientIp };
}
