// Behind proxies, which forwarded value to believe: each proxy appends what it saw to the right of an
// X-Forwarded-* header, and anything to the left of the configured hops was written by the client.
import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";

/**
 * The value `hops` entries from the right of a comma-separated X-Forwarded-* header (the one the outermost
 * trusted proxy wrote), or the left-most when fewer are present (a proxy that replaces the header); none when
 * no proxy is trusted.
 */
export function forwardedValue(req: IncomingMessage, header: string, hops: number): string | undefined {
  if (hops <= 0) return undefined;
  const raw = req.headers[header];
  const entries = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - hops)];
}

const FORWARDED_HEADERS = ["x-forwarded-host", "x-forwarded-proto"] as const;

/**
 * Leaves each X-Forwarded-Host/-Proto header holding only the value a trusted proxy wrote, or removes it when no
 * proxy is trusted: Express and Remix read these headers themselves (the first value, or the port from the whole
 * header), so two values made Remix build an invalid URL and answer 500, and a client could choose the port.
 */
export function believeOnlyTrustedForwarding(hops: number): RequestHandler {
  return (req, _res, next) => {
    for (const header of FORWARDED_HEADERS) {
      const value = forwardedValue(req, header, hops);
      if (value === undefined) delete req.headers[header];
      else req.headers[header] = value;
    }
    next();
  };
}
