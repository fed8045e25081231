// Conservative response headers for every page and asset.
import type { RequestHandler } from "express";

export function securityHeaders(production: boolean): RequestHandler {
  return (req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (production) res.setHeader("Strict-Transport-Security", "max-age=15552000; includeSubDomains");
    // A page's data fetched by the client is as personal as the page, which entry.server marks no-store.
    if (req.path.endsWith(".data")) res.setHeader("Cache-Control", "no-store");
    next();
  };
}
