// Keeps SearchEntry in step with the records: refreshes the entries of changed records (a record that is gone loses
// its entry), prunes entries whose record was deleted in bulk, and rebuilds everything (`npm run search:rebuild`).
// Refreshes are queued per database client and run together a moment after the writes that asked for them.
import { AsyncResource } from "node:async_hooks";
import { Prisma } from "~/generated/sqlite/client";
import type { SearchKind } from "~/lib/forms/search";
// The client type itself, not db.server: that module builds its clients with withSearchIndexing.
import type { PrismaClient as Db } from "~/generated/sqlite/client";
import { logger } from "../../../server/logger";
import type { SearchEntryData } from "./entry-text.server";
import { courseEntries, documentEntries, strategyEntries, unitEntries } from "./library-entries.server";
import { actionEntries, decisionEntries, minutesEntries } from "./meeting-entries.server";
import { planEntries, resourceEntries } from "./plan-entries.server";

interface KindSource {
  build: (store: Db, ids: readonly string[]) => Promise<SearchEntryData[]>;
  /** The table of the records (entries whose record is not in it are pruned). */
  table: string;
  /** Every record id of the kind, for a rebuild. */
  allIds: (store: Db) => Promise<{ id: string }[]>;
}

const SOURCES: Record<SearchKind, KindSource> = {
  plan: { build: planEntries, table: "LessonPlan", allIds: (s) => s.lessonPlan.findMany({ select: { id: true } }) },
  resource: {
    build: resourceEntries,
    table: "LessonResource",
    allIds: (s) => s.lessonResource.findMany({ select: { id: true } }),
  },
  strategy: { build: strategyEntries, table: "Strategy", allIds: (s) => s.strategy.findMany({ select: { id: true } }) },
  course: { build: courseEntries, table: "Course", allIds: (s) => s.course.findMany({ select: { id: true } }) },
  unit: { build: unitEntries, table: "CourseUnit", allIds: (s) => s.courseUnit.findMany({ select: { id: true } }) },
  minutes: { build: minutesEntries, table: "Meeting", allIds: (s) => s.meeting.findMany({ select: { id: true } }) },
  decision: {
    build: decisionEntries,
    table: "MeetingDecision",
    allIds: (s) => s.meetingDecision.findMany({ select: { id: true } }),
  },
  action: {
    build: actionEntries,
    table: "MeetingAction",
    allIds: (s) => s.meetingAction.findMany({ select: { id: true } }),
  },
  document: {
    build: documentEntries,
    table: "CollabDocument",
    allIds: (s) => s.collabDocument.findMany({ where: { ownerType: "partnership-document" }, select: { id: true } }),
  },
};

const KINDS = Object.keys(SOURCES) as SearchKind[];

/** Writes the entries of these records as they are now; a record that no longer exists loses its entry. */
export async function refreshSearchEntries(store: Db, kind: SearchKind, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const entries = await SOURCES[kind].build(store, ids);
  for (const entry of entries) {
    await store.searchEntry.upsert({
      where: { kind_recordId: { kind, recordId: entry.recordId } },
      create: entry,
      update: entry,
    });
  }
  const kept = new Set(entries.map((e) => e.recordId));
  const gone = ids.filter((id) => !kept.has(id));
  if (gone.length > 0) await store.searchEntry.deleteMany({ where: { kind, recordId: { in: gone } } });
}

/** Removes the entries of a kind whose record is gone (after a bulk delete whose ids were not known). */
async function pruneSearchEntries(store: Db, kind: SearchKind): Promise<void> {
  // The table name comes from SOURCES, never from input.
  const table = Prisma.raw(`"${SOURCES[kind].table}"`);
  await store.$executeRaw(
    Prisma.sql`DELETE FROM "SearchEntry" WHERE "kind" = ${kind} AND NOT EXISTS (SELECT 1 FROM ${table} r WHERE r."id" = "SearchEntry"."recordId")`,
  );
}

const REBUILD_BATCH = 200;

/** Every entry written afresh from the records (after an upgrade changes what is indexed); returns how many. */
export async function rebuildSearchIndex(store: Db): Promise<number> {
  let count = 0;
  for (const kind of KINDS) count += await rebuildKind(store, kind);
  return count;
}

async function rebuildKind(store: Db, kind: SearchKind): Promise<number> {
  await pruneSearchEntries(store, kind);
  const ids = (await SOURCES[kind].allIds(store)).map((r) => r.id);
  for (let i = 0; i < ids.length; i += REBUILD_BATCH) {
    await refreshSearchEntries(store, kind, ids.slice(i, i + REBUILD_BATCH));
  }
  return ids.length;
}

/** How long after a write its refresh waits for more writes to join it (a form's several updates, a seed). */
const QUEUE_DELAY_MS = 150;

/** The refreshes asked for on one client, run together after a quiet moment. */
export class SearchIndexQueue {
  private readonly waiting = new Map<SearchKind, Set<string>>();
  private readonly prunes = new Set<SearchKind>();
  private readonly everything = new Set<SearchKind>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  /**
   * Runs outside whatever asynchronous context asked for the refresh: a write inside an interactive transaction
   * must not make the refresh part of that transaction (or of the next one) on SQLite's single connection.
   */
  private readonly runLater = AsyncResource.bind(() => {
    this.timer = null;
    void this.flush();
  });

  constructor(private readonly store: () => Db) {}

  refresh(kind: SearchKind, ids: Iterable<string>): void {
    const set = this.waiting.get(kind) ?? new Set<string>();
    for (const id of ids) set.add(id);
    this.waiting.set(kind, set);
    this.schedule();
  }

  prune(kind: SearchKind): void {
    this.prunes.add(kind);
    this.schedule();
  }

  refreshAll(kind: SearchKind): void {
    this.everything.add(kind);
    this.schedule();
  }

  /** Runs what is waiting now, after any run under way (tests, seeds and shutdown wait for it). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.waiting].map(([kind, ids]) => [kind, [...ids]] as const);
    const prunes = [...this.prunes];
    const everything = [...this.everything];
    this.waiting.clear();
    this.prunes.clear();
    this.everything.clear();
    this.running = this.running.then(() => this.run(batch, prunes, everything));
    return this.running;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(this.runLater, QUEUE_DELAY_MS);
    this.timer.unref?.();
  }

  private async run(
    batch: (readonly [SearchKind, readonly string[]])[],
    prunes: SearchKind[],
    everything: SearchKind[],
  ): Promise<void> {
    try {
      for (const [kind, ids] of batch) {
        if (!everything.includes(kind)) await refreshSearchEntries(this.store(), kind, ids);
      }
      for (const kind of prunes) await pruneSearchEntries(this.store(), kind);
      for (const kind of everything) await rebuildKind(this.store(), kind);
    } catch (error) {
      // The next change of the record, or a rebuild, writes the entry again; the write that asked has succeeded.
      logger.warn("search: refreshing the index failed", { error: String(error) });
    }
  }
}
