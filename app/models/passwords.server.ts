// Password hashing with Argon2id at OWASP's minimum (m=19456 KiB, t=2, p=1) and
// the rules of NIST SP 800-63B: 8 to 128 characters, not a known common
// password, no composition rules.
import { hash, verify, type Algorithm } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id; a const enum, so spelled out for isolated modules.
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;
const PASSWORD_SUGGESTED = 15;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** A reason the password is not acceptable, in plain English, or null. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN)
    return `Use at least ${PASSWORD_MIN} characters (${PASSWORD_SUGGESTED} or more is better).`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (isCommonPassword(password))
    return "That password is on a list of commonly used passwords. Choose something less guessable, such as a short phrase.";
  const lowered = password.toLowerCase();
  const emailName = context.email?.split("@")[0]?.toLowerCase();
  if ((emailName && emailName.length >= 4 && lowered === emailName) || lowered === context.email?.toLowerCase()) {
    return "Your password must not be your email address.";
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the account does not exist keeps sign-in
// time the same for known and unknown emails.
let dummyHash: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword("staffroom-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
