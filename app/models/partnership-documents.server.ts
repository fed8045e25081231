// Shared documents of the partnership (agendas, handbooks, transport
// arrangements): co-edited documents owned by the partnership itself.
import { randomUUID } from "node:crypto";
import type { ActionContext, Actor } from "~/policies/actor";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { auditAction } from "./audit.server";
import { createDocument } from "./collab-documents.server";
import { db } from "./db.server";

const DOCUMENTS_PAGE_SIZE = 25;

export async function listPartnershipDocuments(actor: Actor, options: { q?: string; page?: number } = {}) {
  const page = Math.max(1, options.page ?? 1);
  const q = options.q?.trim();
  const where = {
    partnershipId: actor.partnershipId,
    ownerType: PARTNERSHIP_DOCUMENT,
    ...(q ? { title: { contains: q } } : {}),
  };
  const [documents, total] = await Promise.all([
    db().collabDocument.findMany({
      where,
      orderBy: { updatedAt: "desc" },
      skip: (page - 1) * DOCUMENTS_PAGE_SIZE,
      take: DOCUMENTS_PAGE_SIZE,
      select: { id: true, title: true, createdAt: true, updatedAt: true },
    }),
    db().collabDocument.count({ where }),
  ]);
  return { documents, total, page, pageCount: Math.max(1, Math.ceil(total / DOCUMENTS_PAGE_SIZE)) };
}

export async function createPartnershipDocument(ctx: ActionContext, title: string) {
  const document = await createDocument(ctx.actor, {
    ownerType: PARTNERSHIP_DOCUMENT,
    ownerId: randomUUID(),
    title: title.trim(),
  });
  await auditAction(ctx, {
    action: "document.created",
    subjectType: "document",
    subjectId: document.id,
    detail: { title: document.title },
  });
  return document;
}
