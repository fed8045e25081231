// The generated partnership's search index. Records without a co-edited text (courses, units, decisions, actions) go
// through the index's own builders; plans, strategies and minutes are written here in the same shape as
// plan-entries/library-entries/meeting-entries write them, reading each distinct document state's text once
// (thousands of records share a few dozen states, and decoding one costs tens of milliseconds). The smoke test
// (tests/integration/bench-pages.test.ts) checks these rows against the builders' on a sample.
import { createHash } from "node:crypto";
import { Prisma } from "~/generated/sqlite/client";
import { yjsStateToLines } from "~/lib/document-schema/headless";
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
import type { SearchKind } from "~/lib/forms/search";
import { formatDate } from "~/lib/format";
import type { Db } from "~/models/db.server";
import { facetValues, indexableText, NO_FACETS, type SearchEntryData } from "~/models/search/entry-text.server";
import { refreshSearchEntries } from "~/models/search/search-index.server";
import { LESSON_PLAN_DOCUMENT } from "~/policies/lesson-plan";
import { MEETING_MINUTES_DOCUMENT } from "~/policies/meeting";
import { STRATEGY_DOCUMENT } from "~/policies/strategy";
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

async function planRows(store: Db, texts: DocumentTexts, ids: string[]): Promise<SearchEntryData[]> {
  const plans = await store.lessonPlan.findMany({
    where: { id: { in: ids } },
    include: {
      course: { select: { id: true, keyStage: true, leadInstitutionId: true } },
      differentiation: { select: { needArea: true, note: true } },
      strategies: { select: { strategy: { select: { title: true } } } },
    },
  });
  const notes = await texts.of(LESSON_PLAN_DOCUMENT, ids);
  return plans.map((plan) => ({
    ...NO_FACETS,
    partnershipId: plan.partnershipId,
    kind: "plan",
    recordId: plan.id,
    title: plan.title,
    body: indexableText(
      plan.objectives,
      plan.successCriteria,
      plan.starter,
      plan.mainActivity,
      plan.plenary,
      plan.assessment,
      plan.evaluation,
      plan.nextSteps,
      ...plan.differentiation.map((d) => d.note),
      ...plan.strategies.map((s) => s.strategy.title),
      notes.get(plan.id),
    ),
    href: `/plans/${plan.id}`,
    institutionId: plan.course.leadInstitutionId,
    courseId: plan.courseId,
    keyStage: facetValues([plan.course.keyStage]),
    needs: facetValues(plan.differentiation.map((d) => d.needArea)),
    status: plan.status,
    occurredAt: plan.lessonDate ?? plan.updatedAt,
    lessonPlanId: plan.id,
  }));
}

async function strategyRows(store: Db, texts: DocumentTexts, ids: string[]): Promise<SearchEntryData[]> {
  const strategies = await store.strategy.findMany({ where: { id: { in: ids } }, include: { tags: true } });
  const descriptions = await texts.of(STRATEGY_DOCUMENT, ids);
  return strategies.map((strategy) => {
    const valuesOf = (kind: string) => strategy.tags.filter((t) => t.kind === kind).map((t) => t.value);
    return {
      ...NO_FACETS,
      partnershipId: strategy.partnershipId,
      kind: "strategy",
      recordId: strategy.id,
      title: strategy.title,
      body: indexableText(strategy.summary, strategy.evidence, descriptions.get(strategy.id)),
      href: `/strategies/${strategy.id}`,
      institutionId: strategy.institutionId,
      keyStage: facetValues(valuesOf("key_stage")),
      needs: facetValues(valuesOf("need")),
      tags: facetValues([
        ...valuesOf("subject").map((v) => `subject:${v}`),
        ...valuesOf("phase").map((v) => `phase:${v}`),
      ]),
      occurredAt: strategy.updatedAt,
    };
  });
}

async function minutesRows(store: Db, texts: DocumentTexts, ids: string[]): Promise<SearchEntryData[]> {
  const meetings = await store.meeting.findMany({
    where: { id: { in: ids } },
    select: { id: true, partnershipId: true, groupId: true, startsAt: true, minutesStatus: true, group: true },
  });
  const minutes = await texts.of(MEETING_MINUTES_DOCUMENT, ids);
  return meetings.map((meeting) => ({
    ...NO_FACETS,
    partnershipId: meeting.partnershipId,
    kind: "minutes",
    recordId: meeting.id,
    title: `${meeting.group.name}: minutes of ${formatDate(meeting.startsAt)}`,
    body: minutes.get(meeting.id) ?? "",
    href: `/meetings/${meeting.id}`,
    status: meeting.minutesStatus,
    occurredAt: meeting.startsAt,
    groupId: meeting.groupId,
    meetingId: meeting.id,
  }));
}

type RowBuilder = (store: Db, texts: DocumentTexts, ids: string[]) => Promise<SearchEntryData[]>;

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
  const mirrored: [string, SearchKind, RowBuilder][] = [
    ["LessonPlan", "plan", planRows],
    ["Strategy", "strategy", strategyRows],
    ["Meeting", "minutes", minutesRows],
  ];
  for (const [table, kind, build] of mirrored) {
    const ids = await unindexed(store, table, kind, partnershipId);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await build(store, texts, ids.slice(i, i + CHUNK));
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
