// First-run set-up of a real partnership: while the database holds none (the demo aside), each start of the server
// issues a one-time link (printed in its log, as self-hosted tools do) whose page creates the partnership, its first
// institution and its coordinator. Only the SHA-256 of a link's token is stored; a link expires and works once.
import { config } from "~/config.server";
import { DomainError } from "~/lib/errors";
import type { InstitutionKind } from "~/lib/institutions";
import { normaliseEmail } from "~/lib/email";
import { generateToken, hashToken } from "~/lib/tokens.server";
import { recordAudit } from "./audit.server";
import { db, isUniqueViolation } from "./db.server";
import { hashPassword } from "./passwords.server";
import { createPartnership } from "./partnerships.server";

export const SETUP_LINK_GONE =
  "This set-up link no longer works: it has been used or has expired. Restart Staffroom for a new one in its log.";

/** True while no partnership of its own exists: only then does a set-up link mean anything. */
export async function needsSetup(): Promise<boolean> {
  return (await db().partnership.count({ where: { isDemo: false } })) === 0;
}

/** A new set-up link's token when set-up is still to be done, else null. 256 bits: it hands over the installation. */
export async function issueSetupToken(): Promise<string | null> {
  if (!(await needsSetup())) return null;
  const token = generateToken(256);
  await db().setupToken.create({
    data: {
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + config().setupLinkValidHours * 3_600_000),
    },
  });
  return token;
}

/** Whether a link can still be used; a link that never existed is "unknown" (404), a spent one "gone" (410). */
export async function setupLinkState(token: string): Promise<"usable" | "gone" | "unknown"> {
  if (!token || token.length > 100) return "unknown";
  const link = await db().setupToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link) return "unknown";
  if (link.usedAt || link.expiresAt <= new Date() || !(await needsSetup())) return "gone";
  return "usable";
}

export interface SetupInput {
  partnershipName: string;
  institutionName: string;
  institutionKind: InstitutionKind;
  coordinatorName: string;
  email: string;
  password: string;
}

/**
 * Creates the partnership, its first institution and its coordinator, and spends the link with every other
 * outstanding one, all at once: two requests with the same link, or two links, make one partnership.
 */
export async function completeSetup(token: string, input: SetupInput, ipAddress: string) {
  const passwordHash = await hashPassword(input.password);
  const email = normaliseEmail(input.email);
  const created = db().$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.setupToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1 || (await tx.partnership.count({ where: { isDemo: false } })) > 0) {
      throw new DomainError("gone", SETUP_LINK_GONE);
    }
    await tx.setupToken.updateMany({ where: { usedAt: null }, data: { usedAt: now } });
    const { partnership, institution } = await createPartnership(tx, {
      name: input.partnershipName,
      institution: { name: input.institutionName, kind: input.institutionKind },
    });
    const user = await tx.user.create({
      data: {
        partnershipId: partnership.id,
        institutionId: institution.id,
        email,
        name: input.coordinatorName.trim(),
        role: "coordinator",
        passwordHash,
      },
    });
    return { partnership, user };
  });
  const { partnership, user } = await created.catch((error: unknown) => {
    // The address is a demo member's (emails are unique across the installation): nothing was created.
    if (isUniqueViolation(error)) {
      throw new DomainError("invalid", "This email address already has a Staffroom account. Use another.", "email");
    }
    throw error;
  });
  await recordAudit({
    partnershipId: partnership.id,
    actorId: user.id,
    action: "partnership.set-up",
    subjectType: "partnership",
    subjectId: partnership.id,
    detail: { name: partnership.name },
    ipAddress,
  });
  return user;
}
