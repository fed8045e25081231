// The headteachers' ranking of 22 school-improvement strategies by impact, from the personalised-learning study the
// partnership's research drew on (as recorded in the project's domain notes, "Differentiation strategies"):
// 1 = most effective, ties share a rank. Constant data: it is a published result, not the partnership's own.
export const HEADS_RANKING_SOURCE =
  "Headteachers' ratings of strategies by impact, personalised-learning study (overall ranking, 1 = most effective)";

export const HEADS_STRATEGY_RANKING: ReadonlyArray<{ strategy: string; rank: number }> = [
  { strategy: "Student tracking", rank: 1 },
  { strategy: "Use of data", rank: 2 },
  { strategy: "Curriculum innovation", rank: 3 },
  { strategy: "Target-setting", rank: 3 },
  { strategy: "Focus on teaching and learning", rank: 4 },
  { strategy: "Assessment for learning", rank: 5 },
  { strategy: "Pre-examination interventions", rank: 5 },
  { strategy: "Differentiation", rank: 6 },
  { strategy: "Out-of-class study support", rank: 6 },
  { strategy: "Student mentoring", rank: 7 },
  { strategy: "Student voice", rank: 8 },
  { strategy: "Use of rewards", rank: 8 },
  { strategy: "Targeting attendance", rank: 8 },
  { strategy: "Review days", rank: 9 },
  { strategy: "Teaching learning skills", rank: 10 },
  { strategy: "Engagement with parents", rank: 11 },
  { strategy: "Focus on literacy/numeracy", rank: 12 },
  { strategy: "Embedding personal learning and thinking skills", rank: 12 },
  { strategy: "Learning dialogues", rank: 13 },
  { strategy: "New technologies", rank: 14 },
  { strategy: "Self and peer assessment", rank: 14 },
  { strategy: "Summer schools", rank: 15 },
];

// Plain lower-casing: English has no locale-specific case rules, and the locale-aware form cost the strategies
// dashboard a tenth of a second at 600 strategies (bench:pages).
const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, " ")
    .trim();

const NORMALISED_STUDY = HEADS_STRATEGY_RANKING.map((s) => ({
  strategy: s.strategy,
  words: ` ${normalise(s.strategy)} `,
}));

/** The study strategies a partnership strategy's title names ("Student tracking and target-setting" names two). */
export function studyStrategiesNamedBy(title: string): Set<string> {
  const words = ` ${normalise(title)} `;
  return new Set(NORMALISED_STUDY.filter((s) => words.includes(s.words)).map((s) => s.strategy));
}

/**
 * A word (lower case) of each study strategy that a title naming it contains: its longest. A title without any of
 * them, in ASCII, names none, so the strategies dashboard reads out only the titles that may (`studyStrategiesNamedBy`
 * decides).
 */
export const STUDY_STRATEGY_KEYWORDS = [
  ...new Set(
    NORMALISED_STUDY.map((s) =>
      s.words
        .trim()
        .split(" ")
        .reduce((a, b) => (b.length > a.length ? b : a)),
    ),
  ),
];
