// The facets of a search as one GET form: each a select of the values found (with their counts), the date range and
// the sort; choosing and applying puts them in the URL, so a search can be shared and the back button works. On a
// phone the form would push the results a screen down: it folds into a disclosure there, closed once the page's
// script runs (open without it, and always open on a wider screen, where its summary is hidden).
import { Form, Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { SearchFacets, SearchRequest } from "~/lib/forms/search";

const FACETS = [
  { key: "kind", param: "type", label: "Type", all: "All types", filter: "kind" },
  { key: "institution", param: "institution", label: "Institution", all: "All institutions", filter: "institutionId" },
  { key: "course", param: "course", label: "Course", all: "All courses", filter: "courseId" },
  { key: "keyStage", param: "keyStage", label: "Key stage", all: "All key stages", filter: "keyStage" },
  { key: "need", param: "need", label: "Area of need", all: "All areas of need", filter: "need" },
  { key: "tag", param: "tag", label: "Strategy tag", all: "All tags", filter: "tag" },
  { key: "status", param: "status", label: "Status", all: "Any status", filter: "status" },
] as const;

/** Where the facets fold away: the width at which app.css lays pages out for a phone. */
const PHONE = "(max-width: 40rem)";

export function SearchFacetsForm({
  search,
  facets,
  busy,
}: {
  search: SearchRequest;
  facets: SearchFacets | null;
  busy: boolean;
}) {
  const [open, setOpen] = useState(true);
  useEffect(() => {
    if (window.matchMedia(PHONE).matches) setOpen(false);
  }, []);
  const applied =
    FACETS.filter((f) => search.filters[f.filter]).length + (search.filters.from || search.filters.to ? 1 : 0);
  return (
    <details className="search-facets" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Filters and sort{applied > 0 ? ` (${applied} applied)` : ""}</summary>
      <Form method="get" action="/search" className="filters search-filters" aria-label="Narrow the search">
        <input type="hidden" name="q" value={search.q} />
        {FACETS.map(({ key, param, label, all, filter }) => {
          const chosen = search.filters[filter] ?? "";
          const values = facets?.[key] ?? [];
          if (values.length === 0 && !chosen) return null;
          return (
            <div className="field" key={key}>
              <label htmlFor={`search-${param}`}>{label}</label>
              <select id={`search-${param}`} name={param} defaultValue={chosen}>
                <option value="">{all}</option>
                {values.map((v) => (
                  <option key={v.value} value={v.value}>
                    {v.label} ({v.count})
                  </option>
                ))}
                {chosen && !values.some((v) => v.value === chosen) ? (
                  <option value={chosen}>{chosen} (0)</option>
                ) : null}
              </select>
            </div>
          );
        })}
        <div className="field">
          <label htmlFor="search-from">From</label>
          <input id="search-from" type="date" name="from" defaultValue={search.filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="search-to">To</label>
          <input id="search-to" type="date" name="to" defaultValue={search.filters.to ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="search-sort">Sort by</label>
          <select id="search-sort" name="sort" defaultValue={search.sort}>
            <option value="relevance">Best match</option>
            <option value="recent">Newest first</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {busy ? "Searching…" : "Apply filters"}
        </button>
        <Link to={`/search?q=${encodeURIComponent(search.q)}`}>Clear filters</Link>
      </Form>
    </details>
  );
}
