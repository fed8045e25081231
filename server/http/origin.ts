// Cross-site request forgery defence: every state-changing request must carry an
// Origin header naming this site. Also used for the Socket.io handshake.
import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins this request may come from: the configured list, or the request's own host. */
function expectedOrigins(req: IncomingMessage, allowedOrigins: string[], trustProxy: boolean): string[] {
  if (allowedOrigins.length > 0) return allowedOrigins;
  const forwardedHost = trustProxy ? firstHeader(req.headers["x-forwarded-host"]) : undefined;
  const host = forwardedHost ?? req.headers.host;
  if (!host) return [];
  const forwardedProto = trustProxy ? firstHeader(req.headers["x-forwarded-proto"]) : undefined;
  const encrypted = Boolean((req.socket as { encrypted?: boolean }).encrypted);
  const proto = forwardedProto ?? (encrypted ? "https" : "http");
  return [`${proto}://${host}`.toLowerCase()];
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw?.split(",")[0]?.trim() || undefined;
}

export function isOriginAllowed(req: IncomingMessage, allowedOrigins: string[], trustProxy: boolean): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === "null") return false;
  return expectedOrigins(req, allowedOrigins, trustProxy).includes(origin.toLowerCase().replace(/\/$/, ""));
}

export function requireSameOrigin(allowedOrigins: string[], trustProxy: boolean): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || isOriginAllowed(req, allowedOrigins, trustProxy)) return next();
    res.status(403).type("text/plain").send("This request came from another site and was refused (Origin check).");
  };
}
