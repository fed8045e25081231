// The partnership's schools and colleges.
import { DomainError, invalidField } from "~/lib/errors";
import type { ActionContext } from "~/policies/actor";
import { auditAction } from "./audit.server";
import { db, isUniqueViolation } from "./db.server";

export async function listInstitutions(partnershipId: string, options: { includeArchived?: boolean } = {}) {
  const institutions = await db().institution.findMany({
    where: { partnershipId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: { name: "asc" },
    include: { users: { where: { deactivatedAt: null }, select: { role: true } } },
  });
  return institutions.map(({ users, ...institution }) => ({
    ...institution,
    memberCount: users.length,
    roleCounts: users.reduce<Record<string, number>>(
      (counts, u) => ({ ...counts, [u.role]: (counts[u.role] ?? 0) + 1 }),
      {},
    ),
  }));
}

/** The open institutions' names, for a form's choice of one (no member counts: they read every member). */
export async function listInstitutionNames(partnershipId: string) {
  // Raw: pages with a form read it on every request, where a model query costs several times a raw one.
  return db().$queryRaw<Array<{ id: string; name: string }>>`
    SELECT "id", "name" FROM "Institution" WHERE "partnershipId" = ${partnershipId} AND "archivedAt" IS NULL
    ORDER BY "name" ASC`;
}

export async function getInstitution(partnershipId: string, id: string) {
  return db().institution.findFirst({ where: { id, partnershipId } });
}

const nameTaken = () => invalidField("name", "An institution with this name is already in the partnership.");

async function ensureUniqueName(partnershipId: string, name: string, exceptId?: string) {
  const clash = await db().institution.findFirst({
    where: { partnershipId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
  });
  if (clash) throw nameTaken();
}

/** The check above passes for two requests at once; the unique name index stops the second one's write. */
async function nameTakenMeanwhile<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function createInstitution(ctx: ActionContext, input: { name: string; kind: string; town: string }) {
  const { actor } = ctx;
  const name = input.name.trim();
  await ensureUniqueName(actor.partnershipId, name);
  const institution = await nameTakenMeanwhile(
    db().institution.create({
      data: { partnershipId: actor.partnershipId, name, kind: input.kind, town: input.town.trim() },
    }),
  );
  await auditAction(ctx, {
    action: "institution.created",
    subjectType: "institution",
    subjectId: institution.id,
    detail: { name },
  });
  return institution;
}

export async function updateInstitution(
  ctx: ActionContext,
  id: string,
  input: { name: string; kind: string; town: string },
) {
  const { actor } = ctx;
  const name = input.name.trim();
  await ensureUniqueName(actor.partnershipId, name, id);
  const { count } = await nameTakenMeanwhile(
    db().institution.updateMany({
      where: { id, partnershipId: actor.partnershipId },
      data: { name, kind: input.kind, town: input.town.trim() },
    }),
  );
  if (count === 0) throw new DomainError("invalid", "That institution is not in this partnership.");
  await auditAction(ctx, {
    action: "institution.updated",
    subjectType: "institution",
    subjectId: id,
    detail: { name },
  });
}

/** Archiving hides an institution from new invites and choices; its members keep their accounts. */
export async function setInstitutionArchived(ctx: ActionContext, id: string, archived: boolean) {
  const { count } = await db().institution.updateMany({
    where: { id, partnershipId: ctx.actor.partnershipId },
    data: { archivedAt: archived ? new Date() : null },
  });
  if (count > 0) {
    await auditAction(ctx, {
      action: archived ? "institution.archived" : "institution.restored",
      subjectType: "institution",
      subjectId: id,
    });
  }
  return count > 0;
}
