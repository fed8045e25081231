// What a search asks for, read from the /search URL: the words (parsed into terms, "phrases" and prefix* words, so no
// engine ever sees the user's text as query syntax), the facets, the sort and the page.
import { KEY_STAGES, LESSON_STATUSES, NEED_AREAS } from "../co-planning";
import { pageFromQuery } from "../pagination";

export const SEARCH_KINDS = {
  plan: "Lesson plans",
  strategy: "Strategies",
  course: "Courses",
  unit: "Units",
  minutes: "Meeting minutes",
  decision: "Decisions",
  action: "Actions",
  document: "Shared documents",
  resource: "Resources",
} as const;
export type SearchKind = keyof typeof SEARCH_KINDS;
const isSearchKind = (value: unknown): value is SearchKind =>
  typeof value === "string" && Object.hasOwn(SEARCH_KINDS, value);

/** Private-use characters around a highlighted word in a snippet: never in indexed text, rendered as <mark>. */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_END = "\uE001";

/** Longer than anyone types; anything past it is pasted by accident (or by a script) and refused with a message. */
const MAX_QUERY_LENGTH = 300;
const MAX_TOKENS = 12;
/** Words shorter than this as a prefix (a*) would match half the index. */
const MIN_PREFIX_LENGTH = 2;

export type SearchToken =
  { type: "term"; word: string } | { type: "prefix"; word: string } | { type: "phrase"; words: string[] };

export type ParsedQuery = { ok: true; tokens: SearchToken[] } | { ok: false; message: string };

/** Letters and digits of any script; everything else (quotes, stars, brackets, emoji, operators) separates words. */
const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return (text.normalize("NFKC").match(WORD) ?? []).map((w) => w.toLowerCase());
}

/**
 * Reads what someone typed: "quoted words" are a phrase (an unbalanced quote runs to the end), a word ending in *
 * is a prefix, every other word must appear. Only words reach the engines, never the text itself.
 */
export function parseSearchQuery(raw: string): ParsedQuery {
  if (raw.length > MAX_QUERY_LENGTH)
    return { ok: false, message: `Search for up to ${MAX_QUERY_LENGTH} characters: try a few distinctive words.` };
  const tokens: SearchToken[] = [];
  const parts = raw.split('"');
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      const words = wordsOf(part);
      const [first] = words;
      if (words.length > 1) tokens.push({ type: "phrase", words });
      else if (first) tokens.push({ type: "term", word: first });
      return;
    }
    for (const match of part.normalize("NFKC").matchAll(/([\p{L}\p{N}]+)(\*?)/gu)) {
      const word = (match[1] ?? "").toLowerCase();
      tokens.push(match[2] && word.length >= MIN_PREFIX_LENGTH ? { type: "prefix", word } : { type: "term", word });
    }
  });
  if (tokens.length === 0) return { ok: false, message: "Type a word to search for." };
  if (tokens.length > MAX_TOKENS)
    return { ok: false, message: `Search for up to ${MAX_TOKENS} words or phrases at a time.` };
  return { ok: true, tokens };
}

export type SearchSort = "relevance" | "recent";

export interface SearchFilters {
  kind: SearchKind | null;
  institutionId: string | null;
  courseId: string | null;
  keyStage: string | null;
  need: string | null;
  tag: string | null;
  status: string | null;
  /** Inclusive days, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
}

export interface SearchRequest {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TAG = /^(subject|phase):[a-z0-9_]{1,40}$/;

/** Lenient like every list's URL: a value that is not one of ours is ignored, not an error. */
export function parseSearchRequest(params: URLSearchParams): SearchRequest {
  const pick = (name: string, valid: (value: string) => boolean) => {
    const value = params.get(name) ?? "";
    return value && valid(value) ? value : null;
  };
  const kind = params.get("type");
  const sort = params.get("sort");
  return {
    q: (params.get("q") ?? "").trim(),
    filters: {
      kind: isSearchKind(kind) ? kind : null,
      institutionId: pick("institution", (v) => ID.test(v)),
      courseId: pick("course", (v) => ID.test(v)),
      keyStage: pick("keyStage", KEY_STAGES.is),
      need: pick("need", NEED_AREAS.is),
      tag: pick("tag", (v) => TAG.test(v)),
      status: pick("status", (v) => LESSON_STATUSES.is(v) || MEETING_LIKE_STATUSES.has(v)),
      from: pick("from", (v) => DAY.test(v) && !Number.isNaN(Date.parse(v))),
      to: pick("to", (v) => DAY.test(v) && !Number.isNaN(Date.parse(v))),
    },
    sort: sort === "recent" ? "recent" : "relevance",
    page: pageFromQuery(params),
  };
}

/** Statuses of minutes and actions, besides a lesson plan's. */
const MEETING_LIKE_STATUSES = new Set(["submitted", "approved", "revising", "open", "done", "dropped"]);

export interface SearchHit {
  kind: SearchKind;
  title: string;
  /** Plain text with HIGHLIGHT_START/END around matched words (rendered as <mark>, never as HTML). */
  snippet: string;
  href: string;
  occurredAt: string;
}

interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export type SearchFacets = Record<
  "kind" | "institution" | "course" | "keyStage" | "need" | "tag" | "status",
  FacetValue[]
>;

export type SearchOutcome =
  | { ok: true; hits: SearchHit[]; total: number; facets: SearchFacets; pageCount: number }
  | { ok: false; message: string };
