// Search entries of the partnership's shared practice and plans of study: strategies (with their co-edited
// descriptions and tags), courses, units and shared documents.
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
import { formatDate } from "~/lib/format";
import { SUBJECTS } from "~/lib/co-planning";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { STRATEGY_DOCUMENT } from "~/policies/strategy";
// The client type itself, not db.server: that module builds its clients with withSearchIndexing.
import type { PrismaClient as Db } from "~/generated/sqlite/client";
import {
  facetValues,
  indexableText,
  NO_FACETS,
  ownedDocumentTexts,
  storedDocumentTexts,
  type OwnerTexts,
  type SearchEntryData,
} from "./entry-text.server";

export async function strategyEntries(
  store: Db,
  ids: readonly string[],
  texts: OwnerTexts = ownedDocumentTexts,
): Promise<SearchEntryData[]> {
  const strategies = await store.strategy.findMany({ where: { id: { in: [...ids] } }, include: { tags: true } });
  const descriptions = await texts(
    store,
    STRATEGY_DOCUMENT,
    strategies.map((s) => s.id),
  );
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

export async function courseEntries(store: Db, ids: readonly string[]): Promise<SearchEntryData[]> {
  const courses = await store.course.findMany({ where: { id: { in: [...ids] } } });
  return courses.map((course) => ({
    ...NO_FACETS,
    partnershipId: course.partnershipId,
    kind: "course",
    recordId: course.id,
    title: course.title,
    body: indexableText(course.qualification, SUBJECTS.label(course.subject), course.summary),
    href: `/courses/${course.id}`,
    institutionId: course.leadInstitutionId,
    courseId: course.id,
    keyStage: facetValues([course.keyStage]),
    status: course.archivedAt ? "archived" : "",
    occurredAt: course.updatedAt,
  }));
}

export async function unitEntries(store: Db, ids: readonly string[]): Promise<SearchEntryData[]> {
  const units = await store.courseUnit.findMany({ where: { id: { in: [...ids] } }, include: { course: true } });
  return units.map((unit) => ({
    ...NO_FACETS,
    partnershipId: unit.course.partnershipId,
    kind: "unit",
    recordId: unit.id,
    title: unit.title,
    body: indexableText(unit.summary, unit.course.title),
    href: `/courses/${unit.courseId}`,
    institutionId: unit.course.leadInstitutionId,
    courseId: unit.courseId,
    keyStage: facetValues([unit.course.keyStage]),
    occurredAt: unit.createdAt,
  }));
}

export async function documentEntries(store: Db, ids: readonly string[]): Promise<SearchEntryData[]> {
  const documents = await store.collabDocument.findMany({
    where: { id: { in: [...ids] }, ownerType: PARTNERSHIP_DOCUMENT },
    select: { id: true, partnershipId: true, title: true, updatedAt: true, createdAt: true },
  });
  const texts = await storedDocumentTexts(
    store,
    documents.map((d) => d.id),
    [YJS_ROOT_NAME],
  );
  return documents.map((document) => ({
    ...NO_FACETS,
    partnershipId: document.partnershipId,
    kind: "document",
    recordId: document.id,
    title: document.title || `Untitled document of ${formatDate(document.createdAt)}`,
    body: texts.get(document.id) ?? "",
    href: `/documents/${document.id}`,
    occurredAt: document.updatedAt,
  }));
}
