// Behind proxies, which forwarded value to believe: each proxy appends what it saw to the right of an
// X-Forwarded-* header, and anything to the left of the configured hops was written by the client.
import type { IncomingMessage } from "node:http";

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
