// The strategy library: browse, search and filter by need, subject, key stage
// and lesson phase, sorted as chosen; every choice lives in the URL.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { StrategyTagList, ratingSummary } from "~/components/strategies/strategy-tags";
import {
  STRATEGY_SORTS,
  STRATEGY_SORT_LABELS,
  STRATEGY_TAG_KINDS,
  parseStrategyFilters,
  strategyFiltersQuery,
  type StrategyFilters,
} from "~/lib/forms/strategy-vocabulary";
import { listStrategies } from "~/models/strategy-search.server";
import { ensure, requireActor } from "~/policies/enforce.server";
import { canBrowseStrategies, canShareStrategy } from "~/policies/strategy";

export const meta: MetaFunction = () => [{ title: "Strategies · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canBrowseStrategies(actor));
  const filters = parseStrategyFilters(new URL(request.url).searchParams);
  const result = await listStrategies(actor, filters);
  return { ...result, filters: { ...filters, page: result.page }, canShare: canShareStrategy(actor) };
}

const FILTER_SELECTS = [
  { name: "need", kind: "need" },
  { name: "subject", kind: "subject" },
  { name: "keyStage", kind: "key_stage" },
  { name: "phase", kind: "phase" },
] as const;

function isFiltered(filters: StrategyFilters): boolean {
  return Boolean(filters.q || filters.need || filters.subject || filters.keyStage || filters.phase);
}

/** The matches as a CSV download, filtered as the page is (every page of them). */
function CsvLink({ filters, filtered }: { filters: StrategyFilters; filtered: boolean }) {
  return (
    <p>
      <a href={`/strategies.csv${strategyFiltersQuery({ ...filters, page: 1 })}`} download>
        Download {filtered ? "these strategies" : "the library"} as CSV
      </a>
    </p>
  );
}

export default function StrategiesPage() {
  const { strategies, total, page, pageCount, filters, canShare } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/strategies";
  const filtered = isFiltered(filters);
  return (
    <>
      <h1>Strategies</h1>
      <p className="page-intro">
        Differentiation strategies colleagues across the partnership have tried, with what they suit and how much
        difference they made.
      </p>
      {canShare ? (
        <p>
          <Link className="button" to="/strategies/new">
            Share a strategy
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters" role="search" aria-label="Filter strategies">
        <div className="field">
          <label htmlFor="strategy-search">Search titles and summaries</label>
          <input id="strategy-search" type="search" name="q" defaultValue={filters.q} />
        </div>
        {FILTER_SELECTS.map(({ name, kind }) => (
          <div className="field" key={name}>
            <label htmlFor={`filter-${name}`}>{STRATEGY_TAG_KINDS[kind].filterLabel}</label>
            <select id={`filter-${name}`} name={name} defaultValue={filters[name]}>
              <option value="">{STRATEGY_TAG_KINDS[kind].all}</option>
              {STRATEGY_TAG_KINDS[kind].vocabulary.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="filter-sort">Sort by</label>
          <select id="filter-sort" name="sort" defaultValue={filters.sort}>
            {STRATEGY_SORTS.map((s) => (
              <option key={s} value={s}>
                {STRATEGY_SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {loading ? "Filtering…" : "Show strategies"}
        </button>
        {filtered ? (
          <Link
            to={
              strategyFiltersQuery({ ...filters, q: "", need: "", subject: "", keyStage: "", phase: "", page: 1 }) ||
              "/strategies"
            }
          >
            Clear filters
          </Link>
        ) : null}
      </Form>
      <CsvLink filters={filters} filtered={filtered} />
      <p role="status" aria-live="polite">
        {loading
          ? "Loading…"
          : `${total} ${total === 1 ? "strategy" : "strategies"}${filtered ? " match these filters" : ""}`}
      </p>
      {strategies.length === 0 ? (
        <div className="card">
          {filtered ? (
            <p>
              No strategy matches these filters. Try fewer filters or a shorter search, or{" "}
              <Link to="/strategies">see the whole library</Link>.
            </p>
          ) : canShare ? (
            <p>
              The library is empty. <Link to="/strategies/new">Share a strategy</Link> that worked in one of your
              lessons, so colleagues can reuse it.
            </p>
          ) : (
            <p>
              The library is empty. Teachers, LSAs and the coordinator can share strategies; come back when they have.
            </p>
          )}
        </div>
      ) : (
        <ul className="strategy-list">
          {strategies.map((s) => (
            <li key={s.id} className="card strategy-card">
              <h2 className="strategy-card__title">
                <Link to={`/strategies/${s.id}`}>{s.title}</Link>
              </h2>
              <p>{s.summary}</p>
              <StrategyTagList tags={s.tags} compact />
              <p className="muted strategy-card__meta">
                {ratingSummary(s.rating)} · Used in {s.usedInPlans}{" "}
                {s.usedInPlans === 1 ? "lesson plan" : "lesson plans"}
                {s.institutionName ? ` · Shared from ${s.institutionName}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav className="pagination" aria-label="Strategy pages">
          {page > 1 ? (
            <Link to={strategyFiltersQuery(filters, { page: page - 1 }) || "/strategies"}>Previous page</Link>
          ) : null}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? <Link to={strategyFiltersQuery(filters, { page: page + 1 })}>Next page</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
