// A Content-Security-Policy on every response, with a fresh nonce per request: only the scripts Remix
// renders with that nonce (app/root.tsx, app/entry.server.tsx read it from the load context) and scripts
// from this origin run, and the page connects, frames and posts nowhere else.
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";

function contentSecurityPolicyFor(nonce: string, production: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Style sheets come from this origin; style attributes stay allowed, since the presence dots and the
    // editor's collaborator cursors are coloured and placed with them. Vite's development server injects
    // <style> elements for hot reloading.
    production ? "style-src 'self'" : "style-src 'self' 'unsafe-inline'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    // 'self' covers the socket's ws:// or wss:// on this host in CSP level 3 browsers.
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function contentSecurityPolicy(production: boolean): RequestHandler {
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicyFor(nonce, production));
    next();
  };
}
