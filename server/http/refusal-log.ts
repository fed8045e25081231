// One structured log line for each refused request (OWASP ASVS 7.1.3: access-control failures are logged):
// a foreign Origin, a policy's 403 or 404, a throttled sign-in or password check. The line names the
// path without its query string and with any link token masked, never a cookie, password or token.
import type { RequestHandler } from "express";
import { logger } from "../logger";
import type { RequestAuth } from "./session";

const REFUSED: Record<number, string> = { 401: "unauthorised", 403: "forbidden", 404: "not-found", 429: "throttled" };

/** Invitation, reset and set-up links carry their secret in the path. */
const TOKEN_IN_PATH = /^\/(invite|reset|setup)\/[^/]+/;

function loggablePath(originalUrl: string): string {
  const path = originalUrl.split("?")[0] ?? "";
  return path.replace(TOKEN_IN_PATH, "/$1/[token]");
}

export function logRefusals(): RequestHandler {
  return (req, res, next) => {
    res.on("finish", () => {
      const refusal = (res.locals.refusal as string | undefined) ?? REFUSED[res.statusCode];
      if (!refusal) return;
      const auth = res.locals.auth as RequestAuth | undefined;
      logger.warn("request refused", {
        refusal,
        status: res.statusCode,
        method: req.method,
        path: loggablePath(req.originalUrl),
        userId: auth?.user?.id ?? null,
        ip: req.ip ?? "",
      });
    });
    next();
  };
}
