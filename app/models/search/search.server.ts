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
import { screenStudentNames } from "../student-names.server";
import { searchEngine, type FacetRow } from "./search-engines.server";
import { filtersSql, visibleToSql } from "./search-visibility.server";

const SEARCH_PAGE_SIZE = 20;

const TAG_LABELS = (tag: string) => {
  const [kind, value = ""] = tag.split(":");
  return kind === "subject" ? SUBJECTS.label(value) : `${LESSON_PHASES.label(value)} (phase)`;
};

const NO_FACETS: SearchFacets = { kind: [], institution: [], course: [], keyStage: [], need: [], tag: [], status: [] };

/**
 * The rows of one facet as counted values, most first: a stored combination (`|a|b|`) counts for each of its values,
 * and none ("") is not a value.
 */
function facetValues(
  rows: FacetRow[],
  facet: FacetRow["facet"],
  label: (value: string) => string | undefined = () => undefined,
) {
  const counts = new Map<string, { label: string; count: number }>();
  for (const row of rows) {
    if (row.facet !== facet) continue;
    for (const value of row.value.split("|")) {
      if (!value) continue;
      const counted = counts.get(value) ?? { label: row.label ?? label(value) ?? value, count: 0 };
      counted.count += Number(row.count);
      counts.set(value, counted);
    }
  }
  return [...counts]
    .map(([value, { label, count }]) => ({ value, label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function facetsOf(rows: FacetRow[]): SearchFacets {
  return {
    kind: facetValues(rows, "kind", (v) => SEARCH_KINDS[v as SearchKind]),
    institution: facetValues(rows, "institution"),
    course: facetValues(rows, "course"),
    keyStage: facetValues(rows, "keyStage", KEY_STAGES.label),
    need: facetValues(rows, "needs", NEED_AREAS.label),
    tag: facetValues(rows, "tags", TAG_LABELS),
    status: facetValues(rows, "status", statusLabel),
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
  const engine = searchEngine();
  const where = Prisma.join([visibleToSql(actor), filtersSql(request.filters, engine.timestamp)], " AND ");
  // A page's rows, then their snippets (the snippet pass needs the page's ids).
  const pageAt = async (page: number) => {
    const rows = await engine.ranked(parsed.tokens, where, request.sort, pageSize, (page - 1) * pageSize);
    return {
      rows,
      snippets: await engine.snippets(
        parsed.tokens,
        rows.map((r) => Number(r.id)),
      ),
    };
  };
  // The page asked for and the counts side by side (each pass goes through every match), the page's snippets as soon
  // as it is there; a page past the last is asked again, as the last.
  const [facetRows, counted, asked] = await Promise.all([
    facets ? engine.facets(parsed.tokens, where, actor.partnershipId) : [],
    facets ? 0 : engine.count(parsed.tokens, where),
    pageAt(request.page),
  ]);
  const total = facets
    ? facetRows.reduce((sum, row) => sum + (row.facet === "kind" ? Number(row.count) : 0), 0)
    : counted;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const { rows, snippets } = request.page > pageCount ? await pageAt(pageCount) : asked;
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
    facets: facets ? facetsOf(facetRows) : NO_FACETS,
    hits: rows.map((row, i) => ({
      kind: row.kind as SearchKind,
      title: screened[i]!,
      snippet: snippetAt(i),
      href: row.href,
      occurredAt: new Date(row.occurredAt).toISOString(),
    })),
  };
}
