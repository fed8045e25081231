// The generated partnership's search index, written by the index's own builders. Plans, strategies and minutes are
// given a reader of their co-edited texts that decodes each distinct document state once (thousands of records share
// a few dozen states, and decoding one costs tens of milliseconds); the rest refresh as the application does. The
// smoke test (tests/integration/bench-pages.test.ts) checks these rows against a refresh on a sample.
import { createHash } from "node:crypto";
import { Prisma } from "~/generated/sqlite/client";
import { yjsStateToLines } from "~/lib/document-schema/headless";
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
import type { SearchKind } from "~/lib/forms/search";
import type { Db } from "~/models/db.server";
import { indexableText, type OwnerTexts, type SearchEntryData } from "~/models/search/entry-text.server";
import { strategyEntries } from "~/models/search/library-entries.server";
import { minutesEntries } from "~/models/search/meeting-entries.server";
import { planEntries } from "~/models/search/plan-entries.server";
import { refreshSearchEntries } from "~/models/search/search-index.server";
import { insertAll } from "./generate";

const CHUNK = 500;

/** The body text of documents by owner id, each distinct state decoded once. */
class DocumentTexts {
  private readonly byState = new Map<string, string>();
  constructor(private readonly store: Db) {}

  async of(ownerType: string, ownerIds: string[]): Promise<Map<string, string>> {
    const documents = await this.store.collabDocument.findMany({
      where: { ownerType, ownerId: { in: ownerIds } },
      select: { ownerId: true, snapshots: { where: { kind: "compaction" }, select: { state: true } } },
    });
    const texts = new Map<string, string>();
    for (const document of documents) {
      const state = document.snapshots[0]?.state;
      if (!state) continue;
      const key = createHash("sha1").update(state).digest("hex");
      let text = this.byState.get(key);
      if (text === undefined) {
        const lines = await yjsStateToLines(state, [YJS_ROOT_NAME]);
        text = indexableText(lines[YJS_ROOT_NAME]);
        this.byState.set(key, text);
      }
      texts.set(document.ownerId, text);
    }
    return texts;
  }
}

type RowBuilder = (store: Db, ids: readonly string[], texts: OwnerTexts) => Promise<SearchEntryData[]>;

/** Ids of the partnership's records of a kind that have no search entry yet. */
async function unindexed(store: Db, table: string, kind: SearchKind, partnershipId: string): Promise<string[]> {
  // Only our own table names reach the SQL as text.
  const rows = await store.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT r."id" AS id FROM ${Prisma.raw(`"${table}"`)} r WHERE r."partnershipId" = ${partnershipId} AND NOT EXISTS (SELECT 1 FROM "SearchEntry" e WHERE e."kind" = ${kind} AND e."recordId" = r."id")`,
  );
  return rows.map((r) => r.id);
}

/** Writes the search entries of every record of the partnership that has none (the demo seed indexed its own). */
export async function writeSearchEntries(store: Db, partnershipId: string): Promise<void> {
  const texts = new DocumentTexts(store);
  const withTexts: [string, SearchKind, RowBuilder][] = [
    ["LessonPlan", "plan", planEntries],
    ["Strategy", "strategy", strategyEntries],
    ["Meeting", "minutes", minutesEntries],
  ];
  for (const [table, kind, build] of withTexts) {
    const ids = await unindexed(store, table, kind, partnershipId);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await build(store, ids.slice(i, i + CHUNK), (_store, ownerType, ownerIds) =>
        texts.of(ownerType, [...ownerIds]),
      );
      await insertAll(rows, (data) => store.searchEntry.createMany({ data }), 100);
    }
  }
  const units = await store.courseUnit.findMany({
    where: { course: { partnershipId } },
    select: { id: true },
  });
  const built: [SearchKind, string[]][] = [
    ["course", await unindexed(store, "Course", "course", partnershipId)],
    ["decision", await unindexed(store, "MeetingDecision", "decision", partnershipId)],
    ["action", await unindexed(store, "MeetingAction", "action", partnershipId)],
    ["unit", units.map((u) => u.id)],
  ];
  for (const [kind, ids] of built) {
    for (let i = 0; i < ids.length; i += CHUNK) await refreshSearchEntries(store, kind, ids.slice(i, i + CHUNK));
  }
}
