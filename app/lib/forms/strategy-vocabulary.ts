// The strategy library's words and browse filters: tag kinds, sorts, rating labels and the browse URL. No zod here,
// so a page shows them without loading the schemas (strategies.ts holds those; decision 029).
import { KEY_STAGES, LESSON_PHASES, NEED_AREAS, SUBJECTS } from "../co-planning";
import { pageFromQuery } from "../pagination";

/** The kinds of StrategyTag, each with its vocabulary and the words the pages use. */
export const STRATEGY_TAG_KINDS = {
  need: { vocabulary: NEED_AREAS, label: "Needs", filterLabel: "Need area", all: "All needs", field: "needs" },
  subject: { vocabulary: SUBJECTS, label: "Subjects", filterLabel: "Subject", all: "All subjects", field: "subjects" },
  key_stage: {
    vocabulary: KEY_STAGES,
    label: "Key stages",
    filterLabel: "Key stage",
    all: "All key stages",
    field: "keyStages",
  },
  phase: {
    vocabulary: LESSON_PHASES,
    label: "Lesson phases",
    filterLabel: "Lesson phase",
    all: "All phases",
    field: "phases",
  },
} as const;
export type StrategyTagKind = keyof typeof STRATEGY_TAG_KINDS;
export const STRATEGY_TAG_KIND_LIST = Object.keys(STRATEGY_TAG_KINDS) as StrategyTagKind[];

/** Tags grouped by kind, as codes (unknown kinds and values dropped). */
export function groupTags(tags: readonly { kind: string; value: string }[]): Record<StrategyTagKind, string[]> {
  const grouped = { need: [], subject: [], key_stage: [], phase: [] } as Record<StrategyTagKind, string[]>;
  for (const tag of tags) {
    const kind = STRATEGY_TAG_KINDS[tag.kind as StrategyTagKind];
    if (kind && kind.vocabulary.is(tag.value)) grouped[tag.kind as StrategyTagKind].push(tag.value);
  }
  return grouped;
}

export const STRATEGY_SORTS = ["newest", "rating", "used", "title"] as const;
export type StrategySort = (typeof STRATEGY_SORTS)[number];
export const STRATEGY_SORT_LABELS: Record<StrategySort, string> = {
  newest: "Newest first",
  rating: "Highest rated",
  used: "Most used in lesson plans",
  title: "Title A to Z",
};

export const RATING_LABELS: Record<number, string> = {
  1: "1 – small impact",
  2: "2",
  3: "3 – some impact",
  4: "4",
  5: "5 – significant impact",
};

/** The browse page's URL: filters, search, sort and page, tolerant of anything odd (ignored, not an error). */
export interface StrategyFilters {
  q: string;
  need: string;
  subject: string;
  keyStage: string;
  phase: string;
  sort: StrategySort;
  page: number;
}

export function parseStrategyFilters(params: URLSearchParams): StrategyFilters {
  const pick = (name: string, is: (v: unknown) => boolean) => {
    const value = params.get(name) ?? "";
    return is(value) ? value : "";
  };
  const sort = params.get("sort") ?? "";
  return {
    q: (params.get("q") ?? "").trim().slice(0, 100),
    need: pick("need", NEED_AREAS.is),
    subject: pick("subject", SUBJECTS.is),
    keyStage: pick("keyStage", KEY_STAGES.is),
    phase: pick("phase", LESSON_PHASES.is),
    sort: (STRATEGY_SORTS as readonly string[]).includes(sort) ? (sort as StrategySort) : "newest",
    page: pageFromQuery(params),
  };
}

/** The query string for a set of filters, leaving out defaults so URLs stay short. */
export function strategyFiltersQuery(filters: StrategyFilters, overrides: Partial<StrategyFilters> = {}): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.need) params.set("need", merged.need);
  if (merged.subject) params.set("subject", merged.subject);
  if (merged.keyStage) params.set("keyStage", merged.keyStage);
  if (merged.phase) params.set("phase", merged.phase);
  if (merged.sort !== "newest") params.set("sort", merged.sort);
  if (merged.page > 1) params.set("page", String(merged.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
