// Cross-site request forgery defence: every state-changing request must carry an
// Origin header naming this site. Also used for the Socket.io handshake.
import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { forwardedValue } from "./proxy";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins this request may come from: the configured list, or the request's own host. */
function expectedOrigins(req: IncomingMessage, allowedOrigins: string[], trustProxyHops: number): string[] {
  if (allowedOrigins.length > 0) return allowedOrigins;
  const host = forwardedValue(req, "x-forwarded-host", trustProxyHops) ?? req.headers.host;
  if (!host) return [];
  const forwardedProto = forwardedValue(req, "x-forwarded-proto", trustProxyHops);
  const encrypted = Boolean((req.socket as { encrypted?: boolean }).encrypted);
  const proto = forwardedProto ?? (encrypted ? "https" : "http");
  return [`${proto}://${host}`.toLowerCase()];
}

export function isOriginAllowed(req: IncomingMessage, allowedOrigins: string[], trustProxyHops: number): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === "null") return false;
  return expectedOrigins(req, allowedOrigins, trustProxyHops).includes(origin.toLowerCase().replace(/\/$/, ""));
}

export function requireSameOrigin(allowedOrigins: string[], trustProxyHops: number): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || isOriginAllowed(req, allowedOrigins, trustProxyHops)) return next();
    res.locals.refusal = "origin";
    res.status(403).type("text/plain").send("This request came from another site and was refused (Origin check).");
  };
}
