// Random tokens for cookies and links, and the SHA-256 digests we store instead of them.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 160 bits of randomness, URL-safe. */
export function generateToken(): string {
  return randomBytes(20).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
