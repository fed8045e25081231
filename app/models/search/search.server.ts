// Search across everything a member may open: the query parsed into tokens, run by the database's engine inside the
// member's visibility (search-visibility), counted into facets after that filtering, and returned with snippets
// screened for the student names the member may not see.
import { Prisma } from "~/generated/sqlite/client";
import { KEY_STAGES, LESSON_STATUSES, NEED_AREAS, LESSON_PHASES, SUBJECTS } from "~/lib/co-planning";
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  parseSearchQuery,
  SEARCH_KINDS,
  type SearchFacets,
  type SearchKind,
  type SearchOutcome,
  type SearchRequest,
} from "~/lib/forms/search";
import type { Actor } from "~/policies/actor";
import { db } from "../db.server";
import { screenStudentNames } from "../student-names.server";
import { searchEngine, type FacetRow } from "./search-engines.server";
import { filtersSql, visibleToSql } from "./search-visibility.server";

const SEARCH_PAGE_SIZE = 20;

const TAG_LABELS = (tag: string) => {
  const [kind, value = ""] = tag.split(":");
  return kind === "subject" ? SUBJECTS.label(value) : `${LESSON_PHASES.label(value)} (phase)`;
};

function count(rows: FacetRow[], values: (row: FacetRow) => (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const value of values(row)) if (value) counts.set(value, (counts.get(value) ?? 0) + Number(row.count));
  }
  return counts;
}

const NO_FACETS: SearchFacets = { kind: [], institution: [], course: [], keyStage: [], need: [], tag: [], status: [] };

const split = (stored: string) => stored.split("|").filter(Boolean);

async function facetsOf(actor: Actor, rows: FacetRow[]): Promise<SearchFacets> {
  const institutions = count(rows, (r) => [r.institutionId]);
  const courses = count(rows, (r) => [r.courseId]);
  const [institutionNames, courseTitles] = await Promise.all([
    db().institution.findMany({
      where: { partnershipId: actor.partnershipId, id: { in: [...institutions.keys()] } },
      select: { id: true, name: true },
    }),
    db().course.findMany({
      where: { partnershipId: actor.partnershipId, id: { in: [...courses.keys()] } },
      select: { id: true, title: true },
    }),
  ]);
  const values = (counts: Map<string, number>, label: (value: string) => string | undefined) =>
    [...counts]
      .map(([value, n]) => ({ value, label: label(value) ?? value, count: n }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return {
    kind: values(
      count(rows, (r) => [r.kind]),
      (v) => SEARCH_KINDS[v as SearchKind],
    ),
    institution: values(institutions, (v) => institutionNames.find((i) => i.id === v)?.name),
    course: values(courses, (v) => courseTitles.find((c) => c.id === v)?.title),
    keyStage: values(
      count(rows, (r) => split(r.keyStage)),
      KEY_STAGES.label,
    ),
    need: values(
      count(rows, (r) => split(r.needs)),
      NEED_AREAS.label,
    ),
    tag: values(
      count(rows, (r) => split(r.tags)),
      TAG_LABELS,
    ),
    status: values(
      count(rows, (r) => [r.status]),
      statusLabel,
    ),
  };
}

function statusLabel(status: string): string {
  if (LESSON_STATUSES.is(status)) return LESSON_STATUSES.label(status);
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/** What a search sends back besides the hits: the facets, or (the header's quick search) only how many match. */
interface SearchShape {
  pageSize?: number;
  facets?: boolean;
}

export async function searchEverything(
  actor: Actor,
  request: SearchRequest,
  { pageSize = SEARCH_PAGE_SIZE, facets = true }: SearchShape = {},
): Promise<SearchOutcome> {
  const parsed = parseSearchQuery(request.q);
  if (!parsed.ok) return parsed;
  const engine = searchEngine(db());
  const where = Prisma.join([visibleToSql(actor), filtersSql(request.filters, engine.timestamp)], " AND ");
  const facetRows = facets ? await engine.facets(parsed.tokens, where) : [];
  const total = facets
    ? facetRows.reduce((sum, row) => sum + Number(row.count), 0)
    : await engine.count(parsed.tokens, where);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(request.page, pageCount);
  const rows = await engine.ranked(parsed.tokens, where, request.sort, pageSize, (page - 1) * pageSize);
  const snippets = await engine.snippets(
    parsed.tokens,
    rows.map((r) => Number(r.id)),
  );
  const marked = rows.map((row) => snippets.get(Number(row.id)) ?? "");
  const plain = marked.map((snippet) => snippet.replaceAll(HIGHLIGHT_START, "").replaceAll(HIGHLIGHT_END, ""));
  // One screen for the query and the page. A match on a name the member may not read would tell them which records
  // mention that student: nothing found is sent. A snippet naming such a student loses its highlights, not the name.
  const [query, ...screened] = await screenStudentNames(actor, [request.q, ...rows.map((r) => r.title), ...plain]);
  if (query !== request.q)
    return { ok: false, message: "Search for a student by name only if you may see their full record." };
  const snippetAt = (i: number) => {
    const text = screened[rows.length + i]!;
    return text === plain[i] ? marked[i]! : text;
  };
  return {
    ok: true,
    total,
    pageCount,
    facets: facets ? await facetsOf(actor, facetRows) : NO_FACETS,
    hits: rows.map((row, i) => ({
      kind: row.kind as SearchKind,
      title: screened[i]!,
      snippet: snippetAt(i),
      href: row.href,
      occurredAt: new Date(row.occurredAt).toISOString(),
    })),
  };
}
