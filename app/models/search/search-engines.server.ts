// The two full-text engines behind one interface: SQLite FTS5 (Porter stemming, bm25, snippet()) and PostgreSQL
// (English Snowball stemming, ts_rank, ts_headline). Both build their query from parsed tokens, as bound parameters:
// nothing the user typed is ever read as query syntax. The caller gives the WHERE conditions (visibility, facets) on
// the entry `e`, already as SQL with parameters. Every statement goes through readQuery: on SQLite a reader thread, so a
// search's passes over thousands of matches neither hold up the event loop nor wait for each other.
import { Prisma } from "~/generated/sqlite/client";
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchSort, type SearchToken } from "~/lib/forms/search";
import { currentProvider, readQuery } from "../db.server";

interface RankedRow {
  id: number;
  kind: string;
  recordId: string;
  title: string;
  href: string;
  occurredAt: Date | string;
}

/**
 * One facet value of the matches and how many have it: `kind`, `institution`, `course` and `status` one value each
 * ("" for none), `keyStage`, `needs` and `tags` a stored combination (`|a|b|`) for the model to split. Institutions
 * and courses come with their names.
 */
export interface FacetRow {
  facet: "kind" | "institution" | "course" | "keyStage" | "needs" | "tags" | "status";
  value: string;
  label: string | null;
  count: number | bigint;
}

export interface SearchEngine {
  ranked(
    tokens: SearchToken[],
    where: Prisma.Sql,
    sort: SearchSort,
    limit: number,
    offset: number,
  ): Promise<RankedRow[]>;
  facets(tokens: SearchToken[], where: Prisma.Sql, partnershipId: string): Promise<FacetRow[]>;
  /** How many match, when the facets are not wanted (the header's quick search). */
  count(tokens: SearchToken[], where: Prisma.Sql): Promise<number>;
  snippets(tokens: SearchToken[], ids: number[]): Promise<Map<number, string>>;
  /** A date as the engine stores DateTime columns, for comparisons in raw SQL. */
  timestamp(date: Date): Date | string;
}

const ENTRY_COLUMNS = Prisma.sql`e."id", e."kind", e."recordId", e."title", e."href", e."occurredAt"`;

/**
 * The facet values of the matches, from how many matches have each facet set (`grouped`): a few hundred rows, each
 * set's values added up per facet in the database, with the names of institutions and courses of the partnership.
 */
function facetValuesOf(grouped: Prisma.Sql, partnershipId: string): Prisma.Sql {
  const plain = (column: FacetRow["facet"]) =>
    Prisma.sql`SELECT ${Prisma.raw(`'${column}' AS "facet", s."${column}" AS "value"`)}, CAST(NULL AS TEXT) AS "label",
      SUM(s."count") AS "count" FROM s GROUP BY ${Prisma.raw(`s."${column}"`)}`;
  return Prisma.sql`WITH s AS MATERIALIZED (SELECT f.*, g."count" FROM (${grouped}) g JOIN "SearchFacetSet" f ON f."id" = g."facetSetId")
    ${plain("kind")} UNION ALL ${plain("status")} UNION ALL ${plain("keyStage")} UNION ALL ${plain("needs")}
    UNION ALL ${plain("tags")}
    UNION ALL SELECT 'institution', s."institutionId", i."name", SUM(s."count") FROM s
      LEFT JOIN "Institution" i ON i."id" = s."institutionId" AND i."partnershipId" = ${partnershipId}
      GROUP BY s."institutionId", i."name"
    UNION ALL SELECT 'course', s."courseId", c."title", SUM(s."count") FROM s
      LEFT JOIN "Course" c ON c."id" = s."courseId" AND c."partnershipId" = ${partnershipId}
      GROUP BY s."courseId", c."title"`;
}

/** FTS5's query language, from tokens of letters and digits only: "word", "word"*, "several words". */
function fts5Match(tokens: SearchToken[]): string {
  return tokens
    .map((t) => (t.type === "phrase" ? `"${t.words.join(" ")}"` : t.type === "prefix" ? `"${t.word}"*` : `"${t.word}"`))
    .join(" AND ");
}

/**
 * Every match is read through the narrow covering index (its rows' bodies make reading the rows themselves slow):
 * ranking, filtering and counting touch only the index, and only the page's rows are read whole.
 */
function sqliteEngine(): SearchEngine {
  const matching = (tokens: SearchToken[], where: Prisma.Sql) =>
    Prisma.sql`FROM "SearchEntryFts" JOIN "SearchEntry" e INDEXED BY "SearchEntry_search_covering_idx"
      ON e."id" = "SearchEntryFts".rowid WHERE "SearchEntryFts" MATCH ${fts5Match(tokens)} AND ${where}`;
  return {
    ranked: (tokens, where, sort, limit, offset) => {
      const [key, direction] =
        sort === "recent"
          ? [Prisma.sql`e."occurredAt"`, Prisma.sql`DESC`]
          : [Prisma.sql`bm25("SearchEntryFts", 8.0, 1.0)`, Prisma.sql`ASC`];
      return readQuery<RankedRow[]>(Prisma.sql`SELECT ${ENTRY_COLUMNS}
        FROM (SELECT e."id", ${key} AS "sortKey" ${matching(tokens, where)}
          ORDER BY "sortKey" ${direction}, e."id" LIMIT ${limit} OFFSET ${offset}) page
        JOIN "SearchEntry" e ON e."id" = page."id" ORDER BY page."sortKey" ${direction}, page."id"`);
    },
    facets: (tokens, where, partnershipId) =>
      readQuery<FacetRow[]>(
        facetValuesOf(
          Prisma.sql`SELECT e."facetSetId", COUNT(*) AS "count" ${matching(tokens, where)} GROUP BY e."facetSetId"`,
          partnershipId,
        ),
      ),
    count: async (tokens, where) => {
      const [row] = await readQuery<{ count: number | bigint }[]>(
        Prisma.sql`SELECT COUNT(*) AS "count" ${matching(tokens, where)}`,
      );
      return Number(row?.count ?? 0);
    },
    snippets: async (tokens, ids) => {
      if (ids.length === 0) return new Map();
      // "+rowid": one pass over the matches, rather than the query run again for each id (slow for a prefix).
      const rows = await readQuery<{ id: number | bigint; snippet: string }[]>(Prisma.sql`
        SELECT rowid AS "id", snippet("SearchEntryFts", 1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 24) AS "snippet"
        FROM "SearchEntryFts" WHERE "SearchEntryFts" MATCH ${fts5Match(tokens)} AND +rowid IN (${Prisma.join(ids)})`);
      return new Map(rows.map((r) => [Number(r.id), r.snippet]));
    },
    // Prisma's SQLite DateTime text (the better-sqlite3 adapter's iso8601 format).
    timestamp: (date) => date.toISOString().replace("Z", "+00:00"),
  };
}

/** A tsquery from tokens, each through the function that reads it as plain words (never as tsquery syntax). */
function tsQuery(tokens: SearchToken[]): Prisma.Sql {
  const parts = tokens.map((t) =>
    t.type === "phrase"
      ? Prisma.sql`phraseto_tsquery('english', ${t.words.join(" ")})`
      : t.type === "prefix"
        ? Prisma.sql`to_tsquery('english', ${`${t.word}:*`})`
        : Prisma.sql`plainto_tsquery('english', ${t.word})`,
  );
  return Prisma.join(parts, " && ");
}

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

function postgresEngine(): SearchEngine {
  const matching = (tokens: SearchToken[], where: Prisma.Sql) =>
    Prisma.sql`FROM "SearchEntry" e, (SELECT ${tsQuery(tokens)} AS query) q
      WHERE e."searchVector" @@ q.query AND ${where}`;
  return {
    ranked: (tokens, where, sort, limit, offset) =>
      readQuery<RankedRow[]>(Prisma.sql`SELECT ${ENTRY_COLUMNS} ${matching(tokens, where)}
        ORDER BY ${sort === "recent" ? Prisma.sql`e."occurredAt" DESC` : Prisma.sql`ts_rank(e."searchVector", q.query) DESC`}, e."id"
        LIMIT ${limit} OFFSET ${offset}`),
    facets: (tokens, where, partnershipId) =>
      readQuery<FacetRow[]>(
        facetValuesOf(
          Prisma.sql`SELECT e."facetSetId", COUNT(*)::int AS "count" ${matching(tokens, where)} GROUP BY e."facetSetId"`,
          partnershipId,
        ),
      ),
    count: async (tokens, where) => {
      const [row] = await readQuery<{ count: number }[]>(
        Prisma.sql`SELECT COUNT(*)::int AS "count" ${matching(tokens, where)}`,
      );
      return Number(row?.count ?? 0);
    },
    snippets: async (tokens, ids) => {
      if (ids.length === 0) return new Map();
      const rows = await readQuery<{ id: number; snippet: string }[]>(Prisma.sql`
        SELECT e."id", ts_headline('english', e."body", q.query, ${HEADLINE_OPTIONS}) AS "snippet"
        FROM "SearchEntry" e, (SELECT ${tsQuery(tokens)} AS query) q WHERE e."id" IN (${Prisma.join(ids)})`);
      return new Map(rows.map((r) => [Number(r.id), r.snippet]));
    },
    timestamp: (date) => date,
  };
}

/** The engine of the database db() is connected to. */
export function searchEngine(): SearchEngine {
  return currentProvider() === "postgresql" ? postgresEngine() : sqliteEngine();
}
