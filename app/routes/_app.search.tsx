// Search everything a member may open: lesson plans, strategies, courses and units, minutes, decisions and actions,
// shared documents and resources. The query, facets, sort and page live in the URL; the header's quick search reads
// the first few hits from this loader too (?quick=1).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Highlighted } from "~/components/search/highlighted";
import { SearchFacetsForm } from "~/components/search/search-facets";
import { formatDate } from "~/lib/format";
import { parseSearchRequest, SEARCH_KINDS } from "~/lib/forms/search";
import { searchEverything } from "~/models/search/search.server";
import { ensure, requireActor } from "~/policies/enforce.server";
import { canSearch } from "~/policies/search";

export const meta: MetaFunction = () => [{ title: "Search · Staffroom" }];

/** How many hits the header's quick search lists. */
const QUICK_HITS = 6;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canSearch(actor));
  const params = new URL(request.url).searchParams;
  const search = parseSearchRequest(params);
  if (!search.q) return { search, outcome: null };
  // The quick search shows a few hits and how many there are: no facets to count.
  const quick = params.get("quick") === "1";
  const outcome = await searchEverything(actor, search, quick ? { pageSize: QUICK_HITS, facets: false } : {});
  return { search, outcome };
}

function pageLink(location: { search: string }, page: number): string {
  const params = new URLSearchParams(location.search);
  params.set("page", String(page));
  return `/search?${params}`;
}

export default function SearchPage() {
  const { search, outcome } = useLoaderData<typeof loader>();
  const location = useLocation();
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location.pathname === "/search";
  const page = outcome?.ok ? Math.min(search.page, outcome.pageCount) : 1;
  return (
    <>
      <h1>Search</h1>
      <Form method="get" action="/search" role="search" aria-label="Search everything" className="filters">
        <div className="field search-page__query">
          <label htmlFor="search-page-q">Search plans, strategies, courses, minutes and documents</label>
          <input id="search-page-q" type="search" name="q" defaultValue={search.q} maxLength={300} />
          <p className="hint">
            Put words in quotes for a phrase (&quot;wait time&quot;); end a word with * for words it starts (differen*).
          </p>
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </Form>
      {outcome?.ok ? <SearchFacetsForm search={search} facets={outcome.facets} busy={busy} /> : null}
      <p role="status" aria-live="polite" className="search-status">
        {busy
          ? "Searching…"
          : !outcome
            ? "Type what you are looking for."
            : !outcome.ok
              ? outcome.message
              : `${outcome.total} ${outcome.total === 1 ? "result" : "results"}`}
      </p>
      {outcome?.ok && outcome.total === 0 ? (
        <div className="card">
          <p>Nothing you can open matches. Try fewer words, another spelling, or a word with * at its end.</p>
        </div>
      ) : null}
      {outcome?.ok && outcome.hits.length > 0 ? (
        <ol className="search-results" aria-busy={busy}>
          {outcome.hits.map((hit) => (
            <li key={`${hit.kind}-${hit.href}-${hit.title}`} className="card search-result">
              <p className="search-result__kind muted">
                {SEARCH_KINDS[hit.kind]} · {formatDate(hit.occurredAt)}
              </p>
              <h2 className="search-result__title">
                <Link to={hit.href}>{hit.title}</Link>
              </h2>
              {hit.snippet ? (
                <p className="search-result__snippet">
                  <Highlighted text={hit.snippet} />
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {outcome?.ok && outcome.pageCount > 1 ? (
        <nav className="pagination" aria-label="Result pages">
          {page > 1 ? <Link to={pageLink(location, page - 1)}>Previous page</Link> : null}
          <span>
            Page {page} of {outcome.pageCount}
          </span>
          {page < outcome.pageCount ? <Link to={pageLink(location, page + 1)}>Next page</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
