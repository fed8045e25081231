// Walks a partnership's audit hash chain from its anchor to its head and reports the first broken link: an entry
// changed after it was recorded, one missing (deleted), one that does not follow its predecessor (inserted or
// reordered), one outside the chain, or a head or anchor that does not match the entries.
import { db } from "./db.server";
import { entryHash, GENESIS_HASH, type ChainedFields } from "./audit-chain.server";

export type ChainVerdict =
  | { ok: true; entries: number; head: { seq: number; hash: string } | null; anchorSeq: number }
  | { ok: false; problem: string; entryId: string | null };

/** An entry as stored: its chained fields, its own hash, and no position for one written before the chain. */
type StoredEntry = Omit<ChainedFields, "seq"> & { seq: number | null; hash: string };

const BATCH = 2_000;

/** How an entry is named in a report: its position, what it records and its id. */
function describeEntry(entry: Pick<StoredEntry, "id" | "seq" | "action" | "createdAt">): string {
  const position = entry.seq === null ? "unnumbered entry" : `entry #${entry.seq}`;
  return `${position} (${entry.action}, ${entry.createdAt.toISOString()}, id ${entry.id})`;
}

const broken = (problem: string, entry: { id: string } | null): ChainVerdict => ({
  ok: false,
  problem,
  entryId: entry?.id ?? null,
});

/** Checks one link: the entry's position, its previous hash and its own hash. */
function checkLink(entry: StoredEntry, expectedSeq: number, prev: StoredEntry | null, prevHash: string) {
  const after = prev ? describeEntry(prev) : "the start of the chain";
  if (entry.seq !== expectedSeq) {
    return (entry.seq ?? 0) > expectedSeq
      ? `${describeEntry(entry)} follows ${after}, but ${entry.seq! - expectedSeq} entr${entry.seq! - expectedSeq === 1 ? "y is" : "ies are"} missing between them (deleted)`
      : `${describeEntry(entry)} is numbered out of order after ${after}`;
  }
  if (entry.prevHash !== prevHash) {
    return `${describeEntry(entry)} does not follow ${after}: an entry between them was inserted, deleted or changed`;
  }
  if (entryHash({ ...entry, seq: expectedSeq }) !== entry.hash) {
    return `${describeEntry(entry)} was changed after it was recorded`;
  }
  return null;
}

/** The newest "audit.pruned" entry must record the anchor: otherwise the chain's start was moved by hand. */
async function checkAnchor(partnershipId: string, anchorSeq: number, anchorHash: string): Promise<string | null> {
  if (anchorSeq === 0) return anchorHash === GENESIS_HASH ? null : "the chain's start was changed by hand";
  const pruning = await db().auditEvent.findFirst({
    where: { partnershipId, action: "audit.pruned", seq: { not: null } },
    orderBy: { seq: "desc" },
  });
  const recorded = pruning ? (JSON.parse(pruning.detail) as { throughSeq?: number; anchorHash?: string }) : null;
  if (recorded?.throughSeq === anchorSeq && recorded.anchorHash === anchorHash) return null;
  return `the chain starts after entry #${anchorSeq}, but no pruning of the audit log recorded that start`;
}

export async function verifyAuditChain(partnershipId: string): Promise<ChainVerdict> {
  const head = await db().auditChain.findUnique({ where: { partnershipId } });
  if (!head) {
    const chained = await db().auditEvent.findFirst({ where: { partnershipId, seq: { not: null } } });
    if (chained) return broken("the chain's head record is missing (deleted)", chained);
    return { ok: true, entries: 0, head: null, anchorSeq: 0 };
  }
  const outsider = await db().auditEvent.findFirst({ where: { partnershipId, seq: null } });
  if (outsider) return broken(`${describeEntry(outsider)} is not in the chain: it was inserted`, outsider);
  const anchorProblem = await checkAnchor(partnershipId, head.anchorSeq, head.anchorHash);
  if (anchorProblem) return broken(anchorProblem, null);

  let expectedSeq = head.anchorSeq + 1;
  let prevHash = head.anchorHash;
  let prev: StoredEntry | null = null;
  for (;;) {
    const batch: StoredEntry[] = await db().auditEvent.findMany({
      where: { partnershipId, seq: { gt: prev?.seq ?? -1 } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const entry of batch) {
      if (entry.seq! > head.seq)
        return broken(`${describeEntry(entry)} comes after the chain's head: it was inserted`, entry);
      const problem = checkLink(entry, expectedSeq, prev, prevHash);
      if (problem) return broken(problem, entry);
      prev = entry;
      prevHash = entry.hash;
      expectedSeq += 1;
    }
    if (batch.length < BATCH) break;
  }
  const last = prev ? describeEntry(prev) : "its start";
  if (expectedSeq - 1 !== head.seq || prevHash !== head.hash) {
    return broken(
      `the chain ends at ${last}, but its head records entry #${head.seq}: the newest entries were deleted or changed`,
      prev,
    );
  }
  return {
    ok: true,
    entries: head.seq - head.anchorSeq,
    head: { seq: head.seq, hash: head.hash },
    anchorSeq: head.anchorSeq,
  };
}

/** Every partnership's verdict, for the verify command and the scheduled log line. */
export async function verifyAllAuditChains() {
  const partnerships = await db().partnership.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } });
  const verdicts = [];
  for (const partnership of partnerships) {
    verdicts.push({ ...partnership, verdict: await verifyAuditChain(partnership.id) });
  }
  return verdicts;
}

const VERDICT_FRESH_MS = 60_000;
const recentVerdicts = new Map<string, { at: number; verdict: ChainVerdict }>();

/** The verdict the audit page shows: the chain is walked again at most once a minute per partnership and process. */
export async function recentAuditVerdict(partnershipId: string, now = Date.now()) {
  const cached = recentVerdicts.get(partnershipId);
  if (cached && now - cached.at < VERDICT_FRESH_MS) return cached;
  const fresh = { at: now, verdict: await verifyAuditChain(partnershipId) };
  recentVerdicts.set(partnershipId, fresh);
  return fresh;
}
