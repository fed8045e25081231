// The audit log's hash chain (docs/decisions/017): each partnership's entries are numbered 1, 2, 3... and each
// carries the SHA-256 of its own fields and of the entry before it, so an edited, deleted or inserted entry breaks it.
// Appends are serialised per partnership by the chain's head row, updated in the appending transaction.
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/sqlite/client";
import { db } from "./db.server";

/** The "previous hash" of a partnership's first entry. */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  id: string;
  partnershipId: string;
  seq: number;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  detail: string;
  ipAddress: string;
  createdAt: Date;
  prevHash: string;
}

/** The hash of one entry: SHA-256 over a JSON array of its fields in a fixed order (the stored strings as stored). */
export function entryHash(entry: ChainedFields): string {
  const canonical = JSON.stringify([
    "staffroom-audit-v1",
    entry.partnershipId,
    entry.seq,
    entry.id,
    entry.actorId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.detail,
    entry.ipAddress,
    entry.createdAt.toISOString(),
    entry.prevHash,
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

export type NewAuditRow = Pick<
  ChainedFields,
  "partnershipId" | "actorId" | "action" | "subjectType" | "subjectId" | "detail" | "ipAddress"
>;

type Tx = Prisma.TransactionClient;

/** What an appending transaction may wait for and take: other appends of the partnership queue on the head row. */
export const CHAIN_TRANSACTION = { maxWait: 10_000, timeout: 60_000 } as const;

/**
 * Chains a partnership's entries written before the chain existed, oldest first, from the genesis hash: done once,
 * by whoever starts the chain, so that every entry is covered and an unchained one later can only be an intruder.
 */
async function chainEarlierEntries(tx: Tx, partnershipId: string) {
  const earlier = await tx.auditEvent.findMany({
    where: { partnershipId, seq: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  let head = { seq: 0, hash: GENESIS_HASH };
  for (const entry of earlier) {
    const seq = head.seq + 1;
    const hash = entryHash({ ...entry, seq, prevHash: head.hash });
    await tx.auditEvent.update({ where: { id: entry.id }, data: { seq, prevHash: head.hash, hash } });
    head = { seq, hash };
  }
  await tx.auditChain.update({ where: { partnershipId }, data: head });
}

/**
 * Takes the partnership's chain head for this transaction, moving its position on by `count` (0 only locks it),
 * and returns the head as it was. It is the transaction's first statement: an UPDATE, so SQLite takes its write
 * lock before reading anything (no stale snapshot), and PostgreSQL's row lock makes the next appender wait for
 * this commit and then read the head it left. The first append of a partnership starts the chain.
 */
export async function claimChain(tx: Tx, partnershipId: string, count: number) {
  const claimed = await tx.$executeRaw`
    UPDATE "AuditChain" SET "seq" = "seq" + ${count} WHERE "partnershipId" = ${partnershipId}`;
  if (claimed === 0) {
    const started = await tx.$executeRaw`
      INSERT INTO "AuditChain" ("partnershipId", "seq", "hash", "anchorSeq", "anchorHash")
      VALUES (${partnershipId}, 0, ${GENESIS_HASH}, 0, ${GENESIS_HASH})
      ON CONFLICT ("partnershipId") DO NOTHING`;
    if (started === 1) await chainEarlierEntries(tx, partnershipId);
    return claimChain(tx, partnershipId, count);
  }
  const head = await tx.auditChain.findUniqueOrThrow({ where: { partnershipId } });
  return { ...head, seq: head.seq - count };
}

/** Appends entries to their partnership's chain inside the caller's transaction, in the order given. */
export async function appendInTransaction(tx: Tx, partnershipId: string, rows: NewAuditRow[], at = new Date()) {
  if (rows.length === 0) return;
  const head = await claimChain(tx, partnershipId, rows.length);
  let prevHash = head.hash;
  const chained = rows.map((row, index) => {
    const fields: ChainedFields = { ...row, id: randomUUID(), seq: head.seq + index + 1, createdAt: at, prevHash };
    const hash = entryHash(fields);
    prevHash = hash;
    return { ...fields, hash };
  });
  await tx.auditEvent.createMany({ data: chained });
  await tx.auditChain.update({ where: { partnershipId }, data: { hash: prevHash } });
}

/** Appends entries of one partnership in their own transaction. Never call it inside another transaction's callback. */
export async function appendAuditRows(partnershipId: string, rows: NewAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db().$transaction((tx) => appendInTransaction(tx, partnershipId, rows), CHAIN_TRANSACTION);
}
