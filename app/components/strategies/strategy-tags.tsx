// How a strategy's tags and ratings read on the library's pages, apart from the form (strategy-form.tsx) so a page
// that only shows them does not load the form's code (decision 029).
import { STRATEGY_TAG_KINDS } from "~/lib/forms/strategy-vocabulary";

/** Tags as labelled badges, one list per kind that has any. */
export function StrategyTagList({
  tags,
  compact = false,
}: {
  tags: Record<keyof typeof STRATEGY_TAG_KINDS, string[]>;
  compact?: boolean;
}) {
  // In a list of strategies, the needs and lesson phases: what a teacher scans for; the page shows every tag.
  const kinds = (Object.keys(STRATEGY_TAG_KINDS) as Array<keyof typeof STRATEGY_TAG_KINDS>).filter(
    (kind) => tags[kind].length > 0 && (!compact || kind === "need" || kind === "phase"),
  );
  if (kinds.length === 0) return compact ? null : <p className="muted">No tags yet.</p>;
  return (
    <dl className={`strategy-tags${compact ? " strategy-tags--compact" : ""}`}>
      {kinds.map((kind) => (
        <div key={kind} className="strategy-tags__row">
          <dt>{STRATEGY_TAG_KINDS[kind].label}</dt>
          <dd>
            <ul className="tag-list">
              {tags[kind].map((code) => (
                <li key={code} className="badge">
                  {STRATEGY_TAG_KINDS[kind].vocabulary.label(code)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** "4.3 out of 5 from 6 ratings", or that nobody has rated it. */
export function ratingSummary(rating: { average: number; count: number }): string {
  if (rating.count === 0) return "Not rated yet";
  return `${rating.average.toFixed(1)} out of 5 from ${rating.count} ${rating.count === 1 ? "rating" : "ratings"}`;
}
