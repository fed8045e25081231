// The cryptography of two-step sign-in (decision 015): TOTP secrets sealed with AES-256-GCM under a key kept outside
// the database, RFC 6238 codes checked a step either side of now and never twice, and random recovery codes.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { encodeBase32NoPadding } from "@oslojs/encoding";
import { config } from "~/config.server";
import { hashToken } from "~/lib/tokens.server";

const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
/** Codes of the step before and after now are accepted too: phone clocks drift and people type slowly. */
const DRIFT_STEPS = 1;
const RECOVERY_CODE_COUNT = 10;

let sealingKey: Buffer | undefined;

function keyFromText(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) throw new Error("TWO_STEP_KEY must be 32 bytes, written as 64 hex digits or in base64");
  return key;
}

/** TWO_STEP_KEY, or a key made once and kept in DATA_DIR (readable by this user only), beside but not in the database. */
function twoStepKey(): Buffer {
  if (sealingKey) return sealingKey;
  const cfg = config();
  if (cfg.twoStepKey) return (sealingKey = keyFromText(cfg.twoStepKey));
  const file = path.join(cfg.dataDir, "two-step.key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(cfg.dataDir, { recursive: true });
    // "wx": of two processes starting at once, one writes the key and the other reads it.
    try {
      fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return (sealingKey = keyFromText(fs.readFileSync(file, "utf8").trim()));
}

export function newTotpSecret(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

export function sealSecret(secret: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", twoStepKey(), iv);
  const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")}`;
}

export function openSecret(sealed: string): Uint8Array {
  const raw = Buffer.from(sealed.replace(/^v1\./, ""), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", twoStepKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return new Uint8Array(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]));
}

/** What an authenticator app reads from the QR code. */
export function totpKeyUri(secret: Uint8Array, accountName: string): string {
  return createTOTPKeyURI("Staffroom", accountName, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The secret as people type it into an app by hand: base32 in groups of four. */
export function secretForTyping(secret: Uint8Array): string {
  return encodeBase32NoPadding(secret).replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * The time step whose code this is (now, or one step either side), or null. The caller refuses a step at or
 * before the last one it accepted, so a code seen over someone's shoulder cannot be used again.
 */
export function totpStepOf(secret: Uint8Array, code: string, now: Date): number | null {
  const digits = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  const current = Math.floor(now.getTime() / (TOTP_PERIOD_SECONDS * 1000));
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    if (verifyHOTP(secret, BigInt(step), TOTP_DIGITS, digits)) return step;
  }
  return null;
}

/** Ten codes of 50 random bits each, as "abcde-fghij". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const text = encodeBase32NoPadding(randomBytes(7)).slice(0, 10).toLowerCase();
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

/** Recovery codes are random, so a plain SHA-256 of the code as typed (any case, hyphen or not) is enough. */
export function hashRecoveryCode(code: string): string {
  return hashToken(code.toLowerCase().replace(/[^a-z0-9]/g, ""));
}

/** Whether what was typed looks like a recovery code rather than a six-digit code. */
export function looksLikeRecoveryCode(input: string): boolean {
  return /^[a-z2-7]{10}$/.test(input.toLowerCase().replace(/[\s-]/g, ""));
}
