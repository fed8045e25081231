// The cryptography of two-step sign-in: RFC 6238 codes within one time step either side of now, sealed secrets,
// and recovery codes that are hard to guess and typed forgivingly.
import { generateHOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  sealSecret,
  totpStepOf,
} from "./two-step-secrets.server";

const STEP_MS = 30_000;
const codeAt = (secret: Uint8Array, step: number) => generateHOTP(secret, BigInt(step), 6);

describe("TOTP codes", () => {
  it("match RFC 6238's SHA-1 test vector (T = 59 s is step 1, code 94287082, six digits 287082)", () => {
    const secret = new TextEncoder().encode("12345678901234567890");
    expect(totpStepOf(secret, "287082", new Date(59_000))).toBe(1);
  });

  it("accept the code of this time step and of one step either side, and nothing further", () => {
    const secret = newTotpSecret();
    const now = new Date(1_700_000_015_000);
    const step = Math.floor(now.getTime() / STEP_MS);
    expect(totpStepOf(secret, codeAt(secret, step), now)).toBe(step);
    expect(totpStepOf(secret, codeAt(secret, step - 1), now)).toBe(step - 1);
    expect(totpStepOf(secret, codeAt(secret, step + 1), now)).toBe(step + 1);
    expect(totpStepOf(secret, codeAt(secret, step - 2), now)).toBeNull();
    expect(totpStepOf(secret, codeAt(secret, step + 2), now)).toBeNull();
  });

  it("forgive spaces but refuse anything that is not six digits", () => {
    const secret = newTotpSecret();
    const now = new Date();
    const code = codeAt(secret, Math.floor(now.getTime() / STEP_MS));
    expect(totpStepOf(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).not.toBeNull();
    expect(totpStepOf(secret, `${code}0`, now)).toBeNull();
    expect(totpStepOf(secret, "abcdef", now)).toBeNull();
  });
});

describe("sealed secrets", () => {
  it("open to the same secret, differ each time they are sealed, and refuse a changed byte", () => {
    const secret = newTotpSecret();
    const sealed = sealSecret(secret);
    expect(sealed).not.toBe(sealSecret(secret));
    expect(openSecret(sealed)).toEqual(secret);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => openSecret(tampered)).toThrow();
  });
});

describe("recovery codes", () => {
  it("are ten different codes of ten base32 characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
  });

  it("hash the same however they are typed, and a six-digit code is not taken for one", () => {
    expect(hashRecoveryCode("abcde-fgh23")).toBe(hashRecoveryCode(" ABCDE FGH23 "));
    expect(hashRecoveryCode("abcde-fgh23")).not.toBe(hashRecoveryCode("abcde-fgh24"));
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});
