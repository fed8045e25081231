// Random tokens for cookies and links, and the SHA-256 digests we store instead of them.
import { createHash, randomBytes } from "node:crypto";

/**
 * Random bits, URL-safe: 160 for cookies and invitations, 256 for links that
 * hand over an existing account (password resets).
 */
export function generateToken(bits: 160 | 256 = 160): string {
  return randomBytes(bits / 8).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
